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
from operator_app.reports.masking import mask_niks_in

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


# Widths in Excel character units at the 10-pt body font. The printed sheet is fitted to the
# paper's width, so a sheet's total width sets its print scale: every sheet stays within about
# 172 units (with the Sekolah column), which keeps 10-pt text at 8 pt or more on A4 landscape
# (tests/reports/test_workbook_print.py measures it). An 18-digit NIP needs 17.5 units, a
# 16-digit NIK 15.6: their columns are wider, so they never break.
_NO = Column("No", 4.5)
_STATUS = Column("Status", 10, ident=True)
_NOTE = Column("Catatan", 10, wrap=True)
_SCHOOL = Column("Sekolah", 13, wrap=True)
_NAME = Column("Nama PTK", 17, wrap=True)
_NIP = Column("NIP", 18.5, ident=True)
_NIK = Column("NIK", 16.5, ident=True)
_CODE = Column("Kode", 16)  # widened to the longest code on the sheet by the writer
_DOCS = Column("Dokumen", 14, wrap=True)
_VALUE = 18.5  # a value column holds a whole NIP on one line

COLUMNS: dict[str, tuple[Column, ...]] = {
    SHEET_VERVAL: (
        _NO,
        _SCHOOL,
        _NAME,
        _NIK,
        Column("Kolom", 10, wrap=True),
        Column("Nilai di Dapodik", _VALUE, ident=True, wrap=True),
        Column("Nilai yang harus diisi", _VALUE, ident=True, wrap=True),
        _CODE,
        Column("Alasan dan dokumen yang diunggah", 27, wrap=True),
        _STATUS,
        _NOTE,
    ),
    SHEET_DAPODIK: (
        _NO,
        _SCHOOL,
        _NAME,
        Column("NIP / NIK", 18.5, ident=True, wrap=True),
        _CODE,
        Column("Nilai di Dapodik", _VALUE, ident=True, wrap=True),
        Column("Nilai di SIASN", _VALUE, ident=True, wrap=True),
        Column("Masalah dan yang harus dilakukan", 27.5, wrap=True),
        Column("Di mana / dokumen", 12, wrap=True),
        _STATUS,
        _NOTE,
    ),
    SHEET_BKD: (
        _NO,
        Column("Sekolah di Dapodik", 13, wrap=True),
        Column("Nama", 17, wrap=True),
        Column("NIP (SIASN)", 18.5, ident=True, wrap=True),
        _CODE,
        Column("Kolom", 10, wrap=True),
        Column("Nilai di SIASN", _VALUE, ident=True, wrap=True),
        Column("Seharusnya", _VALUE, ident=True, wrap=True),
        Column("Yang perlu diubah", 31, wrap=True),
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
        Column("Yang harus dilakukan", 34, wrap=True),
        Column("Di mana", 11, wrap=True),
        _DOCS,
        _STATUS,
        _NOTE,
    ),
}
SCHOOL_COLUMN = 1  # index of the Sekolah column (after No); left out when one school is in the file

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


def _todo(f: Finding) -> str:
    return f.action if not f.detail else f"{f.detail} {f.action}".strip()


def verval_target(f: Finding) -> str:
    """What to type in Verval PTK: the suggestion, or the SIASN value when it differs; never the
    current (wrong) value again. An invalid NIK without a known good one: from the KTP/KK."""
    if f.suggested_value:
        return f.suggested_value
    if f.siasn_value and f.siasn_value != f.dapodik_value:
        return f.siasn_value
    if f.code == "NIK_TIDAK_VALID" or (f.field or "").upper() == "NIK":
        return "NIK sesuai KTP/KK"
    return ""


def bkd_should(f: Finding) -> str:
    """What SIASN should hold: the suggestion, or the Dapodik value when SIASN holds another one
    (KEPSEK_BUKAN_ASN's Dapodik value is a role, not a SIASN value: nothing to copy)."""
    if f.suggested_value:
        return f.suggested_value
    if f.siasn_value and f.dapodik_value and f.dapodik_value != f.siasn_value:
        return f.dapodik_value
    return ""


def bkd_nip(f: Finding) -> str:
    """The NIP the BKD searches SIASN by: the matched SIASN record's NIP_BARU. A person without a
    SIASN record is named by the Dapodik NIP, said so."""
    if f.siasn_nip:
        return f.siasn_nip
    if f.siasn_id is None and f.ptk_id is not None:
        return f"tidak ada di SIASN (NIP Dapodik: {f.nip})" if f.nip else "tidak ada di SIASN"
    return _s(f.nip)


def _verval(f: Finding) -> list[object]:
    field = f.field or _DEFAULT_FIELD.get(f.code, "")
    docs = _docs(f)
    why = f.detail or f.action
    return [
        _school(f),
        _s(f.nama),
        _s(f.nik),
        field,
        _s(f.dapodik_value),
        verval_target(f),
        f.code,
        f"{why}\nUnggah: {docs}" if docs else why,
    ]


def _dapodik(f: Finding) -> list[object]:
    ids = "\n".join(v for v in (f.nip, f.nik) if v)
    docs = _docs(f)
    return [
        _school(f),
        _s(f.nama),
        ids,
        f.code,
        _s(f.dapodik_value),
        _s(f.siasn_value),
        _todo(f),
        f"{f.where}\n{docs}" if docs else f.where,
    ]


def _bkd(f: Finding) -> list[object]:
    # the action alone: Kolom / Nilai di SIASN / Seharusnya already say what the detail says
    action = f.action or f.detail
    if f.ekinerja_message:
        action += f"\nPesan e-Kinerja: {f.ekinerja_message}"
    return [
        _school(f),
        _s(f.nama),
        bkd_nip(f),
        f.code,
        _s(f.field),
        _s(f.siasn_value),
        bkd_should(f),
        action,
    ]


def _pegawai(f: Finding, todo: str | None = None, where: str | None = None) -> list[object]:
    docs = _docs(f)
    if todo is None:
        todo = _todo(f)
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


def _masked(row: SheetRow, mask: bool) -> SheetRow:
    """The row with every NIK (the person's, NIK values, any 16-digit number) masked."""
    if not mask:
        return row
    f = row.finding
    raws = [f.nik or ""]
    if (f.field or "").upper() == "NIK":
        raws += [v for v in (f.dapodik_value, f.siasn_value, f.suggested_value) if v]
    row.values = [mask_niks_in(v, raws) if isinstance(v, str) else v for v in row.values]
    return row


def school_count(findings: Sequence[Finding]) -> int:
    return len({f.school_name for f in findings if f.school_name})


def build_rows(findings: Sequence[Finding], mask_nik: bool = False) -> dict[str, list[SheetRow]]:
    """Rows per work sheet, sorted by school, name, severity, code; reminders after a teacher's own.

    With `mask_nik` every NIK shows only its last four digits."""
    out: dict[str, list[SheetRow]] = {name: [] for name in WORK_SHEETS}
    for f in sorted(findings, key=_order):
        sheet = sheet_for(f)
        if sheet == SHEET_PEGAWAI:
            out[sheet].append(_masked(SheetRow(_pegawai(f), f), mask_nik))
        else:
            out[sheet].append(_masked(SheetRow(_BUILDERS[sheet](f), f), mask_nik))
    reminders = [f for f in findings if needs_pegawai_reminder(f)]
    if reminders:
        out[SHEET_PEGAWAI].extend(
            _masked(SheetRow(_pegawai(f, *PEGAWAI_REMINDERS[f.code][:2]), f, keyed=False), mask_nik)
            for f in reminders
        )
        out[SHEET_PEGAWAI].sort(key=lambda r: _order(r.finding))
    return out
