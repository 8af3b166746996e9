"""The district overview: one summary per school (PTK, matched, open findings, progress)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import Connection, func, select

from operator_app.core.views import SchoolSummary
from operator_app.store.checks import OPEN
from operator_app.store.loading import school_sort_key
from operator_app.store.models import (
    CheckRun,
    FindingRow,
    FindingState,
    ImportBatch,
    MatchRow,
    PtkRow,
    School,
    tbl,
)
from operator_app.store.queries.overview import local_time

B, P, S, M = tbl(ImportBatch), tbl(PtkRow), tbl(School), tbl(MatchRow)
F, ST, RUN = tbl(FindingRow), tbl(FindingState), tbl(CheckRun)


def school_summaries(conn: Connection) -> list[SchoolSummary]:
    """Every school with current Dapodik data, by kecamatan then name (engine-independent)."""
    current = B.c.is_current.is_(True)
    ptk: dict[int, int] = dict(
        conn.execute(
            select(P.c.school_id, func.count(func.distinct(P.c.person_key)))
            .join(B, B.c.id == P.c.batch_id)
            .where(current)
            .group_by(P.c.school_id)
        ).all()
    )
    matched: dict[int, int] = dict(
        conn.execute(
            select(P.c.school_id, func.count(func.distinct(P.c.person_key)))
            .join(B, B.c.id == P.c.batch_id)
            .join(M, M.c.ptk_id == P.c.id)
            .where(current, M.c.siasn_id.is_not(None))
            .group_by(P.c.school_id)
        ).all()
    )
    sev: dict[int, Counter[str]] = defaultdict(Counter)
    actors: dict[int, Counter[str]] = defaultdict(Counter)
    open_rows = conn.execute(
        select(F.c.school_id, F.c.severity, F.c.actor, F.c.who, F.c.code, F.c.field)
        .join(ST, (ST.c.who == F.c.who) & (ST.c.code == F.c.code) & (ST.c.field == F.c.field))
        .where(ST.c.status.in_(OPEN))
    ).all()
    seen: set[tuple[object, ...]] = set()
    for school_id, severity, actor, *key in open_rows:
        if school_id is None or (school_id, *key) in seen:
            continue  # a duplicate pair shares one state: one open finding
        seen.add((school_id, *key))
        sev[school_id][severity] += 1
        actors[school_id][actor] += 1
    latest: dict[int, tuple[datetime | None, datetime | None]] = {}
    for school_id, imported_at, unduh in conn.execute(
        select(B.c.school_id, B.c.imported_at, B.c.tanggal_unduh).where(
            current, B.c.school_id.is_not(None)
        )
    ):
        have = latest.get(school_id)
        if have is None or (imported_at and have[0] and imported_at > have[0]):
            latest[school_id] = (imported_at, unduh)
    runs = [
        (int(r[0]), r[1])
        for r in conn.execute(select(RUN.c.id, RUN.c.finished_at).order_by(RUN.c.id))
    ]
    progress = _progress(conn, latest, runs)
    out = []
    for sid, name, kecamatan in conn.execute(select(S.c.id, S.c.name, S.c.kecamatan)):
        if sid not in ptk:
            continue  # a school with no current Dapodik rows (only history) is not listed
        imported, unduh = latest.get(sid, (None, None))
        new, fixed = progress.get(sid, (0, 0))
        out.append(
            SchoolSummary(
                school_id=sid,
                name=name,
                kecamatan=kecamatan or "",
                n_ptk=int(ptk.get(sid, 0)),
                n_matched=int(matched.get(sid, 0)),
                n_invalid=sev[sid]["invalid"],
                n_warning=sev[sid]["warning"],
                n_info=sev[sid]["info"],
                by_actor=dict(sorted(actors[sid].items())),
                last_import=local_time(imported),
                tanggal_unduh=local_time(unduh),
                n_new=new,
                n_fixed=fixed,
            )
        )
    out.sort(key=lambda s: (school_sort_key(s.kecamatan), school_sort_key(s.name), s.school_id))
    return out


def _progress(
    conn: Connection,
    latest: dict[int, tuple[datetime | None, datetime | None]],
    runs: list[tuple[int, datetime]],
) -> dict[int, tuple[int, int]]:
    """Per school: findings new / fixed in the first check run after its latest import."""
    if not runs:
        return {}
    first_after: dict[int, int] = {}
    for sid, (imported, _) in latest.items():
        after = next((rid for rid, at in runs if imported is None or at >= imported), None)
        if after is not None and after != runs[0][0]:
            first_after[sid] = after  # the very first run found everything "new": not progress
    out: dict[int, tuple[int, int]] = {}
    for sid, first_seen, resolved in conn.execute(
        select(ST.c.school_id, ST.c.first_seen_run, ST.c.resolved_run)
    ):
        run = first_after.get(sid)
        if run is None:
            continue
        new, fixed = out.get(sid, (0, 0))
        out[sid] = (new + (first_seen >= run), fixed + (resolved is not None and resolved >= run))
    return out
