"""Identity rules: NIK_TIDAK_VALID, NIK_BEDA, NAMA_BEDA, TGL_LAHIR_BEDA, JK_BEDA."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker_records import (
    ALL_SIASN,
    NEIGHBOUR,
    check,
    codes_of,
    nik_for,
    nip_for,
    one,
    pair,
    ptk,
    siasn,
)


def test_titles_case_and_punctuation_are_no_name_difference() -> None:
    p, s = pair("Dra. Hj. SITI AMINAH, S.Pd.")
    assert check([p], [replace(s, nama="Siti Aminah", nama_key="")]).findings == []
    p2, s2 = pair("MOH. ALI IMRON, S.Pd.I", date(1979, 8, 17), "L")
    assert check([p2], [replace(s2, nama="MOH ALI IMRON", nama_key="")]).findings == []


def test_nama_beda() -> None:
    p, s = pair("SITI AMINAH")
    result = check([p], [replace(s, nama="SITI AMINAH", nama_key="")])
    assert codes_of(result, p) == set()
    other = replace(s, nama="SITI AMINI", nama_key="SITI AMINI")
    result = check([p], [other])
    f = one(result, "NAMA_BEDA")
    assert codes_of(result, p) == {"NAMA_BEDA"}
    assert (f.field, f.dapodik_value, f.siasn_value, f.severity) == (
        "Nama",
        "SITI AMINAH",
        "SITI AMINI",
        "warning",
    )
    assert f.actor == "pegawai" and "KTP" in f.action


def test_nik_tidak_valid_forms() -> None:
    born = date(1985, 1, 1)
    p, s = pair(born=born, jk="P")
    nik = p.nik or ""
    short = replace(p, nik=nik[:15])
    f = one(check([short], [s]), "NIK_TIDAK_VALID")
    assert "16 digit" in f.detail and f.actor == "operator_sekolah"
    no_40 = nik_for(born, "L", serial=77)  # a woman's NIK without the +40
    both = replace(p, nik=no_40)
    result = check([both], [replace(s, nik=no_40)])
    assert codes_of(result, both) == {"NIK_TIDAK_VALID"}
    f = one(result, "NIK_TIDAK_VALID")
    assert f.actor == "pegawai" and "laki-laki" in f.detail and "Disdukcapil" in f.action


def test_nik_tidak_valid_suggests_the_valid_siasn_nik() -> None:
    p, s = pair()
    typo = replace(p, nik=(p.nik or "")[:6] + "13" + (p.nik or "")[8:])  # day 13: man's date
    result = check([typo], [s])
    assert {"NIK_TIDAK_VALID", "NIK_BEDA"} <= codes_of(result, typo)
    assert one(result, "NIK_TIDAK_VALID").suggested_value == s.nik


def test_numeric_nik_is_invalid() -> None:
    p, s = pair()
    numeric = replace(p, nik=(p.nik or "")[:12] + "0000", nik_numeric=True)
    result = check([numeric], [s])
    assert codes_of(result, numeric) == {"NIK_TIDAK_VALID"}
    assert "angka" in one(result, "NIK_TIDAK_VALID").detail


def test_nik_beda_when_matched_by_nip() -> None:
    born = date(1985, 1, 1)
    p, s = pair(born=born)
    other_nik = nik_for(born, "P", serial=4321)
    result = check([p], [replace(s, nik=other_nik)])
    f = one(result, "NIK_BEDA")
    assert codes_of(result, p) == {"NIK_BEDA"}
    assert (f.dapodik_value, f.siasn_value, f.severity, f.match_by) == (
        p.nik,
        other_nik,
        "invalid",
        "nip",
    )
    assert "KTP" in f.action and "KK" in f.action


def test_no_nik_beda_when_one_side_has_none() -> None:
    p, s = pair()
    assert check([p], [replace(s, nik=None)]).findings == []
    assert codes_of(check([replace(p, nik=None)], [s])) == set()


def test_tgl_lahir_beda_siasn_wrong_goes_to_the_bkd() -> None:
    p, s = pair(born=date(1985, 3, 7))
    swapped = replace(s, tanggal_lahir=date(1985, 7, 3))
    result = check([p], [swapped])
    assert codes_of(result, p) == {"TGL_LAHIR_BEDA"}
    f = one(result, "TGL_LAHIR_BEDA")
    assert (f.dapodik_value, f.siasn_value, f.suggested_value) == (
        "07-03-1985",
        "03-07-1985",
        "07-03-1985",
    )
    assert f.actor == "admin_instansi" and "tertukar" in f.detail


def test_tgl_lahir_beda_dapodik_wrong_goes_to_verval_ptk() -> None:
    p, s = pair(born=date(1985, 3, 7))
    wrong = replace(p, tanggal_lahir=date(1985, 3, 9))
    f = one(check([wrong], [s]), "TGL_LAHIR_BEDA")
    assert (f.actor, f.where, f.suggested_value) == ("operator_sekolah", "Verval PTK", "07-03-1985")
    assert "dari 09-03-1985 menjadi 07-03-1985" in f.action


def test_jk_beda() -> None:
    p, s = pair(jk="P")
    result = check([p], [replace(s, jk="L")])
    assert codes_of(result, p) == {"JK_BEDA"}
    f = one(result, "JK_BEDA")
    assert (f.dapodik_value, f.siasn_value, f.suggested_value, f.actor) == (
        "P",
        "L",
        "P",
        "admin_instansi",
    )
    assert check([p], [replace(s, jk=None)]).findings == []


def test_homonym_elsewhere_gives_no_field_findings() -> None:
    born = date(1985, 1, 1)
    p = ptk("SITI AMINAH", born, "P", nip=None, status="Guru Honor Sekolah")
    homonym = siasn("SITI AMINAH", born, "P", nip_baru=nip_for(born, "P", serial=555),
                    nik=nik_for(born, "P", region="320302", serial=8), unor=NEIGHBOUR.name)  # fmt: skip
    result = check([p], [homonym])
    assert result.matches[p.id].siasn_id is None
    assert codes_of(result, p) == set()


def test_siasn_without_nik_column_skips_nik_beda() -> None:
    p, s = pair()
    result = check([p], [replace(s, nik=None)], siasn_columns=ALL_SIASN - {"nik"})
    assert ("NIK_BEDA", "kolom NIK tidak ada di file SIASN") in {
        (k.code, k.reason) for k in result.skipped
    }
    assert "NIK_TIDAK_VALID" not in {k.code for k in result.skipped}
