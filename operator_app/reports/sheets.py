"""Which work sheet of the correction workbook a finding belongs to (one sheet per finding).

The rule, first match wins:

1. actor `admin_instansi` → `Untuk BKD` (whatever the code: UNOR_NOMENKLATUR, UNOR_BEDA
   condition B, KEDUDUKAN_TIDAK_AKTIF, SIASN identity, KEPSEK_BUKAN_ASN, ...).
2. a NIP code or NIK_TIDAK_VALID → `Perbaikan Verval PTK`.
3. an identity code (NIK_BEDA, NAMA_BEDA, TGL_LAHIR_BEDA, JK_BEDA) whose actor is
   `operator_sekolah` or whose `where` mentions Verval PTK → `Perbaikan Verval PTK`.
4. actor `pegawai` → `Untuk Pegawai`.
5. everything else (status kepegawaian, UNOR_BEDA condition C, TIDAK_ADA_DI_DAPODIK, KEPSEK_*,
   DUPLIKAT, ASN_TIDAK_DITEMUKAN, KEDUDUKAN_TIDAK_AKTIF for the operator, PADANAN_RAGU, and any
   code added later) → `Perbaikan Dapodik`.

Besides its one row, NIK_TIDAK_VALID and ASN_TIDAK_DITEMUKAN get a reminder row on `Untuk Pegawai`
(Disdukcapil / MyASN) when their own row is elsewhere; a reminder carries no status of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from operator_app.core.model import SEVERITY_ORDER, Finding

SHEET_VERVAL = "Perbaikan Verval PTK"
SHEET_DAPODIK = "Perbaikan Dapodik"
SHEET_BKD = "Untuk BKD"
SHEET_PEGAWAI = "Untuk Pegawai"
SHEET_SUMMARY = "Ringkasan"
SHEET_KEYS = "_kunci"
WORK_SHEETS: tuple[str, ...] = (SHEET_VERVAL, SHEET_DAPODIK, SHEET_BKD, SHEET_PEGAWAI)

VERVAL_CODES = frozenset(
    {
        "NIP_KOSONG",
        "NIP_BEDA",
        "NIP_LAMA",
        "NIP_RUSAK",
        "NIP_TIDAK_SESUAI_TGL_LAHIR",
        "NIP_TIDAK_SESUAI_JK",
        "NIK_TIDAK_VALID",
    }
)
IDENTITY_CODES = frozenset({"NIK_BEDA", "NAMA_BEDA", "TGL_LAHIR_BEDA", "JK_BEDA"})

# What the teacher does personally for findings whose row sits on another sheet:
# code -> (what to do, where, documents)
PEGAWAI_REMINDERS: dict[str, tuple[str, str, str]] = {
    "NIK_TIDAK_VALID": (
        "Cocokkan NIK dengan KTP dan Kartu Keluarga. Bila data di Dukcapil sendiri salah, "
        "ajukan perbaikan ke Disdukcapil, lalu serahkan NIK yang benar ke operator sekolah.",
        "Disdukcapil",
        "KTP, Kartu Keluarga",
    ),
    "ASN_TIDAK_DITEMUKAN": (
        "Masuk ke MyASN dan periksa NIP, NIK, dan unit kerja (unor) Anda; kirim tangkapan layar "
        "profil MyASN ke operator sekolah. Bila data di MyASN salah, hubungi BKD/BKPSDM.",
        "MyASN",
        "Tangkapan layar profil MyASN, SK terakhir",
    ),
}


def sheet_for(f: Finding) -> str:
    """The one work sheet that carries this finding's status row."""
    if f.actor == "admin_instansi":
        return SHEET_BKD
    if f.code in VERVAL_CODES:
        return SHEET_VERVAL
    if f.code in IDENTITY_CODES and (
        f.actor == "operator_sekolah" or "verval" in (f.where or "").lower()
    ):
        return SHEET_VERVAL
    if f.actor == "pegawai":
        return SHEET_PEGAWAI
    return SHEET_DAPODIK


def needs_pegawai_reminder(f: Finding) -> bool:
    return f.code in PEGAWAI_REMINDERS and sheet_for(f) != SHEET_PEGAWAI


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: float
    ident: bool = False  # identifier or copied value: stored as text, number format "@"
    wrap: bool = False


@dataclass(slots=True)
class SheetRow:
    """One table row: values in column order (No/Status/Catatan filled by the writer)."""

    values: list[object]
    finding: Finding
    keyed: bool = True  # False: a reminder row whose status lives on another sheet
    note: str | None = None  # Catatan for a reminder row


_NO = Column("No", 5)
_STATUS = Column("Status", 11, ident=True)
_NOTE = Column("Catatan", 20, wrap=True)
_SCHOOL = Column("Sekolah", 18, wrap=True)
_NAME = Column("Nama PTK", 24, wrap=True)
_NIP = Column("NIP", 20, ident=True)
_NIK = Column("NIK", 19, ident=True)
_CODE = Column("Kode", 25)
_DOCS = Column("Dokumen", 18, wrap=True)

COLUMNS: dict[str, tuple[Column, ...]] = {
    SHEET_VERVAL: (
        _NO,
        _SCHOOL,
        _NAME,
        _NIK,
        Column("Kolom", 13, wrap=True),
        Column("Nilai di Dapodik", 20, ident=True, wrap=True),
        Column("Nilai yang harus diisi", 20, ident=True, wrap=True),
        _CODE,
        Column("Alasan", 36, wrap=True),
        Column("Dokumen yang diunggah", 18, wrap=True),
        _STATUS,
        _NOTE,
    ),
    SHEET_DAPODIK: (
        _NO,
        _SCHOOL,
        _NAME,
        _NIP,
        _NIK,
        _CODE,
        Column("Masalah", 30, wrap=True),
        Column("Nilai di Dapodik", 16, ident=True, wrap=True),
        Column("Nilai di SIASN", 16, ident=True, wrap=True),
        Column("Yang harus dilakukan", 36, wrap=True),
        Column("Di mana", 14, wrap=True),
        _DOCS,
        _STATUS,
        _NOTE,
    ),
    SHEET_BKD: (
        _NO,
        Column("Sekolah di Dapodik", 18, wrap=True),
        Column("Nama", 24, wrap=True),
        Column("NIP (SIASN)", 20, ident=True),
        Column("Unor di SIASN", 22, ident=True, wrap=True),
        _CODE,
        Column("Kolom", 12, wrap=True),
        Column("Nilai di SIASN", 18, ident=True, wrap=True),
        Column("Seharusnya", 18, ident=True, wrap=True),
        Column("Yang perlu diubah", 34, wrap=True),
        Column("Pesan e-Kinerja", 24, wrap=True),
        _STATUS,
        _NOTE,
    ),
    SHEET_PEGAWAI: (
        _NO,
        _SCHOOL,
        _NAME,
        _NIP,
        _NIK,
        _CODE,
        Column("Yang harus dilakukan", 44, wrap=True),
        Column("Di mana", 14, wrap=True),
        _DOCS,
        _STATUS,
        _NOTE,
    ),
}

_DEFAULT_FIELD = {
    "NIP_KOSONG": "NIP",
    "NIP_BEDA": "NIP",
    "NIP_LAMA": "NIP",
    "NIP_RUSAK": "NIP",
    "NIP_TIDAK_SESUAI_TGL_LAHIR": "Tanggal Lahir / NIP",
    "NIP_TIDAK_SESUAI_JK": "Jenis Kelamin / NIP",
    "NIK_TIDAK_VALID": "NIK",
    "NIK_BEDA": "NIK",
    "NAMA_BEDA": "Nama",
    "TGL_LAHIR_BEDA": "Tanggal Lahir",
    "JK_BEDA": "Jenis Kelamin",
}


def _s(v: str | None) -> str:
    return v or ""


def _docs(f: Finding) -> str:
    return ", ".join(f.documents)


def _school(f: Finding) -> str:
    return _s(f.school_name)


def _verval(f: Finding) -> list[object]:
    field = f.field or _DEFAULT_FIELD.get(f.code, "")
    target = f.suggested_value or f.siasn_value or ""
    return [
        _school(f),
        _s(f.nama),
        _s(f.nik),
        field,
        _s(f.dapodik_value),
        target,
        f.code,
        f.detail or f.action,
        _docs(f),
    ]


def _dapodik(f: Finding) -> list[object]:
    return [
        _school(f),
        _s(f.nama),
        _s(f.nip),
        _s(f.nik),
        f.code,
        f.detail,
        _s(f.dapodik_value),
        _s(f.siasn_value),
        f.action,
        f.where,
        _docs(f),
    ]


def _bkd(f: Finding) -> list[object]:
    is_unor = (f.field or "").lower().startswith("unor") or f.code.startswith("UNOR_")
    is_nip = (f.field or "").upper() == "NIP"
    nip = (f.siasn_value if is_nip else None) or f.nip
    should = f.suggested_value or f.dapodik_value or ""
    action = f.action if not f.detail else f"{f.detail} {f.action}".strip()
    return [
        _school(f),
        _s(f.nama),
        _s(nip),
        _s(f.siasn_value) if is_unor else "",
        f.code,
        _s(f.field),
        _s(f.siasn_value),
        should,
        action,
        f.ekinerja_message,
    ]


def _pegawai(f: Finding, todo: str | None = None, where: str | None = None) -> list[object]:
    docs = _docs(f)
    if todo is None:
        todo = f.action if not f.detail else f"{f.detail} {f.action}".strip()
    else:
        docs = PEGAWAI_REMINDERS[f.code][2]
    return [
        _school(f),
        _s(f.nama),
        _s(f.nip),
        _s(f.nik),
        f.code,
        todo,
        where if where is not None else f.where,
        docs,
    ]


_BUILDERS = {SHEET_VERVAL: _verval, SHEET_DAPODIK: _dapodik, SHEET_BKD: _bkd}


def natural_key(text: str | None) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting SD NEGERI 2 before SD NEGERI 12."""
    parts = re.split(r"(\d+)", (text or "").upper())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def _order(f: Finding) -> tuple[object, ...]:
    return (
        natural_key(f.school_name),
        natural_key(f.nama),
        SEVERITY_ORDER.get(f.severity, 9),
        f.code,
        f.field or "",
    )


def build_rows(findings: Sequence[Finding]) -> dict[str, list[SheetRow]]:
    """Rows per work sheet, sorted by school, name, severity, code; reminders after a teacher's own."""
    out: dict[str, list[SheetRow]] = {name: [] for name in WORK_SHEETS}
    for f in sorted(findings, key=_order):
        sheet = sheet_for(f)
        if sheet == SHEET_PEGAWAI:
            out[sheet].append(SheetRow(_pegawai(f), f))
        else:
            out[sheet].append(SheetRow(_BUILDERS[sheet](f), f))
    reminders = [f for f in findings if needs_pegawai_reminder(f)]
    if reminders:
        out[SHEET_PEGAWAI].extend(
            SheetRow(_pegawai(f, *PEGAWAI_REMINDERS[f.code][:2]), f, keyed=False) for f in reminders
        )
        out[SHEET_PEGAWAI].sort(key=lambda r: _order(r.finding))
    return out
