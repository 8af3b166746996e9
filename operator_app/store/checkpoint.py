"""SQLite's WAL checkpoint after an import, on a thread instead of inside the import's commit.

In WAL mode a commit appends the changed pages to the -wal file, and the commit that takes the
file past 1,000 pages also copies them back into the database file (the automatic checkpoint).
After a kabupaten's import that copy is ~110 MB: 0.23 of the commit's 0.29 s here, more on a
school PC's disk, with the other core idle. So the import's own connection commits without it,
and a thread copies the pages back (PASSIVE: readers and writers go on; sqlite3 releases the GIL
while it works) while the check that follows reads. Nothing is at risk meanwhile: committed pages
in the -wal file are part of the database for every reader and survive a crash; a later commit,
or the last connection's close, checkpoints anyway when this thread could not finish.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection

log = logging.getLogger(__name__)
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default, restored after the import's commit


@contextlib.contextmanager
def no_checkpoint_in_commit(conn: Connection) -> Iterator[None]:
    """The commits on this (SQLite) connection inside the block leave the pages in the -wal file.
    Set on the driver's connection: SQLAlchemy would begin a transaction for a PRAGMA."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA wal_autocheckpoint=0")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")


class Checkpointer:
    """One background checkpoint at a time per database; `wait` before the database closes."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self, path: Path) -> None:
        self.wait()
        # not a daemon (a thread started from Qt's pool would inherit that): an exit waits for
        # the copy instead of cutting it off (safe either way, but then the next start does it)
        self._thread = threading.Thread(
            target=_checkpoint, args=(path,), name="wal-checkpoint", daemon=False
        )
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _checkpoint(path: Path) -> None:
    try:
        con = sqlite3.connect(path, timeout=5)
        try:
            con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:  # the next commit or the close checkpoints instead
        log.warning("checkpoint setelah impor tidak selesai: %s", exc)
