"""Status rules: STATUS_BUKAN_ASN, STATUS_CPNS_SUDAH_PNS, STATUS_JENIS_BEDA, ASN_TIDAK_DITEMUKAN,
KEDUDUKAN_TIDAK_AKTIF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from checker_records import ALL_SIASN, check, codes_of, nip_for, nip_pppk, one, pair, ptk, siasn

from operator_app.core.catalogue import MSG_BUKAN_ASN


def _pppk(status: str | None = "PPPK") -> tuple:  # type: ignore[type-arg]
    born = date(1993, 2, 14)
    p = ptk("RINA MARLINA, S.Pd.", born, "P", nip=nip_pppk(born, "P"), status=status)
    s = siasn("RINA MARLINA", born, "P", nip_baru=p.nip, nik=p.nik, status_cpns_pns=None,
              jenis_pegawai_nama="PPPK", kedudukan_hukum_id="71", kedudukan_hukum_nama="PPPK Aktif")  # fmt: skip
    return p, s


def test_clean_pppk_and_pns_diperbantukan_have_no_finding() -> None:
    p, s = _pppk()
    assert check([p], [s]).findings == []
    q, t = pair(status="PNS Diperbantukan")
    assert check([q], [t]).findings == []


def test_honorer_in_dapodik_who_is_pppk_in_siasn() -> None:
    p, s = _pppk(status="Guru Honor Sekolah")
    result = check([p], [s])
    assert codes_of(result, p) == {"STATUS_BUKAN_ASN"}
    f = one(result, "STATUS_BUKAN_ASN")
    assert (f.dapodik_value, f.suggested_value, f.actor) == (
        "Guru Honor Sekolah",
        "PPPK",
        "admin_dinas",
    )
    assert f.documents == ("SK PPPK", "KTP") and f.ekinerja_message == MSG_BUKAN_ASN
    assert "menjadi PPPK" in f.action


def test_empty_status_of_a_pns_is_not_asn() -> None:
    p, s = pair(status=None)
    f = one(check([p], [s]), "STATUS_BUKAN_ASN")
    assert (f.dapodik_value, f.suggested_value, f.actor) == ("(kosong)", "PNS", "operator_sekolah")


def test_inactive_siasn_record_is_kedudukan_not_status() -> None:
    p, s = pair(status="Guru Honor Sekolah")
    result = check([p], [replace(s, kedudukan_hukum_id="99", kedudukan_hukum_nama="Pensiun")])
    assert codes_of(result, p) == {"KEDUDUKAN_TIDAK_AKTIF"}


def test_cpns_already_pns() -> None:
    p, s = pair(status="CPNS")
    result = check([p], [replace(s, tmt_pns=date(2021, 3, 1))])
    assert codes_of(result, p) == {"STATUS_CPNS_SUDAH_PNS"}
    f = one(result, "STATUS_CPNS_SUDAH_PNS")
    assert (f.suggested_value, f.severity, f.documents) == ("PNS", "warning", ("SK PNS",))
    assert "TMT PNS 01-03-2021" in f.action
    assert check([p], [replace(s, status_cpns_pns="C")]).findings == []


@pytest.mark.parametrize("dapodik", ["PNS", "CPNS"])
def test_pns_in_dapodik_pppk_in_siasn(dapodik: str) -> None:
    p, s = _pppk(status=dapodik)
    result = check([p], [s])
    assert codes_of(result, p) == {"STATUS_JENIS_BEDA"}
    f = one(result, "STATUS_JENIS_BEDA")
    assert (f.dapodik_value, f.siasn_value, f.suggested_value) == (dapodik, "PPPK", "PPPK")


def test_pppk_in_dapodik_pns_in_siasn() -> None:
    p, s = pair(status="PPPK")
    f = one(check([p], [s]), "STATUS_JENIS_BEDA")
    assert (f.suggested_value, f.documents) == ("PNS", ("SK PNS",))


def test_asn_not_found() -> None:
    p = ptk("YUSUF MAULANA", date(1988, 10, 2), "L")
    result = check([p], [siasn("ORANG LAIN", date(1970, 1, 1), "L")])
    assert codes_of(result, p) == {"ASN_TIDAK_DITEMUKAN"}
    f = one(result, "ASN_TIDAK_DITEMUKAN")
    assert f.actor == "pegawai" and "MyASN" in f.action and f.siasn_file is None
    nip_only = replace(p, status_kepegawaian="Guru Honor Sekolah")  # a NIP says ASN too
    result = check([nip_only], [siasn("X", date(1970, 1, 1), "L")])
    assert codes_of(result, nip_only) == {"ASN_TIDAK_DITEMUKAN"}


def test_no_asn_not_found_for_honorer_or_several_candidates() -> None:
    honorer = ptk("AHMAD FAUZI", date(1995, 3, 4), "L", nip=None, status="Guru Honor Sekolah")
    assert codes_of(check([honorer], [siasn("X", date(1970, 1, 1), "L")]), honorer) == set()
    born = date(1985, 1, 1)
    alone = ptk("SITI AMINAH", born, "P", nip=None, nik=None)
    twins = [siasn("SITI AMINAH", born, "P", unor=u) for u in ("SD NEGERI 9 X", "SD NEGERI 8 X")]
    assert codes_of(check([alone], twins), alone) == {"PADANAN_RAGU"}


@pytest.mark.parametrize(
    ("kid", "nama"), [("99", "Pensiun"), ("02", "CLTN"), ("04", "Pemberhentian Sementara"),
                      (None, "Diberhentikan")],
)  # fmt: skip
def test_kedudukan_tidak_aktif(kid: str | None, nama: str) -> None:
    p, s = pair()
    result = check([p], [replace(s, kedudukan_hukum_id=kid, kedudukan_hukum_nama=nama)])
    assert codes_of(result, p) == {"KEDUDUKAN_TIDAK_AKTIF"}
    f = one(result, "KEDUDUKAN_TIDAK_AKTIF")
    assert (f.siasn_value, f.field) == (nama, "Kedudukan Hukum")


@pytest.mark.parametrize(
    ("kid", "nama"), [("3", "Tugas Belajar"), ("20", "Masa Persiapan Pensiun")]
)
def test_warning_kedudukan_gives_no_finding(kid: str, nama: str) -> None:
    p, s = pair()
    assert (
        check([p], [replace(s, kedudukan_hukum_id=kid, kedudukan_hukum_nama=nama)]).findings == []
    )


def test_kedudukan_skipped_without_its_columns() -> None:
    p, s = pair()
    cols = ALL_SIASN - {"kedudukan_hukum_id", "kedudukan_hukum_nama"}
    result = check([p], [replace(s, kedudukan_hukum_id=None, kedudukan_hukum_nama="Pensiun")],
                   siasn_columns=cols)  # fmt: skip
    assert "KEDUDUKAN_TIDAK_AKTIF" not in codes_of(result)
    reason = next(k.reason for k in result.skipped if k.code == "KEDUDUKAN_TIDAK_AKTIF")
    assert reason == "kolom KEDUDUKAN_HUKUM_ID / KEDUDUKAN_HUKUM_NAMA tidak ada di file SIASN"


def test_no_siasn_file_skips_the_comparisons() -> None:
    p = ptk("YUSUF MAULANA", date(1988, 10, 2), "L", nip=nip_for(date(1988, 10, 2), "L"))
    result = check([p], [], with_head=False)
    assert codes_of(result) == {"KEPSEK_TIDAK_ADA"}
    assert ("ASN_TIDAK_DITEMUKAN", "file SIASN belum diimpor") in {
        (k.code, k.reason) for k in result.skipped
    }
