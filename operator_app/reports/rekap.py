"""The Dinas's "Rekap Dinas" workbook: one row per school, one sheet per kecamatan, totals.

A summary sheet first (one line per kecamatan plus the kabupaten total), then each kecamatan
with its schools and its own total row. Totals are written as numbers, never as formulas (the
file may be opened in viewers that do not compute them), and every sheet prints on A4/F4
landscape, fit to width, with the header row repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from operator_app.core.catalogue import ACTOR_LABELS
from operator_app.core.views import SchoolSummary

ACTORS = ("operator_sekolah", "admin_dinas", "admin_instansi", "pegawai", "kepala_sekolah")
_COUNT_COLS = ("PTK", "Padan dengan SIASN", "Invalid", "Peringatan", "Baru", "Selesai")
_PAPER = {"a4": 9, "f4": 14}  # openpyxl paperSize: 9 = A4, 14 = Folio 8.5 x 13 in (F4)
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def _counts(s: SchoolSummary) -> list[int]:
    return [s.n_ptk, s.n_matched, s.n_invalid, s.n_warning, s.n_new, s.n_fixed]


def _sheet_title(name: str, used: set[str]) -> str:
    base = (name.translate(_BAD_SHEET_CHARS).strip() or "Tanpa kecamatan")[:28]
    title, i = base, 2
    while title.lower() in used:
        title = f"{base[:25]} {i}"
        i += 1
    used.add(title.lower())
    return title


def write_rekap(
    summaries: Sequence[SchoolSummary],
    out: Path,
    *,
    kabupaten: str = "",
    generated: datetime | None = None,
    paper: str = "a4",
) -> int:
    """Write the workbook to `out` (atomically); returns the number of schools in it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from operator_app.reports.output import atomic_output
    from operator_app.reports.xlsx_base import row_height, text_lines

    generated = generated or datetime.now()
    bold = Font(name="Calibri", bold=True, size=11)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    total_fill = PatternFill("solid", fgColor="F2F2F2")
    thin = Side(style="thin", color="BFBFBF")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    by_kec: dict[str, list[SchoolSummary]] = {}
    for s in summaries:
        by_kec.setdefault(s.kecamatan or "", []).append(s)

    wb = Workbook()
    ws = wb.active
    assert ws is not None

    def setup(sheet, title: str, headers: list[str], widths: list[int]) -> None:  # type: ignore[no-untyped-def]
        sheet["A1"] = title
        sheet["A1"].font = Font(name="Calibri", bold=True, size=14)
        sheet["A2"] = (
            f"{kabupaten + ' - ' if kabupaten else ''}dibuat {generated:%d-%m-%Y %H:%M} oleh "
            "operator-app; angka = temuan terbuka (baru/diajukan)"
        )
        sheet["A2"].font = Font(name="Calibri", italic=True, size=10)
        for col, (h, w) in enumerate(zip(headers, widths, strict=True), start=1):
            cell = sheet.cell(row=4, column=col, value=h)
            cell.font, cell.fill, cell.border = bold, head_fill, box
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            sheet.column_dimensions[get_column_letter(col)].width = w
        # tall enough for the longest wrapped header: at a fixed 32 pt LibreOffice showed two of
        # the four lines of "Terbuka: Admin Dapodik Dinas Pendidikan" (one line of slack: the
        # estimate said three)
        lines = max(text_lines(h, w, 11.0, bold=True) for h, w in zip(headers, widths, strict=True))
        sheet.row_dimensions[4].height = max(32.0, row_height(lines + 1, 11.0))
        sheet.freeze_panes = "A5"
        sheet.print_title_rows = "4:4"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = _PAPER.get(paper, 9)
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.oddFooter.center.text = "Halaman &P dari &N"

    def put_row(sheet, row: int, values: list[object], total: bool = False) -> None:  # type: ignore[no-untyped-def]
        for col, v in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col, value=v)
            cell.border = box
            if total:
                cell.font, cell.fill = bold, total_fill
            if isinstance(v, int):
                cell.alignment = Alignment(horizontal="right")

    actor_heads = [f"Terbuka: {ACTOR_LABELS[a]}" for a in ACTORS]
    ws.title = "Ringkasan"
    setup(
        ws,
        "Rekap Dinas: per kecamatan",
        ["Kecamatan", "Sekolah", *_COUNT_COLS, *actor_heads],
        [26, 9, 8, 11, 9, 11, 8, 9] + [14] * len(ACTORS),
    )
    row = 5
    grand = [0] * (1 + len(_COUNT_COLS) + len(ACTORS))
    for kec in sorted(by_kec, key=lambda k: (k == "", k.casefold())):
        schools = by_kec[kec]
        vals = [len(schools)]
        vals += [sum(_counts(s)[i] for s in schools) for i in range(len(_COUNT_COLS))]
        vals += [sum(s.by_actor.get(a, 0) for s in schools) for a in ACTORS]
        put_row(ws, row, [kec or "(tidak diketahui)", *vals])
        grand = [g + v for g, v in zip(grand, vals, strict=True)]
        row += 1
    put_row(ws, row, ["JUMLAH KABUPATEN", *grand], total=True)
    ws.print_area = f"A1:{get_column_letter(2 + len(_COUNT_COLS) + len(ACTORS))}{row}"

    used = {"ringkasan"}
    school_heads = ["No", "Sekolah", *_COUNT_COLS, *actor_heads, "Impor terakhir", "Tanggal Unduh"]
    for kec in sorted(by_kec, key=lambda k: (k == "", k.casefold())):
        sheet = wb.create_sheet(_sheet_title(kec, used))
        setup(
            sheet,
            f"Rekap Dinas: Kecamatan {kec or '(tidak diketahui)'}",
            school_heads,
            [5, 34, 8, 11, 9, 11, 8, 9] + [14] * len(ACTORS) + [16, 16],
        )
        row = 5
        total = [0] * (len(_COUNT_COLS) + len(ACTORS))
        for n, s in enumerate(by_kec[kec], start=1):
            vals = _counts(s) + [s.by_actor.get(a, 0) for a in ACTORS]
            when = f"{s.last_import:%d-%m-%Y %H:%M}" if s.last_import else ""
            unduh = f"{s.tanggal_unduh:%d-%m-%Y %H:%M}" if s.tanggal_unduh else ""
            put_row(sheet, row, [n, s.name, *vals, when, unduh])
            total = [t + v for t, v in zip(total, vals, strict=True)]
            row += 1
        put_row(
            sheet, row, ["", f"JUMLAH ({len(by_kec[kec])} sekolah)", *total, "", ""], total=True
        )
        sheet.print_area = f"A1:{get_column_letter(len(school_heads))}{row}"
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return len(summaries)
