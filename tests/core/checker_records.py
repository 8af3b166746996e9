"""Builders of Ptk/Siasn records for the checker tests: realistic, consistent people.

(Named checker_records, not builders: tests/builders.py already owns that module name.)
A person's NIP carries their birth date and sex, their NIK the same date (+40 for women);
`pair()` gives one clean Dapodik row and its SIASN row, which produce no finding at all.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from typing import Any

from operator_app.core.checker import run_checks
from operator_app.core.model import CheckInput, CheckResult, Decisions, Ptk, School, Siasn
from operator_app.core.names import name_key
from operator_app.sources.layouts import DAPODIK_FIELDS, SIASN_FIELDS

SCHOOL = School(1, "SD NEGERI 3 SUKAMAJU", "Kec. Cibeber", "Kab. Cianjur")
NEIGHBOUR = School(2, "SD NEGERI 4 SUKAMAJU", "Kec. Cibeber", "Kab. Cianjur")
GURU = "daftar-guru-SD NEGERI 3 SUKAMAJU-2026-11-20 08_00_00.xlsx"
TENDIK = "daftar-tendik-SD NEGERI 3 SUKAMAJU-2026-11-20 08_00_00.xlsx"
SIASN_FILE = "export-data-asn-cianjur.csv"
ALL_SIASN = frozenset(SIASN_FIELDS)
ALL_DAPODIK = frozenset(DAPODIK_FIELDS)
TODAY = date(2026, 11, 20)

_ids = itertools.count(1)
_rows = itertools.count(6)


def nip_for(born: date, jk: str, tmt: str = "201001", serial: int = 1) -> str:
    """PNS/CPNS NIP: YYYYMMDD birth date, YYYYMM TMT, sex digit, 3-digit serial."""
    return f"{born:%Y%m%d}{tmt}{1 if jk == 'L' else 2}{serial:03d}"


def nip_pppk(born: date, jk: str, year: int = 2022, serial: int = 1) -> str:
    """NI PPPK: YYYYMMDD birth date, YYYY TMT year, '2', round '1', sex digit, serial."""
    return f"{born:%Y%m%d}{year}21{1 if jk == 'L' else 2}{serial:03d}"


def nik_for(born: date, jk: str, region: str = "320301", serial: int = 1) -> str:
    """NIK: region, DDMMYY birth date (day + 40 for women), 4-digit serial."""
    day = born.day + (40 if jk == "P" else 0)
    return f"{region}{day:02d}{born:%m%y}{serial:04d}"


def ptk(
    nama: str = "Dra. Hj. SITI AMINAH, S.Pd.",
    born: date | None = date(1985, 1, 1),
    jk: str | None = "P",
    *,
    nip: str | None = "auto",
    nik: str | None = "auto",
    school: School = SCHOOL,
    kind: str = "dapodik_guru",
    status: str | None = "PNS",
    **kw: Any,
) -> Ptk:
    """A Dapodik row whose NIP and NIK agree with the birth date and sex unless given."""
    if nip == "auto":
        nip = nip_for(born or date(1985, 1, 1), jk or "L", serial=next(_ids) % 900 + 1)
    if nik == "auto":
        nik = nik_for(born or date(1985, 1, 1), jk or "L", serial=next(_ids) % 9000 + 1)
    pid = kw.pop("id", next(_ids))
    fields: dict[str, Any] = {
        "id": pid,
        "school_id": school.id,
        "school_name": school.name,
        "kind": kind,
        "source_file": GURU if kind == "dapodik_guru" else TENDIK,
        "row": next(_rows),
        "nama": nama,
        "nip": nip,
        "nip_raw": nip,
        "nip_numeric": False,
        "nik": nik,
        "nik_numeric": False,
        "nuptk": None,
        "jk": jk,
        "tanggal_lahir": born,
        "status_kepegawaian": status,
        "jenis_ptk": "Guru",
        "tugas_tambahan": None,
    }
    fields.update(kw)
    p = Ptk(**fields)
    key = f"nik:{p.nik}" if p.nik and len(p.nik) == 16 and not p.nik_numeric else (
        f"nama:{name_key(p.nama)}|{p.tanggal_lahir or '-'}|{p.school_id}")  # fmt: skip
    return replace(p, person_key=kw.get("person_key", key), nama_key=name_key(p.nama))


def siasn(
    nama: str = "SITI AMINAH",
    born: date | None = date(1985, 1, 1),
    jk: str | None = "P",
    *,
    nip_baru: str | None = None,
    nik: str | None = None,
    unor: str | None = SCHOOL.name,
    **kw: Any,
) -> Siasn:
    """A SIASN row (active PNS by default); NIP and NIK follow birth date and sex unless given."""
    nip_baru = nip_baru or nip_for(born or date(1985, 1, 1), jk or "L", serial=next(_ids) % 900 + 1)
    fields: dict[str, Any] = {
        "id": kw.pop("id", next(_ids)),
        "source_file": SIASN_FILE,
        "row": kw.pop("row", next(_rows)),
        "nama": nama,
        "nip_baru": nip_baru,
        "nip_lama": None,
        "pns_id": f"A5EB03E2{next(_ids):024d}",
        "tanggal_lahir": born,
        "jk": jk,
        "nik": nik,
        "jenis_pegawai_nama": "PNS Daerah",
        "kedudukan_hukum_id": "1",
        "kedudukan_hukum_nama": "Aktif",
        "status_cpns_pns": "P",
        "unor_nama": unor,
    }
    fields.update(kw)
    s = Siasn(**fields)
    return replace(s, person_key=f"siasn:{s.nip_baru or s.pns_id}", nama_key=name_key(s.nama))


def pair(
    nama: str = "Dra. Hj. SITI AMINAH, S.Pd.",
    born: date = date(1985, 1, 1),
    jk: str = "P",
    *,
    school: School = SCHOOL,
    **kw: Any,
) -> tuple[Ptk, Siasn]:
    """One clean person: the Dapodik row and the SIASN row agree on everything."""
    p = ptk(nama, born, jk, school=school, **kw)
    s = siasn(name_key(nama), born, jk, nip_baru=p.nip, nik=p.nik, unor=school.name)
    return p, s


def head(school: School = SCHOOL, **kw: Any) -> tuple[Ptk, Siasn]:
    """A clean ASN Kepala Sekolah, so that a school is not flagged KEPSEK_TIDAK_ADA."""
    return pair("Drs. BAMBANG SUTRISNO, M.Pd.", date(1970, 5, 17), "L", school=school,
                jenis_ptk="Kepala Sekolah", **kw)  # fmt: skip


def check_input(
    ptks: list[Ptk],
    siasns: list[Siasn],
    decisions: Decisions | None = None,
    *,
    siasn_columns: frozenset[str] = ALL_SIASN,
    dapodik_columns: frozenset[str] = ALL_DAPODIK,
    with_head: bool = True,
) -> CheckInput:
    """The input of run_checks; a clean head of school is added to every school by default."""
    ptks, siasns = list(ptks), list(siasns)
    if with_head:
        for school in (SCHOOL, NEIGHBOUR):
            if any(p.school_id == school.id for p in ptks):
                h, hs = head(school)
                ptks.append(h)
                siasns.append(hs)
    return CheckInput(
        schools=(SCHOOL, NEIGHBOUR),
        ptk=tuple(ptks),
        siasn=tuple(siasns),
        siasn_columns=siasn_columns,
        dapodik_columns=dapodik_columns,
        decisions=decisions or Decisions(),
        today=TODAY,
    )


def check(ptks: list[Ptk], siasns: list[Siasn], **kw: Any) -> CheckResult:
    return run_checks(check_input(ptks, siasns, **kw))


def codes_of(result: CheckResult, p: Ptk | None = None) -> set[str]:
    """Codes found on one Dapodik row (all codes when p is None)."""
    return {f.code for f in result.findings if p is None or f.ptk_id == p.id}


def one(result: CheckResult, code: str) -> Any:
    """The single finding of a code (fails when there are none or several)."""
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, (code, [(f.code, f.nama) for f in result.findings])
    return found[0]
