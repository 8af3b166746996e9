"""A big single-sheet xlsx read in guarded pieces, calamine parsing them on two threads.

One calamine read of a 50,000-row export waits for the extent guard (guards.py) to have read the
whole sheet, 0.35 s on one core, and then parses it for about 1 s on one core too. Cut at row ends
into pieces of about 4 MB, each piece is guarded and handed to calamine (as a small stored xlsx
with the workbook's other parts) while the next one is guarded; two threads parse, since
python-calamine lets go of the GIL while it works. The guard bounds what calamine allocates exactly
as before, piece by piece: calamine only ever sees text the fast pass has passed.

The rows come back as one read of the whole sheet gives them: the first piece's rows from the
sheet's first row (calamine's iter_rows starts there), every row as wide as the whole sheet, the
empty rows between pieces in their place (tests/store/test_xlsx_pieces.py compares the two).

Only what can be cut safely goes this way: one worksheet of 16 MB of XML and up, whose parts that
travel with every piece are small (they are parsed again each time: a workbook with many shared
strings is read whole), text in the usual form. A piece's workbook holds only the parts calamine
reads for values (workbook, its relationships, styles, shared strings), each guarded like the
sheet, so calamine cannot take another part for the sheet. The parsed pieces are checked as they
come back: rows in order, no piece spanning more rows than its text can hold, not more cells
held than one sheet may have. Anything else, and anything unexpected on the way (a piece the fast
pass flags, a damaged part, calamine failing on a piece), gives None: the caller then guards and
reads the file whole (readers.read_table), which also words any refusal. The last piece carries
the rest of the part as it is, so what follows the rows is parsed as one read parses it.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from operator_app.sources import guards
from operator_app.sources.failures import reader_failure, refusing_rows
from operator_app.sources.limits import (
    HEAD_ROWS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_ZIP_RATIO,
)
from operator_app.sources.table import Cell, Table

log = logging.getLogger(__name__)

PIECES_FROM = 16 << 20  # sheet XML of this size and up; a 50,000-row export has ~90 MB
PIECE = 4 << 20  # measured: 4 MB pieces peaked 266 MB, 8 MB 301 MB, 16 MB 311 MB; all as fast
OTHERS_MAX = 256 << 10  # the parts that travel with every piece, parsed again each time
THREADS = 2
IN_FLIGHT = 2  # pieces handed over and not yet parsed: bounds the XML held at once
# The parts calamine reads for the values of a sheet, at these names: nothing else travels.
_WITH_EVERY_PIECE = {
    "[content_types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/sharedstrings.xml",
}  # names compared without case, as calamine looks them up
# A cell tag, prefixed or not: none may be in the parts that travel with every piece, so a
# workbook naming one of them as its sheet cannot make calamine build anything from it.
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?c[\s/>]")
# calamine's block for a piece, at most this many cells per byte of its text: a real piece has
# about 0.1 (50,000 SIASN rows: 3.4 M cells in 92 MB); two far cells make 7.8 M cells of 100 bytes.
_CELLS_PER_BYTE = 0.25
_READ = 1 << 20
_HEAD_MAX = 1 << 20
_SHEET_DATA = b"<sheetData>"
_ROW_END = b"</row>"
_TAIL = b"</sheetData></worksheet>"
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class _NotHere(Exception):
    """This file is read whole instead (the reason is logged)."""


def read_in_pieces(path: Path, size: int) -> Table | None:
    """The data sheet of a big single-sheet xlsx of `size` bytes, or None: read it whole
    (check_zip first).

    Raises BadFileError for the refusals check_zip would make first anyway (zip bomb sizes, a
    part whose cells would not fit), with the same message."""
    if size < PIECES_FROM // MAX_ZIP_RATIO:  # cannot hold that much sheet XML: a school's file
        return None  # is not opened twice (1,000 of them in a kabupaten's import)
    try:
        with zipfile.ZipFile(path) as zf:
            sheet, others = _eligible(path, zf)
            kept = _parse_pieces(zf, sheet, others)
        return _table(path, kept)
    except BaseException as exc:
        if isinstance(exc, _NotHere) or reader_failure(exc):
            log.debug("%s dibaca utuh: %s", path.name, exc)
            return None
        raise


def _eligible(path: Path, zf: zipfile.ZipFile) -> tuple[zipfile.ZipInfo, list[tuple[str, bytes]]]:
    infos = zf.infolist()
    guards.check_container(path, infos)  # before anything is inflated
    names = [i.filename.lower() for i in infos]
    if len(set(names)) != len(names):  # calamine looks names up without case: which one?
        raise _NotHere("nama bagian kembar")
    for info in infos:
        if info.compress_type not in _METHODS or info.flag_bits & 1:
            raise _NotHere("metode kompresi atau enkripsi lain")
    sheets = [i for i in infos if not i.is_dir() and _is_sheet(i.filename.lower())]
    if len(sheets) != 1 or not sheets[0].filename.startswith("xl/worksheets/"):
        raise _NotHere("bukan satu lembar kerja")
    sheet = sheets[0]
    if sheet.file_size < PIECES_FROM or "\\" in sheet.filename:
        raise _NotHere("lembar kecil")
    others = [i for i in infos if i.filename.lower() in _WITH_EVERY_PIECE]
    if sum(i.file_size for i in others) > OTHERS_MAX:
        raise _NotHere("bagian lain besar (shared strings)")
    for info in infos:  # every other part, folders too, as check_zip does: the same refusals
        if info is not sheet:
            guards.check_part(path, zf, info)
    parts = [(i.filename, zf.read(i)) for i in others]
    if any(_CELL_TAG.search(data) for _, data in parts):  # could be read as the sheet
        raise _NotHere("sel di bagian yang ikut setiap potongan")
    return sheet, parts


def _is_sheet(name: str) -> bool:
    return name.startswith(guards.SHEET_FOLDERS) and name.endswith(".xml") and "/_rels/" not in name


class _Kept:
    """The parsed pieces, checked in order as they come back: one sheet name, rows in order, no
    piece spanning far more cells than its text holds, not more cells than one sheet may have. A
    hostile sheet can make every piece a 99,999 x 78 block; this stops it at the first."""

    def __init__(self) -> None:
        self.sheets: list[Any] = []
        self.name = ""
        self.cells = 0
        self.end = -1

    def add(self, parsed: tuple[str, Any], size: int) -> None:
        name, sheet = parsed
        if self.sheets and name != self.name:
            raise _NotHere("nama lembar berganti")
        self.name = name
        if sheet.height:
            (top, _), (bottom, _) = sheet.start, sheet.end
            if top <= self.end:
                raise _NotHere("baris tidak berurutan")
            cells = sheet.height * sheet.width
            if cells > size * _CELLS_PER_BYTE + 1024:
                raise _NotHere("potongan merentang lebih banyak sel daripada isinya")
            self.cells += cells
            if self.cells > MAX_CELLS:
                raise _NotHere("terlalu banyak sel")
            self.end = bottom
        self.sheets.append(sheet)


def _parse_pieces(
    zf: zipfile.ZipFile, sheet: zipfile.ZipInfo, others: list[tuple[str, bytes]]
) -> _Kept:
    """Every piece guarded here and parsed on a thread; at most IN_FLIGHT pieces handed over
    and not yet back, each checked in order as it comes back (the next piece is guarded
    meanwhile)."""
    kept = _Kept()
    waiting: list[tuple[Future[tuple[str, Any]], int]] = []
    pool = ThreadPoolExecutor(THREADS, thread_name_prefix="xlsx-piece")
    try:
        for text in _cut(zf, sheet):
            if not guards.canonical(*text):
                raise _NotHere("potongan tidak lolos pemeriksaan cepat")
            size = sum(map(len, text))
            held = [_workbook(others, sheet.filename, text)]
            del text
            while len(waiting) >= IN_FLIGHT:
                future, before = waiting.pop(0)
                kept.add(future.result(), before)
            waiting.append((pool.submit(_parse, held), size))
        for future, size in waiting:
            kept.add(future.result(), size)
        return kept
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _cut(zf: zipfile.ZipFile, sheet: zipfile.ZipInfo) -> Iterator[tuple[bytes, bytes, bytes]]:
    """Every piece's text as (head, rows, tail): the text before the rows, rows cut after the
    first `</row>` from PIECE bytes on, and `</sheetData></worksheet>`; the last piece is the
    head and the rest of the part as it is. Reading to the end checks the part's CRC."""
    buf = bytearray()
    with zf.open(sheet) as fh:
        head = _head(fh, buf)
        while True:
            while len(buf) >= PIECE:
                cut = buf.find(_ROW_END, PIECE - len(_ROW_END))
                if cut < 0:
                    if len(buf) > 4 * PIECE:
                        raise _NotHere("baris terlalu panjang")
                    break
                cut += len(_ROW_END)
                if buf.find(b"sheetData", 0, cut) >= 0:  # one read may stop there
                    raise _NotHere("sheetData di tengah")
                yield head, bytes(buf[:cut]), _TAIL
                del buf[:cut]
            chunk = fh.read(_READ)
            if not chunk:
                break
            buf += chunk
    yield head, bytes(buf), b""


def _head(fh: IO[bytes], buf: bytearray) -> bytes:
    """The text up to and with `<sheetData>`, taken off `buf`; only a plain one: no comment,
    CDATA, declaration or second sheetData in it that could hide where the rows begin."""
    while (at := buf.find(_SHEET_DATA)) < 0:
        chunk = fh.read(_READ)
        if not chunk or len(buf) > _HEAD_MAX:
            raise _NotHere("tidak ada <sheetData>")
        buf += chunk
    head = bytes(buf[: at + len(_SHEET_DATA)])
    del buf[: at + len(_SHEET_DATA)]
    prolog_end = head.find(b"?>") + 2 if head.startswith(b"<?xml") else 0
    if (
        b"<worksheet" not in head
        or head.count(b"sheetData") != 1
        or b"<!" in head
        or b"<?" in head[prolog_end:]
    ):
        raise _NotHere("awal lembar yang tidak biasa")
    return head


def _workbook(others: list[tuple[str, bytes]], name: str, text: tuple[bytes, ...]) -> io.BytesIO:
    """A workbook with this piece's text as its only sheet, stored (nothing to inflate again)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for part, data in others:
            zf.writestr(part, data)
        with zf.open(name, "w") as fh:
            for piece in text:
                fh.write(piece)
    out.seek(0)
    return out


def _parse(held: list[io.BytesIO]) -> tuple[str, Any]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(held.pop())  # the piece's bytes are calamine's now
    if len(wb.sheet_names) != 1:
        raise _NotHere("buku kerja dengan lebih dari satu nama lembar")
    return wb.sheet_names[0], wb.get_sheet_by_name(wb.sheet_names[0])


def _table(path: Path, kept: _Kept) -> Table:
    live = [sheet for sheet in kept.sheets if sheet.height]
    if not live:
        raise _NotHere("lembar kosong")
    first = min(s.start[1] for s in live)
    last = max(s.end[1] for s in live)
    height = live[-1].end[0] - live[0].start[0] + 1
    if height > MAX_ROWS or last - first + 1 > MAX_COLUMNS:
        raise _NotHere("di luar batas")
    kept.sheets.clear()
    rows = refusing_rows(path, kept.name, _padded(live, first, last))  # as readers._sheet_rows
    head: list[list[Cell]] = []
    for row in rows:
        head.append(row)
        if len(head) >= HEAD_ROWS:
            break
    return Table(path, kept.name, head, _rows=rows, total_rows=height)


def _padded(live: list[Any], first: int, last: int) -> Iterator[list[Cell]]:
    """The rows one calamine read of the whole sheet gives: from the sheet's first row (as its
    iter_rows), every row from column `first` to `last`, the empty rows between pieces kept.
    Each piece is let go once its rows are out."""
    width = last - first + 1
    pending = live[::-1]
    live.clear()
    end = -1
    while pending:
        sheet = pending.pop()
        (top, left), (bottom, right) = sheet.start, sheet.end
        if end < 0:
            rows = sheet.iter_rows()  # from the sheet's row 1, as one read gives it
        else:
            for _ in range(top - end - 1):
                yield [""] * width
            rows = sheet.to_python()  # this piece's own rows only
        del sheet
        pad_left, pad_right = [""] * (left - first), [""] * (last - right)
        for cells in rows:
            row = cells if type(cells) is list else list(cells)
            if pad_left:
                row[:0] = pad_left
            if pad_right:
                row.extend(pad_right)
            yield row
        del rows
        end = bottom
