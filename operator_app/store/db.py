"""Open the database: the local SQLite file (pragmas, backups, refusals) or a PostgreSQL server;
schema versions through Alembic on both."""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, ExceptionContext, create_engine, event, text

from operator_app.core.errors import DatabaseError
from operator_app.store.location import DbLocation, PasswordPrompt

MIGRATIONS = Path(__file__).with_name("migrations")


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # The sqlite3 module's own transaction handling leaves DDL and the reads before the first
    # write outside any transaction; let SQLAlchemy's "begin" emit a real BEGIN instead, so a
    # migration or an import is all-or-nothing from its first statement (see _on_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def sqlite_problem(path: Path, exc: BaseException) -> str | None:
    """The Indonesian message for an SQLite failure the operator can act on (None: a bug)."""
    text_ = str(exc).lower()
    if "disk is full" in text_ or "disk full" in text_:
        return (
            f"Disk penuh: database {path} tidak bisa ditulisi. Kosongkan ruang disk (misalnya "
            "hapus file unduhan lama) lalu ulangi; perubahan yang sedang ditulis dibatalkan."
        )
    if "locked" in text_ or "busy" in text_:
        return (
            f"Database {path} sedang dipakai program lain (mungkin operator-app terbuka di "
            "jendela lain). Tutup program itu lalu ulangi; tidak ada yang berubah."
        )
    if "readonly" in text_ or "read-only" in text_:
        return (
            f"Database {path} tidak bisa ditulisi (file atau folder hanya-baca). Salin database "
            "ke folder yang bisa ditulisi atau periksa izin folder."
        )
    if "unable to open" in text_:
        return (
            f"Database {path} tidak bisa dibuka: folder tidak ada atau tidak boleh ditulisi. "
            "Pilih lokasi lain dengan --db."
        )
    if "i/o error" in text_:
        return (
            f"Gangguan baca/tulis disk pada database {path}. Periksa disk atau flashdisk, lalu "
            "buka lagi operator-app; perubahan yang sedang ditulis dibatalkan."
        )
    if "malformed" in text_ or "not a database" in text_:
        return (
            f"Database {path} rusak. Tutup lalu buka lagi operator-app: database yang rusak "
            "dipindahkan (tidak dihapus) dan cadangan baik terakhir ditawarkan."
        )
    return None


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)

    def on_error(ctx: ExceptionContext) -> None:
        orig = ctx.original_exception
        if isinstance(orig, sqlite3.Error) and (message := sqlite_problem(path, orig)):
            raise DatabaseError(message, file=str(path)) from orig

    event.listen(engine, "handle_error", on_error)
    return engine


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


_REVISION_LINE = re.compile(
    r"^(revision|down_revision)\s*=\s*(?:['\"]([^'\"]*)['\"]|None)", re.MULTILINE
)


@functools.cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration scripts as text. Importing Alembic
    only to learn that the schema is current would cost every start about 0.13 s; Alembic is
    imported when there is something to migrate (tests check both readings agree)."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if found.get("revision"):
            graph[found["revision"]] = found.get("down_revision") or None
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, f"migrations must form one line, heads: {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


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


def backup(path: Path, reason: str, budget_mb: int | None = None) -> Path | None:
    """A consistent, dated copy in backups/ when the policy wants one (store.recovery)."""
    from operator_app.store.recovery import BackupPolicy, make_backup

    policy = BackupPolicy() if budget_mb is None else BackupPolicy(budget_mb=budget_mb)
    return make_backup(path, reason, policy)


_OUR_TABLES = {"alembic_version", "app_meta", "school", "import_batch"}


def _refuse_foreign(path: Path) -> None:
    """An SQLite file without our version table but with tables of its own is not ours."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    if names and not names & _OUR_TABLES:
        raise DatabaseError(
            f"File {path} adalah database SQLite milik program lain, bukan operator-app. "
            "Pilih file database operator-app; file ini tidak diubah.",
            file=str(path),
        )


def _writable_folder_problem(path: Path, must_exist: bool) -> None:
    """A folder that cannot hold the database (or its WAL files) is an environment problem."""
    folder = path.parent
    if must_exist and not path.exists():
        raise DatabaseError(
            f"Database {path} tidak ada. Periksa path --db (salah ketik?). Database baru dibuat "
            "hanya oleh 'operator-app import' atau 'operator-app demo'.",
            file=str(path),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"Folder {folder} untuk database tidak bisa dibuat ({exc.strerror or exc}). Pilih "
            "lokasi lain dengan --db.",
            file=str(path),
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseError(
            f"Folder {folder} tidak bisa ditulisi, jadi database {path.name} tidak bisa dipakai "
            "(SQLite menulis file pendamping di folder yang sama). Periksa izin folder itu atau "
            "pilih lokasi lain dengan --db; database tidak diubah.",
            file=str(path),
        )


def open_database(
    location: Path | str | DbLocation,
    *,
    create: bool = True,
    migrate: bool | None = None,
    password_prompt: PasswordPrompt | None = None,
) -> Engine:
    """An engine on a database at the current schema.

    SQLite (the default): created when `create`, migrated after a dated backup. PostgreSQL: the
    schema is the Dinas admin's job (`operator-app db upgrade`, i.e. `migrate=True`); an
    older, newer or missing schema is refused with what to do, and nothing is changed.
    """
    from operator_app.store.location import parse_location

    loc = parse_location(location)
    if loc.is_sqlite:
        return _open_sqlite(loc.sqlite_path(), create)
    from operator_app.store.pg import connect_engine

    engine = connect_engine(loc, password_prompt)
    try:
        _ensure_schema(engine, loc, migrate=bool(migrate))
    except BaseException:
        engine.dispose()
        raise
    return engine


def _open_sqlite(path: Path, create: bool) -> Engine:
    path = Path(path)
    _writable_folder_problem(path, must_exist=not create)
    from operator_app.store.recovery import check_at_start

    check_at_start(path)
    rev = current_revision(path)
    if rev is None and path.exists() and path.stat().st_size:
        _refuse_foreign(path)
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
        _upgrade(engine)
    _ensure_db_id(engine)
    return engine


def _upgrade(engine: Engine) -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # One migrator at a time: a second `db upgrade` waits, then finds the schema current.
            conn.execute(text("SELECT pg_advisory_xact_lock(4201)"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _ensure_db_id(engine: Engine) -> None:
    from sqlalchemy import insert, select

    from operator_app.store.models import AppMeta

    with engine.begin() as conn:
        have = conn.execute(select(AppMeta.value).where(AppMeta.key == "db_id")).scalar()
        if have is None:
            conn.execute(insert(AppMeta).values(key="db_id", value=str(uuid.uuid4())))


def server_revision(engine: Engine) -> str | None:
    """The schema revision of a server database (None: no operator-app schema yet)."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _ensure_schema(engine: Engine, loc: DbLocation, *, migrate: bool) -> None:
    rev = server_revision(engine)
    head = head_revision()
    where = loc.display
    if rev is not None and rev not in known_revisions():
        raise DatabaseError(
            f"Database {where} dibuat oleh versi operator-app yang lebih baru (skema {rev}). "
            "Perbarui operator-app di komputer ini; database tidak diubah."
        )
    if rev != head:
        if not migrate:
            state = "belum disiapkan" if rev is None else f"masih skema lama ({rev})"
            raise DatabaseError(
                f"Database {where} {state}. Admin Dinas menjalankan sekali: "
                f"operator-app db upgrade --db {loc.remembered} (cadangkan dulu dengan pg_dump; "
                "lihat docs/district.md). Tidak ada yang diubah."
            )
        _upgrade(engine)
    if migrate:
        _ensure_db_id(engine)


def dialect_of(conn_or_engine: Connection | Engine) -> str:
    return conn_or_engine.dialect.name
