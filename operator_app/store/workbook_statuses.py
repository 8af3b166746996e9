"""Statuses brought back from a correction workbook, each on the version it was exported with.

The export reads every finding's `finding_state.version` in the same snapshot as the findings
(`findings_and_versions`); the import hands them back as the seen versions, with the workbook's
id. A row whose decision moved on since the export through anything but this same workbook (the
app, a re-check, another workbook) is stale: if the newer value is what the workbook says anyway
there is nothing to do, otherwise it is a conflict. One workbook kept and read back again after
more edits is therefore not refused by its own earlier imports. Conflicts either refuse the whole set (nothing
changes, the refused attempts are recorded) or, when the operator chose to apply the rest, are
skipped and recorded as refused while the others land in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, tuple_

from operator_app.core.errors import UserError
from operator_app.core.model import Finding
from operator_app.core.workflow import validate_status
from operator_app.store.decisions import _FE, _FS, FindingKey, _now, decided_by, status_event
from operator_app.store.workbook_apply import (
    CHUNK,
    ChangedMeanwhile,
    StatusItem,
    apply_workbook_statuses,
)


@dataclass(frozen=True, slots=True)
class StatusConflict:
    """A workbook row whose decision someone changed after the export, to another value."""

    key: FindingKey
    attempted_status: str
    attempted_note: str | None
    seen_version: int
    current_status: str
    current_note: str | None
    current_version: int
    changed_by: str | None  # None: the automatic check
    changed_at: datetime | None  # aware UTC
    from_other_workbook: bool = False  # the newer value was read from another workbook


@dataclass(frozen=True, slots=True)
class CheckedStatuses:
    applied: int
    already: int  # stale, but the newer value is what the workbook says: nothing to do
    conflicts: tuple[StatusConflict, ...]
    refused_all: bool  # True: nothing was applied because of the conflicts


def finding_versions(conn: Connection) -> dict[FindingKey, int]:
    """Every finding's decision version now."""
    rows = conn.execute(select(_FS.c.who, _FS.c.code, _FS.c.field, _FS.c.version))
    return {(r[0], r[1], r[2]): int(r[3]) for r in rows}


def findings_and_versions(
    conn: Connection, school_id: int | None = None
) -> tuple[list[Finding], dict[FindingKey, int]]:
    """The findings and their decision versions as of one moment, so a workbook never pairs a
    value with a later version (which would let its import overwrite the change in between).

    On PostgreSQL the transaction is REPEATABLE READ (one snapshot for both statements); on
    SQLite the read transaction keeps its snapshot anyway. The versions are read first: should
    the snapshot ever differ, a version older than the value only makes a row look stale."""
    from operator_app.store.queries import load_findings

    if conn.dialect.name == "postgresql" and not conn.in_transaction():
        conn.execution_options(isolation_level="REPEATABLE READ")
    versions = finding_versions(conn)
    return load_findings(conn, school_id), versions


def decided_from_workbook(conn: Connection, workbook_id: str) -> set[FindingKey]:
    """The findings whose current status was last read from this workbook (one indexed
    select), so the import can tell its own earlier imports from newer decisions."""
    rows = conn.execute(
        select(_FS.c.who, _FS.c.code, _FS.c.field).where(_FS.c.workbook_id == workbook_id)
    )
    return {(r[0], r[1], r[2]) for r in rows}


def _norm(note: str | None) -> str | None:
    return note or None


def _current(conn: Connection, keys: Sequence[FindingKey]) -> dict[FindingKey, Any]:
    out: dict[FindingKey, Any] = {}
    cols = (_FS.c.who, _FS.c.code, _FS.c.field)
    for start in range(0, len(keys), CHUNK):
        chunk = list(keys[start : start + CHUNK])
        stmt = select(
            *cols,
            _FS.c.status,
            _FS.c.note,
            _FS.c.version,
            _FS.c.decided_by,
            _FS.c.decided_at,
            _FS.c.workbook_id,
        ).where(tuple_(*cols).in_(chunk))
        for r in conn.execute(stmt):
            out[(r[0], r[1], r[2])] = r
    return out


def _sort_stale(conn: Connection, items: Sequence[StatusItem]) -> tuple[list[StatusConflict], int]:
    """The stale items as conflicts, and how many already have the workbook's value."""
    now = _current(conn, [i[0] for i in items])
    conflicts: list[StatusConflict] = []
    already = 0
    for key, status, note, seen in items:
        cur = now[key]  # the compare-and-set found the row, so it exists
        if (cur.status, _norm(cur.note)) == (status, _norm(note)):
            already += 1
            continue
        conflicts.append(
            StatusConflict(
                key,
                status,
                note,
                int(seen or 0),
                cur.status,
                cur.note,
                int(cur.version),
                cur.decided_by,
                cur.decided_at,
                cur.workbook_id is not None,
            )
        )
    return conflicts, already


def _record_refused(
    conn: Connection,
    conflicts: Sequence[StatusConflict],
    channel: str,
    who: str,
    now: datetime,
    workbook_id: str | None,
) -> None:
    if not conflicts:
        return
    conn.execute(
        insert(_FE),
        [
            status_event(
                c.key,
                (c.current_status, c.current_note),
                (c.attempted_status, c.attempted_note),
                channel=channel,
                outcome="refused",
                seen=c.seen_version,
                version=c.current_version,
                who=who,
                now=now,
                workbook_id=workbook_id,
            )
            for c in conflicts
        ],
    )


def set_statuses_reporting_stale(
    engine: Engine,
    items: Sequence[StatusItem],
    channel: str,
    operator: str | None,
    *,
    skip_stale: bool,
    workbook_id: str | None = None,
) -> CheckedStatuses:
    """Compare-and-set every item (seen version None: unconditionally) and report every stale
    one, not only the first. Conflicts refuse the whole set unless `skip_stale`; either way
    each refused attempt is in the history. `workbook_id` (the exported workbook the items
    come from) is recorded with each decision; a row only this workbook changed since its
    export is not stale."""
    for _, status, note, _seen in items:
        validate_status(status, note)
    for _attempt in range(3):
        outcome = _try_once(engine, items, channel, operator, skip_stale, workbook_id)
        if outcome is not None:
            return outcome
    raise UserError(  # changed back and forth under us three times: let the operator retry
        "Status sedang diubah bersamaan oleh operator lain; baca workbook ini lagi sebentar lagi."
    )


def _try_once(
    engine: Engine,
    items: Sequence[StatusItem],
    channel: str,
    operator: str | None,
    skip_stale: bool,
    workbook_id: str | None,
) -> CheckedStatuses | None:
    """None: the conflicts that refused the set were gone when the refusal was recorded, or a
    row moved on between the locked read and the write."""
    now = _now()
    with engine.connect() as conn:
        with conn.begin() as trans:
            who = decided_by(conn, operator)  # on SQLite without reading: the lock comes first
            try:
                stale = apply_workbook_statuses(conn, items, channel, who, now, workbook_id)
            except ChangedMeanwhile:
                trans.rollback()
                return None
            conflicts, already = _sort_stale(conn, [items[i] for i in stale])
            refuse_all = bool(conflicts) and not skip_stale
            if refuse_all:
                trans.rollback()
            else:
                _record_refused(conn, conflicts, channel, who, now, workbook_id)
        if not refuse_all:
            applied = len(items) - len(stale)
            return CheckedStatuses(applied, already, tuple(conflicts), False)
        with conn.begin():  # nothing applied; the refused attempts are history all the same
            conflicts, already = _sort_stale(conn, [items[i] for i in stale])
            _record_refused(conn, conflicts, channel, who, now, workbook_id)
    return CheckedStatuses(0, already, tuple(conflicts), True) if conflicts else None
