"""Applying a correction workbook's statuses as a set: a few statements for thousands of rows.

The editor's compare-and-set (store/decisions.py) runs one UPDATE ... RETURNING per status,
~0.1 ms of driver and SQLAlchemy overhead each. A workbook brings back thousands at once, so
here the rows are locked and read in chunks, checked in Python (the version the workbook was
exported with, or any later one made only by this same workbook), and written with one
executemany UPDATE guarded by the version just read, and one insert of the history.

Locking: on SQLite a no-op UPDATE takes the write lock before anything is read (a read first
would let another writer slip in and make the later write fail); on PostgreSQL the rows are
read FOR UPDATE. The version guard on the UPDATE would catch a change all the same: then the
set is retried (`ChangedMeanwhile`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, false, insert, select, tuple_, update

from operator_app.core.errors import UserError
from operator_app.store.decisions import _FE, _FS, FindingKey, _wall, status_event
from operator_app.store.models import UtcDateTime

StatusItem = tuple[FindingKey, str, str | None, int | None]  # key, status, note, seen version
CHUNK = 300  # keys per IN (...) of three columns: well under SQLite's variable limit

_LOCK = update(_FS).where(false()).values(version=_FS.c.version)
_KEY_COLS = (_FS.c.who, _FS.c.code, _FS.c.field)
_WRITE = (
    update(_FS)
    .where(
        (_FS.c.who == bindparam("k_who"))
        & (_FS.c.code == bindparam("k_code"))
        & (_FS.c.field == bindparam("k_field"))
        & (_FS.c.version == bindparam("read_version"))
    )
    .values(
        status=bindparam("new_status"),
        note=bindparam("new_note"),
        auto=False,
        updated_at=bindparam("wall_at", type_=UtcDateTime()),
        version=bindparam("new_version"),
        decided_by=bindparam("by_name"),
        decided_at=bindparam("by_at", type_=UtcDateTime()),
        workbook_id=bindparam("wb_id"),
    )
)


class ChangedMeanwhile(Exception):
    """A row moved on between the locked read and the write (should not happen): retry."""


def _locked_states(conn: Connection, keys: Sequence[FindingKey]) -> dict[FindingKey, list[Any]]:
    """key -> [version, status, note, workbook_id] as of now, the rows locked."""
    out: dict[FindingKey, list[Any]] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = list(keys[start : start + CHUNK])
        stmt = (
            select(*_KEY_COLS, _FS.c.version, _FS.c.status, _FS.c.note, _FS.c.workbook_id)
            .where(tuple_(*_KEY_COLS).in_(chunk))
            .with_for_update()
        )
        for r in conn.execute(stmt):
            out[(r[0], r[1], r[2])] = [int(r[3]), r[4], r[5], r[6]]
    return out


def apply_workbook_statuses(
    conn: Connection,
    items: Sequence[StatusItem],
    channel: str,
    who: str,
    now: datetime,
    workbook_id: str | None,
) -> list[int]:
    """Apply every item that is not stale, in the caller's transaction (its first statement:
    call before reading anything); returns the indexes of the stale ones. A key may come more
    than once (two rows sharing one state): each is a change of its own, as in the editor."""
    if conn.dialect.name == "sqlite":
        conn.execute(_LOCK)
    keys = list(dict.fromkeys(item[0] for item in items))
    states = _locked_states(conn, keys)
    if len(states) < len(keys):
        raise UserError(  # a re-check between reading and writing, or another school's rows
            "Sebagian temuan di workbook ini tidak ada lagi di database ini atau bukan milik "
            "sekolah akun ini. Tidak ada yang diubah. Bila pemeriksaan ulang baru saja berjalan, "
            "baca workbook ini sekali lagi; bila ini workbook sekolah lain, pakai workbook "
            "sekolah Anda sendiri."
        )
    read = {key: state[0] for key, state in states.items()}
    stale: list[int] = []
    events: list[dict[str, Any]] = []
    for index, (key, status, note, seen) in enumerate(items):
        state = states[key]
        version, old_status, old_note, made_by = state
        mine = workbook_id is not None and made_by == workbook_id
        if seen is not None and version != seen and not mine:
            stale.append(index)
            continue
        state[:] = [version + 1, status, note, workbook_id]
        events.append(
            status_event(
                key,
                (old_status, old_note),
                (status, note),
                channel=channel,
                outcome="applied",
                seen=seen,
                version=version + 1,
                who=who,
                now=now,
                workbook_id=workbook_id,
            )
        )
    writes = [
        {
            "k_who": key[0],
            "k_code": key[1],
            "k_field": key[2],
            "read_version": read[key],
            "new_status": states[key][1],
            "new_note": states[key][2],
            "wall_at": _wall(now),
            "new_version": states[key][0],
            "by_name": who,
            "by_at": now,
            "wb_id": workbook_id,
        }
        for key in keys
        if states[key][0] != read[key]
    ]
    if writes:
        if conn.execute(_WRITE, writes).rowcount != len(writes):
            raise ChangedMeanwhile
        conn.execute(insert(_FE), events)
    return stale
