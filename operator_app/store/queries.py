"""Read-side queries for the UI and the reports: findings, per-person rows, details, overviews."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, datetime

from sqlalchemy import Connection, text

from operator_app.core.model import SEVERITY_ORDER, Finding, School
from operator_app.core.views import (
    Candidate,
    FieldPair,
    MatchInfo,
    PersonDetail,
    PersonRow,
    SchoolOverview,
    SourceInfo,
)
from operator_app.store.checks import OPEN, finding_from_payload
from operator_app.store.keys import from_iso


def load_findings(
    conn: Connection, school_id: int | None = None, include_closed: bool = True
) -> list[Finding]:
    sql = (
        "SELECT f.payload_json, s.status, s.note FROM finding f LEFT JOIN finding_state s "
        "ON s.who = f.who AND s.code = f.code AND s.field = f.field"
    )
    params: dict[str, object] = {}
    if school_id is not None:
        sql += " WHERE f.school_id = :s"
        params["s"] = school_id
    sql += " ORDER BY f.id"
    out = [finding_from_payload(r[0], r[1], r[2]) for r in conn.execute(text(sql), params)]
    if not include_closed:
        out = [f for f in out if f.status in OPEN]
    return out


def _workflow(statuses: list[str]) -> str:
    for s in ("baru", "diajukan", "selesai", "diabaikan"):
        if s in statuses:
            return s
    return ""


def person_rows(conn: Connection, school_id: int | None = None) -> list[PersonRow]:
    findings = load_findings(conn, school_id)
    by_person: dict[str, list[Finding]] = defaultdict(list)
    by_school: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.person_key:
            by_person[f.person_key].append(f)
        else:  # KEPSEK_TIDAK_ADA: the school itself gets a row, first in its school
            by_school[f.key[0]].append(f)
    sql = (
        "SELECT p.person_key, p.nama, p.school_id, s.name, p.nip_raw, p.nik, p.status_kepegawaian, "
        "si.nip_baru, si.unor_nama FROM ptk p JOIN import_batch b ON b.id = p.batch_id "
        "JOIN school s ON s.id = p.school_id LEFT JOIN ptk_match m ON m.ptk_id = p.id "
        "LEFT JOIN siasn si ON si.id = m.siasn_id WHERE b.is_current = 1"
    )
    params: dict[str, object] = {}
    if school_id is not None:
        sql += " AND p.school_id = :s"
        params["s"] = school_id
    rows: dict[str, PersonRow] = {}
    for r in conn.execute(text(sql + " ORDER BY p.nama"), params):
        if r[0] in rows:
            continue
        rows[r[0]] = _row(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4] or "",
            r[7] or "",
            r[5] or "",
            r[6] or "",
            r[8] or "",
            by_person.get(r[0], []),
            False,
        )
    siasn_ids = [
        f.siasn_id for key, fs in by_person.items() if key not in rows for f in fs if f.siasn_id
    ]
    siasn_info: dict[int, tuple[str, str]] = {}
    for chunk in range(0, len(siasn_ids), 500):
        ids = siasn_ids[chunk : chunk + 500]
        sql_ids = ", ".join(str(int(i)) for i in ids)
        for r in conn.execute(
            text(f"SELECT id, nip_baru, unor_nama FROM siasn WHERE id IN ({sql_ids})")
        ):
            siasn_info[int(r[0])] = (r[1] or "", r[2] or "")
    for key, fs in by_person.items():
        if key in rows:
            continue
        f = fs[0]
        nip_s, unor = siasn_info.get(f.siasn_id or -1, (f.nip or "", ""))
        rows[key] = _row(
            key,
            f.nama or "",
            f.school_id,
            f.school_name or "",
            "",
            nip_s,
            f.nik or "",
            "",
            unor,
            fs,
            all(x.ptk_id is None for x in fs),
        )
    for key, fs in by_school.items():
        name = fs[0].school_name or ""
        rows[key] = _row(key, f"{SCHOOL_ROW_PREFIX}{name}", fs[0].school_id, name,
                         "", "", "", "", "", fs, False)  # fmt: skip
    return sorted(
        rows.values(),
        key=lambda r: (r.school_name, not r.person_key.startswith("school:"), r.nama),
    )


# The name shown for a school's own row (findings about the school, not a person).
SCHOOL_ROW_PREFIX = "Sekolah: "


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
    findings = [f for f in load_findings(conn) if f.key[0] == person_key]
    if person_key.startswith("school:"):
        return PersonDetail(rows, (), tuple(findings), None)
    ptk = conn.execute(
        text(
            "SELECT p.id, p.nama, p.nip_raw, p.nik, p.nuptk, p.tanggal_lahir, p.jk, p.tempat_lahir, "
            "p.status_kepegawaian, p.jenis_ptk, p.tugas_tambahan, p.tmt_pns, s.name "
            "FROM ptk p JOIN import_batch b ON b.id = p.batch_id JOIN school s ON s.id = p.school_id "
            "WHERE b.is_current = 1 AND p.person_key = :k ORDER BY p.id LIMIT 1"
        ),
        {"k": person_key},
    ).first()
    match = None
    siasn = None
    if ptk is not None:
        m = conn.execute(
            text(
                "SELECT siasn_id, by, score, doubtful, candidates_json FROM ptk_match WHERE ptk_id=:i"
            ),
            {"i": ptk[0]},
        ).first()
        if m is not None:
            decision = conn.execute(
                text(
                    "SELECT decision FROM match_decision WHERE person_key=:k ORDER BY decided_at DESC"
                ),
                {"k": person_key},
            ).scalar()
            ids = json.loads(m[4]) or ([m[0]] if m[0] else [])
            cands = tuple(_candidate(conn, i) for i in ids if (m[3] or len(ids) > 1))
            match = MatchInfo(m[1], float(m[2] or 0), bool(m[3]), decision, cands)
            if m[0]:
                siasn = _siasn(conn, "id = :v", m[0])
    elif person_key.startswith("siasn:"):
        siasn = _siasn(conn, "person_key = :v", person_key, current=True)
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
    cond = conn.execute(
        text("SELECT condition FROM unor_condition WHERE person_key=:k"), {"k": person_key}
    ).scalar()
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
    conn: Connection, where: str, value: object, current: bool = False
) -> dict[str, object] | None:
    sql = f"SELECT {', '.join('si.' + c for c in _SIASN_COLS)} FROM siasn si"
    if current:
        sql += " JOIN import_batch b ON b.id = si.batch_id AND b.is_current = 1"
    row = conn.execute(text(f"{sql} WHERE si.{where} LIMIT 1"), {"v": value}).first()
    return dict(zip(_SIASN_COLS, row, strict=True)) if row else None


def _candidate(conn: Connection, siasn_id: int) -> Candidate:
    s = _siasn(conn, "id = :v", siasn_id) or {}
    return Candidate(
        str(s.get("person_key") or ""),
        str(s.get("nama") or ""),
        str(s.get("nip_baru") or ""),
        _fmt_date(s.get("tanggal_lahir")),
        str(s.get("unor_nama") or ""),
    )


def person_rows_for_key(conn: Connection, person_key: str) -> PersonRow:
    for r in person_rows(conn):
        if r.person_key == person_key:
            return r
    raise KeyError(person_key)


def overview(conn: Connection, school_id: int | None = None) -> SchoolOverview:
    school = None
    if school_id is not None:
        r = conn.execute(
            text("SELECT id, name, kecamatan, kabupaten, provinsi FROM school WHERE id=:i"),
            {"i": school_id},
        ).first()
        school = School(r[0], r[1], r[2], r[3], r[4]) if r else None
    findings = [f for f in load_findings(conn, school_id) if f.status in OPEN]
    by_sev = Counter(f.severity for f in findings)
    by_code = Counter(f.code for f in findings)
    by_actor = Counter(f.actor for f in findings)
    by_status = Counter(f.status for f in load_findings(conn, school_id))
    where = "" if school_id is None else " AND (b.school_id = :s OR b.kind = 'siasn')"
    sources = tuple(
        SourceInfo(r[0], r[1], r[2], from_iso(r[3]), from_iso(r[4]) or datetime.min, r[5])
        for r in conn.execute(
            text(
                "SELECT b.kind, b.file_name, s.name, b.tanggal_unduh, b.imported_at, b.row_count "
                "FROM import_batch b LEFT JOIN school s ON s.id = b.school_id "
                f"WHERE b.is_current = 1{where} ORDER BY s.name, b.kind"
            ),
            {"s": school_id},
        )
    )
    run = conn.execute(text("SELECT max(id) FROM check_run")).scalar()
    swhere = "" if school_id is None else " AND school_id = :s"
    new = conn.execute(
        text(f"SELECT count(*) FROM finding_state WHERE first_seen_run = :r{swhere}"),
        {"r": run, "s": school_id},
    ).scalar()
    resolved = conn.execute(
        text(f"SELECT count(*) FROM finding_state WHERE resolved_run = :r{swhere}"),
        {"r": run, "s": school_id},
    ).scalar()
    first_run = conn.execute(text("SELECT min(id) FROM check_run")).scalar()
    n_ptk = conn.execute(
        text(
            "SELECT count(DISTINCT p.person_key) FROM ptk p JOIN import_batch b ON b.id = p.batch_id "
            f"WHERE b.is_current = 1{'' if school_id is None else ' AND p.school_id = :s'}"
        ),
        {"s": school_id},
    ).scalar()
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
