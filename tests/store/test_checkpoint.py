"""An import's WAL checkpoint runs on a thread after its commit (store.checkpoint): the database
must hold everything at once for every reader, the pages must reach the database file, and the
connection must checkpoint automatically again afterwards, also after a refused import."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from builders import write_kabupaten

from operator_app.core.errors import BadFileError
from operator_app.store.workspace import Workspace


def _autocheckpoints(ws: Workspace) -> set[int]:
    """wal_autocheckpoint of every connection the pool holds (checked out one after another)."""
    conns = [ws.engine.connect() for _ in range(3)]
    try:
        return {int(c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()) for c in conns}
    finally:
        for c in conns:
            c.close()


def _checkpoint_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "wal-checkpoint"]


def test_an_import_reaches_the_database_file_after_its_commit(tmp_path: Path) -> None:
    _, files = write_kabupaten(tmp_path / "kab", n_schools=6, siasn_rows=400)
    db = tmp_path / "data.sqlite3"
    ws = Workspace(db)
    ws.import_files(list(files.all))
    with sqlite3.connect(db) as other:  # another reader sees the import at once
        n_ptk = other.execute("SELECT count(*) FROM ptk").fetchone()[0]
    assert n_ptk > 100
    ws.run_checks()
    ws.close()
    assert not _checkpoint_threads()  # close waited for it
    # everything is in the database file itself: a copy without the -wal file holds it all
    copy = tmp_path / "salinan.sqlite3"
    copy.write_bytes(db.read_bytes())
    with sqlite3.connect(copy) as c:
        assert c.execute("SELECT count(*) FROM ptk").fetchone()[0] == n_ptk
        assert c.execute("SELECT count(*) FROM siasn").fetchone()[0] == 400


def test_the_connection_checkpoints_by_itself_again_after_an_import(tmp_path: Path) -> None:
    _, files = write_kabupaten(tmp_path / "kab", n_schools=3, siasn_rows=100)
    ws = Workspace(tmp_path / "data.sqlite3")
    ws.import_files(list(files.all))
    assert _autocheckpoints(ws) == {1000}
    bad = tmp_path / "kosong.xlsx"
    bad.write_bytes(b"")
    with pytest.raises(BadFileError):
        ws.import_files([files.all[0], bad])
    cut = tmp_path / "siasn-tanpa-baris.csv"
    cut.write_text(files.all[-1].read_text(encoding="utf-8").splitlines()[0] + "\n")
    with pytest.raises(BadFileError):  # refused while writing, inside the transaction
        ws.import_files([cut])
    assert _autocheckpoints(ws) == {1000}
    ws.close()
