"""The SIASN unor names of one person's current SIASN record(s), for their decision history.

An unor alias is decided per unor name, not per person; a person's history shows the alias
decisions about the unor their SIASN record names (store/decisions.decision_history).
"""

from __future__ import annotations

from sqlalchemy import Connection, select, union

from operator_app.store.models import ImportBatch, MatchDecision, MatchRow, PtkRow, SiasnRow, tbl

B, P, M, SI, MD = (tbl(t) for t in (ImportBatch, PtkRow, MatchRow, SiasnRow, MatchDecision))


def person_unor_names(conn: Connection, person_key: str) -> list[str]:
    """Unor names of the SIASN rows that are this person's: the row matched to their current
    Dapodik row, a row they were confirmed to, or the row itself for a SIASN-only person."""
    current = select(B.c.id).where(B.c.is_current.is_(True))
    matched = (
        select(M.c.siasn_id)
        .join(P, P.c.id == M.c.ptk_id)
        .where(P.c.person_key == person_key, P.c.batch_id.in_(current))
    )
    confirmed = select(MD.c.siasn_key).where(
        MD.c.person_key == person_key, MD.c.decision == "confirm"
    )
    # three indexed look-ups joined by UNION: one OR over them made SQLite scan every SIASN
    # row (~35 ms per teacher's detail at 60,000 SIASN rows)
    ids = union(
        matched,
        select(SI.c.id).where(SI.c.person_key.in_(confirmed)),
        select(SI.c.id).where(SI.c.person_key == person_key),
    ).subquery()
    rows = conn.execute(
        select(SI.c.unor_nama)
        .where(SI.c.id.in_(select(ids.c[0])), SI.c.batch_id.in_(current))
        .distinct()
    ).scalars()
    return sorted({str(name).strip() for name in rows if name and str(name).strip()})
