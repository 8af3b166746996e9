"""SQLite failures the operator can act on (disk full, database in use) are plain messages,
and the operation they cut off leaves nothing behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from db_helpers import counts, later_exports
from sqlalchemy import event

from operator_app.core.errors import DatabaseError
from operator_app.store.workspace import Workspace


def _with_pragma(ws: Workspace, pragma: str) -> None:
    """Every new connection of `ws` also runs `pragma` (after the app's own)."""
    ws.engine.dispose()
    event.listen(ws.engine, "connect", lambda c, _r: c.execute(pragma))


def test_disk_full_during_import_is_a_message_and_changes_nothing(
    tmp_path: Path, kabupaten: Any
) -> None:
    kab, files = kabupaten
    ws = Workspace(tmp_path / "penuh.sqlite3")
    ws.import_files(list(files.all))
    ws.run_checks()
    before = counts(ws.path)
    con = sqlite3.connect(ws.path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    _with_pragma(ws, f"PRAGMA max_page_count={pages + 2}")  # the disk fills up almost at once
    with pytest.raises(DatabaseError, match="Disk penuh") as err:
        ws.import_files(later_exports(kab, tmp_path / "baru", 1, n_schools=3))
    assert str(ws.path) in err.value.message
    ws.close()
    assert counts(ws.path) == before
    con = sqlite3.connect(ws.path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_database_in_use_by_another_program_is_a_message(tmp_path: Path, kabupaten: Any) -> None:
    kab, files = kabupaten
    ws = Workspace(tmp_path / "dipakai.sqlite3")
    ws.import_files(list(files.all))
    _with_pragma(ws, "PRAGMA busy_timeout=200")
    holder = sqlite3.connect(ws.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another window is in the middle of writing
    try:
        with pytest.raises(DatabaseError, match="sedang dipakai program lain"):
            ws.import_files(later_exports(kab, tmp_path / "baru", 1))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    ws.import_files(later_exports(kab, tmp_path / "baru2", 2))  # fine once the other is done
    ws.close()


def test_unexpected_sqlite_errors_stay_bugs(tmp_path: Path) -> None:
    """Only known conditions become messages; a syntax error is a bug, not hidden."""
    ws = Workspace(tmp_path / "x.sqlite3")
    with pytest.raises(Exception) as err, ws.engine.connect() as conn:
        conn.exec_driver_sql("SELEC 1")
    assert not isinstance(err.value, DatabaseError)
    ws.close()
