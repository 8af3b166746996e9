"""Indonesian (translatable) labels for the ids the core uses: severities, actors, states, codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

SEVERITIES = ("invalid", "warning", "info")
ACTORS = ("operator_sekolah", "admin_dinas", "admin_instansi", "pegawai", "kepala_sekolah")
WORKFLOWS = ("baru", "diajukan", "selesai", "diabaikan")
CODES = (
    "NIP_KOSONG",
    "NIP_BEDA",
    "NIP_LAMA",
    "NIP_RUSAK",
    "NIP_TIDAK_SESUAI_TGL_LAHIR",
    "NIP_TIDAK_SESUAI_JK",
    "NIK_TIDAK_VALID",
    "NIK_BEDA",
    "NAMA_BEDA",
    "TGL_LAHIR_BEDA",
    "JK_BEDA",
    "STATUS_BUKAN_ASN",
    "STATUS_CPNS_SUDAH_PNS",
    "STATUS_JENIS_BEDA",
    "ASN_TIDAK_DITEMUKAN",
    "KEDUDUKAN_TIDAK_AKTIF",
    "UNOR_NOMENKLATUR",
    "UNOR_BEDA",
    "TIDAK_ADA_DI_DAPODIK",
    "DUPLIKAT",
    "KEPSEK_TIDAK_ADA",
    "KEPSEK_BUKAN_ASN",
    "PADANAN_RAGU",
)

# The colours Dapodik users know: invalid rows pink/red, warnings amber.
SEVERITY_BACKGROUND = {
    "invalid": QColor("#f8c8cc"),
    "warning": QColor("#ffe9a8"),
    "info": QColor("#dcebfa"),
}
SEVERITY_BAR = {
    "invalid": QColor("#d9534f"),
    "warning": QColor("#f0ad4e"),
    "info": QColor("#5bc0de"),
}
SEVERITY_FOREGROUND = {
    "invalid": QColor("#b3121f"),
    "warning": QColor("#8a5a00"),
    "info": QColor("#1f5f99"),
}


def severity_label(sev: str | None) -> str:
    labels = {
        "invalid": QCoreApplication.translate("Labels", "Invalid"),
        "warning": QCoreApplication.translate("Labels", "Peringatan"),
        "info": QCoreApplication.translate("Labels", "Info"),
    }
    return labels.get(
        sev or "", QCoreApplication.translate("Labels", "Bersih") if sev is None else sev
    )


def actor_label(actor: str) -> str:
    labels = {
        "operator_sekolah": QCoreApplication.translate("Labels", "Operator sekolah"),
        "admin_dinas": QCoreApplication.translate("Labels", "Admin Dinas"),
        "admin_instansi": QCoreApplication.translate("Labels", "Admin Instansi (BKD)"),
        "pegawai": QCoreApplication.translate("Labels", "Pegawai (guru ybs.)"),
        "kepala_sekolah": QCoreApplication.translate("Labels", "Kepala sekolah"),
    }
    return labels.get(actor, actor)


def workflow_label(state: str) -> str:
    labels = {
        "baru": QCoreApplication.translate("Labels", "Baru"),
        "diajukan": QCoreApplication.translate("Labels", "Diajukan"),
        "selesai": QCoreApplication.translate("Labels", "Selesai"),
        "diabaikan": QCoreApplication.translate("Labels", "Diabaikan"),
        "": QCoreApplication.translate("Labels", "-"),
    }
    return labels.get(state, state)


def code_label(code: str) -> str:
    labels = {
        "NIP_KOSONG": QCoreApplication.translate("Labels", "NIP kosong di Dapodik"),
        "NIP_BEDA": QCoreApplication.translate("Labels", "NIP berbeda"),
        "NIP_LAMA": QCoreApplication.translate("Labels", "Masih NIP lama"),
        "NIP_RUSAK": QCoreApplication.translate("Labels", "NIP rusak"),
        "NIP_TIDAK_SESUAI_TGL_LAHIR": QCoreApplication.translate(
            "Labels", "NIP tidak sesuai tanggal lahir"
        ),
        "NIP_TIDAK_SESUAI_JK": QCoreApplication.translate(
            "Labels", "NIP tidak sesuai jenis kelamin"
        ),
        "NIK_TIDAK_VALID": QCoreApplication.translate("Labels", "NIK tidak valid"),
        "NIK_BEDA": QCoreApplication.translate("Labels", "NIK berbeda"),
        "NAMA_BEDA": QCoreApplication.translate("Labels", "Nama berbeda"),
        "TGL_LAHIR_BEDA": QCoreApplication.translate("Labels", "Tanggal lahir berbeda"),
        "JK_BEDA": QCoreApplication.translate("Labels", "Jenis kelamin berbeda"),
        "STATUS_BUKAN_ASN": QCoreApplication.translate("Labels", "Status kepegawaian bukan ASN"),
        "STATUS_CPNS_SUDAH_PNS": QCoreApplication.translate(
            "Labels", "Masih CPNS, SIASN sudah PNS"
        ),
        "STATUS_JENIS_BEDA": QCoreApplication.translate("Labels", "PNS/PPPK berbeda"),
        "ASN_TIDAK_DITEMUKAN": QCoreApplication.translate("Labels", "ASN tidak ditemukan di SIASN"),
        "KEDUDUKAN_TIDAK_AKTIF": QCoreApplication.translate(
            "Labels", "Kedudukan hukum tidak aktif"
        ),
        "UNOR_NOMENKLATUR": QCoreApplication.translate("Labels", "Penulisan unor berbeda"),
        "UNOR_BEDA": QCoreApplication.translate("Labels", "Unor berbeda"),
        "TIDAK_ADA_DI_DAPODIK": QCoreApplication.translate("Labels", "Hanya di SIASN"),
        "DUPLIKAT": QCoreApplication.translate("Labels", "Data ganda"),
        "KEPSEK_TIDAK_ADA": QCoreApplication.translate("Labels", "Tidak ada kepala sekolah"),
        "KEPSEK_BUKAN_ASN": QCoreApplication.translate("Labels", "Kepala sekolah bukan ASN"),
        "PADANAN_RAGU": QCoreApplication.translate("Labels", "Padanan ragu-ragu"),
    }
    return labels.get(code, code)
