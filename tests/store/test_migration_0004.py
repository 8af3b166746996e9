"""Migration 0004 (which workbook a status came from) on SQLite and PostgreSQL: decisions are
kept, the new columns start empty, and the schema goes down and up again."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from operator_app.store.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
NIP_BEDA = ("nuptk:9792302194950835", "NIP_BEDA", "NIP")  # Sri, in the app, version 2
UNOR_BEDA = ("nik:3302054808704081", "UNOR_BEDA", "Unor")  # from a workbook, version 2


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"m0004_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _alembic(engine: Engine, verb: str, revision: str) -> None:
    from alembic import command

    from operator_app.store.db import _alembic_config

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, revision)


def _columns(engine: Engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def test_0003_fixture_upgrades_with_no_workbook_recorded(tmp_path: Path) -> None:
    """The committed schema-0003 database: its decisions stay, none is taken as read from a
    workbook (so no old workbook can claim them), and the next workbook import records its id."""
    db = tmp_path / "lama.sqlite3"
    shutil.copy(FIXTURES / "schema-0003.sqlite3", db)
    ws = Workspace(db)
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT code, status, note, version, workbook_id FROM finding_state ORDER BY code"
        ).fetchall()
        events = con.execute("SELECT DISTINCT workbook_id FROM finding_event").fetchall()
        indexes = {r[1] for r in con.execute("PRAGMA index_list('finding_state')")}
    assert ("NIP_BEDA", "diajukan", "tiket 12", 2, None) in rows
    assert ("UNOR_BEDA", "selesai", "dicek ulang di SIASN", 2, None) in rows
    assert {r[4] for r in rows} == {None} and events == [(None,)]
    assert "ix_finding_state_workbook_id" in indexes
    # a versioned workbook exported before 0004 (no id) on UNOR_BEDA's version 1: refused
    stale = ws.set_statuses_from_workbook([(UNOR_BEDA, "diajukan", None, 1)], skip_stale=True)
    assert (stale.applied, len(stale.conflicts)) == (0, 1)
    ws.operator_name = "Budi"
    done = ws.set_statuses_from_workbook([(NIP_BEDA, "selesai", None, 2)], workbook_id="ab12cd34")
    assert done.applied == 1 and ws.decided_from_workbook("ab12cd34") == {NIP_BEDA}
    ws.close()


def test_0004_on_postgresql_keeps_decisions_and_goes_both_ways(pg_url: str) -> None:
    eng = create_engine(pg_url)
    _alembic(eng, "upgrade", "0003")
    at = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO finding_state(who, code, field, school_id, status, note, auto, "
                "open_now, first_seen_run, last_seen_run, created_at, updated_at, version, "
                "decided_by, decided_at) VALUES (:w, :c, :f, NULL, 'diajukan', 'tiket 12', "
                "false, true, 1, 1, :t, :t, 3, 'Sri', :t)"
            ),
            {"w": NIP_BEDA[0], "c": NIP_BEDA[1], "f": NIP_BEDA[2], "t": at},
        )
        conn.execute(
            text(
                "INSERT INTO finding_event(who, code, field, at, old_status, new_status, by, "
                "outcome, version) VALUES (:w, :c, :f, :t, 'baru', 'diajukan', 'workbook', "
                "'applied', 3)"
            ),
            {"w": NIP_BEDA[0], "c": NIP_BEDA[1], "f": NIP_BEDA[2], "t": at},
        )
    _alembic(eng, "upgrade", "head")
    assert "workbook_id" in _columns(eng, "finding_state")
    assert "workbook_id" in _columns(eng, "finding_event")
    with eng.connect() as conn:
        state = conn.execute(text("SELECT status, version, workbook_id FROM finding_state")).one()
        assert tuple(state) == ("diajukan", 3, None)
    from operator_app.store.workbook_statuses import set_statuses_reporting_stale

    seen = set_statuses_reporting_stale(
        eng,
        [(NIP_BEDA, "selesai", None, 3)],
        "workbook",
        "Budi",
        skip_stale=False,
        workbook_id="0123456789abcdef",
    )
    assert seen.applied == 1
    again = set_statuses_reporting_stale(  # the same workbook, further edited: version 3 still
        eng,
        [(NIP_BEDA, "diabaikan", "sudah pensiun", 3)],
        "workbook",
        "Budi",
        skip_stale=False,
        workbook_id="0123456789abcdef",
    )
    assert (again.applied, again.conflicts) == (1, ())
    _alembic(eng, "downgrade", "0003")
    assert "workbook_id" not in _columns(eng, "finding_state")
    with eng.connect() as conn:
        state = conn.execute(text("SELECT status, note, version FROM finding_state")).one()
        assert tuple(state) == ("diabaikan", "sudah pensiun", 5)
    _alembic(eng, "upgrade", "head")
    eng.dispose()
