"""The district generator (samples.district): the promised features, and what the app makes of it.

A 50-school district is imported into a real Workspace on a temporary SQLite database and
checked: every planted moved teacher is one PTK_DI_DUA_SEKOLAH case seen by each of its
schools, no school is merged with one that differs by a digit, and TIDAK_ADA_DI_DAPODIK is
exactly the planted set (none caused by a school taken for another).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from operator_app.core.model import Finding
from operator_app.core.schools import compare_schools, parse_school
from operator_app.samples.district import KECAMATAN, District, build_district

N = 50


@pytest.fixture(scope="module")
def district() -> District:
    return build_district(N, seed=11)


@pytest.fixture(scope="module")
def checked(district: District, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from operator_app.store.workspace import Workspace

    folder = tmp_path_factory.mktemp("district")
    files = district.write(folder / "exports")
    ws = Workspace(folder / "district.sqlite3")
    ws.import_files(files.all)
    ws.run_checks()
    yield ws, files
    ws.close()


def test_fifty_schools_with_realistic_distinct_names(district: District) -> None:
    names = [s.name for s in district.schools]
    assert len(names) == N == len(set(names))
    assert {s.kecamatan for s in district.schools} <= set(KECAMATAN)
    assert len({s.kecamatan for s in district.schools}) >= 3
    assert all(s.kabupaten == "Banyumas" for s in district.schools)
    by_pool = defaultdict(list)
    for name in names:
        parsed = parse_school(name)
        by_pool[(parsed.level, parsed.number)].append(name)
    for group in by_pool.values():  # no two schools the app's comparison could take for one
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                assert compare_schools(a, b).verdict == "beda", (a, b)


def test_some_schools_share_a_village_name(district: District) -> None:
    assert district.shared_villages
    for desa, kecs in district.shared_villages.items():
        assert len(set(kecs)) == 2
        at = {s.kecamatan for s in district.schools if parse_school(s.name).place == desa}
        assert at == set(kecs), desa


def test_two_schools_differ_only_by_a_digit(district: District) -> None:
    names = {s.name for s in district.schools}
    assert len(district.digit_pairs) == 2
    for a, b in district.digit_pairs:
        assert {a, b} <= names and len(a) == len(b)
        assert sum(x != y for x, y in zip(a, b, strict=True)) == 1
        assert all(x.isdigit() for x, y in zip(a, b, strict=True) if x != y)
    assert any(parse_school(a).place != parse_school(b).place for a, b in district.digit_pairs)
    units = {r["UNOR_NAMA"] for r in district.siasn_rows}
    assert set(district.digit_units) <= units  # their not-imported digit-neighbours in SIASN


def test_moved_teachers_in_two_and_three_schools(district: District) -> None:
    sizes = Counter(len(m.schools) for m in district.moved)
    assert sizes[2] >= 2 and sizes[3] >= 1
    assert any(m.siasn_school is None for m in district.moved)
    for m in district.moved:
        at = [s.name for s in district.schools for r in s.guru_rows if r["NIK"] == m.nik]
        assert sorted(at) == sorted(m.schools)
        assert sum(r["NIK"] == m.nik for r in district.siasn_rows) == 1


def test_size_and_determinism(district: District) -> None:
    assert len(district.siasn_rows) == 120 * N
    assert 35 * N <= district.n_ptk <= 45 * N
    again = build_district(N, seed=11)
    assert [s.name for s in again.schools] == [s.name for s in district.schools]
    assert again.siasn_rows == district.siasn_rows and again.moved == district.moved
    other = build_district(N, seed=12)
    assert [s.name for s in other.schools] != [s.name for s in district.schools]


def _by_code(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_import_and_check_merge_no_school(checked, district: District) -> None:  # type: ignore[no-untyped-def]
    ws, files = checked
    assert len(files.dapodik) == 2 * N
    schools = {s.name for s in ws.schools()}
    assert schools == {s.name for s in district.schools}
    findings = ws.findings()
    digit_names = {n for pair in district.digit_pairs for n in pair}
    for f in findings:  # nobody at a digit-pair school is placed at its partner, or vice versa
        if f.school_name in digit_names and f.code in ("UNOR_BEDA", "UNOR_NOMENKLATUR"):
            assert f.siasn_value not in digit_names | set(district.digit_units), f
    missing = {(f.siasn_row, f.school_name) for f in _by_code(findings, "TIDAK_ADA_DI_DAPODIK")}
    assert {row for row, _ in missing} == set(district.missing_in_dapodik)
    assert not _by_code(findings, "DUPLIKAT")


def test_every_moved_teacher_is_one_case_seen_by_each_school(checked, district: District) -> None:  # type: ignore[no-untyped-def]
    ws, _ = checked
    cases = _by_code(ws.findings(), "PTK_DI_DUA_SEKOLAH")
    by_key: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for f in cases:
        by_key[f.key].append(f)
    assert len(by_key) == len(district.moved)
    for m in district.moved:
        shown = by_key[(f"nik:{m.nik}", "PTK_DI_DUA_SEKOLAH", "Sekolah")]
        assert sorted(f.school_name or "" for f in shown) == sorted(m.schools)
        assert all(f.suggested_value == m.siasn_school for f in shown)
        if m.siasn_school is None:
            assert all(f.actor == "admin_instansi" for f in shown)
        for school in m.schools:  # each school sees it in its own findings (and export)
            sid = ws.school_by_name(school).id
            assert any(f.code == "PTK_DI_DUA_SEKOLAH" and f.nik == m.nik
                       for f in ws.findings(sid))  # fmt: skip
    unor = [f for f in ws.findings() if f.code.startswith("UNOR_") and f.case_key]
    assert {f.nik for f in unor} <= {m.nik for m in district.moved}
    assert len(unor) >= sum(len(m.schools) - 1 for m in district.moved)


def test_case_state_survives_a_reimport(checked, district: District, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace
    from datetime import timedelta

    from operator_app.samples.fastxlsx import write_dapodik_xlsx_fast

    ws, _ = checked
    m = next(m for m in district.moved if len(m.schools) == 3)
    key = (f"nik:{m.nik}", "PTK_DI_DUA_SEKOLAH", "Sekolah")
    ws.set_status(key, "diajukan", "SK mutasi sudah diminta")
    school = next(s for s in district.schools if s.name == m.schools[0])
    newer = replace(school, downloaded_at=school.downloaded_at + timedelta(days=3))
    newer.guru_rows = [dict(r, Nama=f"{r['Nama']}") for r in reversed(school.guru_rows)]
    path = write_dapodik_xlsx_fast(tmp_path / newer.file_name("guru"), newer, newer.guru_rows)
    ws.import_files([path])
    ws.run_checks()
    shown = [f for f in ws.findings() if f.key == key]
    assert len(shown) == 3 and {f.status for f in shown} == {"diajukan"}
    assert {f.note for f in shown} == {"SK mutasi sudah diminta"}
