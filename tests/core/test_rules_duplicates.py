"""DUPLIKAT: one NIP or NIK on several Dapodik rows, or on several relevant SIASN rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker_records import (
    GURU,
    NEIGHBOUR,
    SIASN_FILE,
    TENDIK,
    check,
    codes_of,
    nik_for,
    nip_for,
    pair,
    ptk,
    siasn,
)


def _dups(result):  # type: ignore[no-untyped-def]
    return [f for f in result.findings if f.code == "DUPLIKAT"]


def test_teacher_in_both_the_guru_and_the_tendik_file() -> None:
    p, s = pair()
    twin = replace(p, id=p.id + 100000, kind="dapodik_tendik", source_file=TENDIK, row=9,
                   jenis_ptk="Tenaga Kependidikan")  # fmt: skip
    result = check([p, twin], [s])
    dups = _dups(result)
    assert {(f.dapodik_file, f.dapodik_row) for f in dups} == {(GURU, p.row), (TENDIK, 9)}
    assert all(f.severity == "invalid" and f.actor == "operator_sekolah" for f in dups)
    assert all(f.field == "NIP" and f.dapodik_value == p.nip for f in dups)
    tendik = next(f for f in dups if f.dapodik_file == TENDIK)
    assert f"file guru baris {p.row}" in tendik.detail and "NIK" in tendik.detail
    assert codes_of(result, p) == codes_of(result, twin) == {"DUPLIKAT"}


def test_same_nik_at_two_schools_is_no_duplicate_but_one_case() -> None:
    p, s = pair()
    other = ptk("SITI AMINAH", p.tanggal_lahir, "P", nip=None, nik=p.nik, school=NEIGHBOUR,
                status="Guru Honor Sekolah")  # fmt: skip
    result = check([p, other], [s])
    assert _dups(result) == []
    cases = [f for f in result.findings if f.code == "PTK_DI_DUA_SEKOLAH"]
    assert {f.ptk_id for f in cases} == {p.id, other.id}


def test_different_people_and_numeric_nips_are_no_duplicates() -> None:
    born = date(1985, 1, 1)
    a, sa = pair("SITI AMINAH", born, "P", nip=nip_for(born, "P", serial=3))
    b, sb = pair("SITI AMINAH", born, "P", nip=nip_for(born, "P", serial=7),
                 nik=nik_for(born, "P", region="320302", serial=2))  # fmt: skip
    assert _dups(check([a, b], [sa, sb])) == []
    # both typed as numbers: 15 significant digits left, the same for both, but not a duplicate
    na = replace(a, nip=(a.nip or "")[:15] + "000", nip_numeric=True)
    nb = replace(b, nip=(b.nip or "")[:15] + "000", nip_numeric=True)
    result = check([na, nb], [sa, sb])
    assert _dups(result) == [] and codes_of(result) == {"NIP_RUSAK"}


def test_two_siasn_rows_with_one_nip() -> None:
    p, s = pair()
    old = replace(s, id=s.id + 100000, row=4000, unor_nama="DINAS PENDIDIKAN KABUPATEN CIANJUR")
    result = check([p], [s, old])
    dups = _dups(result)
    assert {(f.siasn_file, f.siasn_row) for f in dups} == {(SIASN_FILE, s.row), (SIASN_FILE, 4000)}
    assert all(f.dapodik_file is None and f.actor == "admin_instansi" for f in dups)
    assert all(f.school_name == p.school_name for f in dups)
    assert codes_of(result, p) == {"PADANAN_RAGU"}
    assert result.matches[p.id].siasn_id == s.id


def test_twin_siasn_rows_elsewhere_are_not_our_business() -> None:
    p, s = pair()
    born = date(1970, 4, 4)
    nik = nik_for(born, "L", region="320501")
    far = [siasn("ASEP", born, "L", nik=nik, unor="SD NEGERI 7 CIRANJANG"),
           siasn("ASEP S", born, "L", nik=nik, unor="SD NEGERI 8 CIRANJANG")]  # fmt: skip
    assert _dups(check([p], [s, *far])) == []
