"""Database helpers shared by the reliability tests: newer exports, damage, counts."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from operator_app.samples.writers import write_dapodik_xlsx


def later_exports(kab: Any, folder: Path, minute: int, n_schools: int = 1) -> list[Path]:
    """The first schools' guru exports downloaded `minute` minutes later: new files (new hash)
    with the same people, each becoming its school's current data when imported."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for s in kab.schools[:n_schools]:
        later = dataclasses.replace(s, downloaded_at=s.downloaded_at + timedelta(minutes=minute))
        out.append(
            write_dapodik_xlsx(folder / later.file_name("guru"), later, later.rows("guru"), "guru")
        )
    return out


def corrupt(db: Path) -> None:
    """Overwrite pages in the middle of the file (header intact: still 'an SQLite file')."""
    size = db.stat().st_size
    assert size >= 16 * 4096, f"{db} is too small to damage in the middle ({size} bytes)"
    with open(db, "r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(b"\xde\xad\xbe\xef" * 4096)


def counts(
    db: Path, tables: tuple[str, ...] = ("import_batch", "ptk", "finding_state")
) -> tuple[int, ...]:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)
    finally:
        con.close()
