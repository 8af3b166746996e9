"""The correction workbook: one sheet per place of work, a summary, and hidden keys for read-back.

The Status column is the only thing the operator is expected to edit;
`status_import.read_status_workbook` reads it back through the hidden `_kunci` sheet (work sheet
+ No → finding key). The parts: `xlsx_base` (cells, styles, measuring, print setup),
`work_sheet`, `summary_sheet`, `keys_sheet`; `sheets` decides which rows go on which sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from operator_app.core.model import Finding, School
from operator_app.reports.keys_sheet import (
    KEYS_FORMAT,
    hashed_key,
    key_json,
    sheet_fingerprint,
    write_keys,
)
from operator_app.reports.output import atomic_output
from operator_app.reports.sheets import (
    SHEET_PEGAWAI,
    SHEET_SUMMARY,
    WORK_SHEETS,
    build_rows,
    school_count,
)
from operator_app.reports.summary_sheet import write_summary
from operator_app.reports.work_sheet import write_work_sheet
from operator_app.reports.workbook_meta import ExportMeta, WorkbookSummary, exported_decisions
from operator_app.reports.xlsx_base import Styles, text_value

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = [
    "KEYS_FORMAT",
    "ExportMeta",
    "WorkbookSummary",
    "build_workbook",
    "exported_decisions",
    "sheet_fingerprint",
    "write_workbook",
]


def build_workbook(
    findings: Sequence[Finding],
    schools: Sequence[School],
    meta: ExportMeta,
    sync_failures: Sequence[Any] = (),  # h15: e-Kinerja log rows (core.ekinerja.failures)
) -> tuple[Workbook, WorkbookSummary]:
    from openpyxl import Workbook as _Workbook

    st = Styles()
    wb = _Workbook()
    summary_ws = wb.active
    assert summary_ws is not None
    summary_ws.title = SHEET_SUMMARY
    sheet_rows = build_rows(findings, meta.mask_nik)
    primary: dict[int, tuple[str, int]] = {}
    for name, rows in sheet_rows.items():
        for no, srow in enumerate(rows, start=1):
            if srow.keyed:
                primary[id(srow.finding)] = (name, no)
    with_school = school_count(findings) > 1
    key_text = hashed_key if meta.mask_nik else key_json
    keyed: dict[str, list[tuple[int, str]]] = {}
    for name in WORK_SHEETS:
        ws = wb.create_sheet(name)
        keyed[name] = write_work_sheet(
            ws, name, sheet_rows[name], meta, st, primary, with_school, key_text
        )
        if not findings:
            ws.sheet_state = "hidden"  # nothing to print: the summary says so on one page
    counts = {name: len(keyed[name]) for name in WORK_SHEETS}
    write_summary(summary_ws, findings, schools, meta, counts, st)
    from operator_app.reports.sync_failures_sheet import add_sync_failures_sheet  # h15

    add_sync_failures_sheet(wb, sync_failures)
    reminders = [
        (SHEET_PEGAWAI, no, *primary[id(r.finding)])
        for no, r in enumerate(sheet_rows[SHEET_PEGAWAI], start=1)
        if not r.keyed and id(r.finding) in primary
    ]
    write_keys(wb, meta, keyed, reminders)
    wb.properties.creator = "operator-app"
    wb.properties.title = text_value(f"Workbook perbaikan - {meta.title}")
    n_reminders = sum(1 for r in sheet_rows[SHEET_PEGAWAI] if not r.keyed)
    return wb, WorkbookSummary(Path(), len(findings), counts, n_reminders)


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
