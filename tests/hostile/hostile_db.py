"""Helpers of the hostile suite: a seeded database, its fingerprint, and what a refusal must say."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

from operator_app.core.errors import UserError

# Words that only an Indonesian sentence has; every refusal must use at least one.
_INDONESIAN = re.compile(
    r"\b(tidak|bukan|rusak|ditolak|kosong|dilindungi|adalah|terlalu|melebihi|berisi|folder|"
    r"unduh|ulang|lembar|baris|kolom)\b",
    re.IGNORECASE,
)


def fingerprint(db: Path) -> tuple[dict[str, int], str]:
    """(rows per table, SHA-256 of the whole SQL dump): equal means unchanged in content."""
    con = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        digest = hashlib.sha256()
        for line in con.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return counts, digest.hexdigest()
    finally:
        con.close()


def copy_db(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        s = Path(str(src) + suffix)
        if s.exists():
            shutil.copyfile(s, Path(str(dst) + suffix))
    return dst


def assert_user_refusal(exc: BaseException, path: Path) -> None:
    """The app's user-error type, an Indonesian sentence, naming the file."""
    assert isinstance(exc, UserError), f"{type(exc).__name__}: {exc}"
    message = exc.message
    assert path.name in message, f"file name missing from: {message}"
    assert _INDONESIAN.search(message), f"not an Indonesian sentence: {message}"
    assert "Traceback" not in message
