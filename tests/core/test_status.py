"""Status Kepegawaian, kedudukan hukum, PNS/CPNS/PPPK of a SIASN row, and the head of school."""

from __future__ import annotations

import pytest

from operator_app.core.status import (
    StatusInfo,
    is_kepala_sekolah,
    is_plt,
    kedudukan_label,
    kedudukan_state,
    normalise_status,
    siasn_kind,
)


@pytest.mark.parametrize(
    ("text", "label", "is_asn", "kind"),
    [
        ("PNS", "PNS", True, "pns"),
        ("pns", "PNS", True, "pns"),
        (" PNS ", "PNS", True, "pns"),
        ("1", "PNS", True, "pns"),
        ("01", "PNS", True, "pns"),
        ("PNS Diperbantukan", "PNS Diperbantukan", True, "pns"),
        ("2", "PNS Diperbantukan", True, "pns"),
        ("PNS Depag", "PNS Depag", True, "pns"),
        ("CPNS", "CPNS", True, "cpns"),
        ("10", "CPNS", True, "cpns"),
        ("PPPK", "PPPK", True, "pppk"),
        ("P3K", "PPPK", True, "pppk"),
        ("pppk", "PPPK", True, "pppk"),
        ("PPPK Paruh Waktu", "PPPK Paruh Waktu", True, "pppk"),
        ("PPPK  paruh   waktu", "PPPK Paruh Waktu", True, "pppk"),
        ("GTY/PTY", "GTY/PTY", False, None),
        ("4", "GTY/PTY", False, None),
        ("Honor Daerah TK.I Provinsi", "Honor Daerah TK.I Provinsi", False, None),
        ("Honor Daerah TK.I Propinsi", "Honor Daerah TK.I Provinsi", False, None),
        ("GTT/PTT Provinsi", "Honor Daerah TK.I Provinsi", False, None),
        ("GTT/PTT Propinsi", "Honor Daerah TK.I Provinsi", False, None),
        ("5", "Honor Daerah TK.I Provinsi", False, None),
        ("Honor Daerah TK.II Kab/Kota", "Honor Daerah TK.II Kab/Kota", False, None),
        ("Honorer Daerah TK.II Kabupaten/Kota", "Honor Daerah TK.II Kab/Kota", False, None),
        ("GTT/PTT Kab/Kota", "Honor Daerah TK.II Kab/Kota", False, None),
        ("GTT / PTT Kab / Kota", "Honor Daerah TK.II Kab/Kota", False, None),
        ("6", "Honor Daerah TK.II Kab/Kota", False, None),
        ("Guru Bantu Pusat", "Guru Bantu Pusat", False, None),
        ("Guru Honor Sekolah", "Guru Honor Sekolah", False, None),
        ("Guru Honorer Sekolah", "Guru Honor Sekolah", False, None),
        ("8", "Guru Honor Sekolah", False, None),
        ("Tenaga Honor Sekolah", "Tenaga Honor Sekolah", False, None),
        ("9", "Tenaga Honor Sekolah", False, None),
        ("Kontrak Kerja WNA", "Kontrak Kerja WNA", False, None),
        ("51", "Kontrak Kerja WNA", False, None),
        ("PPNPN", "PPNPN", False, None),
        ("Guru Pengganti", "Guru Pengganti", False, None),
        ("Non ASN", "Non ASN", False, None),
        ("Non-ASN", "Non ASN", False, None),
        ("Lainnya", "Lainnya", False, None),
        ("99", "Lainnya", False, None),
    ],
)
def test_normalise_status(text: str, label: str, is_asn: bool, kind: str | None) -> None:
    info = normalise_status(text)
    assert info is not None
    assert (info.label, info.is_asn, info.kind) == (label, is_asn, kind)


def test_normalise_status_unknown_and_empty() -> None:
    assert normalise_status("Pegawai  Kontrak Desa") == StatusInfo(
        "Pegawai Kontrak Desa", False, None
    )
    assert normalise_status("42") == StatusInfo("42", False, None)
    assert normalise_status(None) is None
    assert normalise_status("  ") is None


def test_honor_is_never_asn() -> None:
    # Decoys that contain 'PNS'-like letters but are not ASN.
    for text in ("Guru Honor Sekolah", "GTY/PTY", "Non ASN", "PPNPN", "Non PPPK"):
        info = normalise_status(text)
        assert info is not None and not info.is_asn, text


@pytest.mark.parametrize(
    ("kid", "nama", "state"),
    [
        ("1", "Aktif", "aktif"),
        ("01", None, "aktif"),
        ("71", None, "aktif"),
        (None, "PPPK Aktif", "aktif"),
        ("3", None, "peringatan"),
        ("20", "Masa Persiapan Pensiun", "peringatan"),
        (None, "Masa Persiapan Pensiun", "peringatan"),
        (None, "Tugas Belajar", "peringatan"),
        ("2", None, "tidak_aktif"),
        ("4", None, "tidak_aktif"),
        ("5", None, "tidak_aktif"),
        ("66", None, "tidak_aktif"),
        ("77", None, "tidak_aktif"),
        ("88", None, "tidak_aktif"),
        ("98", None, "tidak_aktif"),
        ("99", "Pensiun", "tidak_aktif"),
        (None, "Pensiun", "tidak_aktif"),
        (None, "CLTN", "tidak_aktif"),
        (None, "Pemberhentian Sementara", "tidak_aktif"),
        (None, "Diberhentikan Dengan Hormat", "tidak_aktif"),
        (None, "Meninggal Dunia", "tidak_aktif"),
        ("", "", None),
        (None, None, None),
        ("555", "Entah", None),
    ],
)
def test_kedudukan_state(kid: str | None, nama: str | None, state: str | None) -> None:
    assert kedudukan_state(kid, nama) == state


def test_kedudukan_label() -> None:
    assert kedudukan_label("01", None) == "Aktif"
    assert kedudukan_label("99", None) == "Pensiun"
    assert kedudukan_label("20", "  Masa  Persiapan Pensiun ") == "Masa Persiapan Pensiun"
    assert kedudukan_label("555", None) == "kedudukan hukum 555"
    assert kedudukan_label(None, None) == ""


@pytest.mark.parametrize(
    ("status", "jenis", "kedudukan", "nip", "kind"),
    [
        ("P", "PNS Daerah", "Aktif", "196711101992031001", "pns"),
        ("C", "PNS Daerah", "Aktif", "199501012024031001", "cpns"),
        ("p", None, None, None, "pns"),
        (None, "PPPK", "PPPK Aktif", "200012312024211001", "pppk"),
        (None, None, None, "200012312024211001", "pppk"),
        ("", "Pegawai Pemerintah dengan Perjanjian Kerja", None, None, "pppk"),
        (None, None, "PPPK Aktif", None, "pppk"),
        # STATUS_CPNS_PNS is meaningless for PPPK: the NIP pattern wins.
        ("P", None, None, "200012312024211001", "pppk"),
        (None, None, None, "196711101992031001", "pns"),
        (None, None, None, "196711101992131001", None),
        (None, None, None, "131234567", None),
        (None, None, None, None, None),
    ],
)
def test_siasn_kind(
    status: str | None, jenis: str | None, kedudukan: str | None, nip: str | None, kind: str | None
) -> None:
    assert siasn_kind(status, jenis, kedudukan, nip) == kind


@pytest.mark.parametrize(
    ("jenis_ptk", "tugas", "expected"),
    [
        ("Kepala Sekolah", None, True),
        ("Guru", "Kepala Sekolah", True),
        ("Guru", "Plt. Kepala Sekolah", True),
        ("Guru", "Plt Kepala Sekolah", True),
        ("Guru", "PLT. KEPALA SEKOLAH", True),
        ("Guru", "Kepsek", True),
        ("Guru", "Bendahara BOS, Kepala Sekolah", True),
        ("Guru", "Wakil Kepala Sekolah", False),
        ("Guru", "Wakil Kepala Sekolah Bidang Kurikulum", False),
        ("Guru", "Kepala Perpustakaan", False),
        ("Tenaga Kependidikan", "Kepala Laboratorium", False),
        ("Guru", "Bendahara BOS/BOP", False),
        ("Guru Kelas", None, False),
        (None, None, False),
    ],
)
def test_is_kepala_sekolah(jenis_ptk: str | None, tugas: str | None, expected: bool) -> None:
    assert is_kepala_sekolah(jenis_ptk, tugas) is expected


def test_is_plt() -> None:
    assert is_plt("Plt. Kepala Sekolah")
    assert is_plt("PLT Kepala Sekolah")
    assert is_plt("Pelaksana Tugas Kepala Sekolah")
    assert not is_plt("Kepala Sekolah")
    assert not is_plt("Bendahara BOS")
    assert not is_plt(None)
