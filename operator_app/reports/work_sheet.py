"""One work sheet of the correction workbook: title, info line, the table, Status drop-down."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from operator_app.core.model import WORKFLOW_STATUSES
from operator_app.reports.sheets import COLUMNS, SCHOOL_COLUMN, SHEET_SUMMARY, Column, SheetRow
from operator_app.reports.workbook_meta import ExportMeta
from operator_app.reports.xlsx_base import (
    INFO_PT,
    Styles,
    page_setup,
    print_area,
    put,
    row_height,
    text_lines,
    width_for,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

TITLE_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3
FIRST_DATA_ROW = HEADER_ROW + 1
SHEET_TITLES = {
    "Perbaikan Verval PTK": "Yang diubah operator di Verval PTK",
    "Perbaikan Dapodik": "Yang diubah operator di Dapodik",
    "Untuk BKD": "Untuk diperbaiki BKD/BKPSDM di SIASN / e-Kinerja",
    "Untuk Pegawai": "Yang dikerjakan guru/pegawai sendiri",
}
# More data dates than this are summarised on the work sheets' info line (all on the summary)
_INFO_DATES = 3
_CODE_MAX = 28.0


def info_line(meta: ExportMeta) -> str:
    """'Dibuat ... Data: ...' above a work sheet's table; with many Dapodik files (a kabupaten
    export) their dates are summarised as a range, the full list is on the summary sheet."""
    entries = list(meta.data_dates)
    dapodik = [when for label, when in entries if label.startswith("Dapodik")]
    if len(entries) > _INFO_DATES and len(dapodik) > 1:
        days = sorted(dapodik, key=date_order)
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


def date_order(when: str) -> str:
    """'16-11-2026 07:41' -> '2026-11-16 07:41' (anything else sorts as given)."""
    parts = when.split(" ", 1)
    dmy = parts[0].split("-")
    if len(dmy) != 3:
        return when
    return "-".join(reversed(dmy)) + (f" {parts[1]}" if len(parts) > 1 else "")


def sheet_columns(name: str, rows: list[SheetRow], with_school: bool) -> list[Column]:
    """The sheet's columns: without Sekolah for a one-school file, Kode as wide as its codes."""
    from dataclasses import replace

    cols = list(COLUMNS[name])
    if not with_school:
        del cols[SCHOOL_COLUMN]
    codes = {r.finding.code for r in rows}
    need = max((width_for(c, bold=True) for c in codes), default=0.0)
    return [
        replace(c, width=round(min(_CODE_MAX, max(c.width, need)), 1)) if c.header == "Kode" else c
        for c in cols
    ]


def write_work_sheet(
    ws: Worksheet,
    name: str,
    rows: list[SheetRow],
    meta: ExportMeta,
    st: Styles,
    primary: dict[int, tuple[str, int]],
    with_school: bool,
    key_text: Callable[[tuple[str, str, str]], str],
) -> list[tuple[int, str]]:
    """Write one work sheet; returns (No, key text) of the rows that carry a status."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    cols = sheet_columns(name, rows, with_school)
    ncol = len(cols)
    total_width = sum(c.width for c in cols)
    title = f"{name}: {SHEET_TITLES[name]} - {meta.title}"
    put(ws, TITLE_ROW, 1, title).font = st.title_font
    info = put(ws, INFO_ROW, 1, info_line(meta))
    info.font, info.alignment = st.info_font, st.wrap
    ws.merge_cells(start_row=INFO_ROW, start_column=1, end_row=INFO_ROW, end_column=ncol)
    ws.row_dimensions[INFO_ROW].height = row_height(
        text_lines(info.value, total_width, INFO_PT), INFO_PT
    )
    for c, col in enumerate(cols, start=1):
        cell = put(ws, HEADER_ROW, c, col.header)
        cell.font, cell.fill, cell.alignment, cell.border = (
            st.header_font,
            st.input_fill if c >= ncol - 1 else st.header_fill,
            st.header_align,
            st.border,
        )
        ws.column_dimensions[get_column_letter(c)].width = col.width
    head_lines = max(text_lines(c.header, c.width, bold=True) for c in cols)
    ws.row_dimensions[HEADER_ROW].height = row_height(head_lines)
    code_col = next(i for i, c in enumerate(cols, start=1) if c.header == "Kode")
    status_col = ncol - 1  # Status, then Catatan last

    keyed: list[tuple[int, str]] = []
    r = FIRST_DATA_ROW
    for no, srow in enumerate(rows, start=1):
        f = srow.finding
        status: str
        if srow.keyed:
            status, note = f.status, f.note or ""
            keyed.append((no, key_text(f.key)))
        else:
            where = primary.get(id(f))
            status = ""
            note = f"Status dicatat di lembar '{where[0]}' No. {where[1]}." if where else ""
        values = list(srow.values) if with_school else srow.values[1:]
        values = [no, *values, status, note]
        lines = 1
        for c, (col, value) in enumerate(zip(cols, values, strict=True), start=1):
            if col.wrap and isinstance(value, str) and value:
                lines = max(lines, text_lines(value, col.width))
            cell = put(ws, r, c, value, ident=col.ident)
            if c == code_col:
                st.body(cell, f.severity, False, False)
            else:
                st.body(cell, None, col.wrap, not srow.keyed)
        ws.row_dimensions[r].height = row_height(lines)
        r += 1
    if not rows:
        put(ws, r, 2, "Tidak ada temuan untuk lembar ini.").font = st.info_font
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
    page_setup(ws, title, HEADER_ROW, meta.paper)
    print_area(ws, ncol, last)
    return keyed
