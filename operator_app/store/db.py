"""Open the local SQLite database: default location, pragmas, migrations, backups, refusals."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

from operator_app.core.errors import DatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 5


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("operator-app", appauthor=False, roaming=False))


def default_db_path() -> Path:
    return default_data_dir() / "operator-app.sqlite3"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def current_revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        raise DatabaseError(
            f"Database {path} rusak atau bukan database operator-app ({exc}).", file=str(path)
        ) from exc
    return str(row[0]) if row else None


def backup(path: Path, reason: str) -> Path | None:
    """Copy the database (consistently, through SQLite's backup API) into backups/, keep a few."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}.sqlite3"
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    olds = sorted(folder.glob(f"{path.stem}-*.sqlite3"))
    for old in olds[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def open_database(path: Path) -> Engine:
    """Create or migrate the database at `path` and return an engine with the app's pragmas."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rev = current_revision(path)
    head = head_revision()
    if rev is not None and rev not in known_revisions():
        raise DatabaseError(
            f"Database {path} dibuat oleh versi operator-app yang lebih baru (skema {rev}). "
            "Perbarui operator-app; database tidak diubah.",
            file=str(path),
        )
    if rev is not None and rev != head:
        backup(path, "sebelum-migrasi")
    engine = make_engine(path)
    if rev != head:
        from alembic import command

        cfg = _alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    with engine.begin() as conn:
        have = conn.execute(text("SELECT value FROM app_meta WHERE key='db_id'")).scalar()
        if have is None:
            conn.execute(
                text("INSERT INTO app_meta(key, value) VALUES ('db_id', :v)"),
                {"v": str(uuid.uuid4())},
            )
    return engine


def copy_database(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
