"""Unor rules: UNOR_NOMENKLATUR, UNOR_BEDA (conditions B/C, aliases), TIDAK_ADA_DI_DAPODIK."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from checker_records import ALL_SIASN, SCHOOL, SIASN_FILE, check, codes_of, one, pair, siasn

from operator_app.core.catalogue import MSG_NAMA_UNOR
from operator_app.core.model import Decisions
from operator_app.core.schools import school_key


@pytest.mark.parametrize(
    "unor", ["UPT SDN 3 SUKAMAJU", "UPTD SD NEGERI 03 SUKAMAJU", "SDN 3 Sukamaju"]
)
def test_same_school_written_differently_is_nomenklatur(unor: str) -> None:
    p, s = pair()
    result = check([p], [replace(s, unor_nama=unor)])
    assert codes_of(result, p) == {"UNOR_NOMENKLATUR"}
    f = one(result, "UNOR_NOMENKLATUR")
    assert (f.field, f.dapodik_value, f.siasn_value) == ("Unor", SCHOOL.name, unor)
    assert (f.severity, f.actor, f.where) == (
        "warning",
        "admin_instansi",
        "e-Kinerja (Manajemen Unor)",
    )
    assert f.ekinerja_message == MSG_NAMA_UNOR and "Kondisi A" in f.action


@pytest.mark.parametrize(
    "unor", ["SD NEGERI 4 SUKAMAJU", "UPT SDN 4 SUKAMAJU", "SD NEGERI 2 SUKAMAJU",
             "SMP NEGERI 3 SUKAMAJU", "DINAS PENDIDIKAN KABUPATEN CIANJUR"],
)  # fmt: skip
def test_another_school_or_unit_is_unor_beda_never_nomenklatur(unor: str) -> None:
    p, s = pair()
    result = check([p], [replace(s, unor_nama=unor)])
    assert codes_of(result, p) == {"UNOR_BEDA"}
    f = one(result, "UNOR_BEDA")
    assert (f.severity, f.actor, f.siasn_value) == ("invalid", "admin_instansi", unor)
    assert "Kondisi B" in f.action and "Kondisi C" in f.action


def test_operator_condition_sets_the_actor() -> None:
    p, s = pair()
    moved = replace(s, unor_nama="SD NEGERI 4 SUKAMAJU")
    b = one(
        check([p], [moved], decisions=Decisions(unor_conditions={p.person_key: "B"})), "UNOR_BEDA"
    )
    assert (
        b.actor == "admin_instansi" and "Kondisi B" in b.action and "Manajemen Pegawai" in b.action
    )
    c = one(
        check([p], [moved], decisions=Decisions(unor_conditions={p.person_key: "C"})), "UNOR_BEDA"
    )
    assert (c.actor, c.where) == ("operator_sekolah", "Dapodik - menu PTK")
    assert "Kondisi C" in c.action and "Kondisi B" not in c.action


def test_an_alias_turns_unor_beda_into_nomenklatur() -> None:
    p, s = pair()
    unor = "KORWIL PENDIDIKAN CIBEBER SDN TIGA"
    moved = replace(s, unor_nama=unor)
    assert codes_of(check([p], [moved]), p) == {"UNOR_BEDA"}
    alias = Decisions(unor_aliases={school_key(unor): SCHOOL.id})
    result = check([p], [moved], decisions=alias)
    assert codes_of(result, p) == {"UNOR_NOMENKLATUR"}
    assert "operator" in one(result, "UNOR_NOMENKLATUR").detail
    other_school = Decisions(unor_aliases={school_key(unor): 2})
    assert codes_of(check([p], [moved], decisions=other_school), p) == {"UNOR_BEDA"}


def test_siasn_row_at_an_imported_school_missing_from_dapodik() -> None:
    p, s = pair()
    newcomer = siasn("DEDI KURNIAWAN", date(1990, 6, 12), "L", unor="UPT SDN 3 SUKAMAJU", row=1234)
    result = check([p], [s, newcomer])
    f = one(result, "TIDAK_ADA_DI_DAPODIK")
    assert (f.school_id, f.school_name, f.nama, f.nip) == (
        SCHOOL.id,
        SCHOOL.name,
        "DEDI KURNIAWAN",
        newcomer.nip_baru,
    )
    assert (f.siasn_file, f.siasn_row, f.dapodik_file, f.dapodik_row, f.ptk_id) == (
        SIASN_FILE,
        1234,
        None,
        None,
        None,
    )
    assert f.person_key == newcomer.person_key and f.severity == "warning"


def test_no_tidak_ada_for_other_units_inactive_rows_or_candidates() -> None:
    p, s = pair()
    others = [
        siasn("DEDI KURNIAWAN", date(1990, 6, 12), "L", unor="SD NEGERI 4 SUKAMAJU"),
        siasn("ASEP SAEPUDIN", date(1975, 1, 2), "L", unor="SMP NEGERI 3 SUKAMAJU"),
        siasn("ENOK", date(1960, 2, 2), "P", unor=SCHOOL.name, kedudukan_hukum_id="99",
              kedudukan_hukum_nama="Pensiun"),
        siasn("TANPA UNOR", date(1980, 2, 2), "P", unor=None),
    ]  # fmt: skip
    assert codes_of(check([p], [s, *others])) == set()


def test_alias_also_finds_rows_missing_from_dapodik() -> None:
    p, s = pair()
    unor = "KORWIL PENDIDIKAN CIBEBER SDN TIGA"
    newcomer = siasn("DEDI KURNIAWAN", date(1990, 6, 12), "L", unor=unor)
    assert codes_of(check([p], [s, newcomer])) == set()
    alias = Decisions(unor_aliases={school_key(unor): SCHOOL.id})
    assert (
        one(check([p], [s, newcomer], decisions=alias), "TIDAK_ADA_DI_DAPODIK").nama
        == "DEDI KURNIAWAN"
    )


def test_unor_checks_skipped_without_unor_column() -> None:
    p, s = pair()
    result = check([p], [replace(s, unor_nama=None)], siasn_columns=ALL_SIASN - {"unor_nama"})
    assert {k.code for k in result.skipped} == {
        "UNOR_NOMENKLATUR",
        "UNOR_BEDA",
        "TIDAK_ADA_DI_DAPODIK",
    }
    assert result.findings == []
