"""One person's detail: Dapodik beside SIASN, the match, the findings (indexed, one person)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import ColumnElement, Connection, select

from operator_app.core.views import Candidate, FieldPair, MatchInfo, PersonDetail
from operator_app.store.checks import OPEN
from operator_app.store.models import (
    ImportBatch,
    MatchDecision,
    MatchRow,
    PtkRow,
    School,
    SiasnRow,
    UnorCondition,
    tbl,
)
from operator_app.store.queries.findings import load_findings
from operator_app.store.queries.people import person_rows_for_key

B = tbl(ImportBatch)
P = tbl(PtkRow)
S = tbl(School)
SI = tbl(SiasnRow)
M = tbl(MatchRow)
MD = tbl(MatchDecision)
UC = tbl(UnorCondition)


def _fmt_date(iso: object) -> str:
    if not iso:
        return ""
    try:
        d = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return d.strftime("%d-%m-%Y")


_PTK_FIELDS = (
    "nama",
    "nip_raw",
    "nik",
    "nuptk",
    "tanggal_lahir",
    "jk",
    "tempat_lahir",
    "status_kepegawaian",
    "jenis_ptk",
    "tugas_tambahan",
    "tmt_pns",
)


# Finding.field (the JSON contract's short names) -> the detail view's row label.
_FIELD_ROW = {
    "JK": "Jenis Kelamin",
    "Unor": "Sekolah / Unor",
    "Kepala Sekolah": "Jenis PTK / Jabatan",
}


def person_detail(conn: Connection, person_key: str) -> PersonDetail:
    rows = person_rows_for_key(conn, person_key)
    findings = load_findings(conn, person_key=person_key)
    if person_key.startswith("school:"):
        return PersonDetail(rows, (), tuple(findings), None)
    ptk = conn.execute(
        select(
            P.c.id,
            P.c.nama,
            P.c.nip_raw,
            P.c.nik,
            P.c.nuptk,
            P.c.tanggal_lahir,
            P.c.jk,
            P.c.tempat_lahir,
            P.c.status_kepegawaian,
            P.c.jenis_ptk,
            P.c.tugas_tambahan,
            P.c.tmt_pns,
            S.c.name,
        )
        .join(B, B.c.id == P.c.batch_id)
        .join(S, S.c.id == P.c.school_id)
        .where(B.c.is_current.is_(True), P.c.person_key == person_key)
        .order_by(P.c.id)
        .limit(1)
    ).first()
    match = None
    siasn = None
    if ptk is not None:
        m = conn.execute(
            select(M.c.siasn_id, M.c.by, M.c.score, M.c.doubtful, M.c.candidates_json).where(
                M.c.ptk_id == ptk[0]
            )
        ).first()
        if m is not None:
            decision = conn.execute(
                select(MD.c.decision)
                .where(MD.c.person_key == person_key)
                .order_by(MD.c.decided_at.desc(), MD.c.siasn_key)
            ).scalar()
            ids = json.loads(m[4]) or ([m[0]] if m[0] else [])
            cands = tuple(_candidate(conn, i) for i in ids if (m[3] or len(ids) > 1))
            match = MatchInfo(m[1], float(m[2] or 0), bool(m[3]), decision, cands)
            if m[0]:
                siasn = _siasn(conn, SI.c.id == m[0])
    elif person_key.startswith("siasn:"):
        siasn = _siasn(conn, SI.c.person_key == person_key, current=True)
    d = ptk or (None,) * 13
    s = siasn or {}
    pairs = [
        ("Nama", d[1] or "", s.get("nama") or "", "name"),
        ("NIP", d[2] or "", s.get("nip_baru") or "", "id"),
        ("NIP lama", "", s.get("nip_lama") or "", "info"),
        ("NIK", d[3] or "", s.get("nik") or "", "id"),
        ("NUPTK", d[4] or "", "", "info"),
        ("Tanggal Lahir", _fmt_date(d[5]), _fmt_date(s.get("tanggal_lahir")), "id"),
        ("Jenis Kelamin", d[6] or "", s.get("jk") or "", "id"),
        ("Tempat Lahir", d[7] or "", "", "info"),
        ("Status Kepegawaian", d[8] or "", _kind_text(s), "info"),
        ("Jenis PTK / Jabatan", d[9] or "", s.get("jabatan_nama") or "", "info"),
        ("Tugas Tambahan", d[10] or "", "", "info"),
        ("Sekolah / Unor", d[12] or "", s.get("unor_nama") or "", "name"),
        ("Kedudukan Hukum", "", s.get("kedudukan_hukum_nama") or "", "info"),
        ("TMT PNS", _fmt_date(d[11]), _fmt_date(s.get("tmt_pns")), "id"),
    ]
    flagged = {_FIELD_ROW.get(f.field, f.field) for f in findings if f.status in OPEN and f.field}
    fields = tuple(
        FieldPair(label, a, str(b), bool(a and b and _differs(a, str(b), how)) or label in flagged)
        for label, a, b, how in pairs
    )
    cond = conn.execute(select(UC.c.condition).where(UC.c.person_key == person_key)).scalar()
    return PersonDetail(rows, fields, tuple(findings), match, cond)


def _differs(a: str, b: str, how: str) -> bool:
    if how == "info":
        return False
    if how == "name":
        from operator_app.core.names import name_key

        return name_key(a) != name_key(b)
    return a.replace(" ", "") != b.replace(" ", "")


def _kind_text(s: dict[str, object]) -> str:
    parts = [str(s[k]) for k in ("jenis_pegawai_nama", "status_cpns_pns") if s.get(k)]
    return " / ".join(parts)


_SIASN_COLS = (
    "id",
    "nama",
    "nip_baru",
    "nip_lama",
    "nik",
    "tanggal_lahir",
    "jk",
    "jabatan_nama",
    "unor_nama",
    "kedudukan_hukum_nama",
    "tmt_pns",
    "jenis_pegawai_nama",
    "status_cpns_pns",
    "person_key",
)


def _siasn(
    conn: Connection, where: ColumnElement[bool], current: bool = False
) -> dict[str, object] | None:
    stmt = select(*(SI.c[c] for c in _SIASN_COLS)).where(where)
    if current:
        stmt = stmt.join(B, (B.c.id == SI.c.batch_id) & B.c.is_current.is_(True))
    row = conn.execute(stmt.order_by(SI.c.id).limit(1)).first()
    return dict(zip(_SIASN_COLS, row, strict=True)) if row else None


def _candidate(conn: Connection, siasn_id: int) -> Candidate:
    s = _siasn(conn, SI.c.id == siasn_id) or {}
    return Candidate(
        str(s.get("person_key") or ""),
        str(s.get("nama") or ""),
        str(s.get("nip_baru") or ""),
        _fmt_date(s.get("tanggal_lahir")),
        str(s.get("unor_nama") or ""),
    )
