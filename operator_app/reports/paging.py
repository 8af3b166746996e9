"""Page breaks that never split an item: the checklist and the letter are laid out in pieces.

Qt's rich-text layout breaks a table row across pages wherever the page ends (a tick box on one
page, the rest of the item on the next). Here each piece is measured on its own at the page's
width and a page break is put before a piece that no longer fits, so every piece lies whole on
one page:

- `Flow(html)`: kept whole (a letterhead, a paragraph, the signature block);
- `Rows(head, rows)`: a table whose rows are kept whole; it continues on the next page under a
  repeated `head` row (the teacher's name, or the letter's column titles), and a group of rows
  (`keep`, a teacher's first item) starts only where its first row fits beside the head.

A piece taller than a whole page cannot be kept whole; `Rows.split` gives the rows to use
instead (each continuation repeats No/Nama and the tick box), and a `Flow` gets a page of its
own to start on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtGui import QTextDocument, QTextTable

from operator_app.reports.printing import ensure_gui_app, font, keep_none_alive

PAGE_BREAK = "page-break-before:always;"
_SLACK = 0.97  # of the page height: measuring pieces alone rounds a little differently


@dataclass
class Flow:
    html: str


@dataclass
class Rows:
    """`table(style, head, rows)` renders a table; `split(i, room)` gives row i as shorter rows
    for a row taller than `room` (or the row itself when it cannot be split)."""

    head: str
    rows: list[str]
    table: Callable[[str, str, str], str]
    split: Callable[[int], list[str]] | None = None
    # row i as the first row of a table continued on a new page (No/Nama repeated)
    first: Callable[[int], str] | None = None


class Measure:
    """Heights of HTML fragments laid out at the page's width with the report's font."""

    def __init__(self, width: float, families: Sequence[str], point_size: float) -> None:
        ensure_gui_app()
        self.width = width
        self.font = font(families, point_size)
        self._reused: QTextDocument | None = None

    def _doc(self, html: str) -> QTextDocument:
        """One document, refilled for every measurement: a new QTextDocument per piece made a
        layout per piece, and each layout connects a signal under Qt's global connection
        locks while this worker thread holds the GIL; with the GUI thread disconnecting a
        Python slot at that moment the two deadlocked (seen in the per-school export test)."""
        keep_none_alive()
        doc = self._reused
        if doc is None:
            doc = QTextDocument()
            doc.setDefaultFont(self.font)
            doc.setDocumentMargin(0)
            doc.setTextWidth(self.width)
            self._reused = doc
        doc.setHtml(html)
        return doc

    def height(self, html: str) -> float:
        return float(self._doc(html).size().height())

    def row_heights(self, piece: Rows) -> tuple[float, list[float]]:
        """The head-only table's height and each row's height, from one layout of the whole
        table (row tops read from its cells; the last row gets what remains)."""
        base = self.height(piece.table("", piece.head, ""))
        if not piece.rows:
            return base, []
        doc = self._doc(piece.table("", piece.head, "".join(piece.rows)))
        tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
        if len(tables) != 1 or tables[0].rows() != len(piece.rows) + 1:
            # an unexpected structure: measure row by row
            return base, [self.height(piece.table("", piece.head, r)) - base for r in piece.rows]
        table, layout = tables[0], doc.documentLayout()
        tops = [
            layout.blockBoundingRect(doc.findBlock(table.cellAt(r, 0).firstPosition())).top()
            for r in range(table.rows())
        ]
        heights = [b - a for a, b in pairwise(tops[1:])]
        heights.append(float(doc.size().height()) - base - sum(heights))
        return base, heights


def paginate(pieces: Sequence[Flow | Rows], measure: Measure, page_height: float) -> str:
    """The pieces as one HTML document with page breaks before the pieces that start a page."""
    room_total = page_height * _SLACK
    out: list[str] = []
    used = 0.0

    def fits(h: float) -> bool:
        return used + h <= room_total

    for piece in pieces:
        if isinstance(piece, Flow):
            h = measure.height(piece.html)
            brk = used > 0 and not fits(h)
            out.append(_with_break(piece.html, brk))
            used = h if brk else used + h
            continue
        head_h, rows = _rows_fitting(piece, measure, room_total)
        chunk: list[str] = []
        start_break = False
        for row, lead, h in rows:
            if not chunk:
                if used > 0 and not fits(head_h + h):
                    start_break, used = True, 0.0
                used += head_h + h
                chunk.append(row)
                continue
            if fits(h):
                used += h
                chunk.append(row)
                continue
            out.append(piece.table(PAGE_BREAK if start_break else "", piece.head, "".join(chunk)))
            chunk, start_break, used = [lead], True, head_h + h
        out.append(piece.table(PAGE_BREAK if start_break else "", piece.head, "".join(chunk)))
    return "".join(out)


def _rows_fitting(
    piece: Rows, measure: Measure, page: float
) -> tuple[float, list[tuple[str, str, float]]]:
    """The head's height and (row html, row html when it starts a page, height) per row; a row
    taller than a page under the head is replaced by its split rows."""
    base, heights = measure.row_heights(piece)
    room = page - base
    out: list[tuple[str, str, float]] = []
    for i, (row, measured) in enumerate(zip(piece.rows, heights, strict=True)):
        lead = piece.first(i) if piece.first is not None else row
        h = measured
        if lead != row:
            h = max(h, measure.height(piece.table("", piece.head, lead)) - base)
        if h > room and piece.split is not None:
            for part in piece.split(i):
                out.append((part, part, measure.height(piece.table("", piece.head, part)) - base))
        else:
            out.append((row, lead, h))
    return base, out


def _with_break(html: str, brk: bool) -> str:
    if not brk:
        return html
    return f"<p style='{PAGE_BREAK} margin:0; font-size:1pt'>&nbsp;</p>{html}"
