"""Versioned operator decisions (issue 14 item 4): an edit made on stale data is refused with
who changed it, when, the newer value and the operator's own text; the first edit is kept; the
history shows both attempts. On SQLite and on a real PostgreSQL server, across processes."""

from __future__ import annotations

import getpass
import multiprocessing
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from builders import SampleSchool, person_rows, write_dapodik_xlsx, write_siasn_csv
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from operator_app.core.errors import StaleEditError, UserError
from operator_app.store import decisions as dec
from operator_app.store.models import (
    DecisionHead,
    FindingEvent,
    FindingState,
    MatchDecision,
    School,
    UnorAlias,
    UnorCondition,
)

# -- PostgreSQL: a throwaway database per test on the test run's own server (tests/pg_fixtures)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"h14dec_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def alembic_upgrade(engine: Engine, revision: str = "head") -> None:
    """Build the schema with the app's own migrations (what `db upgrade` will run)."""
    from alembic import command

    from operator_app.store.db import _alembic_config

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def alembic_downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    from operator_app.store.db import _alembic_config

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


# -- realistic rows: one school, a teacher with NIP_KOSONG, one with a doubtful match ---------
NIP_KOSONG = ("nik:3302154405015049", "NIP_KOSONG", "NIP")
RAGU = "nuptk:9792302194950835"
SIASN_A, SIASN_B = "siasn:199904012021011034", "siasn:199904012021011035"
BEDA = "nik:3302054808704081"
UNOR = "SDN 3 SUKAMAJU KEC. SUKAMAJU"


def seed(engine: Engine) -> None:
    now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(School).values(
                id=1,
                name="SD NEGERI 3 SUKAMAJU",
                name_key="SD NEGERI 3 SUKAMAJU|BANYUMAS",
                kecamatan="Sukamaju",
                kabupaten="Banyumas",
                provinsi="Jawa Tengah",
                created_at=now,
            )
        )
        conn.execute(
            insert(School).values(
                id=2,
                name="SD NEGERI 4 SUKAMAJU",
                name_key="SD NEGERI 4 SUKAMAJU|BANYUMAS",
                created_at=now,
            )
        )
        for who, code, field in (NIP_KOSONG, (BEDA, "UNOR_BEDA", "Unor")):
            conn.execute(
                insert(FindingState).values(
                    who=who,
                    code=code,
                    field=field,
                    school_id=1,
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


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        from operator_app.store.db import open_database

        eng = open_database(tmp_path / "keputusan.sqlite3")
    else:
        eng = create_engine(request.getfixturevalue("pg_url"))
        alembic_upgrade(eng)
    seed(eng)
    yield eng
    eng.dispose()


def _state(engine: Engine, key: tuple[str, str, str]) -> tuple[Any, ...]:
    with engine.connect() as conn:
        row = conn.execute(
            select(
                FindingState.status,
                FindingState.note,
                FindingState.version,
                FindingState.decided_by,
                FindingState.auto,
            ).where(
                FindingState.who == key[0],
                FindingState.code == key[1],
                FindingState.field == key[2],
            )
        ).one()
    return tuple(row)


def _versions(engine: Engine, person: str) -> Any:
    with engine.connect() as conn:
        return dec.decision_versions(conn, person)


def _history(engine: Engine, person: str) -> list[Any]:
    with engine.connect() as conn:
        return dec.decision_history(conn, person)


# -- the Done-when of issue 14, on both engines -----------------------------------------------
def test_stale_status_edit_refused_first_kept_history_shows_both(engine: Engine) -> None:
    seen = _versions(engine, NIP_KOSONG[0]).findings[NIP_KOSONG]
    assert seen == 1
    # two operators opened the same finding; Sri saves first
    prev = dec.set_status(
        engine, NIP_KOSONG, "diajukan", "diajukan ke Dinas 02-12", "operator", seen, "Sri"
    )
    assert prev == ("baru", None)
    with pytest.raises(StaleEditError) as caught:
        dec.set_status(
            engine, NIP_KOSONG, "selesai", "NIP sudah diisi di Verval PTK", "operator", seen, "Budi"
        )
    err = caught.value
    assert isinstance(err, UserError)
    assert (err.kind, err.subject) == ("status", NIP_KOSONG)
    assert (err.seen_version, err.current_version) == (1, 2)
    assert err.changed_by == "Sri"
    assert err.changed_at is not None and err.changed_at.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - err.changed_at) < timedelta(hours=1)
    assert (err.current_value, err.current_note) == ("diajukan", "diajukan ke Dinas 02-12")
    assert (err.attempted_value, err.attempted_note) == ("selesai", "NIP sudah diisi di Verval PTK")
    assert "Sri" in err.message and "tidak disimpan" in err.message
    assert "NIP sudah diisi di Verval PTK" in err.message
    # the first edit is kept, untouched by the refused one
    assert _state(engine, NIP_KOSONG) == ("diajukan", "diajukan ke Dinas 02-12", 2, "Sri", False)
    # the history shows both attempts
    first, second = _history(engine, NIP_KOSONG[0])
    assert (first.outcome, first.decided_by, first.old_value, first.new_value) == (
        "applied",
        "Sri",
        "baru",
        "diajukan",
    )
    assert (first.note, first.version, first.seen_version) == ("diajukan ke Dinas 02-12", 2, 1)
    assert (second.outcome, second.decided_by, second.new_value, second.note) == (
        "refused",
        "Budi",
        "selesai",
        "NIP sudah diisi di Verval PTK",
    )
    assert (second.old_value, second.old_note, second.version, second.seen_version) == (
        "diajukan",
        "diajukan ke Dinas 02-12",
        2,
        1,
    )
    assert first.at <= second.at and second.at.utcoffset() == timedelta(0)
    assert {(first.code, first.field), (second.code, second.field)} == {("NIP_KOSONG", "NIP")}
    # Budi re-applies on the newer version: accepted
    dec.set_status(engine, NIP_KOSONG, "selesai", err.attempted_note, "operator", 2, "Budi")
    assert _state(engine, NIP_KOSONG)[:4] == ("selesai", "NIP sudah diisi di Verval PTK", 3, "Budi")


def test_unconditional_edits_still_count_and_record(engine: Engine) -> None:
    """Undo and old callers pass no version: nothing is checked, but the version counts up and
    the change is in the history, so an editor who saw the older version is refused."""
    dec.set_status(engine, NIP_KOSONG, "diajukan", None, "operator", None, "Sri")
    dec.set_status(engine, NIP_KOSONG, "baru", None, "operator", None, "Sri")
    assert _state(engine, NIP_KOSONG)[:3] == ("baru", None, 3)
    with pytest.raises(StaleEditError):
        dec.set_status(engine, NIP_KOSONG, "diabaikan", "guru honorer", "operator", 2, "Budi")
    assert [h.outcome for h in _history(engine, NIP_KOSONG[0])] == [
        "applied",
        "applied",
        "refused",
    ]


def test_ignored_needs_a_note_and_unknown_finding(engine: Engine) -> None:
    with pytest.raises(UserError, match="catatan"):
        dec.set_status(engine, NIP_KOSONG, "diabaikan", "  ", "operator", 1, "Sri")
    with pytest.raises(UserError, match="tidak ada lagi"):
        dec.set_status(engine, ("nik:1", "NIP_KOSONG", "NIP"), "diajukan", None, "operator")
    assert _state(engine, NIP_KOSONG)[2] == 1 and _history(engine, NIP_KOSONG[0]) == []


def test_bulk_statuses_all_or_nothing_when_one_is_stale(engine: Engine) -> None:
    unor = (BEDA, "UNOR_BEDA", "Unor")
    dec.set_status(engine, unor, "diajukan", "ke BKD", "operator", 1, "Sri")
    with pytest.raises(StaleEditError) as caught:
        dec.set_statuses(
            engine,
            [(NIP_KOSONG, "selesai", "dari Excel"), (unor, "selesai", "dari Excel")],
            "workbook",
            {NIP_KOSONG: 1, unor: 1},
            "Budi",
        )
    assert caught.value.subject == unor
    assert _state(engine, NIP_KOSONG)[:3] == ("baru", None, 1)  # rolled back with the stale one
    assert _state(engine, unor)[:3] == ("diajukan", "ke BKD", 2)
    refused = _history(engine, BEDA)[-1]
    assert (refused.outcome, refused.channel, refused.decided_by) == ("refused", "workbook", "Budi")
    assert _history(engine, NIP_KOSONG[0]) == []


def test_versions_on_every_decision_kind(engine: Engine) -> None:
    # confirm / reject of a doubtful match: the person's version
    assert _versions(engine, RAGU).match == 0
    assert dec.decide_match(engine, RAGU, SIASN_A, "confirm", 0, "Sri") is None
    with pytest.raises(StaleEditError) as caught:  # Budi also saw "undecided"
        dec.decide_match(engine, RAGU, SIASN_B, "confirm", 0, "Budi")
    err = caught.value
    assert (err.kind, err.subject, err.changed_by, err.current_version) == (
        "match",
        (RAGU, SIASN_B),
        "Sri",
        1,
    )
    assert SIASN_A in err.message and err.attempted_value == "confirm"
    with engine.connect() as conn:
        rows = conn.execute(
            select(MatchDecision.siasn_key, MatchDecision.decision, MatchDecision.version)
        ).all()
    assert [tuple(r) for r in rows] == [(SIASN_A, "confirm", 1)]  # Sri's confirmation kept
    assert dec.decide_match(engine, RAGU, SIASN_A, None, 1, "Sri") == "confirm"  # forget: v2
    with pytest.raises(StaleEditError):  # forgotten and decided again never reuses a version
        dec.decide_match(engine, RAGU, SIASN_B, "reject", 1, "Budi")
    assert dec.decide_match(engine, RAGU, SIASN_B, "reject", 2, "Budi") is None
    assert _versions(engine, RAGU).match == 3
    # the B/C unor condition
    assert dec.set_unor_condition(engine, BEDA, "C", 0, "Sri") is None
    with pytest.raises(StaleEditError) as caught:
        dec.set_unor_condition(engine, BEDA, "B", 0, "Budi")
    assert (caught.value.current_value, caught.value.attempted_value) == ("C", "B")
    assert dec.set_unor_condition(engine, BEDA, "B", 1, "Budi") == "C"
    assert _versions(engine, BEDA).unor_condition == 2
    with engine.connect() as conn:
        cond = conn.execute(
            select(UnorCondition.condition, UnorCondition.version, UnorCondition.decided_by)
        ).one()
    assert tuple(cond) == ("B", 2, "Budi")
    # the unor alias table
    with engine.connect() as conn:
        assert dec.unor_alias_version(conn, UNOR) == 0
    dec.add_unor_alias(engine, UNOR, 1, 0, "Sri")
    with pytest.raises(StaleEditError) as caught:
        dec.add_unor_alias(engine, UNOR, 2, 0, "Budi")
    assert "SD NEGERI 3 SUKAMAJU" in caught.value.message
    with pytest.raises(StaleEditError):
        dec.remove_unor_alias(engine, UNOR, 0, "Budi")
    with engine.connect() as conn:
        alias = conn.execute(select(UnorAlias.school_id, UnorAlias.version)).one()
        assert tuple(alias) == (1, 1)
        assert dec.unor_alias_version(conn, UNOR) == 1
    dec.remove_unor_alias(engine, UNOR, 1, "Budi")
    with engine.connect() as conn:
        assert conn.execute(select(UnorAlias.unor_key)).first() is None
        assert dec.unor_alias_version(conn, UNOR) == 2
    # the workflow status: see the tests above; the person's history has every kind in order
    kinds = [(h.kind, h.outcome) for h in _history(engine, RAGU)]
    assert kinds == [
        ("match", "applied"),
        ("match", "refused"),
        ("match", "applied"),
        ("match", "refused"),
        ("match", "applied"),
    ]
    assert [(h.kind, h.outcome, h.decided_by) for h in _history(engine, BEDA)] == [
        ("unor_condition", "applied", "Sri"),
        ("unor_condition", "refused", "Budi"),
        ("unor_condition", "applied", "Budi"),
    ]


def test_confirming_another_candidate_replaces_the_confirmation(engine: Engine) -> None:
    dec.decide_match(engine, RAGU, SIASN_A, "confirm", 0, "Sri")
    dec.decide_match(engine, RAGU, SIASN_B, "confirm", 1, "Sri")
    with engine.connect() as conn:
        rows = conn.execute(select(MatchDecision.siasn_key, MatchDecision.decision)).all()
    assert [tuple(r) for r in rows] == [(SIASN_B, "confirm")]
    last = _history(engine, RAGU)[-2:]
    assert [(h.target, h.old_value, h.new_value) for h in last] == [
        (SIASN_B, None, "confirm"),
        (SIASN_A, "confirm", None),
    ]


def test_who_defaults_to_the_login(engine: Engine) -> None:
    """No operator name: the PostgreSQL login (current_user), or the OS user on SQLite."""
    dec.set_status(engine, NIP_KOSONG, "diajukan", None, "operator")
    dec.set_unor_condition(engine, BEDA, "C")
    expected = "postgres" if engine.dialect.name == "postgresql" else getpass.getuser()
    if engine.dialect.name == "postgresql":
        expected = engine.url.username or "postgres"
    assert _state(engine, NIP_KOSONG)[3] == expected
    assert {h.decided_by for h in _history(engine, BEDA)} == {expected}
    with engine.connect() as conn:
        head = conn.execute(select(DecisionHead.decided_at)).scalar_one()
        event_at = conn.execute(select(FindingEvent.decided_at)).scalar_one()
    assert head.utcoffset() == timedelta(0) and event_at.utcoffset() == timedelta(0)


# -- PostgreSQL across processes: READ COMMITTED, row locks ------------------------------------
def _race_worker(url: str, name: str, barrier: Any, results: Any) -> None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            seen = dec.decision_versions(conn, NIP_KOSONG[0]).findings[NIP_KOSONG]
        barrier.wait(timeout=60)
        try:
            dec.set_status(
                engine, NIP_KOSONG, "diajukan", f"tiket dari {name}", "operator", seen, name
            )
            results.put((name, "won", None))
        except StaleEditError as exc:
            results.put((name, "refused", exc.changed_by))
    finally:
        engine.dispose()


@pytest.mark.parametrize("n", [2, 8])
def test_concurrent_processes_exactly_one_wins_on_postgresql(pg_url: str, n: int) -> None:
    eng = create_engine(pg_url)
    alembic_upgrade(eng)
    seed(eng)
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(n), ctx.Queue()
    names = [f"operator-{i}" for i in range(n)]
    procs = [ctx.Process(target=_race_worker, args=(pg_url, nm, barrier, results)) for nm in names]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    winners = [o for o in outcomes if o[1] == "won"]
    assert len(winners) == 1, outcomes
    winner = winners[0][0]
    assert all(o[2] == winner for o in outcomes if o[1] == "refused")
    assert _state(eng, NIP_KOSONG)[:4] == ("diajukan", f"tiket dari {winner}", 2, winner)
    history = _history(eng, NIP_KOSONG[0])
    assert sorted(h.outcome for h in history) == ["applied"] + ["refused"] * (n - 1)
    assert {h.decided_by for h in history} == set(names)
    eng.dispose()


def test_waiting_edit_is_refused_once_the_first_commits(pg_url: str) -> None:
    """Under READ COMMITTED the second UPDATE waits for the first's row lock, then finds a
    newer version: refused, not applied on top."""
    eng = create_engine(pg_url)
    alembic_upgrade(eng)
    seed(eng)
    outcome: list[object] = []

    def second() -> None:
        try:
            dec.set_status(eng, NIP_KOSONG, "selesai", "dari PC kedua", "operator", 1, "Budi")
            outcome.append("applied")
        except StaleEditError as exc:
            outcome.append(exc)

    first = eng.connect()
    tx = first.begin()
    dec._apply_statuses(
        first,
        [(NIP_KOSONG, "diajukan", "dari PC pertama", 1)],
        "operator",
        "Sri",
        datetime.now(UTC),
    )
    thread = threading.Thread(target=second)
    thread.start()
    with eng.connect() as watch:  # wait until the second session is blocked on the row lock
        deadline = time.monotonic() + 60
        query = text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'"
        )
        while not watch.execute(query).scalar():
            # pg_stat_activity is one snapshot per transaction: end it so the next look is new
            watch.rollback()
            assert time.monotonic() < deadline, "the second edit never waited for the lock"
            time.sleep(0.02)
    tx.commit()
    first.close()
    thread.join(timeout=60)
    (err,) = outcome
    assert isinstance(err, StaleEditError) and err.changed_by == "Sri"
    assert _state(eng, NIP_KOSONG)[:3] == ("diajukan", "dari PC pertama", 2)
    eng.dispose()


# -- migration 0003 -------------------------------------------------------------------------
def test_migration_on_postgresql_keeps_decisions_and_goes_both_ways(pg_url: str) -> None:
    eng = create_engine(pg_url)
    alembic_upgrade(eng, "0002")
    at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO school(id, name, name_key, created_at) "
                "VALUES (1, 'SD NEGERI 3 SUKAMAJU', 'SD NEGERI 3 SUKAMAJU|BANYUMAS', :t)"
            ),
            {"t": at},
        )
        conn.execute(
            text("INSERT INTO match_decision VALUES (:p, :s, 'confirm', :t)"),
            {"p": RAGU, "s": SIASN_A, "t": at},
        )
        conn.execute(text("INSERT INTO unor_condition VALUES (:p, 'C', :t)"), {"p": BEDA, "t": at})
        conn.execute(
            text("INSERT INTO unor_alias VALUES ('SDN 3 SUKAMAJU', :n, 1, :t)"),
            {"n": UNOR, "t": at},
        )
    alembic_upgrade(eng)
    with eng.connect() as conn:
        heads = sorted(
            (r.kind, r.subject, r.version, r.decided_by) for r in conn.execute(select(DecisionHead))
        )
        assert heads == [
            ("match", RAGU, 1, None),
            ("unor_alias", "SDN 3 SUKAMAJU", 1, None),
            ("unor_condition", BEDA, 1, None),
        ]
        assert conn.execute(select(MatchDecision.version)).scalar() == 1
    with pytest.raises(StaleEditError):  # the existing decision is version 1, not "none"
        dec.set_unor_condition(eng, BEDA, "B", 0, "Budi")
    assert dec.set_unor_condition(eng, BEDA, "B", 1, "Budi") == "C"
    _models_agree_with_migrations(eng)
    alembic_downgrade(eng, "0002")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT condition FROM unor_condition")).scalar() == "B"
        assert "decision_head" not in {
            r[0] for r in conn.execute(text("SELECT tablename FROM pg_tables"))
        }
    alembic_upgrade(eng)
    eng.dispose()


def _models_agree_with_migrations(eng: Engine) -> None:
    """The tables and columns 0003 adds are exactly what models.py declares."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from operator_app.store.models import Base

    mine = {
        "decision_head",
        "decision_event",
        "finding_state",
        "finding_event",
        "match_decision",
        "unor_condition",
        "unor_alias",
    }
    from operator_app.store.models import UtcDateTime

    def compare_type(_ctx: Any, _seen: Any, column: Any, _db: Any, _meta: Any) -> bool | None:
        # a UtcDateTime is ISO text in a DATETIME-named column on SQLite, timestamptz on PG
        return False if isinstance(column.type, UtcDateTime) else None

    with eng.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": compare_type})
        diffs = compare_metadata(ctx, Base.metadata)

    def table_of(d: Any) -> str | None:
        d = d[0] if isinstance(d, list) else d
        for part in d[1:]:
            name = getattr(part, "name", None) if not isinstance(part, str) else part
            table = getattr(part, "table", None)
            if table is not None:
                return str(table.name)
            if isinstance(name, str) and name in mine:
                return name
        return None

    assert [d for d in diffs if table_of(d) in mine] == []


def test_models_agree_with_migrations_on_sqlite(tmp_path: Path) -> None:
    from operator_app.store.db import open_database

    eng = open_database(tmp_path / "m.sqlite3")
    _models_agree_with_migrations(eng)
    eng.dispose()


def test_0002_fixture_upgrades_with_versions_and_utc_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The committed schema-0002 database (a PC in WIB): decisions get version 1, their times
    are left as written, and the operator's first versioned edit on them works."""
    from operator_app.store.workspace import Workspace

    db = tmp_path / "lama.sqlite3"
    shutil.copy(FIXTURES / "schema-0002.sqlite3", db)
    with sqlite3.connect(db) as con:
        before = con.execute("SELECT decided_at FROM unor_condition").fetchone()[0]
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        ws = Workspace(db)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    with sqlite3.connect(db) as con:
        after = con.execute("SELECT decided_at FROM unor_condition").fetchone()[0]
        assert con.execute("SELECT DISTINCT version FROM finding_state").fetchall() == [(1,)]
        assert con.execute("SELECT DISTINCT outcome FROM finding_event").fetchall() == [
            ("applied",)
        ]
        heads = con.execute("SELECT kind, version FROM decision_head ORDER BY kind").fetchall()
    assert heads == [("match", 1), ("unor_alias", 1), ("unor_condition", 1)]
    assert before == after
    kosong = next(f for f in ws.findings() if f.code == "NIP_KOSONG")
    assert (kosong.status, kosong.note) == ("diajukan", "catatan operator")
    ws.operator_name = "Sri"
    assert ws.decision_versions(kosong.person_key).findings[kosong.key] == 1
    ws.set_status(kosong.key, "selesai", "catatan operator", expected_version=1)
    history = ws.decision_history(kosong.person_key)
    assert [(h.new_value, h.decided_by) for h in history] == [
        ("diajukan", None),
        ("selesai", "Sri"),
    ]
    ws.close()


# -- two sessions on one SQLite file, through the Workspace the UI uses ------------------------
def test_two_workspaces_on_one_file(tmp_path: Path) -> None:
    from operator_app.store.workspace import Workspace

    school = SampleSchool(name="SD NEGERI 3 SUKAMAJU")
    _, head, shead = person_rows("pns", seed=1)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=2)
    d["NIP"] = ""
    files = [
        write_dapodik_xlsx(tmp_path / "daftar-guru.xlsx", school, [head, d], "guru"),
        write_siasn_csv(tmp_path / "siasn.csv", [shead, s]),
    ]
    db = tmp_path / "bersama.sqlite3"
    sri, budi = Workspace(db), Workspace(db)
    sri.operator_name, budi.operator_name = "Sri", "Budi"
    sri.import_files(files)
    sri.run_checks()
    f = next(x for x in sri.findings() if x.code == "NIP_KOSONG")
    seen_sri = sri.decision_versions(f.person_key).findings[f.key]
    seen_budi = budi.decision_versions(f.person_key).findings[f.key]
    sri.set_status(f.key, "diajukan", "tiket 12", expected_version=seen_sri)
    with pytest.raises(StaleEditError) as caught:
        budi.set_status(f.key, "diabaikan", "sudah pensiun", expected_version=seen_budi)
    assert (caught.value.changed_by, caught.value.current_note) == ("Sri", "tiket 12")
    assert caught.value.attempted_note == "sudah pensiun"
    again = next(x for x in budi.findings() if x.key == f.key)
    assert (again.status, again.note) == ("diajukan", "tiket 12")
    history = budi.decision_history(f.person_key)
    assert [(h.outcome, h.decided_by, h.note) for h in history] == [
        ("applied", "Sri", "tiket 12"),
        ("refused", "Budi", "sudah pensiun"),
    ]
    sri.close()
    budi.close()
