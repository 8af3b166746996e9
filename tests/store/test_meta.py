"""app_meta helpers and the demo flag: a renamed demo database is still the demo."""

from __future__ import annotations

import shutil
from pathlib import Path

from operator_app.demo import build_demo_db
from operator_app.store.meta import get_meta, is_demo, mark_demo, set_meta
from operator_app.store.workspace import Workspace


def test_set_meta_inserts_then_replaces(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "sekolah.sqlite3")
    try:
        with ws.engine.begin() as conn:
            assert get_meta(conn, "catatan") is None
            set_meta(conn, "catatan", "satu")
            set_meta(conn, "catatan", "dua")
        with ws.engine.connect() as conn:
            assert get_meta(conn, "catatan") == "dua"
            assert get_meta(conn, "db_id")  # the store's own key is untouched
    finally:
        ws.close()


def test_an_operators_database_is_not_the_demo(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "operator-app-DATA-CONTOH.sqlite3")  # the name decides nothing
    try:
        assert not ws.is_demo()
        mark_demo(ws.engine)
        assert ws.is_demo() and is_demo(ws.engine)
    finally:
        ws.close()


def test_renamed_demo_database_is_still_the_demo(tmp_path: Path) -> None:
    built = build_demo_db(tmp_path / "contoh.sqlite3")
    assert "DATA-CONTOH" in built.name  # built beside, never over, a file without the mark
    renamed = shutil.move(built, tmp_path / "data-sekolah.sqlite3")
    ws = Workspace(Path(renamed))
    try:
        assert ws.is_demo()
        assert ws.person_rows()
    finally:
        ws.close()
