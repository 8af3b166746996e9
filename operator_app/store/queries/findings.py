"""Findings of the latest check run, with each one's workflow state."""

from __future__ import annotations

from sqlalchemy import Connection, and_, select

from operator_app.core.checker import sort_key
from operator_app.core.model import Finding
from operator_app.store.checks import OPEN, finding_from_payload
from operator_app.store.models import FindingRow, FindingState, tbl

F = tbl(FindingRow)
ST = tbl(FindingState)


def finding_order(f: Finding) -> tuple[object, ...]:
    """The checker's sort key with ties broken on content (a re-check of some schools stores
    its rows after the others'; reading gives the same order as a full check)."""
    return (*sort_key(f), f.field or "", f.siasn_row or 0, f.siasn_file or "")


def load_findings(
    conn: Connection,
    school_id: int | None = None,
    include_closed: bool = True,
    person_key: str | None = None,
) -> list[Finding]:
    stmt = select(F.c.payload_json, ST.c.status, ST.c.note).join(
        ST,
        and_(ST.c.who == F.c.who, ST.c.code == F.c.code, ST.c.field == F.c.field),
        isouter=True,
    )
    if school_id is not None:
        stmt = stmt.where(F.c.school_id == school_id)
    if person_key is not None:
        stmt = stmt.where(F.c.who == person_key)
    out = [finding_from_payload(r[0], r[1], r[2]) for r in conn.execute(stmt.order_by(F.c.id))]
    out.sort(key=finding_order)  # the checker's order, however the rows were stored
    if not include_closed:
        out = [f for f in out if f.status in OPEN]
    return out
