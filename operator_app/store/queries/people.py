"""One row per person (or school) for the teacher table: Dapodik, SIASN and open findings."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from operator_app.core.model import SEVERITY_ORDER, Finding
from operator_app.core.views import PersonRow
from operator_app.store.checks import OPEN
from operator_app.store.loading import raw_rows
from operator_app.store.models import ImportBatch, MatchRow, PtkRow, School, SiasnRow, tbl
from operator_app.store.queries.findings import load_findings

B = tbl(ImportBatch)
P = tbl(PtkRow)
S = tbl(School)
SI = tbl(SiasnRow)
M = tbl(MatchRow)

# The name shown for a school's own row (findings about the school, not a person).
SCHOOL_ROW_PREFIX = "Sekolah: "


def _workflow(statuses: list[str]) -> str:
    for s in ("baru", "diajukan", "selesai", "diabaikan"):
        if s in statuses:
            return s
    return ""


def _ptk_rows(conn: Connection, school_id: int | None, person_key: str | None) -> list[Any]:
    stmt = (
        select(
            P.c.person_key,
            P.c.nama,
            P.c.school_id,
            S.c.name,
            P.c.nip_raw,
            P.c.nik,
            P.c.status_kepegawaian,
            SI.c.nip_baru,
            SI.c.unor_nama,
            P.c.id,
        )
        .join(B, B.c.id == P.c.batch_id)
        .join(S, S.c.id == P.c.school_id)
        .join(M, M.c.ptk_id == P.c.id, isouter=True)
        .join(SI, SI.c.id == M.c.siasn_id, isouter=True)
        .where(B.c.is_current.is_(True))
    )
    if school_id is not None:
        stmt = stmt.where(P.c.school_id == school_id)
    if person_key is not None:
        stmt = stmt.where(P.c.person_key == person_key)
    rows = raw_rows(conn, stmt)  # plain tuples: 20,000 Row objects cost as much as the query
    # First row of a person by name order (then file order): the same on every engine.
    rows.sort(key=lambda r: (r[1] or "", r[9]))
    return rows


def _siasn_info(conn: Connection, ids: list[int]) -> dict[int, tuple[str, str]]:
    info: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in conn.execute(
            select(SI.c.id, SI.c.nip_baru, SI.c.unor_nama).where(SI.c.id.in_(chunk))
        ):
            info[int(r[0])] = (r[1] or "", r[2] or "")
    return info


def person_rows(
    conn: Connection, school_id: int | None = None, person_key: str | None = None
) -> list[PersonRow]:
    """Every person of the school (or all schools), or just `person_key` (one indexed query)."""
    findings = load_findings(conn, school_id, person_key=person_key)
    by_person: dict[str, list[Finding]] = defaultdict(list)
    by_school: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.person_key:
            by_person[f.person_key].append(f)
        else:  # KEPSEK_TIDAK_ADA: the school itself gets a row, first in its school
            by_school[f.key[0]].append(f)
    rows: dict[str, PersonRow] = {}
    if person_key is None or not person_key.startswith("school:"):
        for r in _ptk_rows(conn, school_id, person_key):
            if r[0] in rows:
                continue
            rows[r[0]] = _row(
                r[0], r[1], r[2], r[3], r[4] or "", r[7] or "", r[5] or "", r[6] or "",
                r[8] or "", by_person.get(r[0], []), False,
            )  # fmt: skip
    siasn_ids = [
        f.siasn_id for key, fs in by_person.items() if key not in rows for f in fs if f.siasn_id
    ]
    siasn_info = _siasn_info(conn, siasn_ids)
    for key, fs in by_person.items():
        if key in rows:
            continue
        f = fs[0]
        nip_s, unor = siasn_info.get(f.siasn_id or -1, (f.nip or "", ""))
        rows[key] = _row(
            key, f.nama or "", f.school_id, f.school_name or "", "", nip_s, f.nik or "", "",
            unor, fs, all(x.ptk_id is None for x in fs),
        )  # fmt: skip
    for key, fs in by_school.items():
        name = fs[0].school_name or ""
        rows[key] = _row(key, f"{SCHOOL_ROW_PREFIX}{name}", fs[0].school_id, name,
                         "", "", "", "", "", fs, False)  # fmt: skip
    return sorted(
        rows.values(),
        key=lambda r: (r.school_name, not r.person_key.startswith("school:"), r.nama),
    )


def _row(
    key: str,
    nama: str,
    school_id: int | None,
    school: str,
    nip_d: str,
    nip_s: str,
    nik: str,
    status: str,
    unor: str,
    fs: list[Finding],
    only_siasn: bool,
) -> PersonRow:
    if not fs:  # most people: no findings (the same values as below, without the passes)
        return PersonRow(
            person_key=key, nama=nama, school_id=school_id, school_name=school, nip_dapodik=nip_d,
            nip_siasn=nip_s, nik=nik, status_kepegawaian=status, unor=unor, worst_severity=None,
            n_findings=0, workflow="", only_in_siasn=only_siasn,
        )  # fmt: skip
    open_fs = [f for f in fs if f.status in OPEN]
    worst = min((f.severity for f in open_fs), key=lambda s: SEVERITY_ORDER[s], default=None)
    return PersonRow(
        person_key=key,
        nama=nama,
        school_id=school_id,
        school_name=school,
        nip_dapodik=nip_d,
        nip_siasn=nip_s,
        nik=nik,
        status_kepegawaian=status,
        unor=unor,
        worst_severity=worst,
        n_findings=len(open_fs),
        workflow=_workflow([f.status for f in fs]),
        only_in_siasn=only_siasn,
        codes=tuple(sorted({f.code for f in fs})),
        actors=tuple(sorted({f.actor for f in fs})),
        statuses=tuple(sorted({f.status for f in fs})),
    )


def person_rows_for_key(conn: Connection, person_key: str) -> PersonRow:
    for r in person_rows(conn, person_key=person_key):
        if r.person_key == person_key:
            return r
    raise KeyError(person_key)
