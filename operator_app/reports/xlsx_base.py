"""Cells, styles, text measuring and print setup shared by the correction workbook's sheets.

Every value from the data is written as a text cell (never a formula, number or error code), so
NIPs keep their 18 digits and a name like `=HYPERLINK(...)` stays a name. Excel and LibreOffice
do not size rows on opening, so row heights come from `text_lines`, which measures text with
Calibri's character widths (LibreOffice draws it with Carlito, which has the same metrics).
"""

from __future__ import annotations

import re
from copy import copy
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Calibri"  # Excel's default; LibreOffice substitutes Carlito where installed
BODY_PT = 10.0
INFO_PT = 10.0
FOOTER_PT = 9.0
LINE_PT = 12.5  # one line of 10-pt Calibri in a wrapped cell: Excel ~12.75 (LibreOffice ~10)
MIN_PRINTED_PT = 8.0
# (fill, font colour) like Dapodik's validasi colours
SEVERITY_COLOURS = {
    "invalid": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "9C5700"),
    "info": ("DDEBF7", "1F4E78"),
}
# Excel paper sizes: 9 = A4 (210 x 297 mm), 14 = Folio 8.5 x 13 in (the F4 sheet)
PAPER = {"a4": (9, 210.0, 297.0), "f4": (14, 215.9, 330.2)}
SIDE_MARGIN_IN = 0.2
TOP_MARGIN_IN = 0.5

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_RISKY_START = ("=", "+", "-", "@")
_MAX_CELL = 32767

# Calibri advance widths in em (units per em 2048), the characters a report uses most.
_EM = {
    **dict.fromkeys("0123456789", 0.507),
    **dict.fromkeys("abcdeghnopqu", 0.52),
    **dict.fromkeys("fjrt", 0.33),
    **dict.fromkeys("il", 0.23),
    **dict.fromkeys("ksvxyz", 0.45),
    "m": 0.80,
    "w": 0.72,
    **dict.fromkeys("ABCDEFGHKNOPQRSTUVXYZ", 0.60),
    "I": 0.25,
    "J": 0.32,
    "L": 0.42,
    "M": 0.86,
    "W": 0.89,
    " ": 0.226,
    "_": 0.50,
    ".": 0.25,
    ",": 0.25,
    ":": 0.27,
    ";": 0.27,
    "-": 0.31,
    "/": 0.39,
    "(": 0.30,
    ")": 0.30,
    "'": 0.22,
}
_EM_OTHER = 0.55
_UNIT_PT = 5.6  # one width unit as LibreOffice prints it (Carlito 11 digit, measured)
_CELL_PAD_PT = 4.5  # the cell's inner margins


def column_pt(width: float) -> float:
    """Printed width of a column of `width` Excel units (7 px per unit plus 5 px, at 96 dpi)."""
    return width * _UNIT_PT + 3.75


def text_pt(text: str, size: float = BODY_PT, bold: bool = False) -> float:
    """Width of one line of text in points."""
    em = sum(_EM.get(ch, _EM_OTHER) for ch in text)
    return em * size * (1.05 if bold else 1.0)


def width_for(text: str, size: float = BODY_PT, bold: bool = False) -> float:
    """The column width (Excel units) that shows `text` on one line."""
    return (text_pt(text, size, bold) + _CELL_PAD_PT + 2.0 - 3.75) / _UNIT_PT


def text_lines(text: str, width: float, size: float = BODY_PT, bold: bool = False) -> int:
    """Lines a wrapped cell of `width` units needs for `text` (word wrap, explicit newlines)."""
    room = column_pt(width) - _CELL_PAD_PT
    space = text_pt(" ", size, bold)
    total = 0
    for para in text.split("\n"):
        lines, used = 1, 0.0
        for word in para.split(" "):
            w = text_pt(word, size, bold)
            if used and used + space + w > room:
                lines += 1
                used = w
            else:
                used += (space if used else 0.0) + w
            while used > room:  # a word longer than the column breaks inside
                lines += 1
                used -= room
        total += lines
    return min(total, 40)


def row_height(lines: int, size: float = BODY_PT) -> float:
    return lines * LINE_PT * size / BODY_PT + 3.0


def fit_scale(widths: list[float], paper: str, landscape: bool = True) -> float:
    """The scale Excel's fit-to-width gives a sheet with these column widths on `paper`."""
    _, w_mm, h_mm = PAPER.get(paper, PAPER["a4"])
    paper_pt = (h_mm if landscape else w_mm) / 25.4 * 72.0
    printable = paper_pt - 2 * SIDE_MARGIN_IN * 72.0
    return min(1.0, printable / sum(column_pt(w) for w in widths))


def text_value(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    return value[:_MAX_CELL]


def is_risky(value: str) -> bool:
    """True when Excel would read the text as a formula if someone re-entered the cell."""
    return value.lstrip(" \t\r\n").startswith(_RISKY_START)


class Styles:
    """Style objects built once (openpyxl shares them by value)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, PatternFill, Side
        from openpyxl.styles import Font as _Font

        # every font named: LibreOffice draws an unnamed one in its default serif font
        Font = partial(_Font, name=FONT_NAME)

        thin = Side(style="thin", color="A6A6A6")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.header_font = Font(bold=True, color="FFFFFF", size=BODY_PT)
        self.header_fill = PatternFill("solid", fgColor="1F4E78")
        self.input_fill = PatternFill("solid", fgColor="375623")  # the columns to fill in
        self.header_align = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.title_font = Font(bold=True, size=14)
        self.info_font = Font(italic=True, size=INFO_PT, color="595959")
        self.body_font = Font(size=BODY_PT)
        self.bold = Font(bold=True, size=BODY_PT)
        self.section_font = Font(bold=True, size=11, color="1F4E78")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.reminder_font = Font(size=BODY_PT, italic=True, color="595959")
        self.sev_fill = {k: PatternFill("solid", fgColor=v[0]) for k, v in SEVERITY_COLOURS.items()}
        self.sev_font = {
            k: Font(size=BODY_PT, bold=True, color=v[1]) for k, v in SEVERITY_COLOURS.items()
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


def put(ws: Worksheet, row: int, col: int, value: object, *, ident: bool = False) -> Any:
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


def page_setup(
    ws: Worksheet, title: str, header_row: int | None, paper: str, landscape: bool = True
) -> None:
    """Fit to the paper's width, page numbers in the footer, the header row on every page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER.get(paper, PAPER["a4"])[0]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = TOP_MARGIN_IN
    ws.page_margins.header = ws.page_margins.footer = 0.25
    ws.print_options.horizontalCentered = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.HeaderFooter.scaleWithDoc = False  # the footer keeps its size when the sheet is shrunk
    ws.oddFooter.left.text = text_value(title).replace("&", "&&")[:200]
    ws.oddFooter.left.size = FOOTER_PT
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = FOOTER_PT


def print_area(ws: Worksheet, last_col: int, last_row: int) -> None:
    """Print only the table: LibreOffice extends the printed range over text overflowing to
    the right (a long title or info line), and fit-to-width then shrinks the table to a strip."""
    from openpyxl.utils import get_column_letter

    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
