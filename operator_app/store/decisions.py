"""Operator decisions: workflow status, match confirmations, unor conditions and aliases.

Every decision carries a version, +1 on every change, and who/when (UTC). An editor passes the
version it saw as `expected_version`; the write is a compare-and-set in the database
(`UPDATE ... WHERE key AND version = :seen RETURNING`, or an insert that does nothing on
conflict when it saw nothing), so two operators, two processes or two PCs on one PostgreSQL
server under READ COMMITTED cannot overwrite each other: the later edit is refused with
StaleEditError (who changed it, when, the newer value, and the refused operator's own text),
and the refused attempt is recorded in the history too. `expected_version=None` (undo, old
callers) writes unconditionally, still counting the version up and recording the change.

Workflow status versions live on finding_state; the match of a person, the unor condition of
a person and an unor alias count in decision_head, which is never deleted (a forgotten
decision decided again keeps counting up).
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from operator_app.core.errors import StaleEditError, UserError
from operator_app.core.model import WorkflowStatus
from operator_app.core.views import DecisionEvent as HistoryLine
from operator_app.core.views import DecisionVersions
from operator_app.core.workflow import validate_status
from operator_app.store.models import (
    DecisionEvent,
    DecisionHead,
    FindingEvent,
    FindingState,
    MatchDecision,
    School,
    UnorAlias,
    UnorCondition,
    UtcDateTime,
)

FindingKey = tuple[str, str, str]
_HEAD = cast(Table, DecisionHead.__table__)

__all__ = [
    "StaleEditError",
    "add_unor_alias",
    "decide_match",
    "decided_by",
    "decision_history",
    "decision_versions",
    "remove_unor_alias",
    "set_status",
    "set_statuses",
    "set_unor_condition",
    "unor_alias_version",
]


# -- who and when ------------------------------------------------------------------------------
def _now() -> datetime:
    return datetime.now(UTC)


def _wall(at: datetime) -> datetime:
    """Every stamp column is a UtcDateTime (store.models): an aware UTC instant."""
    return at.astimezone(UTC)


def decided_by(conn: Connection, operator: str | None = None) -> str:
    """The name recorded with a decision: the operator name when given; else the database login
    on PostgreSQL (current_user) or the OS user name on SQLite."""
    name = " ".join((operator or "").split())
    if name:
        return name[:200]
    if conn.dialect.name == "postgresql":
        return str(conn.execute(select(func.current_user())).scalar())[:200]
    try:
        return (getpass.getuser() or "operator")[:200]
    except (OSError, KeyError, ImportError):
        return "operator"


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%d-%m-%Y %H:%M") if at else "waktu yang tidak tercatat"


def _insert(conn: Connection, table: Table) -> Any:
    """The dialect's INSERT (it has ON CONFLICT on both SQLite and PostgreSQL)."""
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


class _Stale(Exception):
    """Internal: the compare-and-set found a newer version (turned into StaleEditError)."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


# -- workflow status ---------------------------------------------------------------------------
def _is_key(key: FindingKey) -> ColumnElement[bool]:
    who, code, field = key
    return (FindingState.who == who) & (FindingState.code == code) & (FindingState.field == field)


# Built once: a workbook brings back thousands of statuses in one transaction.
_FS = cast(Table, FindingState.__table__)
_FE = cast(Table, FindingEvent.__table__)
_BY_KEY = (
    (_FS.c.who == bindparam("k_who"))
    & (_FS.c.code == bindparam("k_code"))
    & (_FS.c.field == bindparam("k_field"))
)
# Count the version up first: the row is locked (PostgreSQL) / the database written (SQLite)
# from here on, and RETURNING hands back the status and note before this change. A change made
# here clears workbook_id: a workbook read back again must not overwrite it (a correction
# workbook's statuses are applied as a set by store/workbook_apply.py, which records its id).
_BUMP = (
    update(_FS)
    .where(_BY_KEY)
    .values(
        version=_FS.c.version + 1,
        decided_by=bindparam("by_name"),
        decided_at=bindparam("by_at", type_=UtcDateTime()),
        workbook_id=None,
    )
    .returning(_FS.c.version, _FS.c.status, _FS.c.note)
)
_BUMP_SEEN = _BUMP.where(_FS.c.version == bindparam("seen"))
_SET = (
    update(_FS)
    .where(_BY_KEY)
    .values(
        status=bindparam("new_status"),
        note=bindparam("new_note"),
        auto=False,
        updated_at=bindparam("wall_at", type_=UtcDateTime()),
    )
)


def _apply_statuses(
    conn: Connection,
    items: Sequence[tuple[FindingKey, str, str | None, int | None]],
    channel: str,
    who: str,
    now: datetime,
) -> list[tuple[WorkflowStatus, str | None]]:
    """Compare-and-set every (key, status, note, seen version); raises _Stale(index) at the
    first stale one (the caller rolls back) and UserError for a finding that is gone."""
    prevs: list[tuple[WorkflowStatus, str | None]] = []
    sets: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    pending: dict[FindingKey, tuple[str, str | None]] = {}
    for index, (key, status, note, seen) in enumerate(items):
        params: dict[str, Any] = {
            "k_who": key[0],
            "k_code": key[1],
            "k_field": key[2],
            "by_name": who,
            "by_at": now,
        }
        if seen is None:
            row = conn.execute(_BUMP, params).first()
        else:
            row = conn.execute(_BUMP_SEEN, {**params, "seen": seen}).first()
        if row is None:
            if conn.execute(select(FindingState.version).where(_is_key(key))).first() is None:
                raise UserError(
                    "Temuan ini tidak ada lagi di database; jalankan pemeriksaan ulang."
                )
            raise _Stale(index)
        version = int(row[0])
        old_status, old_note = pending.get(key, (row[1], row[2]))
        pending[key] = (status, note)
        prevs.append((cast(WorkflowStatus, old_status), old_note))
        sets.append(
            {
                "k_who": key[0],
                "k_code": key[1],
                "k_field": key[2],
                "new_status": status,
                "new_note": note,
                "wall_at": _wall(now),
            }
        )
        events.append(
            status_event(
                key,
                (old_status, old_note),
                (status, note),
                channel=channel,
                outcome="applied",
                seen=seen,
                version=version,
                who=who,
                now=now,
            )
        )
    if sets:
        conn.execute(_SET, sets)
        conn.execute(insert(_FE), events)
    return prevs


def status_event(
    key: FindingKey,
    old: tuple[str | None, str | None],
    new: tuple[str, str | None],
    *,
    channel: str,
    outcome: str,
    seen: int | None,
    version: int,
    who: str,
    now: datetime,
    workbook_id: str | None = None,
) -> dict[str, Any]:
    """One finding_event row of a status decision (applied or refused), for every writer:
    the detail panel, the workbook read back, and their refusals."""
    return {
        "who": key[0],
        "code": key[1],
        "field": key[2],
        "at": _wall(now),
        "old_status": old[0],
        "new_status": new[0],
        "note": new[1],
        "by": channel,
        "outcome": outcome,
        "old_note": old[1],
        "seen_version": seen,
        "version": version,
        "decided_by": who,
        "decided_at": now,
        "workbook_id": workbook_id,
    }


def _refuse_status(
    conn: Connection,
    key: FindingKey,
    status: str,
    note: str | None,
    channel: str,
    who: str,
    now: datetime,
    seen: int,
) -> StaleEditError:
    cur = conn.execute(
        select(
            FindingState.status,
            FindingState.note,
            FindingState.version,
            FindingState.decided_by,
            FindingState.decided_at,
        ).where(_is_key(key))
    ).one()
    conn.execute(
        insert(FindingEvent).values(
            status_event(
                key,
                (cur.status, cur.note),
                (status, note),
                channel=channel,
                outcome="refused",
                seen=seen,
                version=cur.version,
                who=who,
                now=now,
            )
        )
    )
    by = cur.decided_by or "pemeriksaan otomatis"
    now_text = f"'{cur.status}'" + (f' dengan catatan "{cur.note}"' if cur.note else "")
    mine = f"'{status}'" + (f' dengan catatan "{note}"' if note else "")
    return StaleEditError(
        f"Temuan {key[1]} ini sudah diubah oleh {by} pada {_when(cur.decided_at)} menjadi "
        f"{now_text}, setelah Anda membukanya. Perubahan Anda ({mine}) tidak disimpan dan "
        "tidak menimpa perubahan itu; periksa nilai terbaru lalu terapkan lagi bila masih perlu.",
        kind="status",
        subject=key,
        seen_version=seen,
        current_version=int(cur.version),
        changed_by=cur.decided_by,
        changed_at=cur.decided_at,
        current_value=cur.status,
        current_note=cur.note,
        attempted_value=status,
        attempted_note=note,
    )


def _set_many(
    engine: Engine,
    updates: Sequence[tuple[FindingKey, str, str | None, int | None]],
    channel: str,
    operator: str | None,
) -> list[tuple[WorkflowStatus, str | None]]:
    for _, status, note, _v in updates:
        validate_status(status, note)
    now = _now()
    try:
        with engine.begin() as conn:
            who = decided_by(conn, operator)
            return _apply_statuses(conn, updates, channel, who, now)
    except _Stale as stale:  # all or nothing: the others are rolled back, the refusal recorded
        key, status, note, seen = updates[stale.index]
        with engine.begin() as conn:
            who = decided_by(conn, operator)
            err = _refuse_status(conn, key, status, note, channel, who, now, cast(int, seen))
        raise err from None


def set_status(
    engine: Engine,
    key: FindingKey,
    status: WorkflowStatus,
    note: str | None,
    by: str,
    expected_version: int | None = None,
    operator: str | None = None,
) -> tuple[WorkflowStatus, str | None]:
    """Returns the previous (status, note). `by` is the channel (operator | workbook)."""
    return _set_many(engine, [(key, status, note, expected_version)], by, operator)[0]


def set_statuses(
    engine: Engine,
    updates: Sequence[tuple[FindingKey, str, str | None]],
    by: str,
    expected_versions: Mapping[FindingKey, int] | None = None,
    operator: str | None = None,
) -> None:
    """Several (key, status, note) in one transaction: all land or none does (a stale one
    refuses the whole set)."""
    seen = expected_versions or {}
    _set_many(engine, [(k, s, n, seen.get(k)) for k, s, n in updates], by, operator)


# -- match, unor condition, unor alias: versioned in decision_head ------------------------------
def _bump_head(
    conn: Connection, kind: str, subject: str, expected: int | None, who: str, now: datetime
) -> int | None:
    """Compare-and-set the subject's version; the new version, or None when it was stale."""
    head = _HEAD.c
    if expected is not None and expected > 0:
        stmt: Any = (
            update(_HEAD)
            .where(head.kind == kind, head.subject == subject, head.version == expected)
            .values(version=head.version + 1, decided_by=who, decided_at=now)
        )
    else:
        stmt = _insert(conn, _HEAD).values(
            kind=kind, subject=subject, version=1, decided_by=who, decided_at=now
        )
        if expected is None:
            stmt = stmt.on_conflict_do_update(
                index_elements=[head.kind, head.subject],
                set_={"version": head.version + 1, "decided_by": who, "decided_at": now},
            )
        else:  # the editor saw no decision at all: only if there still is none
            stmt = stmt.on_conflict_do_nothing(index_elements=[head.kind, head.subject])
    version = conn.execute(stmt.returning(head.version)).scalar()
    return int(version) if version is not None else None


def _head(conn: Connection, kind: str, subject: str) -> tuple[int, str | None, datetime | None]:
    row = conn.execute(
        select(DecisionHead.version, DecisionHead.decided_by, DecisionHead.decided_at).where(
            DecisionHead.kind == kind, DecisionHead.subject == subject
        )
    ).first()
    return (int(row[0]), row[1], row[2]) if row else (0, None, None)


def _event(conn: Connection, **values: Any) -> None:
    conn.execute(insert(DecisionEvent).values(**values))


def _refuse(
    conn: Connection,
    *,
    kind: str,
    subject: str,
    person_key: str | None,
    target: str | None,
    seen: int,
    attempted: str | None,
    current: str | None,
    current_text: str,
    what: str,
    who: str,
    now: datetime,
) -> StaleEditError:
    version, by, at = _head(conn, kind, subject)
    _event(
        conn,
        kind=kind,
        subject=subject,
        person_key=person_key,
        target=target,
        old_value=current,
        new_value=attempted,
        outcome="refused",
        seen_version=seen,
        version=version,
        decided_by=who,
        decided_at=now,
    )
    return StaleEditError(
        f"{what} sudah diubah oleh {by or 'operator lain'} pada {_when(at)} ({current_text}), "
        "setelah Anda membukanya. Keputusan Anda tidak disimpan dan tidak menimpa perubahan itu; "
        "periksa nilai terbaru lalu putuskan lagi bila masih perlu.",
        kind=kind,
        subject=(subject,) if target is None else (subject, target),
        seen_version=seen,
        current_version=version,
        changed_by=by,
        changed_at=at,
        current_value=current,
        current_note=None,
        attempted_value=attempted,
        attempted_note=None,
    )


_MATCH_TEXT = {"confirm": "dikonfirmasi", "reject": "ditolak", None: "belum diputuskan"}


def decide_match(
    engine: Engine,
    person_key: str,
    siasn_key: str,
    decision: str | None,
    expected_version: int | None = None,
    operator: str | None = None,
) -> str | None:
    """decision "confirm" | "reject" | None (forget); returns the previous one for this pair.
    The version is the person's: one confirmed match per person, a confirmation replaces any
    other."""
    if decision not in (None, "confirm", "reject"):
        raise UserError(f"Keputusan padanan '{decision}' tidak dikenal.")
    md = MatchDecision
    now = _now()
    with engine.begin() as conn:
        who = decided_by(conn, operator)
        version = _bump_head(conn, "match", person_key, expected_version, who, now)
        pair = (md.person_key == person_key) & (md.siasn_key == siasn_key)
        prev = conn.execute(select(md.decision).where(pair)).scalar()
        if version is not None:
            replaced = []
            if decision == "confirm":
                replaced = list(
                    conn.execute(
                        select(md.siasn_key).where(
                            md.person_key == person_key,
                            md.decision == "confirm",
                            md.siasn_key != siasn_key,
                        )
                    ).scalars()
                )
                conn.execute(
                    delete(md).where(md.person_key == person_key, md.decision == "confirm")
                )
            conn.execute(delete(md).where(pair))
            if decision is not None:
                conn.execute(
                    insert(md).values(
                        person_key=person_key,
                        siasn_key=siasn_key,
                        decision=decision,
                        decided_at=_wall(now),
                        version=version,
                        decided_by=who,
                    )
                )
            common = {
                "kind": "match",
                "subject": person_key,
                "person_key": person_key,
                "outcome": "applied",
                "seen_version": expected_version,
                "version": version,
                "decided_by": who,
                "decided_at": now,
            }
            _event(conn, target=siasn_key, old_value=prev, new_value=decision, **common)
            for other in replaced:
                _event(
                    conn,
                    target=other,
                    old_value="confirm",
                    new_value=None,
                    note=f"diganti konfirmasi {siasn_key}",
                    **common,
                )
            return str(prev) if prev is not None else None
        confirmed = conn.execute(
            select(md.siasn_key).where(md.person_key == person_key, md.decision == "confirm")
        ).scalar()
        now_text = f"padanan ini {_MATCH_TEXT.get(prev, prev)}" + (
            f"; yang dikonfirmasi: {confirmed}" if confirmed and confirmed != siasn_key else ""
        )
        err = _refuse(
            conn,
            kind="match",
            subject=person_key,
            person_key=person_key,
            target=siasn_key,
            seen=cast(int, expected_version),
            attempted=decision,
            current=prev,
            current_text=now_text,
            what="Keputusan padanan orang ini",
            who=who,
            now=now,
        )
    raise err


def set_unor_condition(
    engine: Engine,
    person_key: str,
    condition: str | None,
    expected_version: int | None = None,
    operator: str | None = None,
) -> str | None:
    """ "B" | "C" | None (forget); returns the previous one."""
    if condition not in (None, "B", "C"):
        raise UserError(
            "Kondisi unor harus B (SIASN belum diperbarui) atau C (Dapodik belum diperbarui)."
        )
    uc = UnorCondition
    now = _now()
    with engine.begin() as conn:
        who = decided_by(conn, operator)
        version = _bump_head(conn, "unor_condition", person_key, expected_version, who, now)
        prev = conn.execute(select(uc.condition).where(uc.person_key == person_key)).scalar()
        if version is not None:
            conn.execute(delete(uc).where(uc.person_key == person_key))
            if condition is not None:
                conn.execute(
                    insert(uc).values(
                        person_key=person_key,
                        condition=condition,
                        decided_at=_wall(now),
                        version=version,
                        decided_by=who,
                    )
                )
            _event(
                conn,
                kind="unor_condition",
                subject=person_key,
                person_key=person_key,
                old_value=prev,
                new_value=condition,
                outcome="applied",
                seen_version=expected_version,
                version=version,
                decided_by=who,
                decided_at=now,
            )
            return str(prev) if prev is not None else None
        err = _refuse(
            conn,
            kind="unor_condition",
            subject=person_key,
            person_key=person_key,
            target=None,
            seen=cast(int, expected_version),
            attempted=condition,
            current=prev,
            current_text=f"sekarang kondisi {prev}" if prev else "kondisinya dihapus",
            what="Kondisi unor orang ini",
            who=who,
            now=now,
        )
    raise err


def _alias_key(unor_name: str) -> str:
    from operator_app.core.schools import school_key

    return school_key(unor_name)


def add_unor_alias(
    engine: Engine,
    unor_name: str,
    school_id: int,
    expected_version: int | None = None,
    operator: str | None = None,
) -> None:
    """'This SIASN unor is school `school_id`' (replaces what the unor pointed to before)."""
    if not unor_name.strip():
        raise UserError("Nama unor kosong; tidak ada yang bisa dijadikan alias.")
    _alias(engine, unor_name, school_id, expected_version, operator)


def remove_unor_alias(
    engine: Engine,
    unor_name: str,
    expected_version: int | None = None,
    operator: str | None = None,
) -> None:
    _alias(engine, unor_name, None, expected_version, operator)


def _alias(
    engine: Engine,
    unor_name: str,
    school_id: int | None,
    expected: int | None,
    operator: str | None,
) -> None:
    ua = UnorAlias
    key = _alias_key(unor_name)
    now = _now()
    with engine.begin() as conn:
        if (
            school_id is not None
            and conn.execute(select(School.id).where(School.id == school_id)).scalar() is None
        ):
            raise UserError("Sekolah untuk alias tidak ditemukan.")
        prev = conn.execute(select(ua.school_id).where(ua.unor_key == key)).scalar()
        if school_id is None and prev is None and expected is None:
            return  # nothing to remove, nothing decided
        who = decided_by(conn, operator)
        version = _bump_head(conn, "unor_alias", key, expected, who, now)
        prev = conn.execute(select(ua.school_id).where(ua.unor_key == key)).scalar()
        if version is not None:
            conn.execute(delete(ua).where(ua.unor_key == key))
            if school_id is not None:
                conn.execute(
                    insert(ua).values(
                        unor_key=key,
                        unor_name=unor_name.strip(),
                        school_id=school_id,
                        created_at=_wall(now),
                        version=version,
                        decided_by=who,
                    )
                )
            _event(
                conn,
                kind="unor_alias",
                subject=key,
                target=unor_name.strip(),
                old_value=None if prev is None else str(prev),
                new_value=None if school_id is None else str(school_id),
                outcome="applied",
                seen_version=expected,
                version=version,
                decided_by=who,
                decided_at=now,
            )
            return
        school = (
            conn.execute(select(School.name).where(School.id == prev)).scalar()
            if prev is not None
            else None
        )
        err = _refuse(
            conn,
            kind="unor_alias",
            subject=key,
            person_key=None,
            target=None,
            seen=cast(int, expected),
            attempted=None if school_id is None else str(school_id),
            current=None if prev is None else str(prev),
            current_text=f"sekarang menunjuk {school}" if school else "aliasnya dihapus",
            what=f'Alias unor "{unor_name.strip()}"',
            who=who,
            now=now,
        )
    raise err


# -- reading: versions and history ---------------------------------------------------------------
def decision_versions(conn: Connection, person_key: str) -> DecisionVersions:
    findings = {
        (r.who, r.code, r.field): int(r.version)
        for r in conn.execute(
            select(
                FindingState.who, FindingState.code, FindingState.field, FindingState.version
            ).where(FindingState.who == person_key)
        )
    }
    return DecisionVersions(
        findings,
        _head(conn, "match", person_key)[0],
        _head(conn, "unor_condition", person_key)[0],
    )


def unor_alias_version(conn: Connection, unor_name: str) -> int:
    return _head(conn, "unor_alias", _alias_key(unor_name))[0]


def _legacy_time(at: datetime | None) -> datetime:
    """finding_event.at written before 0003 (and by automatic changes): the PC's wall time."""
    if at is None:
        return datetime.fromtimestamp(0, UTC)
    return at.astimezone(UTC)  # a naive time is taken as local


def decision_history(conn: Connection, person_key: str) -> list[HistoryLine]:
    """Everything decided about one person (or a school-level key), oldest first: workflow
    changes (operator, workbook and automatic), match and unor-condition decisions, the alias
    decisions about the unor their SIASN record names (target: the unor name), refused stale
    attempts included."""
    fe = FindingEvent
    lines: list[tuple[datetime, int, int, HistoryLine]] = []
    for r in conn.execute(
        select(fe.__table__).where(fe.who == person_key).order_by(fe.id)
    ).mappings():
        at = r["decided_at"] or _legacy_time(r["at"])
        line = HistoryLine(
            kind="status",
            at=at,
            decided_by=r["decided_by"],
            channel=r["by"],
            outcome=r["outcome"],
            old_value=r["old_status"],
            new_value=r["new_status"],
            note=r["note"],
            old_note=r["old_note"],
            code=r["code"],
            field=r["field"],
            version=r["version"],
            seen_version=r["seen_version"],
        )
        lines.append((at, 0, r["id"], line))
    de = DecisionEvent
    from operator_app.store.queries.unors import person_unor_names

    unors = {_alias_key(name): name for name in person_unor_names(conn, person_key)}
    about = de.person_key == person_key
    if unors:
        about = about | ((de.kind == "unor_alias") & de.subject.in_(sorted(unors)))
    for r in conn.execute(select(de.__table__).where(about).order_by(de.id)).mappings():
        line = HistoryLine(
            kind=r["kind"],
            at=r["decided_at"],
            decided_by=r["decided_by"],
            channel="operator",
            outcome=r["outcome"],
            old_value=r["old_value"],
            new_value=r["new_value"],
            note=r["note"],
            # a refused alias attempt stores no name: the unor it is about, as SIASN writes it
            target=r["target"] or (unors.get(r["subject"]) if r["kind"] == "unor_alias" else None),
            version=r["version"],
            seen_version=r["seen_version"],
        )
        lines.append((r["decided_at"], 1, r["id"], line))
    lines.sort(key=lambda t: (t[0], t[1], t[2]))
    return [t[3] for t in lines]
