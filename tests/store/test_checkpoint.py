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


def _ptk_in_file_alone(db: Path, tmp_path: Path) -> int:
    """PTK rows in a copy of the database file without its -wal file (what is checkpointed)."""
    copy = tmp_path / "salinan.sqlite3"
    copy.write_bytes(db.read_bytes())
    con = sqlite3.connect(copy)
    try:
        return int(con.execute("SELECT count(*) FROM ptk").fetchone()[0])
    except sqlite3.OperationalError:  # not even the tables reached the file yet
        return 0
    finally:
        con.close()
        copy.unlink()


def test_an_import_reaches_the_database_file_after_its_commit(tmp_path: Path) -> None:
    _, files = write_kabupaten(tmp_path / "kab", n_schools=6, siasn_rows=400)
    db = tmp_path / "data.sqlite3"
    ws = Workspace(db)
    ws.import_files(list(files.all))
    other = sqlite3.connect(db)  # another reader sees the import at once
    n_ptk = other.execute("SELECT count(*) FROM ptk").fetchone()[0]
    other.close()
    assert n_ptk > 100
    ws._checkpoints.wait()  # the database is still open: its pages are in the file itself
    assert _ptk_in_file_alone(db, tmp_path) == n_ptk
    ws.close()
    assert not _checkpoint_threads()


def test_the_import_commit_itself_does_not_copy_the_pages_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the thread the pages stay in the -wal file: the commit left the copy to it."""
    from operator_app.store.checkpoint import Checkpointer

    monkeypatch.setattr(Checkpointer, "start", lambda self, path: None)
    _, files = write_kabupaten(tmp_path / "kab", n_schools=6, siasn_rows=400)
    db = tmp_path / "data.sqlite3"
    ws = Workspace(db)
    ws.import_files(list(files.all))
    assert _ptk_in_file_alone(db, tmp_path) == 0
    ws.close()  # the last connection's close checkpoints
    assert _ptk_in_file_alone(db, tmp_path) > 100


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
