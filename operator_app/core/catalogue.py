"""The finding catalogue (codes are a contract): severity, actor, where, e-Kinerja message, documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from operator_app.core.model import Actor, Finding, Severity

# e-Kinerja "Sinkron PMM" messages, quoted exactly so operators recognise them.
MSG_TOMBOL = "Tombol sinkron PMM tidak muncul di e-Kinerja"
MSG_PNS_ID = "Data PNS ID belum padan antara SIASN dengan PMM"
MSG_STATUS = "Data status kepegawaian di PMM tidak terdaftar sebagai ASN"
MSG_UNIT = "Data Unit Kerja Pegawai tidak terdaftar di Referensi Unit Kerja"
MSG_UNOR = "Nama Sekolah atau Nama Unor tidak sama dengan data PMM"
MSG_SKP_UNOR = "SKP yang ada memiliki Unor yang berbeda dengan Pegawai saat ini"
MSG_SKP_ORG = "Data SKP Organisasi belum dibuat oleh atasan"
MSG_ATASAN = "Atasan Pegawai tidak sama dengan data PMM"
MSG_PRIBADI = "Data Pribadi tidak padan"
MSG_DUKCAPIL = "Perbaikan identitas: data tidak sesuai dengan Dukcapil"

VERVAL = "Verval PTK"
DAPODIK_PTK = "Dapodik - menu PTK"
SIASN = "SIASN / e-Kinerja (Manajemen Pegawai)"

ACTOR_LABELS: dict[str, str] = {
    "operator_sekolah": "Operator Sekolah",
    "admin_dinas": "Admin Dapodik Dinas Pendidikan",
    "admin_instansi": "Admin Instansi (BKD/BKPSDM)",
    "pegawai": "Pegawai (guru yang bersangkutan)",
    "kepala_sekolah": "Kepala Sekolah",
}
SEVERITY_LABELS: dict[str, str] = {"invalid": "Invalid", "warning": "Peringatan", "info": "Info"}


@dataclass(frozen=True, slots=True)
class CodeSpec:
    code: str
    severity: Severity
    actor: Actor
    where: str
    ekinerja: str
    documents: tuple[str, ...]
    title: str


def _s(
    code: str, sev: Severity, actor: Actor, where: str, msg: str, docs: tuple[str, ...], title: str
) -> CodeSpec:
    return CodeSpec(code, sev, actor, where, msg, docs, title)


CATALOGUE: dict[str, CodeSpec] = {
    s.code: s
    for s in (
        _s("NIP_KOSONG", "invalid", "operator_sekolah", VERVAL, f"{MSG_TOMBOL}; {MSG_PNS_ID}", ("SK CPNS", "SK PNS/PPPK"), "NIP kosong di Dapodik"),
        _s("NIP_BEDA", "invalid", "operator_sekolah", VERVAL, f"{MSG_TOMBOL}; {MSG_PNS_ID}", ("SK CPNS", "SK PNS/PPPK"), "NIP di Dapodik berbeda dengan SIASN"),
        _s("NIP_LAMA", "invalid", "operator_sekolah", VERVAL, f"{MSG_TOMBOL}; {MSG_PNS_ID}", ("SK CPNS", "SK PNS"), "Dapodik masih memakai NIP lama (9 digit)"),
        _s("NIP_RUSAK", "invalid", "operator_sekolah", VERVAL, MSG_TOMBOL, ("SK CPNS", "SK PNS/PPPK"), "NIP di Dapodik rusak/tidak valid"),
        _s("NIP_TIDAK_SESUAI_TGL_LAHIR", "warning", "operator_sekolah", VERVAL, MSG_PRIBADI, ("KTP", "Akte Kelahiran", "KK"), "Tanggal lahir di NIP tidak sama dengan Tanggal Lahir"),
        _s("NIP_TIDAK_SESUAI_JK", "warning", "operator_sekolah", VERVAL, MSG_PRIBADI, ("KTP", "KK"), "Digit jenis kelamin NIP tidak sama dengan JK"),
        _s("NIK_TIDAK_VALID", "warning", "pegawai", "Disdukcapil, lalu Verval PTK", MSG_DUKCAPIL, ("KTP", "KK"), "NIK tidak valid"),
        _s("NIK_BEDA", "invalid", "pegawai", "Verval PTK atau SIASN (sesuai KTP/KK)", f"{MSG_PNS_ID}; {MSG_PRIBADI}", ("KTP", "KK"), "NIK berbeda antara Dapodik dan SIASN"),
        _s("NAMA_BEDA", "warning", "pegawai", "Verval PTK atau SIASN (sesuai KTP/Akte)", MSG_PRIBADI, ("KTP", "Akte Kelahiran", "Ijazah"), "Nama berbeda antara Dapodik dan SIASN"),
        _s("TGL_LAHIR_BEDA", "invalid", "operator_sekolah", VERVAL, f"{MSG_PNS_ID}; {MSG_PRIBADI}", ("KK", "Akte Kelahiran", "KTP"), "Tanggal lahir berbeda antara Dapodik dan SIASN"),
        _s("JK_BEDA", "warning", "operator_sekolah", VERVAL, MSG_PRIBADI, ("KTP", "KK"), "Jenis kelamin berbeda antara Dapodik dan SIASN"),
        _s("STATUS_BUKAN_ASN", "invalid", "operator_sekolah", DAPODIK_PTK, MSG_STATUS, ("SK CPNS/PNS/PPPK", "KTP"), "Status kepegawaian di Dapodik bukan ASN"),
        _s("STATUS_CPNS_SUDAH_PNS", "warning", "operator_sekolah", DAPODIK_PTK, MSG_STATUS, ("SK PNS",), "Dapodik masih CPNS, SIASN sudah PNS"),
        _s("STATUS_JENIS_BEDA", "invalid", "operator_sekolah", DAPODIK_PTK, MSG_STATUS, ("SK PNS/PPPK",), "PNS/PPPK berbeda antara Dapodik dan SIASN"),
        _s("ASN_TIDAK_DITEMUKAN", "warning", "pegawai", "MyASN, lalu Dapodik/Verval PTK", MSG_TOMBOL, ("SK CPNS/PNS/PPPK",), "ASN di Dapodik tidak ditemukan di SIASN"),
        _s("KEDUDUKAN_TIDAK_AKTIF", "warning", "admin_instansi", SIASN, MSG_UNIT, ("SK terkait kedudukan",), "Kedudukan hukum di SIASN tidak aktif"),
        _s("UNOR_NOMENKLATUR", "warning", "admin_instansi", "e-Kinerja - Manajemen Unor", f"{MSG_UNOR} (kondisi A)", (), "Nama unor ditulis berbeda (kondisi A)"),
        _s("UNOR_BEDA", "invalid", "admin_instansi", SIASN, f"{MSG_UNOR} (kondisi B/C); {MSG_SKP_UNOR}", ("SK mutasi/penempatan",), "Unor di SIASN adalah sekolah/unit lain"),
        _s("TIDAK_ADA_DI_DAPODIK", "warning", "operator_sekolah", "Dapodik - PTK Terdaftar / Mutasi", MSG_UNOR, ("SK mutasi/penempatan",), "Tercatat di SIASN, tidak ada di Dapodik"),
        _s("DUPLIKAT", "invalid", "operator_sekolah", DAPODIK_PTK, "", (), "Data ganda"),
        _s("KEPSEK_TIDAK_ADA", "warning", "admin_dinas", "Dapodik - Tugas Tambahan", f"{MSG_SKP_ORG}; {MSG_ATASAN}", ("SK Kepala Sekolah / Plt",), "Sekolah tanpa Kepala Sekolah di Dapodik"),
        _s("KEPSEK_BUKAN_ASN", "warning", "admin_instansi", "SIASN / e-Kinerja (atasan unor)", MSG_ATASAN, ("SK Kepala Sekolah / Plt",), "Kepala Sekolah bukan ASN di unor ini"),
        _s("PADANAN_RAGU", "info", "operator_sekolah", "operator-app (konfirmasi padanan)", "", (), "Padanan belum pasti"),
    )
}  # fmt: skip


def make_finding(code: str, **fields: Any) -> Finding:
    """A Finding with the catalogue's parts filled in; `fields` may override actor/where/documents."""
    spec = CATALOGUE[code]
    fields.setdefault("severity", spec.severity)
    fields.setdefault("actor", spec.actor)
    fields.setdefault("where", spec.where)
    fields.setdefault("ekinerja_message", spec.ekinerja)
    fields.setdefault("documents", spec.documents)
    fields.setdefault("action", spec.title)
    return Finding(code=code, **fields)
