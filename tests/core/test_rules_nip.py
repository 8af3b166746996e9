"""NIP rules: NIP_KOSONG, NIP_BEDA, NIP_LAMA, NIP_RUSAK, NIP_TIDAK_SESUAI_TGL_LAHIR/_JK."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker_records import ALL_DAPODIK, check, codes_of, nip_for, nip_pppk, one, pair, ptk, siasn

from operator_app.core.catalogue import MSG_TOMBOL_SINKRON


def test_clean_person_with_spaced_nip_and_titles_has_no_finding() -> None:
    p, s = pair("Dra. Hj. SITI AMINAH, S.Pd.")
    p = replace(p, nip_raw=f"{p.nip[:8]} {p.nip[8:14]} {p.nip[14]} {p.nip[15:]}")  # type: ignore[index]
    assert check([p], [s]).findings == []


def test_nip_kosong_suggests_the_siasn_nip() -> None:
    p, s = pair()
    empty = replace(p, nip=None, nip_raw=None)
    result = check([empty], [s])
    f = one(result, "NIP_KOSONG")
    assert codes_of(result, empty) == {"NIP_KOSONG"}
    assert (f.field, f.dapodik_value, f.siasn_value, f.suggested_value) == (
        "NIP",
        "",
        s.nip_baru,
        s.nip_baru,
    )
    assert (f.severity, f.actor, f.where, f.match_by) == (
        "invalid",
        "operator_sekolah",
        "Verval PTK",
        "nik",
    )
    assert f.ekinerja_message.startswith(MSG_TOMBOL_SINKRON)
    assert s.nip_baru in f.action and "Verval PTK" in f.action and f.documents == ("SK CPNS",)


def test_nip_kosong_of_a_pppk_asks_for_the_sk_pppk() -> None:
    born = date(1992, 7, 9)
    p = ptk("RINA MARLINA", born, "P", nip=None, status="PPPK")
    s = siasn("RINA MARLINA", born, "P", nip_baru=nip_pppk(born, "P"), nik=p.nik,
              status_cpns_pns=None, kedudukan_hukum_id="71", kedudukan_hukum_nama="PPPK Aktif")  # fmt: skip
    f = one(check([p], [s]), "NIP_KOSONG")
    assert f.documents == ("SK PPPK",) and "SK PPPK" in f.action


def test_empty_nip_of_an_honorer_without_siasn_record_is_no_finding() -> None:
    honorer = ptk("AHMAD FAUZI", date(1995, 3, 4), "L", nip=None, status="Guru Honor Sekolah")
    other = siasn("AHMAD FAUZAN", date(1990, 2, 3), "L")
    assert codes_of(check([honorer], [other]), honorer) == set()


def test_nip_beda_shows_both_and_the_differing_digits() -> None:
    p, s = pair()
    nip = p.nip or ""
    typo = replace(p, nip=nip[:17] + ("8" if nip[17] == "9" else "9"))
    result = check([typo], [s])
    f = one(result, "NIP_BEDA")
    assert codes_of(result, typo) == {"NIP_BEDA"}
    assert (f.dapodik_value, f.siasn_value, f.suggested_value) == (typo.nip, s.nip_baru, s.nip_baru)
    assert "(digit ke-18 berbeda)" in f.detail
    assert f"dari {typo.nip} menjadi {s.nip_baru}" in f.action and "SK CPNS" in f.action
    assert f.match_by == "nik" and f.match_score == 1.0


def test_numeric_nip_is_rusak_with_the_siasn_nip_suggested_never_beda() -> None:
    born = date(1985, 1, 1)
    good = nip_for(born, "P", serial=3)
    p, s = pair(born=born, nip=good)
    numeric = replace(p, nip="198501012010012000", nip_raw="1.98501E+17", nip_numeric=True)
    result = check([numeric], [replace(s, nip_baru="198501012010012003")])
    assert codes_of(result, numeric) == {"NIP_RUSAK"}
    f = one(result, "NIP_RUSAK")
    assert (f.dapodik_value, f.suggested_value, f.match_by) == (
        "1.98501E+17",
        "198501012010012003",
        "nik",
    )
    assert "angka" in f.detail and "198501012010012003" in f.action and "Teks" in f.action


def test_rusak_forms_and_unmatched_rusak_has_no_suggestion() -> None:
    p, s = pair()
    nip = p.nip or ""
    for bad in (nip[:10] + nip[11:], nip[:16] + "O" + nip[17], nip[:12] + "13" + nip[14:]):
        broken = replace(p, nip=bad, nip_raw=bad)
        result = check([broken], [s])
        assert "NIP_RUSAK" in codes_of(result, broken), bad
        assert "NIP_BEDA" not in codes_of(result, broken)
        assert one(result, "NIP_RUSAK").suggested_value == nip
    lonely = replace(p, nip=nip[:17], nik=None)
    f = one(check([lonely], []), "NIP_RUSAK")
    assert f.suggested_value is None and "18 digit" in f.detail


def test_nip_lama_suggests_nip_baru_and_is_not_rusak() -> None:
    p, s = pair()
    s = replace(s, nip_lama="131234567")
    old = replace(p, nip="131234567", nip_raw="131234567")
    result = check([old], [s])
    assert codes_of(result, old) == {"NIP_LAMA"}
    f = one(result, "NIP_LAMA")
    assert (f.dapodik_value, f.suggested_value, f.match_by) == ("131234567", s.nip_baru, "nip_lama")


def test_birth_date_in_nip_disagrees_with_a_wrong_dapodik_date() -> None:
    p, s = pair(born=date(1985, 1, 1))
    wrong = replace(p, tanggal_lahir=date(1985, 1, 4))
    result = check([wrong], [s])
    assert {"NIP_TIDAK_SESUAI_TGL_LAHIR", "TGL_LAHIR_BEDA"} <= codes_of(result, wrong)
    f = one(result, "NIP_TIDAK_SESUAI_TGL_LAHIR")
    assert (f.severity, f.actor, f.suggested_value) == ("warning", "operator_sekolah", "01-01-1985")
    assert f.dapodik_value == "04-01-1985" and "NIP dan SIASN" in f.detail
    assert "Akte Kelahiran" in f.action


def test_nip_carrying_another_date_than_both_sources_goes_to_the_employee() -> None:
    born = date(1985, 1, 1)
    nip = nip_for(date(1984, 12, 30), "P")
    p, s = pair(born=born, nip=nip)
    result = check([p], [s])
    assert codes_of(result, p) == {"NIP_TIDAK_SESUAI_TGL_LAHIR"}
    f = one(result, "NIP_TIDAK_SESUAI_TGL_LAHIR")
    assert f.actor == "pegawai" and f.suggested_value is None and "BKD" in f.action


def test_sex_digit_of_nip_against_jk() -> None:
    p, s = pair(jk="P")
    wrong = replace(p, jk="L")
    result = check([wrong], [s])
    assert {"NIP_TIDAK_SESUAI_JK", "JK_BEDA", "NIK_TIDAK_VALID"} <= codes_of(result, wrong)
    f = one(result, "NIP_TIDAK_SESUAI_JK")
    assert (f.dapodik_value, f.suggested_value, f.field) == ("L", "P", "JK")
    unknown = replace(p, jk=None)
    assert codes_of(check([unknown], [s]), unknown) == set()


def test_identity_checks_of_the_nip_are_skipped_without_their_columns() -> None:
    p, s = pair()
    wrong = replace(p, tanggal_lahir=date(1985, 1, 4))
    result = check([wrong], [s], dapodik_columns=ALL_DAPODIK - {"tanggal_lahir"})
    assert "NIP_TIDAK_SESUAI_TGL_LAHIR" not in codes_of(result)
    assert ("NIP_TIDAK_SESUAI_TGL_LAHIR", "kolom Tanggal Lahir tidak ada di file Dapodik") in {
        (k.code, k.reason) for k in result.skipped
    }


def test_nip_sex_digit_wrong_in_both_sources_goes_to_the_employee() -> None:
    born = date(1985, 1, 1)
    p, s = pair(born=born, jk="P", nip=nip_for(born, "L", serial=12))
    result = check([p], [s])
    assert codes_of(result, p) == {"NIP_TIDAK_SESUAI_JK"}
    f = one(result, "NIP_TIDAK_SESUAI_JK")
    assert (f.actor, f.suggested_value, f.siasn_value) == ("pegawai", None, "P")
    assert "laki-laki" in f.detail and "BKD" in f.action
