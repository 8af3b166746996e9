"""Row security of the versioned-decision tables of schema 0003 (decision_head,
decision_event), on stand-in tables with the columns the policies read, until 0003 lands."""

from __future__ import annotations

import pytest
from pg_fixtures import PgDatabase
from sqlalchemy import create_engine

from operator_app.store import district
from operator_app.store.models import Base

STAND_INS = """
CREATE TABLE IF NOT EXISTS decision_head (kind varchar(20), subject varchar(300),
    version integer NOT NULL, PRIMARY KEY (kind, subject));
CREATE TABLE IF NOT EXISTS decision_event (id serial PRIMARY KEY, kind varchar(20) NOT NULL,
    subject varchar(300) NOT NULL, person_key varchar(300), old_value varchar(300),
    new_value varchar(300));
"""


@pytest.fixture(scope="module")
def db(pg_db: PgDatabase) -> PgDatabase:
    engine = create_engine(pg_db.url)
    try:
        # the stand-ins even once the models have these tables: the policies read only these
        # columns, and the test's rows need no others
        others = [t for t in Base.metadata.sorted_tables if not t.name.startswith("decision_")]
        Base.metadata.create_all(engine, tables=others)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE alembic_version (version_num varchar(32))")
            conn.exec_driver_sql(STAND_INS)
            conn.exec_driver_sql(
                "INSERT INTO school (id, name, name_key, created_at) VALUES "
                "(1, 'SD NEGERI 1 A', 'a', now()), (2, 'SD NEGERI 2 B', 'b', now())"
            )
            conn.exec_driver_sql(
                "INSERT INTO import_batch (id, file_name, file_path, sha256, kind, school_id, "
                "imported_at, row_count, header_row, columns_json, fields_json, warnings_json, "
                "is_current) VALUES (1, 'a', 'a', 'a', 'dapodik_guru', 1, now(), 1, 1, '[]', "
                "'[]', '[]', true), (2, 'b', 'b', 'b', 'dapodik_guru', 2, now(), 1, 1, '[]', "
                "'[]', '[]', true)"
            )
            conn.exec_driver_sql(
                "INSERT INTO ptk (batch_id, school_id, row_number, person_key, nama, nama_key, "
                "nip_numeric, nik_numeric, raw_json) VALUES "
                "(1, 1, 1, 'nik:1', 'A', 'A', false, false, '{}'), "
                "(2, 2, 1, 'nik:2', 'B', 'B', false, false, '{}')"
            )
            conn.exec_driver_sql(
                "INSERT INTO decision_head (kind, subject, version) VALUES "
                "('match', 'nik:1', 1), ('match', 'nik:2', 3), ('unor_alias', 'UPT X', 1)"
            )
            conn.exec_driver_sql(
                "INSERT INTO decision_event (kind, subject, person_key, old_value, new_value) "
                "VALUES ('match', 'nik:1', 'nik:1', NULL, 'confirm'), "
                "('match', 'nik:2', 'nik:2', NULL, 'reject'), "
                "('unor_alias', 'UPT X', NULL, NULL, '1'), "
                "('unor_alias', 'UPT Y', NULL, NULL, '2')"
            )
            district.grant(conn, f"{pg_db.name}_a", school_ids=[1], password="sandi-sekolah-A")
    finally:
        engine.dispose()
    return pg_db


def as_a(db: PgDatabase, sql: str, check: bool = True):  # type: ignore[no-untyped-def]
    return db.server.psql(
        sql, user=f"{db.name}_a", password="sandi-sekolah-A", dbname=db.name, tcp=True, check=check
    )


def test_decision_tables_are_protected(db: PgDatabase) -> None:
    forced = db.psql(
        "SELECT relname FROM pg_class WHERE relrowsecurity AND relname LIKE 'decision%' ORDER BY 1"
    ).split()
    assert forced == ["decision_event", "decision_head"]


def test_school_sees_its_decision_versions_and_history_only(db: PgDatabase) -> None:
    heads = as_a(db, "SELECT kind, subject FROM decision_head ORDER BY 1, 2").stdout.splitlines()
    assert heads == ["match|nik:1", "unor_alias|UPT X"]
    events = as_a(db, "SELECT subject FROM decision_event ORDER BY id").stdout.splitlines()
    assert events == ["nik:1", "UPT X"]
    # another school's person: its version cannot be bumped, nor history written for it
    assert (
        as_a(
            db,
            "UPDATE decision_head SET version = version + 1 WHERE subject = 'nik:2' "
            "RETURNING version",
        ).stdout.split()
        == []
    )
    refused = as_a(
        db,
        "INSERT INTO decision_event (kind, subject, person_key, new_value) "
        "VALUES ('match', 'nik:2', 'nik:2', 'confirm')",
        check=False,
    )
    assert refused.returncode != 0 and "row-level security" in refused.stderr
    ok = as_a(
        db,
        "BEGIN; INSERT INTO decision_event (kind, subject, person_key, new_value) "
        "VALUES ('match', 'nik:1', 'nik:1', 'reject') RETURNING subject; ROLLBACK",
    )
    assert ok.stdout.split() == ["nik:1"]
    assert db.psql("SELECT version FROM decision_head WHERE subject = 'nik:2'").strip() == "3"
