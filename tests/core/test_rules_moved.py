"""PTK_DI_DUA_SEKOLAH: one person active in two or three schools' Dapodik is one case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker_records import NEIGHBOUR, SCHOOL, TENDIK, check, nik_for, nip_for, pair, ptk, siasn

from operator_app.core.model import CheckResult, Finding, Ptk, School

THIRD = School(3, "SD NEGERI 1 KARANGSARI", "Kec. Cibeber", "Kab. Cianjur")
CODE = "PTK_DI_DUA_SEKOLAH"


def _cases(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if f.code == CODE]


def _at(p: Ptk, school: School, **kw: object) -> Ptk:
    """The same person's row in another school's export."""
    fields: dict[str, object] = {"row": 11, **kw}
    return replace(p, id=p.id + 1000 * school.id, school_id=school.id, school_name=school.name,
                   source_file=f"daftar-guru-{school.name}-2026-11-19 10_00_00.xlsx",
                   **fields)  # type: ignore[arg-type]  # fmt: skip


def test_teacher_in_two_schools_is_one_case_seen_by_both() -> None:
    p, s = pair("Dra. SITI AMINAH, S.Pd.", date(1984, 2, 3), "P", school=SCHOOL)
    s = replace(s, unor_nama="UPT SDN 4 SUKAMAJU")  # SIASN: she now works at the neighbour
    moved = _at(p, NEIGHBOUR)
    result = check([p, moved], [s])
    cases = _cases(result)
    assert {f.school_id for f in cases} == {SCHOOL.id, NEIGHBOUR.id}
    assert {f.key for f in cases} == {(p.person_key, CODE, "Sekolah")}  # one workflow state
    assert all(f.severity == "invalid" and f.actor == "operator_sekolah" for f in cases)
    for f in cases:
        assert SCHOOL.name in f.detail and NEIGHBOUR.name in f.detail
        assert f.dapodik_value == f"{SCHOOL.name}; {NEIGHBOUR.name}"
        assert f.siasn_value == "UPT SDN 4 SUKAMAJU" and f.suggested_value == NEIGHBOUR.name
    left = next(f for f in cases if f.school_id == SCHOOL.id)
    new = next(f for f in cases if f.school_id == NEIGHBOUR.id)
    assert left.ptk_id == p.id and "PTK keluar" in left.action and NEIGHBOUR.name in left.action
    assert new.ptk_id == moved.id and "tarik data" in new.action and "tujuan" in new.action
    assert not [f for f in result.findings if f.code == "DUPLIKAT"]
    # Her UNOR findings (B/C at the school she left, A at the new one) point at the case.
    unor = [f for f in result.findings if f.code.startswith("UNOR_")]
    assert sorted((f.code, f.ptk_id) for f in unor) == [
        ("UNOR_BEDA", p.id), ("UNOR_NOMENKLATUR", moved.id)]  # fmt: skip
    assert all(f.case_key == f"{p.person_key}|{CODE}|Sekolah" for f in unor)
    assert all(CODE in f.action for f in unor)
    assert not [f for f in result.findings if f.code == "TIDAK_ADA_DI_DAPODIK"]


def test_teacher_in_three_schools_with_a_double_row_at_one() -> None:
    p, s = pair("AHMAD FAUZI", date(1979, 8, 17), "L", school=SCHOOL)
    twin = replace(p, id=p.id + 500, kind="dapodik_tendik", source_file=TENDIK, row=8)
    second, third = _at(p, NEIGHBOUR), _at(p, THIRD, nik=None)  # NIP alone joins the third
    result = check([p, twin, second, third], [s])
    cases = _cases(result)
    assert sorted(f.school_name for f in cases) == sorted([SCHOOL.name, NEIGHBOUR.name, THIRD.name])
    assert len({f.key for f in cases}) == 1
    assert all("3 sekolah" in f.detail and "file tendik baris 8" in f.detail for f in cases)
    here = next(f for f in cases if f.school_id == SCHOOL.id)
    assert here.suggested_value == SCHOOL.name and "tarik data" in here.action
    for f in cases:
        if f.school_id != SCHOOL.id:
            assert "PTK keluar" in f.action and f.school_name in f.action
    assert not [f for f in result.findings if f.code == "DUPLIKAT"]  # the case replaces it


def test_siasn_names_neither_school_the_bkd_acts() -> None:
    p, s = pair("RINA MARLINA", date(1988, 11, 30), "P", school=SCHOOL)
    s = replace(s, unor_nama="DINAS PENDIDIKAN DAN KEBUDAYAAN")
    result = check([p, _at(p, NEIGHBOUR)], [s])
    cases = _cases(result)
    assert len(cases) == 2 and all(f.actor == "admin_instansi" for f in cases)
    assert all(f.suggested_value is None and "Manajemen Pegawai" in f.action for f in cases)
    unor = [f for f in result.findings if f.code == "UNOR_BEDA"]
    assert len(unor) == 2 and all(f.case_key == cases[0].case_key for f in unor)


def test_honorer_in_two_schools_without_siasn() -> None:
    p = ptk("DEWI RAHAYU", date(1996, 4, 4), "P", nip=None, status="Guru Honor Sekolah")
    result = check([p, _at(p, NEIGHBOUR)], [])
    cases = _cases(result)
    assert len(cases) == 2 and all(f.actor == "operator_sekolah" for f in cases)
    assert all(f.siasn_value is None and "SK Mutasi" in f.action for f in cases)


def test_no_case_for_two_different_people_with_similar_names() -> None:
    born = date(1981, 5, 6)
    a, sa = pair("SITI AMINAH", born, "P", school=SCHOOL)
    b, sb = pair("SITI AMINAH, S.Pd.", born, "P", school=NEIGHBOUR)  # a homonym: own NIK/NIP
    c, sc = pair("SITI AMINAH", date(1981, 5, 7), "P", school=THIRD)
    result = check([a, b, c], [sa, sb, sc])
    assert _cases(result) == []
    assert not [f for f in result.findings if f.code == "DUPLIKAT"]


def test_same_nik_typed_for_someone_else_stays_duplikat() -> None:
    """Same NIK on two schools, but another name and birth date: a typo, not a move."""
    a, sa = pair("BAMBANG SUTRISNO", date(1975, 1, 2), "L", school=SCHOOL)
    b = ptk("YUSUF MAULANA", date(1990, 9, 9), "L", nik=a.nik, school=NEIGHBOUR)
    result = check([a, b], [sa])
    assert _cases(result) == []
    assert {f.ptk_id for f in result.findings if f.code == "DUPLIKAT"} == {a.id, b.id}


def test_duplikat_within_one_school_still_works_next_to_a_case() -> None:
    p, s = pair("ENDANG KURNIAWAN", date(1983, 3, 3), "L", school=SCHOOL)
    q, sq = pair("NURUL HIDAYAT", date(1986, 6, 6), "P", school=SCHOOL)
    q_twin = replace(q, id=q.id + 700, kind="dapodik_tendik", source_file=TENDIK, row=12)
    result = check([p, _at(p, NEIGHBOUR), q, q_twin], [s, sq])
    assert {f.ptk_id for f in result.findings if f.code == "DUPLIKAT"} == {q.id, q_twin.id}
    assert {f.ptk_id for f in _cases(result)} == {p.id, p.id + 1000 * NEIGHBOUR.id}


def test_case_key_survives_reimport_and_does_not_depend_on_siasn() -> None:
    """Row ids, row numbers and the SIASN unor change between imports; the key does not."""
    born = date(1977, 7, 7)
    nik, nip = nik_for(born, "L", serial=4242), nip_for(born, "L", serial=424)
    p = ptk("ASEP HIDAYAT", born, "L", nik=nik, nip=nip, school=SCHOOL)
    s = siasn("ASEP HIDAYAT", born, "L", nip_baru=nip, nik=nik, unor=SCHOOL.name)
    first = {f.key for f in _cases(check([p, _at(p, NEIGHBOUR)], [s]))}
    p2 = replace(p, id=p.id + 99, row=30)
    s2 = replace(s, unor_nama=NEIGHBOUR.name)
    second = {f.key for f in _cases(check([p2, _at(p2, NEIGHBOUR, row=40)], [s2]))}
    assert first == second == {(f"nik:{nik}", CODE, "Sekolah")}


def test_nip_only_rows_share_one_key() -> None:
    """No NIK on either row: the person keys differ per school, the case key is still one."""
    p, s = pair("YUSUF FAUZI", date(1980, 10, 10), "L", school=SCHOOL, nik=None)
    other = _at(p, NEIGHBOUR, person_key="nama:YUSUF FAUZI|1980-10-10|2")
    keys = {f.key for f in _cases(check([p, other], [s]))}
    assert len(keys) == 1
