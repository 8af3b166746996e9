"""Backups, the start-up integrity check, and recovery from a damaged database (no Qt).

Backups are consistent copies made through SQLite's backup API into `backups/` next to the
database, written under a temporary name and renamed, so a power cut never leaves a half copy
that looks like a backup. A damaged database is never deleted: it is moved into `rusak/` with
its -wal/-shm files, and the operator is offered the latest backup that passes its own check.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from operator_app.core.errors import DatabaseError

BACKUPS_KEPT = 5  # at most this many before-import copies of one database (newest first)
DEFAULT_BUDGET_MB = 500  # all copies together; settable (operator-app db backup-budget MB)
SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str  # sebelum-impor | sebelum-migrasi | sebelum-pulih | manual
    size: int

    def label(self) -> str:
        """Indonesian one-liner for lists and messages."""
        why = {
            "sebelum-impor": "sebelum impor",
            "sebelum-migrasi": "sebelum pembaruan skema",
            "sebelum-pulih": "sebelum pemulihan",
            "manual": "manual",
        }.get(self.reason, self.reason)
        return f"{self.taken_at:%d-%m-%Y %H:%M:%S} ({why}, {self.size / 1e6:.1f} MB)"


class DamagedDatabaseError(DatabaseError):
    """The database failed its integrity check and was moved aside (nothing was deleted)."""

    def __init__(self, message: str, *, db: Path, moved_to: Path, backup: BackupInfo | None):
        super().__init__(message, file=str(db))
        self.db = db
        self.moved_to = moved_to
        self.backup = backup


def backup_folder(db: Path) -> Path:
    return db.parent / "backups"


def damaged_folder(db: Path) -> Path:
    return db.parent / "rusak"


def _now() -> datetime:
    return datetime.now()


def _stamp() -> str:
    return _now().strftime("%Y%m%d-%H%M%S-%f")


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """What a district-size database can afford: before an import at most one copy a day (the
    first import of the day is the one worth undoing), always one before a migration or a
    restore, and all copies together within `budget_mb` (the newest is always kept)."""

    budget_mb: int = DEFAULT_BUDGET_MB
    daily_imports: bool = True
    max_import_copies: int = BACKUPS_KEPT

    def wants(self, db: Path, reason: str) -> bool:
        if reason != "sebelum-impor" or not self.daily_imports:
            return True
        today = _now().date()
        return not any(
            b.reason == "sebelum-impor" and b.taken_at.date() == today for b in backups_of(db)
        )


def prune(db: Path, policy: BackupPolicy) -> list[Path]:
    """Delete the oldest copies beyond the budget (never the newest one); returns what went."""
    budget = policy.budget_mb * 1_000_000
    used = 0
    imports = 0
    gone: list[Path] = []
    for i, b in enumerate(backups_of(db)):
        if b.reason == "sebelum-impor":
            imports += 1
        over = used + b.size > budget or (
            b.reason == "sebelum-impor" and imports > policy.max_import_copies
        )
        if i > 0 and over:
            b.path.unlink(missing_ok=True)
            gone.append(b.path)
            continue
        used += b.size
    return gone


def _copy_consistent(src: Path, dst: Path) -> None:
    """SQLite backup API into `dst` via a temporary file renamed at the end (atomic)."""
    tmp = dst.with_name(dst.name + ".tmp")
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(str(tmp))
        try:
            source.backup(target)
            # A standalone file: no WAL left behind that the copy would need.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        source.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dst)


def make_backup(db: Path, reason: str, policy: BackupPolicy | None = None) -> Path | None:
    """Copy the database into backups/ (dated, with the reason) when the policy wants one, then
    keep the folder within the policy's budget. Returns the copy (None: none was needed)."""
    policy = policy or BackupPolicy()
    if not db.exists() or db.stat().st_size == 0 or not policy.wants(db, reason):
        return None
    folder = backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db.stem}-{_stamp()}-{reason}.sqlite3"
    try:
        _copy_consistent(db, target)
    except (OSError, sqlite3.Error) as exc:
        target.with_name(target.name + ".tmp").unlink(missing_ok=True)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise DatabaseError(
            f"Cadangan database tidak bisa dibuat di {folder} ({reason}). Periksa ruang disk "
            "yang tersisa; tidak ada yang diubah.",
            file=str(db),
        ) from exc
    for stale in folder.glob("*.sqlite3.tmp"):
        stale.unlink(missing_ok=True)  # left by a copy that was cut off
    prune(db, policy)
    return target


def backups_of(db: Path) -> list[BackupInfo]:
    """The backups of `db`, newest first."""
    out: list[BackupInfo] = []
    folder = backup_folder(db)
    if not folder.is_dir():
        return out
    for path in folder.glob(f"{db.stem}-*.sqlite3"):
        m = _NAME.search(path.name)
        if not m or not path.name.startswith(f"{db.stem}-"):
            continue
        taken = datetime.strptime(m[1], "%Y%m%d-%H%M%S-%f")
        out.append(BackupInfo(path, taken, m[2], path.stat().st_size))
    return sorted(out, key=lambda b: b.taken_at, reverse=True)


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def integrity_problem(path: Path, full: bool = False) -> str | None:
    """None when SQLite's check passes; otherwise what it reported (first lines)."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        con = sqlite3.connect(str(path))
        try:
            rows = [str(r[0]) for r in con.execute(f"PRAGMA {pragma}").fetchmany(5)]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(rows) or "pemeriksaan tidak memberi hasil"


def latest_good_backup(db: Path) -> BackupInfo | None:
    for b in backups_of(db):
        if is_sqlite_file(b.path) and integrity_problem(b.path) is None:
            return b
    return None


def move_aside(db: Path) -> Path:
    """Move a damaged database (and its -wal/-shm) into rusak/; returns its new path."""
    folder = damaged_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db.stem}-{_stamp()}-rusak{db.suffix}"
    os.replace(db, target)
    for side in _SIDE_FILES:
        extra = db.with_name(db.name + side)
        if extra.exists():
            os.replace(extra, target.with_name(target.name + side))
    return target


def check_at_start(db: Path) -> None:
    """The start-up check: a damaged database is moved aside; raises DamagedDatabaseError.

    A file that is not an SQLite database at all is refused and left where it is (it may be
    something else the operator picked by mistake).
    """
    if not db.exists() or db.stat().st_size == 0:
        return
    if not is_sqlite_file(db):
        raise DatabaseError(
            f"File {db} bukan database operator-app (isinya bukan database SQLite). "
            "Pilih file database yang benar; file ini tidak diubah.",
            file=str(db),
        )
    problem = integrity_problem(db)
    if problem is None:
        return
    moved = move_aside(db)
    good = latest_good_backup(db)
    offer = (
        f"Cadangan baik terakhir: {good.label()}. Pulihkan dengan menu Berkas → Pulihkan dari "
        "cadangan, atau perintah: operator-app restore"
        if good
        else "Tidak ada cadangan yang baik; impor ulang file Dapodik dan SIASN."
    )
    raise DamagedDatabaseError(
        f"Database {db} rusak (pemeriksaan SQLite: {problem}). File itu sudah dipindahkan ke "
        f"{moved} (tidak dihapus). {offer}",
        db=db,
        moved_to=moved,
        backup=good,
    )


def restore(db: Path, backup: Path) -> Path | None:
    """Put `backup` in place of `db`. The current database, if any, is kept first: backed up
    when it is sound, moved into rusak/ when not. Returns where the old one went (or None)."""
    if not backup.exists():
        raise DatabaseError(f"Cadangan {backup} tidak ada.", file=str(backup))
    if not is_sqlite_file(backup) or integrity_problem(backup, full=True) is not None:
        raise DatabaseError(
            f"Cadangan {backup} rusak juga; pilih cadangan lain (operator-app restore --list).",
            file=str(backup),
        )
    kept: Path | None = None
    try:
        if db.exists() and db.stat().st_size:
            if is_sqlite_file(db) and integrity_problem(db) is None:
                kept = make_backup(db, "sebelum-pulih")
            else:
                kept = move_aside(db)
        db.parent.mkdir(parents=True, exist_ok=True)
        for side in _SIDE_FILES:
            db.with_name(db.name + side).unlink(missing_ok=True)
        _copy_consistent(backup, db)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            f"Cadangan tidak bisa dipulihkan ke {db} ({getattr(exc, 'strerror', None) or exc}). "
            "Tutup operator-app "
            "di jendela lain dan periksa ruang disk, lalu coba lagi.",
            file=str(db),
        ) from exc
    return kept
