"""A workbook's statuses applied as a set, against an editor on another PC at the same moment
(PostgreSQL, READ COMMITTED): whichever commits first wins, the other is refused, never applied
on top."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pg_fixtures import PgDatabase
from sqlalchemy import Connection, Engine, create_engine, insert, text
from sqlalchemy.engine import make_url

from operator_app.core.errors import StaleEditError
from operator_app.store import decisions as dec
from operator_app.store.models import FindingState
from operator_app.store.workbook_apply import apply_workbook_statuses
from operator_app.store.workbook_statuses import CheckedStatuses, set_statuses_reporting_stale

KEY = ("nik:3302154405015049", "NIP_KOSONG", "NIP")
WORKBOOK = "5f0c2a9be4d17386"


@pytest.fixture
def eng(pg_admin_url: str) -> Iterator[Engine]:
    from alembic import command

    from operator_app.store.db import _alembic_config

    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"wbapply_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        now = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
        conn.execute(
            insert(FindingState).values(
                who=KEY[0],
                code=KEY[1],
                field=KEY[2],
                school_id=None,
                status="baru",
                note=None,
                auto=False,
                open_now=True,
                first_seen_run=1,
                last_seen_run=1,
                created_at=now,
                updated_at=now,
            )
        )
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _waiting(watch: Connection) -> int:
    """Sessions waiting for a lock, read afresh (pg_stat_activity is one snapshot for the
    whole of a transaction, so each look ends its own)."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    )
    try:
        return int(watch.execute(query).scalar() or 0)
    finally:
        watch.rollback()


def _wait_for_lock(engine: Engine) -> None:
    with engine.connect() as watch:
        deadline = time.monotonic() + 60
        while not _waiting(watch):
            assert time.monotonic() < deadline, "the second change never waited for the lock"
            time.sleep(0.02)


def _state(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT status, note, version, workbook_id FROM finding_state"))
        return tuple(row.one())


def test_workbook_waiting_for_an_edit_in_the_app_is_refused(eng: Engine) -> None:
    outcome: list[CheckedStatuses] = []
    first = eng.connect()
    tx = first.begin()
    dec._apply_statuses(
        first, [(KEY, "diajukan", "dari aplikasi", 1)], "operator", "Sri", datetime.now(UTC)
    )
    thread = threading.Thread(
        target=lambda: outcome.append(
            set_statuses_reporting_stale(
                eng,
                [(KEY, "selesai", None, 1)],
                "workbook",
                "Budi",
                skip_stale=True,
                workbook_id=WORKBOOK,
            )
        )
    )
    thread.start()
    _wait_for_lock(eng)
    tx.commit()
    first.close()
    thread.join(timeout=60)
    (checked,) = outcome
    assert checked.applied == 0 and [c.changed_by for c in checked.conflicts] == ["Sri"]
    assert _state(eng) == ("diajukan", "dari aplikasi", 2, None)


def test_edit_in_the_app_waiting_for_a_workbook_is_refused(eng: Engine) -> None:
    outcome: list[object] = []
    first = eng.connect()
    tx = first.begin()
    stale = apply_workbook_statuses(
        first,
        [(KEY, "selesai", "dari workbook", 1)],
        "workbook",
        "Budi",
        datetime.now(UTC),
        WORKBOOK,
    )
    assert stale == []

    def edit() -> None:
        try:
            dec.set_status(eng, KEY, "diabaikan", "pensiun", "operator", 1, "Sri")
            outcome.append("applied")
        except StaleEditError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=edit)
    thread.start()
    _wait_for_lock(eng)
    tx.commit()
    first.close()
    thread.join(timeout=60)
    (err,) = outcome
    assert isinstance(err, StaleEditError) and err.changed_by == "Budi"
    assert _state(eng) == ("selesai", "dari workbook", 2, WORKBOOK)


def test_school_login_reads_its_workbook_back_under_row_security(pg_db: PgDatabase) -> None:
    """A school's own login (district mode, row-level security): the locked read and the set
    UPDATE see and change its own school's rows, twice from one workbook; another school's
    finding is not there for it."""
    from pg_data import alembic_upgrade

    from operator_app.core.errors import UserError
    from operator_app.store import district

    owner = create_engine(pg_db.url)
    alembic_upgrade(owner)
    now = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
    mine, theirs = ("nik:1", "NIP_KOSONG", "NIP"), ("nik:2", "NIP_KOSONG", "NIP")
    with owner.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO school (id, name, name_key, created_at) VALUES "
            "(1, 'SD NEGERI 1 A', 'a', now()), (2, 'SD NEGERI 2 B', 'b', now())"
        )
        for key, school in ((mine, 1), (theirs, 2)):
            conn.execute(
                insert(FindingState).values(
                    who=key[0], code=key[1], field=key[2], school_id=school, status="baru",
                    note=None, auto=False, open_now=True, first_seen_run=1, last_seen_run=1,
                    created_at=now, updated_at=now,
                )
            )  # fmt: skip
        district.grant(conn, f"{pg_db.name}_a", school_ids=[1], password="sandi-sekolah-A")
    owner.dispose()
    school = create_engine(pg_db.url_for(f"{pg_db.name}_a", "sandi-sekolah-A"))
    try:
        for status, note in (("diajukan", "tiket 1"), ("selesai", None)):
            done = set_statuses_reporting_stale(
                school, [(mine, status, note, 1)], "workbook", None,
                skip_stale=False, workbook_id=WORKBOOK,
            )  # fmt: skip
            assert (done.applied, done.conflicts) == (1, ())
        with pytest.raises(UserError, match="tidak ada lagi"):
            set_statuses_reporting_stale(
                school, [(theirs, "selesai", None, 1)], "workbook", None,
                skip_stale=False, workbook_id=WORKBOOK,
            )  # fmt: skip
    finally:
        school.dispose()
    owner = create_engine(pg_db.url)
    with owner.connect() as conn:
        rows = conn.execute(
            text("SELECT who, status, version, workbook_id, decided_by FROM finding_state")
        ).all()
    owner.dispose()
    assert sorted(tuple(r) for r in rows) == [
        ("nik:1", "selesai", 3, WORKBOOK, f"{pg_db.name}_a"),
        ("nik:2", "baru", 1, None, None),
    ]
