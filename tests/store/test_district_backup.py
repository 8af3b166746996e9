"""docs/district.md's backup and restore, done as written: pg_dump, pg_restore into a new
database, swap the names, `district setup`; the school login keeps exactly its rows."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pg_data import alembic_upgrade, copy_sqlite_to_pg, sqlite_kabupaten
from pg_fixtures import PgDatabase
from sqlalchemy import create_engine

from operator_app.cli import main
from operator_app.store import district


def _tool(db: PgDatabase, *args: str) -> None:
    server = db.server
    proc = subprocess.run(
        [server.bin(args[0]), *args[1:]],
        env=server.libpq_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_dump_restore_swap_keeps_row_security(pg_db: PgDatabase, kabupaten, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sqlite_db = sqlite_kabupaten(list(kabupaten[1].all), tmp_path / "k.sqlite3")
    engine = create_engine(pg_db.url)
    alembic_upgrade(engine)
    copy_sqlite_to_pg(sqlite_db, engine)
    school = int(pg_db.psql("SELECT min(id) FROM school"))
    login, password = f"{pg_db.name}_sek", "sandi-sekolah-1"
    with engine.begin() as conn:
        district.grant(conn, login, school_ids=[school], password=password)
    engine.dispose()

    def as_school(sql: str) -> str:
        return pg_db.server.psql(
            sql, user=login, password=password, dbname=pg_db.name, tcp=True
        ).stdout

    query = "SELECT count(*), min(school_id), max(school_id) FROM ptk"
    seen = as_school(query)
    siasn = as_school("SELECT count(*) FROM siasn")
    dump, roles = tmp_path / "operator_app.dump", tmp_path / "roles.sql"
    _tool(pg_db, "pg_dump", "-Fc", "-d", pg_db.name, "-f", str(dump))
    _tool(pg_db, "pg_dumpall", "--roles-only", "-f", str(roles))
    assert "SCRAM-SHA-256$" in roles.read_text() and password not in roles.read_text()

    restored = f"{pg_db.name}_pulih"
    _tool(pg_db, "createdb", "-O", pg_db.owner, "-T", "template0", restored)
    _tool(pg_db, "pg_restore", "-d", restored, "--no-owner", f"--role={pg_db.owner}", str(dump))
    pg_db.psql(f"ALTER DATABASE {pg_db.name} RENAME TO {pg_db.name}_lama", dbname="postgres")
    pg_db.psql(f"ALTER DATABASE {restored} RENAME TO {pg_db.name}", dbname="postgres")
    try:
        assert main(["district", "setup", "--db", pg_db.url]) == 0
        assert as_school(query) == seen
        assert as_school("SELECT count(*) FROM siasn") == siasn
        total = pg_db.psql("SELECT count(*) FROM ptk").strip()
        assert seen.split("|")[0] != total  # still only its own school
        owner = pg_db.psql("SELECT tableowner FROM pg_tables WHERE tablename = 'ptk'").strip()
        assert owner == pg_db.owner
    finally:
        pg_db.psql(f"DROP DATABASE IF EXISTS {pg_db.name}_lama WITH (FORCE)", dbname="postgres")
