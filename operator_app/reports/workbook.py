"""The correction workbook: one sheet per place of work, a summary, and hidden keys for read-back.

Every value from the data is written as a text cell (never a formula, number or error code), so
NIPs keep their 18 digits and a name like `=HYPERLINK(...)` stays a name. The Status column is the
only thing the operator is expected to edit; `status_import.read_status_workbook` reads it back
through the hidden `_kunci` sheet (work sheet + No → finding key).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from operator_app.core.model import SEVERITY_ORDER, WORKFLOW_STATUSES, Finding, School
from operator_app.reports.output import atomic_output
from operator_app.reports.sheets import (
    COLUMNS,
    SHEET_KEYS,
    SHEET_PEGAWAI,
    SHEET_SUMMARY,
    WORK_SHEETS,
    SheetRow,
    build_rows,
    natural_key,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

KEYS_FORMAT = "operator-app/status-workbook/1"
TITLE_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3
FIRST_DATA_ROW = HEADER_ROW + 1

SEVERITY_LABEL = {"invalid": "Invalid", "warning": "Peringatan", "info": "Info"}
# (fill, font colour) like Dapodik's validasi colours
SEVERITY_COLOURS = {
    "invalid": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "9C5700"),
    "info": ("DDEBF7", "1F4E78"),
}
ACTOR_LABEL = {
    "operator_sekolah": "Operator sekolah (Dapodik / Verval PTK)",
    "admin_dinas": "Admin Dapodik Dinas Pendidikan",
    "admin_instansi": "BKD/BKPSDM (SIASN, e-Kinerja)",
    "pegawai": "Pegawai sendiri (MyASN, PMM, Disdukcapil)",
    "kepala_sekolah": "Kepala sekolah",
}
SHEET_TITLES = {
    "Perbaikan Verval PTK": "Yang diubah operator di Verval PTK",
    "Perbaikan Dapodik": "Yang diubah operator di Dapodik",
    "Untuk BKD": "Untuk diperbaiki BKD/BKPSDM di SIASN / e-Kinerja",
    "Untuk Pegawai": "Yang dikerjakan guru/pegawai sendiri",
}
HOW_TO = (
    "Cara pakai: (1) Kerjakan lembar 'Perbaikan Verval PTK' dan 'Perbaikan Dapodik'; serahkan "
    "lembar 'Untuk BKD' ke BKD/BKPSDM dan 'Untuk Pegawai' ke guru yang bersangkutan. "
    "(2) Setiap ada kemajuan, ubah kolom Status (baru → diajukan → selesai, atau diabaikan) dan "
    "tulis Catatan bila perlu. Jangan ubah kolom No dan Kode, dan jangan hapus lembar "
    "tersembunyi _kunci; mengurutkan dan memfilter tabel boleh. (3) Simpan file ini, lalu bawa "
    "statusnya kembali ke aplikasi: menu Impor Status, atau perintah "
    "operator-app import-status NAMA_FILE.xlsx. (4) Setelah data diperbaiki, unduh dan impor "
    "ulang file Dapodik/SIASN terbaru: temuan yang sudah beres hilang dengan sendirinya."
)

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_RISKY_START = ("=", "+", "-", "@")
_MAX_CELL = 32767
_LINE_PT = 13.0
FONT_NAME = "Calibri"  # Excel's default; LibreOffice substitutes Carlito where installed
# More data dates than this are summarised on the work sheets' info line (all on the summary)
_INFO_DATES = 3


@dataclass(frozen=True)
class ExportMeta:
    db_id: str
    generated_at: datetime
    data_dates: Sequence[
        tuple[str, str]
    ]  # (label, date text), e.g. ("SIASN (x.csv)", "15-01-2026 10:11")
    title: str  # school name or "Semua sekolah"


@dataclass(frozen=True)
class WorkbookSummary:
    path: Path
    findings: int
    rows: dict[str, int]  # work sheet -> rows carrying a status
    reminders: int  # extra rows on Untuk Pegawai whose status lives on another sheet


def sheet_fingerprint(entries: Sequence[tuple[int, str]]) -> str:
    """Hash of (No, key JSON) in row order; detects a `_kunci` sheet edited by hand."""
    h = hashlib.sha256()
    for no, key_json in entries:
        h.update(f"{no}\t{key_json}\n".encode())
    return h.hexdigest()[:20]


def key_json(key: tuple[str, str, str]) -> str:
    return json.dumps(list(key), ensure_ascii=False)


def text_value(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    return value[:_MAX_CELL]


def is_risky(value: str) -> bool:
    """True when Excel would read the text as a formula if someone re-entered the cell."""
    return value.lstrip(" \t\r\n").startswith(_RISKY_START)


class _Styles:
    """Style objects built once (openpyxl shares them by value)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, PatternFill, Side
        from openpyxl.styles import Font as _Font

        # every font named: LibreOffice draws an unnamed one in its default serif font
        Font = partial(_Font, name=FONT_NAME)

        thin = Side(style="thin", color="A6A6A6")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.header_font = Font(bold=True, color="FFFFFF", size=10)
        self.header_fill = PatternFill("solid", fgColor="1F4E78")
        self.input_fill = PatternFill("solid", fgColor="375623")  # the columns to fill in
        self.header_align = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.title_font = Font(bold=True, size=14)
        self.info_font = Font(italic=True, size=9, color="595959")
        self.body_font = Font(size=10)
        self.bold = Font(bold=True, size=10)
        self.section_font = Font(bold=True, size=11, color="1F4E78")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.reminder_font = Font(size=10, italic=True, color="595959")
        self.sev_fill = {k: PatternFill("solid", fgColor=v[0]) for k, v in SEVERITY_COLOURS.items()}
        self.sev_font = {
            k: Font(size=10, bold=True, color=v[1]) for k, v in SEVERITY_COLOURS.items()
        }
        self.total_fill = PatternFill("solid", fgColor="D9E1F2")
        self._arrays: dict[tuple[object, ...], Any] = {}

    def body(self, cell: Any, severity: str | None, wrap: bool, reminder: bool) -> None:
        """Style a table cell; each combination is built once and its style array copied
        (setting font/fill/border per cell costs ~15 µs of hashing, copying ~1 µs)."""
        key = (severity, wrap, reminder, cell.number_format, cell.quotePrefix)
        arr = self._arrays.get(key)
        if arr is not None:
            cell._style = copy(arr)
            return
        cell.border = self.border
        if severity is not None:
            cell.fill = self.sev_fill.get(severity, self.sev_fill["info"])
            cell.font = self.sev_font.get(severity, self.sev_font["info"])
        else:
            cell.font = self.reminder_font if reminder else self.body_font
        cell.alignment = self.wrap if wrap else self.top
        self._arrays[key] = copy(cell._style)


def _put(ws: Worksheet, row: int, col: int, value: object, *, ident: bool = False) -> Any:
    """Write one cell; every string becomes a text cell, never a formula or error value."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = text_value(value)
        cell.value = text
        cell.data_type = "s"
        if ident or is_risky(text):
            cell.number_format = "@"
        if is_risky(text):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    else:
        cell.value = value
    return cell


def _line_count(text: str, width: float) -> int:
    """Lines a wrapped 10-pt cell needs; Excel and LibreOffice do not size rows on opening."""
    per_line = max(1, int(width * 1.05) - 1)
    total = 0
    for para in text.split("\n"):
        length = 0
        lines = 1
        for word in para.split(" "):
            add = len(word) + (1 if length else 0)
            if length and length + add > per_line:
                lines += 1 + (len(word) - 1) // per_line
                length = len(word) % per_line or per_line
            else:
                length += add
        total += lines
    return min(total, 30)


def _page_setup(ws: Worksheet, title: str, header_row: int | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.left.text = text_value(title).replace("&", "&&")[:200]
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8


def _info_line(meta: ExportMeta) -> str:
    """'Dibuat ... Data: ...' above a work sheet's table; with many Dapodik files (a kabupaten
    export) their dates are summarised as a range, the full list is on the summary sheet."""
    entries = list(meta.data_dates)
    dapodik = [when for label, when in entries if label.startswith("Dapodik")]
    if len(entries) > _INFO_DATES and len(dapodik) > 1:
        days = sorted(dapodik, key=_date_order)
        entries = [(label, when) for label, when in entries if not label.startswith("Dapodik")]
        span = (
            days[0][:10]
            if days[0][:10] == days[-1][:10]
            else f"{days[0][:10]} s.d. {days[-1][:10]}"
        )
        entries.append(
            (f"Dapodik {len(dapodik)} file", f"{span} (rincian di lembar {SHEET_SUMMARY})")
        )
    dates = "; ".join(f"{label}: {when}" for label, when in entries)
    made = meta.generated_at.strftime("%d-%m-%Y %H:%M")
    return f"Dibuat {made}." + (f" Data: {dates}." if dates else "")


def _date_order(when: str) -> str:
    """'16-11-2026 07:41' -> '2026-11-16 07:41' (anything else sorts as given)."""
    parts = when.split(" ", 1)
    dmy = parts[0].split("-")
    if len(dmy) != 3:
        return when
    return "-".join(reversed(dmy)) + (f" {parts[1]}" if len(parts) > 1 else "")


def _print_area(ws: Worksheet, last_col: int, last_row: int) -> None:
    """Print only the table: LibreOffice extends the printed range over text overflowing to
    the right (a long title or info line), and fit-to-width then shrinks the table to a strip."""
    from openpyxl.utils import get_column_letter

    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"


def _write_work_sheet(
    ws: Worksheet,
    name: str,
    rows: list[SheetRow],
    meta: ExportMeta,
    st: _Styles,
    primary: dict[int, tuple[str, int]],
) -> list[tuple[int, str]]:
    """Write one work sheet; returns (No, key JSON) of the rows that carry a status."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    cols = COLUMNS[name]
    ncol = len(cols)
    title = f"{name}: {SHEET_TITLES[name]} - {meta.title}"
    _put(ws, TITLE_ROW, 1, title).font = st.title_font
    info = _put(ws, INFO_ROW, 1, _info_line(meta))
    info.font, info.alignment = st.info_font, st.wrap
    ws.merge_cells(start_row=INFO_ROW, start_column=1, end_row=INFO_ROW, end_column=ncol)
    lines = _line_count(info.value, sum(c.width for c in cols) * 1.1)  # 9 pt, not 10
    ws.row_dimensions[INFO_ROW].height = lines * 12.0 + 2
    for c, col in enumerate(cols, start=1):
        cell = _put(ws, HEADER_ROW, c, col.header)
        cell.font, cell.fill, cell.alignment, cell.border = (
            st.header_font,
            st.input_fill if c >= ncol - 1 else st.header_fill,
            st.header_align,
            st.border,
        )
        ws.column_dimensions[get_column_letter(c)].width = col.width
    ws.row_dimensions[HEADER_ROW].height = 30
    code_col = next(i for i, c in enumerate(cols, start=1) if c.header == "Kode")
    status_col = ncol - 1  # Status, then Catatan last

    keyed: list[tuple[int, str]] = []
    r = FIRST_DATA_ROW
    for no, srow in enumerate(rows, start=1):
        f = srow.finding
        status: str
        if srow.keyed:
            status, note = f.status, f.note or ""
            keyed.append((no, key_json(f.key)))
        else:
            where = primary.get(id(f))
            status = ""
            note = f"Status dicatat di lembar '{where[0]}' No. {where[1]}." if where else ""
        values = [no, *srow.values, status, note]
        lines = 1
        for c, (col, value) in enumerate(zip(cols, values, strict=True), start=1):
            if col.wrap and isinstance(value, str) and value:
                lines = max(lines, _line_count(value, col.width))
            cell = _put(ws, r, c, value, ident=col.ident)
            if c == code_col:
                st.body(cell, f.severity, False, False)
            else:
                st.body(cell, None, col.wrap, not srow.keyed)
        if lines > 1:
            ws.row_dimensions[r].height = lines * _LINE_PT + 3
        r += 1
    if not rows:
        _put(ws, r, 2, "Tidak ada temuan untuk lembar ini.").font = st.info_font
        r += 1
    last = max(r - 1, FIRST_DATA_ROW)
    last_col = get_column_letter(ncol)
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last}"
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(WORKFLOW_STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Status tidak dikenal",
        error="Pilih salah satu: " + ", ".join(WORKFLOW_STATUSES) + ".",
        showInputMessage=True,
        promptTitle="Status",
        prompt="baru / diajukan / selesai / diabaikan",
    )
    status_letter = get_column_letter(status_col)
    dv.add(f"{status_letter}{FIRST_DATA_ROW}:{status_letter}{last}")
    ws.add_data_validation(dv)
    _page_setup(ws, title, HEADER_ROW)
    _print_area(ws, ncol, last)
    return keyed


def _table(
    ws: Worksheet,
    row: int,
    title: str,
    header: list[str],
    body: list[list[object]],
    st: _Styles,
    severities: Sequence[str | None] = (),
    wrap_width: float | None = None,
) -> int:
    """A small titled table on the summary sheet; returns the next free row.

    `severities[i]` colours the first cell of body row i like the Kode cells of the work sheets.
    With `wrap_width` (the first column's width) a long first cell wraps onto more lines.
    """
    _put(ws, row, 1, title).font = st.section_font
    row += 1
    for c, h in enumerate(header, start=1):
        cell = _put(ws, row, c, h)
        cell.font, cell.fill, cell.border = st.header_font, st.header_fill, st.border
    for i, values in enumerate(body):
        row += 1
        sev = severities[i] if i < len(severities) else None
        for c, v in enumerate(values, start=1):
            cell = _put(ws, row, c, v, ident=isinstance(v, str))
            cell.border = st.border
            cell.font = st.body_font
            if c == 1 and sev in SEVERITY_COLOURS:
                cell.fill, cell.font = st.sev_fill[sev], st.sev_font[sev]
            if wrap_width is not None:
                cell.alignment = st.wrap
        first = values[0] if values else None
        if wrap_width is not None and isinstance(first, str):
            lines = _line_count(first, wrap_width)
            if lines > 1:
                ws.row_dimensions[row].height = lines * _LINE_PT + 3
    return row + 2


def _write_summary(
    ws: Worksheet,
    findings: Sequence[Finding],
    schools: Sequence[School],
    meta: ExportMeta,
    rows: dict[str, int],
    st: _Styles,
) -> None:
    from openpyxl.styles import Alignment

    for letter, width in zip("ABCDEF", (44, 13, 13, 13, 13, 13), strict=True):
        ws.column_dimensions[letter].width = width
    _put(ws, 1, 1, f"Workbook perbaikan data guru ASN - {meta.title}").font = st.title_font
    _put(ws, 2, 1, f"Dibuat: {meta.generated_at.strftime('%d-%m-%Y %H:%M')}").font = st.body_font
    _put(ws, 3, 1, f"Database: {meta.db_id}").font = st.info_font
    ws.merge_cells("A5:F5")
    cell = _put(ws, 5, 1, HOW_TO)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.font = st.body_font
    ws.row_dimensions[5].height = 96
    row = 7
    dates = sorted(meta.data_dates, key=lambda d: (not d[0].startswith("SIASN"), natural_key(d[0])))
    row = _table(
        ws, row, "Tanggal data", ["Sumber", "Tanggal"], [[a, b] for a, b in dates], st,
        wrap_width=44,
    )  # fmt: skip
    ws.column_dimensions["B"].width = 18

    per_school: dict[str, Counter[str]] = {s.name: Counter() for s in schools}
    for f in findings:
        per_school.setdefault(f.school_name or "(tanpa sekolah)", Counter())[f.severity] += 1
    sevs = ("invalid", "warning", "info")
    body: list[list[object]] = [
        [name, *(c[s] for s in sevs), sum(c.values())]
        for name, c in sorted(per_school.items(), key=lambda x: natural_key(x[0]))
    ]
    totals: Counter[str] = Counter(f.severity for f in findings)
    body.append(["Jumlah", *(totals[s] for s in sevs), len(findings)])
    head = ["Sekolah", *(SEVERITY_LABEL[s] for s in sevs), "Jumlah"]
    row = _table(ws, row, "Temuan per sekolah", head, body, st)
    for c in range(1, 6):
        ws.cell(row=row - 2, column=c).font = st.bold
        ws.cell(row=row - 2, column=c).fill = st.total_fill

    row = _table(
        ws, row, "Baris per lembar", ["Lembar", "Baris"], [[n, rows[n]] for n in WORK_SHEETS], st
    )
    codes = sorted(
        Counter((f.code, f.severity) for f in findings).items(),
        key=lambda x: (SEVERITY_ORDER.get(x[0][1], 9), x[0][0]),
    )
    code_body: list[list[object]] = [
        [code, SEVERITY_LABEL.get(sev, sev), n] for (code, sev), n in codes
    ]
    row = _table(
        ws,
        row,
        "Temuan per kode",
        ["Kode", "Tingkat", "Jumlah"],
        code_body,
        st,
        [sev for (_, sev), _ in codes],
    )
    actors = Counter(f.actor for f in findings)
    row = _table(
        ws,
        row,
        "Temuan per pelaku",
        ["Siapa yang memperbaiki", "Jumlah"],
        [[ACTOR_LABEL.get(a, a), n] for a, n in sorted(actors.items())],
        st,
    )
    statuses = Counter(f.status for f in findings)
    row = _table(
        ws,
        row,
        "Temuan per status (saat ekspor)",
        ["Status", "Jumlah"],
        [[s, statuses[s]] for s in WORKFLOW_STATUSES],
        st,
    )
    _page_setup(ws, f"Ringkasan - {meta.title}", None)
    ws.page_setup.orientation = "portrait"
    _print_area(ws, 6, row - 2)


def _write_keys(wb: Workbook, meta: ExportMeta, keyed: dict[str, list[tuple[int, str]]]) -> None:
    ws = wb.create_sheet(SHEET_KEYS)
    _put(ws, 1, 1, "format")
    _put(ws, 1, 2, KEYS_FORMAT)
    _put(ws, 2, 1, "db_id")
    _put(ws, 2, 2, meta.db_id)
    _put(ws, 3, 1, "dibuat")
    _put(ws, 3, 2, meta.generated_at.isoformat(timespec="seconds"))
    r = 4
    for name in WORK_SHEETS:
        for c, v in enumerate(("sidik", name, sheet_fingerprint(keyed[name])), start=1):
            _put(ws, r, c, v)
        r += 1
    for c, v in enumerate(("jenis", "lembar", "no", "kunci"), start=1):
        _put(ws, r, c, v)
    for name in WORK_SHEETS:
        for no, kj in keyed[name]:
            r += 1
            _put(ws, r, 1, "baris")
            _put(ws, r, 2, name)
            _put(ws, r, 3, no)
            _put(ws, r, 4, kj)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True  # against accidental edits; the work sheets stay unprotected


def build_workbook(
    findings: Sequence[Finding],
    schools: Sequence[School],
    meta: ExportMeta,
    sync_failures: Sequence[Any] = (),  # h15: e-Kinerja log rows (core.ekinerja.failures)
) -> tuple[Workbook, WorkbookSummary]:
    from openpyxl import Workbook as _Workbook

    st = _Styles()
    wb = _Workbook()
    summary_ws = wb.active
    assert summary_ws is not None
    summary_ws.title = SHEET_SUMMARY
    sheet_rows = build_rows(findings)
    primary: dict[int, tuple[str, int]] = {}
    for name, rows in sheet_rows.items():
        for no, srow in enumerate(rows, start=1):
            if srow.keyed:
                primary[id(srow.finding)] = (name, no)
    keyed: dict[str, list[tuple[int, str]]] = {}
    for name in WORK_SHEETS:
        keyed[name] = _write_work_sheet(
            wb.create_sheet(name), name, sheet_rows[name], meta, st, primary
        )
    counts = {name: len(keyed[name]) for name in WORK_SHEETS}
    _write_summary(summary_ws, findings, schools, meta, counts, st)
    from operator_app.reports.sync_failures_sheet import add_sync_failures_sheet  # h15

    add_sync_failures_sheet(wb, sync_failures)
    _write_keys(wb, meta, keyed)
    wb.properties.creator = "operator-app"
    wb.properties.title = text_value(f"Workbook perbaikan - {meta.title}")
    reminders = sum(1 for r in sheet_rows[SHEET_PEGAWAI] if not r.keyed)
    return wb, WorkbookSummary(Path(), len(findings), counts, reminders)


def write_workbook(
    path: Path,
    findings: Sequence[Finding],
    schools: Sequence[School],
    meta: ExportMeta,
    sync_failures: Sequence[Any] = (),  # h15
) -> WorkbookSummary:
    """Write the correction workbook atomically (an older file survives a failed write)."""
    path = Path(path)
    wb, summary = build_workbook(findings, schools, meta, sync_failures)
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return WorkbookSummary(path, summary.findings, summary.rows, summary.reminders)
