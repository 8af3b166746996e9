"""Run the checker over the database and carry each finding's workflow state across runs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, text, update

from operator_app.core.model import CheckResult, Finding
from operator_app.core.progress import CancelCheck, Progress
from operator_app.store.bulk import bulk_insert
from operator_app.store.loading import data_signature, load_check_input
from operator_app.store.models import (
    CheckRun,
    FindingEvent,
    FindingRow,
    FindingState,
    ImportBatch,
    MatchRow,
    PtkRow,
    tbl,
    utcnow,
)

RUN_T = tbl(CheckRun)
STATE_T = tbl(FindingState)

OPEN = ("baru", "diajukan")
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def finding_payload(f: Finding) -> str:
    """The stored JSON of a finding (flat: dataclasses.asdict's deep copy costs 10x as much)."""
    return json.dumps(
        {name: getattr(f, name) for name in _FINDING_FIELDS}, ensure_ascii=False, default=str
    )


def finding_from_payload(payload: str, status: str | None, note: str | None) -> Finding:
    data: dict[str, Any] = json.loads(payload)
    data["documents"] = tuple(data.get("documents") or ())
    f = Finding(**data)
    if status:
        f.status = status  # type: ignore[assignment]
    f.note = note
    return f


def is_stale(conn: Connection) -> bool:
    last = conn.execute(
        select(RUN_T.c.data_signature).order_by(RUN_T.c.id.desc()).limit(1)
    ).scalar()
    return last != data_signature(conn)


def _lock_checks(conn: Connection) -> None:
    """PostgreSQL: one check run at a time across every operator (each replaces the findings)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(4202)"))


@dataclass(frozen=True, slots=True)
class ImportScope:
    """What an import changed: its schools (and which of them are new), and the data signature
    just before it (a scoped re-check is exact only on top of findings that were fresh then)."""

    changed: frozenset[int]
    new: frozenset[int]
    signature_before: str


def run_and_store(
    engine: Engine,
    progress: Progress,
    cancel: CancelCheck,
    scope: ImportScope | None = None,
) -> tuple[CheckResult, int]:
    """Check the current data and store the findings in one transaction; returns (result, run id).

    With `scope` (an import of some schools, findings fresh before it) only what that import
    can change is checked again (store.scope); otherwise everything. On a server the input is
    read inside the locked transaction, so a run never stores findings of data older than what
    another operator's run already stored.
    """
    if scope is not None:
        done = _run_scoped(engine, scope, progress, cancel)
        if done is not None:
            return done
    from operator_app.core.checker import run_checks

    shared = engine.dialect.name == "postgresql"
    if not shared:
        with engine.connect() as conn:
            signature = data_signature(conn)
            inp = load_check_input(conn)
        result = run_checks(inp, progress, cancel)
    with engine.begin() as conn:
        if shared:
            _lock_checks(conn)
            # the signature first: an import committing meanwhile leaves the run stale, not
            # marked fresh for data it did not see
            signature = data_signature(conn)
            inp = load_check_input(conn)
            result = run_checks(inp, progress, cancel)
        now = utcnow()
        run_id = _new_run(conn, now, signature, result)
        _store_matches(conn, result, run_id, None)
        n_new, n_resolved = _store_findings(conn, result.findings, run_id, now, None)
        conn.execute(
            update(RUN_T).where(RUN_T.c.id == run_id).values(n_new=n_new, n_resolved=n_resolved)
        )
    return result, run_id


def _last_signature(conn: Connection) -> str | None:
    return conn.execute(
        select(RUN_T.c.data_signature).order_by(RUN_T.c.id.desc()).limit(1)
    ).scalar()


def _run_scoped(
    engine: Engine, scope: ImportScope, progress: Progress, cancel: CancelCheck
) -> tuple[CheckResult, int] | None:
    from operator_app.core.checker import run_checks
    from operator_app.store.scope import scoped_input

    with engine.begin() as conn:
        _lock_checks(conn)
        if _last_signature(conn) != scope.signature_before:
            return None  # findings were stale already (or another run came between): full check
        scoped = scoped_input(conn, scope.changed, scope.new)
        if scoped is None:
            return None
        signature = data_signature(conn)
        result = run_checks(scoped.inp, progress, cancel)
        keep = scoped.school_ids
        result.findings[:] = [f for f in result.findings if f.school_id in keep]
        now = utcnow()
        run_id = _new_run(conn, now, signature, result)
        _store_matches(conn, result, run_id, keep)
        n_new, n_resolved = _store_findings(conn, result.findings, run_id, now, keep)
        # the findings outside the scope are unchanged, so present in this run as well
        conn.execute(
            update(STATE_T)
            .where(STATE_T.c.open_now.is_(True), STATE_T.c.school_id.not_in(sorted(keep)))
            .values(last_seen_run=run_id)
        )
        total = conn.execute(select(func.count()).select_from(tbl(FindingRow))).scalar()
        conn.execute(
            update(RUN_T)
            .where(RUN_T.c.id == run_id)
            .values(n_new=n_new, n_resolved=n_resolved, n_findings=int(total or 0))
        )
    return result, run_id


def _new_run(conn: Connection, now: datetime, signature: str, result: CheckResult) -> int:
    return int(
        conn.execute(
            insert(RUN_T)
            .values(
                finished_at=now,
                data_signature=signature,
                n_findings=len(result.findings),
                n_new=0,
                n_resolved=0,
                skipped_json=json.dumps([asdict(s) for s in result.skipped], ensure_ascii=False),
            )
            .returning(RUN_T.c.id)
        ).scalar_one()
    )


def _store_matches(
    conn: Connection, result: CheckResult, run_id: int, scope: frozenset[int] | None
) -> None:
    match_t = tbl(MatchRow)
    if scope is None:
        conn.execute(delete(match_t))
    else:  # the scope's PTK, and rows of PTK that are no longer current
        current = (
            select(PtkRow.id)
            .join(ImportBatch, ImportBatch.id == PtkRow.batch_id)
            .where(ImportBatch.is_current.is_(True))
        )
        mine = current.where(PtkRow.school_id.in_(sorted(scope)))
        conn.execute(delete(match_t).where(match_t.c.ptk_id.not_in(current)))
        conn.execute(delete(match_t).where(match_t.c.ptk_id.in_(mine)))
    rows = (
        (m.ptk_id, run_id, m.siasn_id, m.by, m.score, m.doubtful, json.dumps(list(m.candidates)))
        for m in result.matches.values()
    )
    cols = ("ptk_id", "run_id", "siasn_id", "by", "score", "doubtful", "candidates_json")
    bulk_insert(conn, tbl(MatchRow), cols, rows)


_KEY = (
    (STATE_T.c.who == bindparam("w"))
    & (STATE_T.c.code == bindparam("c"))
    & (STATE_T.c.field == bindparam("f"))
)


AUTO_DECIDER = "pemeriksaan otomatis (impor data baru)"
"""Who a status change made by a re-check is recorded as (history, stale-edit refusals)."""


def _auto_decision(now: datetime) -> dict[str, Any]:
    """A status the re-check changes is a change like an operator's: the version moves on, so
    an edit made on the old status is refused as stale instead of silently overwriting it
    (also by the workbook the previous status came from: workbook_id is cleared)."""
    return {
        "version": STATE_T.c.version + 1,
        "decided_by": AUTO_DECIDER,
        "decided_at": now,
        "workbook_id": None,
    }


def _store_findings(
    conn: Connection,
    findings: list[Finding],
    run_id: int,
    now: datetime,
    scope: frozenset[int] | None,
) -> tuple[int, int]:
    """Replace the findings (of the scope's schools) and carry every workflow state over."""
    finding_t = tbl(FindingRow)
    if scope is None:
        conn.execute(delete(finding_t))
    else:
        conn.execute(delete(finding_t).where(finding_t.c.school_id.in_(sorted(scope))))
    states = {
        (r[0], r[1], r[2]): (r[3], bool(r[4]), bool(r[5]), r[6])
        for r in conn.execute(
            select(
                STATE_T.c.who,
                STATE_T.c.code,
                STATE_T.c.field,
                STATE_T.c.status,
                STATE_T.c.auto,
                STATE_T.c.open_now,
                STATE_T.c.school_id,
            )
        )
    }
    rows, new_states, reopened, seen = [], [], [], set()
    for f in findings:
        key = f.key
        # A duplicate pair (DUPLIKAT on two rows of one person) is two findings sharing one
        # workflow state: both rows are shown and stored, the state is created once.
        rows.append(
            (run_id, key[0], f.code, key[2], f.school_id, f.severity, f.actor, finding_payload(f))
        )
        if key in seen:
            continue
        seen.add(key)
        state = states.get(key)
        if state is None:
            new_states.append(
                (
                    key[0],
                    f.code,
                    key[2],
                    f.school_id,
                    "baru",
                    None,
                    False,
                    True,
                    run_id,
                    run_id,
                    None,
                    now,
                    now,
                )
            )
        elif state[0] == "selesai" and state[1]:
            reopened.append(key)
    bulk_insert(
        conn,
        tbl(FindingRow),
        ("run_id", "who", "code", "field", "school_id", "severity", "actor", "payload_json"),
        rows,
    )
    bulk_insert(
        conn,
        STATE_T,
        (
            "who",
            "code",
            "field",
            "school_id",
            "status",
            "note",
            "auto",
            "open_now",
            "first_seen_run",
            "last_seen_run",
            "resolved_run",
            "created_at",
            "updated_at",
        ),
        new_states,
    )
    present = [{"w": k[0], "c": k[1], "f": k[2]} for k in seen if k in states]
    if present:
        conn.execute(
            update(STATE_T)
            .where(_KEY)
            .values(open_now=True, last_seen_run=run_id, resolved_run=None),
            present,
        )
    events: list[tuple[Any, ...]] = []
    if reopened:
        conn.execute(
            update(STATE_T)
            .where(_KEY)
            .values(status="baru", auto=False, updated_at=now, **_auto_decision(now)),
            [{"w": k[0], "c": k[1], "f": k[2]} for k in reopened],
        )
        events += [
            (k[0], k[1], k[2], now, "selesai", "baru", "muncul lagi setelah impor", "auto")
            for k in reopened
        ]
    gone = [
        k
        for k, st in states.items()
        if st[2] and k not in seen and (scope is None or st[3] in scope)
    ]
    closed = [k for k in gone if states[k][0] in OPEN]
    kept = [k for k in gone if states[k][0] not in OPEN]
    if closed:
        conn.execute(
            update(STATE_T)
            .where(_KEY)
            .values(
                status="selesai",
                auto=True,
                open_now=False,
                resolved_run=run_id,
                updated_at=now,
                **_auto_decision(now),
            ),
            [{"w": k[0], "c": k[1], "f": k[2]} for k in closed],
        )
        events += [
            (
                k[0],
                k[1],
                k[2],
                now,
                states[k][0],
                "selesai",
                "tidak muncul lagi pada data terbaru",
                "auto",
            )
            for k in closed
        ]
    if kept:
        conn.execute(
            update(STATE_T).where(_KEY).values(open_now=False, resolved_run=run_id),
            [{"w": k[0], "c": k[1], "f": k[2]} for k in kept],
        )
    bulk_insert(
        conn,
        tbl(FindingEvent),
        ("who", "code", "field", "at", "old_status", "new_status", "note", "by"),
        events,
    )
    return len(new_states), len(gone)
