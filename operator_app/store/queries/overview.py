"""The overview of one school (or all): counts by severity, code, actor, status; the sources."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import Connection, and_, distinct, func, select, true

from operator_app.core.model import School
from operator_app.core.views import SchoolOverview, SourceInfo
from operator_app.store.checks import OPEN, finding_from_payload
from operator_app.store.loading import school_sort_key
from operator_app.store.models import (
    CheckRun,
    FindingRow,
    FindingState,
    ImportBatch,
    PtkRow,
    tbl,
)
from operator_app.store.models import School as SchoolRow
from operator_app.store.queries.findings import load_findings

B = tbl(ImportBatch)
P = tbl(PtkRow)
S = tbl(SchoolRow)
ST = tbl(FindingState)
RUN = tbl(CheckRun)
F = tbl(FindingRow)


def local_time(value: datetime | None) -> datetime | None:
    """Stored instants shown in this PC's local time (naive, as the views always had them)."""
    return value.astimezone().replace(tzinfo=None) if value is not None else None


def severity_by_school(conn: Connection) -> dict[int, dict[str, int]]:
    """Open findings by severity for every school at once: the `by_severity` that
    `overview(conn, school_id)` gives each school, in one read instead of one per school (the
    Ringkasan lists every school; 500 overviews took ~2 s)."""
    stmt = select(F.c.school_id, F.c.payload_json, ST.c.status, ST.c.note).join(
        ST, and_(ST.c.who == F.c.who, ST.c.code == F.c.code, ST.c.field == F.c.field), isouter=True
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for school_id, payload, status, note in conn.execute(stmt):
        if school_id is None:
            continue
        finding = finding_from_payload(payload, status, note)
        if finding.status in OPEN:
            counts[school_id][str(finding.severity)] += 1
    return {sid: dict(c) for sid, c in counts.items()}


def overview(conn: Connection, school_id: int | None = None) -> SchoolOverview:
    school = None
    if school_id is not None:
        r = conn.execute(
            select(S.c.id, S.c.name, S.c.kecamatan, S.c.kabupaten, S.c.provinsi).where(
                S.c.id == school_id
            )
        ).first()
        school = School(r[0], r[1], r[2], r[3], r[4]) if r else None
    every = load_findings(conn, school_id)  # read once: the window asks for each school
    findings = [f for f in every if f.status in OPEN]
    by_sev = Counter(f.severity for f in findings)
    by_code = Counter(f.code for f in findings)
    by_actor = Counter(f.actor for f in findings)
    by_status = Counter(f.status for f in every)
    src_stmt = (
        select(B.c.kind, B.c.file_name, S.c.name, B.c.tanggal_unduh, B.c.imported_at, B.c.row_count)
        .join(S, S.c.id == B.c.school_id, isouter=True)
        .where(B.c.is_current.is_(True))
    )
    if school_id is not None:
        src_stmt = src_stmt.where((B.c.school_id == school_id) | (B.c.kind == "siasn"))
    found = sorted(
        conn.execute(src_stmt), key=lambda r: (r[2] is not None, school_sort_key(r[2]), r[0])
    )
    sources = tuple(
        SourceInfo(r[0], r[1], r[2], local_time(r[3]), local_time(r[4]) or datetime.min, r[5])
        for r in found
    )
    run = conn.execute(select(func.max(RUN.c.id))).scalar()
    first_run = conn.execute(select(func.min(RUN.c.id))).scalar()
    in_school = ST.c.school_id == school_id if school_id is not None else true()
    new = conn.execute(
        select(func.count()).select_from(ST).where(ST.c.first_seen_run == run, in_school)
    ).scalar()
    resolved = conn.execute(
        select(func.count()).select_from(ST).where(ST.c.resolved_run == run, in_school)
    ).scalar()
    ptk_stmt = (
        select(func.count(distinct(P.c.person_key)))
        .join(B, B.c.id == P.c.batch_id)
        .where(B.c.is_current.is_(True))
    )
    if school_id is not None:
        ptk_stmt = ptk_stmt.where(P.c.school_id == school_id)
    n_ptk = conn.execute(ptk_stmt).scalar()
    return SchoolOverview(
        school=school,
        by_severity={str(k): v for k, v in by_sev.items()},
        by_code=dict(by_code),
        by_actor={str(k): v for k, v in by_actor.items()},
        by_status={str(k): v for k, v in by_status.items()},
        sources=sources,
        new_since_previous=int(new or 0) if run != first_run else 0,
        resolved_since_previous=int(resolved or 0),
        n_ptk=int(n_ptk or 0),
    )
