"""The correction workbook's "Gagal Sinkron e-Kinerja" sheet: the failed syncs of the log that
someone other than the operator must act on, grouped by who (BKD, Kepala Sekolah, pegawai,
Helpdesk BKN, ...), so the operator can forward each group. Failures our data explains are the
operator's own work and are on the other sheets as findings; they are not repeated here.
Every value is a text cell (never a formula), as on the other sheets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from operator_app.core.ekinerja.failures import SyncFailure
from operator_app.core.ekinerja.knowledge import entry

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

SHEET_SYNC = "Gagal Sinkron e-Kinerja"
GROUPS: tuple[tuple[str, str], ...] = (
    ("admin_instansi", "Untuk BKD/BKPSDM (Admin Instansi: SIASN, e-Kinerja)"),
    ("kepala_sekolah", "Untuk Kepala Sekolah (SKP di PMM / e-Kinerja)"),
    ("pegawai", "Untuk pegawai sendiri (PMM, e-Kinerja)"),
    ("helpdesk_bkn", "Untuk dilaporkan ke Helpdesk BKN (support-siasn.bkn.go.id)"),
    ("pusat_bantuan_pmm", "Untuk Pusat Bantuan PMM"),
    ("tim_ekinerja", "Untuk tim e-Kinerja BKN"),
    ("admin_dinas", "Untuk Admin Dapodik Dinas Pendidikan"),
    ("", "Pesan tidak dikenal (tanyakan ke BKD/BKPSDM)"),
)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("No", 5), ("Nama", 26), ("NIP", 21), ("Sekolah", 24), ("Pesan e-Kinerja", 40),
    ("No. pesan", 9), ("Artinya", 40), ("Langkah berikut", 50), ("Waktu gagal", 16),
)  # fmt: skip
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def for_others(failures: Sequence[SyncFailure]) -> dict[str, list[SyncFailure]]:
    """The failures someone else must act on, by owner ('' = unknown message), in GROUPS order."""
    out: dict[str, list[SyncFailure]] = {}
    for f in failures:
        if f.explained or f.owner == "operator_sekolah":
            continue
        out.setdefault(f.owner, []).append(f)
    order = {a: i for i, (a, _) in enumerate(GROUPS)}
    return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], len(order))))


def _text(value: object) -> str:
    return _ILLEGAL.sub("", str(value or ""))[:32767]


def _put(ws: Any, row: int, col: int, value: object, **style: Any) -> Any:
    cell = ws.cell(row=row, column=col)
    text = _text(value)
    cell.value = text
    cell.data_type = "s"  # text, even when it starts with '=' or is all digits
    if text[:1] in ("=", "+", "-", "@") or text.isdigit():
        cell.number_format = "@"
        cell.quotePrefix = True
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def add_sync_failures_sheet(wb: Workbook, failures: Sequence[SyncFailure]) -> int:
    """Add the sheet when there is anything for others; returns the number of rows written."""
    groups = for_others(failures)
    if not groups:
        return 0
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(SHEET_SYNC)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    body = Font(name="Calibri", size=10)
    head_font = Font(name="Calibri", bold=True, color="FFFFFF", size=10)
    head_fill = PatternFill("solid", fgColor="1F4E78")
    group_font = Font(name="Calibri", bold=True, size=11, color="1F4E78")
    _put(ws, 1, 1, "Gagal sinkron e-Kinerja yang harus ditindaklanjuti pihak lain",
         font=Font(name="Calibri", bold=True, size=14))  # fmt: skip
    _put(ws, 2, 1, "Dari Log Sinkronisasi PMM. Serahkan tiap kelompok kepada pihaknya; gagal "
         "sinkron yang disebabkan data sekolah ada di lembar perbaikan sebagai temuan.",
         font=Font(name="Calibri", italic=True, size=9, color="595959"))  # fmt: skip
    for c, (_name, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    labels = dict(GROUPS)
    row, written = 4, 0
    for owner, items in groups.items():
        _put(ws, row, 1, f"{labels.get(owner, owner)} — {len(items)} orang", font=group_font)
        row += 1
        for c, (name, _w) in enumerate(COLUMNS, start=1):
            _put(ws, row, c, name, font=head_font, fill=head_fill, border=border, alignment=wrap)
        row += 1
        for no, f in enumerate(items, start=1):
            meaning = entry(f.ekinerja_no).cause if f.ekinerja_no else ""
            step = " ".join([f.next_step, *f.hints])
            values = (str(no), f.nama, f.nip, f.school_name or "(bukan PTK di data ini)",
                      f.message, f"#{f.ekinerja_no}" if f.ekinerja_no else "?", meaning, step,
                      f.failed_at)  # fmt: skip
            for c, v in enumerate(values, start=1):
                _put(ws, row, c, v, font=body, border=border, alignment=wrap)
            longest = max(len(meaning) / 38, len(step) / 48, len(f.message) / 38, 1)
            ws.row_dimensions[row].height = 13.0 * min(int(longest) + 1, 12)
            row += 1
            written += 1
        row += 1
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return written
