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

Only what can be cut safely goes this way: one worksheet of 16 MB of XML and up, whose other parts
are small (they are parsed again with every piece: a workbook with shared strings is read whole),
text in the usual form. Anything else, and anything unexpected on the way (a piece the fast pass
flags, rows out of order, a damaged part, calamine failing on a piece), gives None: the caller
then guards and reads the file whole (readers.read_table), which also words any refusal.
"""

from __future__ import annotations

import io
import itertools
import logging
import threading
import zipfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from operator_app.sources import guards
from operator_app.sources.failures import reader_failure
from operator_app.sources.limits import HEAD_ROWS, MAX_COLUMNS, MAX_ROWS
from operator_app.sources.table import Cell, Table

log = logging.getLogger(__name__)

PIECES_FROM = 16 << 20  # sheet XML of this size and up; a 50,000-row export has ~90 MB
PIECE = 4 << 20  # measured: 4 MB pieces peaked 266 MB, 8 MB 301 MB, 16 MB 311 MB; all as fast
OTHERS_MAX = 256 << 10  # the other parts travel with every piece and are parsed again each time
THREADS = 2
IN_FLIGHT = 2  # pieces handed over and not yet parsed: bounds the XML held at once
_READ = 1 << 20
_HEAD_MAX = 1 << 20
_SHEET_DATA = b"<sheetData>"
_ROW_END = b"</row>"
_TAIL = b"</sheetData></worksheet>"
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class _NotHere(Exception):
    """This file is read whole instead (the reason is logged)."""


def read_in_pieces(path: Path) -> Table | None:
    """The data sheet of a big single-sheet xlsx, or None: read it whole (check_zip first).

    Raises BadFileError for the refusals check_zip would make first anyway (zip bomb sizes, an
    oversized other sheet part), with the same message."""
    try:
        with zipfile.ZipFile(path) as zf:
            sheet, others = _eligible(path, zf)
            parsed = _parse_pieces(zf, sheet, others)
        return _table(path, parsed)
    except BaseException as exc:
        if isinstance(exc, _NotHere) or reader_failure(exc):
            log.debug("%s dibaca utuh: %s", path.name, exc)
            return None
        raise


def _eligible(
    path: Path, zf: zipfile.ZipFile
) -> tuple[zipfile.ZipInfo, list[tuple[zipfile.ZipInfo, bytes]]]:
    infos = zf.infolist()
    guards.check_container(path, infos)  # before anything is inflated
    files = [i for i in infos if not i.is_dir()]
    for info in files:
        name = info.filename
        if info.compress_type not in _METHODS or info.flag_bits & 1:
            raise _NotHere("metode kompresi atau enkripsi lain")
        if "\\" in name or "\x00" in name or name.lower() == "content.xml":
            raise _NotHere("nama bagian yang tidak biasa")
    sheets = [i for i in files if _is_sheet(i.filename.lower())]
    if len(sheets) != 1 or not sheets[0].filename.lower().startswith("xl/worksheets/"):
        raise _NotHere("bukan satu lembar kerja")
    sheet = sheets[0]
    if sheet.file_size < PIECES_FROM:
        raise _NotHere("lembar kecil")
    rest = [i for i in files if i is not sheet]
    if sum(i.file_size for i in rest) > OTHERS_MAX:
        raise _NotHere("bagian lain besar (shared strings)")
    for info in rest:  # what calamine could take for a sheet is guarded as check_zip does
        if info.filename.lower().startswith(guards.SHEET_FOLDERS):
            guards.check_sheet_part(path, zf, info)
    return sheet, [(i, zf.read(i)) for i in rest]


def _is_sheet(name: str) -> bool:
    return name.startswith(guards.SHEET_FOLDERS) and name.endswith(".xml") and "/_rels/" not in name


def _parse_pieces(
    zf: zipfile.ZipFile, sheet: zipfile.ZipInfo, others: list[tuple[zipfile.ZipInfo, bytes]]
) -> list[Any]:
    """Every piece guarded here and parsed on a thread, in order; at most IN_FLIGHT waiting."""
    gate = threading.Semaphore(IN_FLIGHT)
    done: list[Future[Any]] = []
    pool = ThreadPoolExecutor(THREADS, thread_name_prefix="xlsx-piece")
    try:
        for head, rows in _cut(zf, sheet):
            if not guards.canonical(head, rows, _TAIL):
                raise _NotHere("potongan tidak lolos pemeriksaan cepat")
            held = [_workbook(others, sheet.filename, head, rows)]
            del rows
            gate.acquire()
            done.append(pool.submit(_parse, held, gate))
        return [f.result() for f in done]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _cut(zf: zipfile.ZipFile, sheet: zipfile.ZipInfo) -> Iterator[tuple[bytes, bytes]]:
    """(head, rows): the text before the rows, and rows cut after a `</row>` every PIECE bytes;
    the last piece ends where the rows end. Reading to the end checks the part's CRC."""
    head = b""
    buf = bytearray()
    with zf.open(sheet) as fh:
        while True:
            chunk = fh.read(_READ)
            buf += chunk
            if not head:
                at = buf.find(_SHEET_DATA)
                if at < 0:
                    if len(buf) > _HEAD_MAX or not chunk:
                        raise _NotHere("tidak ada <sheetData>")
                    continue
                head = bytes(buf[: at + len(_SHEET_DATA)])
                del buf[: at + len(_SHEET_DATA)]
                if b"<worksheet" not in head:
                    raise _NotHere("bukan <worksheet>")
            while chunk and len(buf) >= PIECE:  # the first row end from PIECE bytes on
                cut = buf.find(_ROW_END, PIECE - len(_ROW_END))
                if cut < 0:
                    if len(buf) > 4 * PIECE:
                        raise _NotHere("baris terlalu panjang")
                    break
                rows = bytes(buf[: cut + len(_ROW_END)])
                del buf[: cut + len(_ROW_END)]
                if b"</sheetData" in rows:  # one read would stop there
                    raise _NotHere("</sheetData> di tengah")
                yield head, rows
            if not chunk:
                end = buf.find(b"</sheetData>")
                if end < 0:
                    raise _NotHere("tidak ada </sheetData>")
                if buf[:end].strip():
                    yield head, bytes(buf[:end])
                return


def _workbook(
    others: list[tuple[zipfile.ZipInfo, bytes]], name: str, head: bytes, rows: bytes
) -> io.BytesIO:
    """The workbook with this piece as its sheet, stored (nothing to inflate again)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for info, data in others:
            zf.writestr(info.filename, data)
        with zf.open(name, "w") as fh:
            fh.write(head)
            fh.write(rows)
            fh.write(_TAIL)
    out.seek(0)
    return out


def _parse(held: list[io.BytesIO], gate: threading.Semaphore) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(held.pop())  # the piece's bytes are calamine's now
        if len(wb.sheet_names) != 1:
            raise _NotHere("buku kerja dengan lebih dari satu nama lembar")
        return wb.sheet_names[0], wb.get_sheet_by_name(wb.sheet_names[0])
    finally:
        gate.release()


def _table(path: Path, parsed: list[Any]) -> Table:
    live = [sheet for _, sheet in parsed if sheet.height]
    if not live:
        raise _NotHere("lembar kosong")
    for before, after in itertools.pairwise(live):
        if after.start[0] <= before.end[0]:
            raise _NotHere("baris tidak berurutan")
    first = min(s.start[1] for s in live)
    last = max(s.end[1] for s in live)
    height = live[-1].end[0] - live[0].start[0] + 1
    if height > MAX_ROWS or last - first + 1 > MAX_COLUMNS:
        raise _NotHere("di luar batas")
    rows = _rows(live, first, last)
    del live
    head: list[list[Cell]] = []
    for row in rows:
        head.append(row)
        if len(head) >= HEAD_ROWS:
            break
    return Table(path, parsed[0][0], head, _rows=rows, total_rows=height)


def _rows(live: list[Any], first: int, last: int) -> Iterator[list[Cell]]:
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
