"""Refuse dangerous or damaged zip containers (xlsx, ods) before python-calamine inflates them.

calamine turns a sheet into one dense block of height x width cells and aborts the whole process
(no exception) when that allocation fails: a 1.5 KB xlsx holding cells A1 and XFD1048576 asks for
550 GB, a 950-byte ods with repeated rows took 5.6 GB. So each sheet part is inflated here first
(which also checks its CRC) and its extent read from the raw XML: one regex pass that finds
nothing in files written by Excel, LibreOffice, openpyxl and the like, and a slower exact pass
only for the files it flags.

Why the fast pass bounds what calamine allocates (checked against python-calamine 0.9.1 with
probe files, see tests/hostile): calamine places a cell at the position named by the cell's last
attribute whose full name is `r` (a prefixed `x:r` is ignored); only a cell without one is placed
by counting. It matches element names by local name (`<x:c>` is a cell), separates attributes by
space, tab, CR, LF or form feed or by nothing after a closing quote, accepts both quote kinds and
`<`/`>` inside quoted values, and refuses a reference without row or column digits or letters.
The fast pass flags the file unless (1) no `:c` followed by white space, `/` or `>` occurs and
(2) every `<c` followed by one of those is followed by ` r="REF"`, where REF is one or two letters
(two only when the first is A or B) and one to five digits, and then by the rest of the tag with
no `r` and no `'` outside double-quoted values up to its `>`. Every cell calamine reads is such a
tag (1), its position is that REF (2: no further `r` attribute can follow), so the block is at
most 99,999 rows x 78 columns (BZ) = 7.8 million cells, inside MAX_ROWS, MAX_COLUMNS and
MAX_CELLS. Scanning the whole part (not only sheetData) and every `<c` (also inside comments or
values) only adds false alarms, which the exact pass then settles.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from operator_app.core.errors import BadFileError
from operator_app.sources.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
)
from operator_app.sources.zip_layout import ambiguous_end

# Where writers put sheets (names compared without case). calamine reads whatever part the
# workbook's relationships name, anywhere in the zip (`x.xml`, `/x.xml`, `media/x.xml`), so
# check_zip guards every part; these folders only tell sources.xlsx_pieces which part to cut.
SHEET_FOLDERS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/")
_CHUNK = 1 << 20
_EDGE = 256  # longer than any cell tag the fast regexes need to see whole
# A cell tag other than `<c r="A1" s="1" t="s">` with a reference within BZ99999 (78 x 99,999
# cells) and no further `r` outside quoted values (calamine takes the last of two `r`s). Row tags
# need no look: where every cell carries its own reference, rows cannot move it. Possessive
# quantifiers (the pieces never need to give back) make this pass about 1.5x cheaper than the
# same test written with plain ones and a second lookahead.
_BEYOND_FAST = re.compile(
    rb'<c(?! r="(?:[A-Ba-b][A-Za-z]?+|[C-Zc-z])[0-9]{1,5}+"'
    rb'[^>"\'r]*+(?:"[^"]*+"[^>"\'r]*+)*+>)[\s/>]'
)
# A namespace-prefixed <x:c> (calamine matches the local name only).
_PREFIXED = re.compile(rb":c[\s/>]")
# A cell tag not in that canonical form whatever its reference.
_ODD_FORM = re.compile(
    rb'<c(?=[\s/>])(?! r="[A-Za-z]{0,3}[0-9]{1,7}"[^>"\'r]*(?:"[^"]*"[^>"\'r]*)*>)|:c[\s/>]'
)
_CANONICAL_CELL = re.compile(rb'<c r="([A-Za-z]{0,3})([0-9]{1,7})"')
_TAG = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.\-]*:)?(row|c)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
# Every place an `r` attribute may start: after white space or right after a closing quote
# (calamine reads `r="A1"r="XFD1048576"` as XFD1048576). The value is only looked at, never
# consumed, so a candidate inside another attribute's value cannot hide the real one after it;
# candidates inside values only make the extent larger.
_R_ATTR = re.compile(rb"(?:^|(?<=[\s\"']))r\s*=\s*(?=\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(rb"([A-Za-z]*)([0-9]+)")
_FAR = 1 << 40  # a reference too long to be real: more than 3 letters or 7 digits

_ODS_TAG = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.\-]*:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])"
    rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
_REPEATED = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"']\s*([0-9]+)")


def damaged(path: Path, what: str) -> BadFileError:
    return BadFileError(
        f"File {path.name} rusak atau tidak lengkap ({what}). Unduh ulang atau salin ulang file "
        "tersebut, atau buka di Excel lalu simpan ulang sebagai .xlsx.",
        file=str(path),
    )


def check_zip(path: Path) -> None:
    """Refuse zip bombs, damaged zips and sheets too large to hold, before calamine opens them.

    Every part is guarded, whatever its name or folder: calamine takes as a sheet any part the
    workbook's relationships point at (a 1.5 KB file whose only sheet was `xl/x.xml` with cells
    A1 and XFD1048576 passed a guard of the sheet folders and aborted the app; corpus entries
    `bom-lembar-di-luar-folder*`). The fast pass clears a part without cells in microseconds
    per KB (shared strings, styles, pictures)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_container(path, infos)
            for info in infos:  # folders too: a "folder" with data is a part calamine reads
                check_part(path, zf, info)
    except BadFileError:
        raise
    except Exception as exc:  # zipfile raises a dozen types for damaged input; all mean "damaged"
        raise damaged(path, "arsip xlsx tidak bisa dibuka") from exc


def check_container(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose end can be read two ways, a binary workbook, too many parts, a part
    that inflates like a zip bomb, and too much in all: everything that can be told from the
    zip's directory alone."""
    if ambiguous_end(path):
        raise damaged(path, "susunan akhir arsip zip tidak wajar")
    if any(_binary_book(info.filename.lower()) for info in infos):
        raise BadFileError(
            f"File {path.name} ditolak: isinya buku kerja Excel biner (.xlsb), bukan .xlsx. "
            "Buka file itu di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)', kemudian impor "
            "file .xlsx itu.",
            file=str(path),
        )
    if len(infos) > MAX_ZIP_ENTRIES:
        raise BadFileError(
            f"File {path.name} ditolak: berisi {len(infos)} bagian, terlalu banyak untuk ekspor "
            "Dapodik/SIASN.",
            file=str(path),
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 10 * 1024 * 1024 and ratio > MAX_ZIP_RATIO:
            raise BadFileError(
                f"File {path.name} ditolak: bagian {info.filename} mengembang {ratio:.0f} kali "
                "(ciri 'zip bomb'). File ini tidak aman dibuka.",
                file=str(path),
            )
    if total > MAX_UNZIPPED_BYTES:
        raise BadFileError(
            f"File {path.name} ditolak: isinya mengembang menjadi {total // (1024 * 1024)} MB, "
            "terlalu besar untuk ekspor Dapodik/SIASN.",
            file=str(path),
        )


def _binary_book(name: str) -> bool:
    """A zip calamine may read as xlsb (MS-XLSB records): its cell positions are binary, which the
    extent passes below cannot see, and one far cell aborts the process just the same (a 1.3 KB
    file asked for 512 GB: tests/hostile/corpus.py, `xlsb-sel-jauh`). No Dapodik or SIASN export
    is xlsb, so such a workbook is refused whatever its sheets hold."""
    return name == "xl/workbook.bin"  # what calamine opens as xlsb (it tries xlsx first)


def _chunks(fh: IO[bytes]) -> Iterator[bytes]:
    """The part in pieces that end before a '<', so no tag is split between two pieces."""
    tail = b""
    while chunk := fh.read(_CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            tail = data
            continue
        tail = data[cut:]
        yield data[:cut]
    if tail:
        yield tail


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def refuse_extent(path: Path, where: str, rows: int, cols: int) -> None:
    """BadFileError when a sheet of rows x cols would not fit the limits; `where` names it."""
    if rows <= MAX_ROWS and cols <= MAX_COLUMNS and rows * cols <= MAX_CELLS:
        return
    shown = (
        f"{_dotted(rows)} baris x {_dotted(cols)} kolom"
        if max(rows, cols) < _FAR
        else "alamat sel yang mustahil"
    )
    raise BadFileError(
        f"File {path.name} ditolak: {where} merentang {shown}, jauh melebihi ekspor "
        f"Dapodik/SIASN (batas {_dotted(MAX_ROWS)} baris, {_dotted(MAX_COLUMNS)} kolom, "
        f"{_dotted(MAX_CELLS)} sel). File ini rusak atau sengaja dibuat untuk menghabiskan memori.",
        file=str(path),
    )


def refuse_total(path: Path, cells: int) -> None:
    """BadFileError when all sheets together (calamine holds them all at once) are too large."""
    if cells <= MAX_CELLS:
        return
    raise BadFileError(
        f"File {path.name} ditolak: semua lembarnya bersama merentang {_dotted(cells)} sel, jauh "
        f"melebihi ekspor Dapodik/SIASN (batas {_dotted(MAX_CELLS)} sel). File ini rusak atau "
        "sengaja dibuat untuk menghabiskan memori.",
        file=str(path),
    )


def check_part(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose cells would not fit the limits, read as an xlsx sheet and, for an
    OpenDocument's content.xml, as its tables too."""
    if info.filename.lower() == "content.xml":
        _check_ods_extent(path, zf, info)
    _check_xlsx_extent(path, zf, info)


def _check_xlsx_extent(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose cells, read as an xlsx sheet, would not fit the limits (read whole,
    CRC checked)."""
    with zf.open(info) as fh:  # reading to the end also verifies the CRC
        beyond, odd = _scan(fh)
    if not beyond:
        return  # at most 59,999 rows x 78 columns: nothing to fear
    with zf.open(info) as fh:
        rows, cols = _exact_extent(fh) if odd else _canonical_extent(fh)
    refuse_extent(path, f"lembar {info.filename}", rows, cols)


class _Joined:
    """Several byte strings read as one text, a slice at a time (what _scan reads)."""

    def __init__(self, parts: tuple[bytes, ...]) -> None:
        self._parts = [memoryview(p) for p in parts if p]
        self._at = 0

    def read(self, size: int) -> bytes:
        out: list[memoryview] = []
        while size > 0 and self._parts:
            part = self._parts[0]
            piece = part[self._at : self._at + size]
            out.append(piece)
            size -= len(piece)
            self._at += len(piece)
            if self._at >= len(part):
                self._parts.pop(0)
                self._at = 0
        return b"".join(out)


def canonical(*parts: bytes) -> bool:
    """Whether the text these parts make together passes the fast pass: every cell tag in it is
    `<c r="REF"...>` with REF within BZ99999 and no further `r` (the module docstring), so
    calamine's block for it is at most 99,999 x 78 cells. False says nothing about the text
    being dangerous: check_zip's exact pass decides that."""
    beyond, _ = _scan(_Joined(parts))
    return not beyond


def _first_before(rx: re.Pattern[bytes], data: bytes, limit: int) -> bool:
    m = rx.search(data)
    return m is not None and m.start() < limit


def _scan(fh: IO[bytes] | _Joined, size: int = _CHUNK) -> tuple[bool, bool]:
    """(any tag beyond the fast bound?, any tag in an odd form?) without copying the chunks.

    A match counts only where its lookahead is complete: in a chunk up to _EDGE bytes from its
    end; the last _EDGE bytes are searched again joined to the head of the next chunk.
    """
    beyond = odd = False
    tail = b""
    while True:
        chunk = fh.read(size)
        if chunk:
            pieces = [(tail + chunk[:_EDGE], len(tail)), (chunk, len(chunk) - _EDGE)]
        else:
            pieces = [(tail, len(tail))]
        for data, limit in pieces:
            if not beyond and (
                _first_before(_BEYOND_FAST, data, limit) or _first_before(_PREFIXED, data, limit)
            ):
                beyond = True
            if beyond and not odd and _first_before(_ODD_FORM, data, limit):
                odd = True
        if not chunk:
            return beyond, odd
        tail = (tail + chunk)[-_EDGE:] if len(chunk) < _EDGE else chunk[-_EDGE:]


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _position(ref: bytes) -> tuple[int, int] | None:
    """(row, column), 1-based, of a reference as calamine reads it; None when it rejects it."""
    m = _REF.fullmatch(ref)
    if m is None:
        return None
    if len(m[1]) > 3 or len(m[2]) > 7:
        return (_FAR, _FAR)
    return (int(m[2]), _column(m[1]))


def _canonical_extent(fh: IO[bytes]) -> tuple[int, int]:
    """Every tag is `<c r="..."`: the extent is the largest row and column referenced."""
    rows = cols = 0
    for data in _chunks(fh):
        refs = _CANONICAL_CELL.findall(data)
        if refs:
            last_row = max(int(r) for _, r in refs)
            last_col = max(_column(c) for c in {c for c, _ in refs})
            rows, cols = max(rows, last_row), max(cols, last_col)
    return rows, cols


def _exact_extent(fh: IO[bytes]) -> tuple[int, int]:
    """The extent calamine will allocate, replaying how it places cells without a reference."""
    row_index = col_index = 0  # 0-based, as calamine keeps them
    rows = cols = 0
    for data in _chunks(fh):
        for closing, name, attrs in _TAG.findall(data):
            if closing:
                if name == b"row":
                    row_index, col_index = row_index + 1, 0
                continue
            found = [p for a, b in _R_ATTR.findall(attrs) if (p := _position(a or b))]
            pos = (max(p[0] for p in found), max(p[1] for p in found)) if found else None
            empty = attrs.rstrip().endswith(b"/")
            if name == b"row":
                if pos is not None:
                    row_index = pos[0] - 1
                if empty:
                    row_index, col_index = row_index + 1, 0
                continue
            if pos is not None:
                row, col = pos[0] - 1, pos[1] - 1
                col_index = col
            else:
                row, col = row_index, col_index
            col_index += 1
            if not empty:
                rows, cols = max(rows, row + 1), max(cols, col + 1)
    return rows, cols


def _check_ods_extent(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """OpenDocument repeats rows and cells by count: bound what those counts expand to. calamine
    reads every table when it opens the file and keeps them all, so their cells count together."""
    height = width = rows = total = 0
    row_repeat = last = col = 0
    with zf.open(info) as fh:
        for data in _chunks(fh):
            for closing, name, attrs in _ODS_TAG.findall(data):
                if name == b"table":
                    if not closing:
                        total += _table_cells(path, info, height, width, total)
                        height = width = rows = 0
                    continue
                empty = attrs.rstrip().endswith(b"/")
                m = _REPEATED.search(attrs)
                repeat = int(m[1]) if m else 1
                if name == b"table-row":
                    if closing or empty:
                        if not closing:
                            row_repeat, last = repeat, 0
                        rows += row_repeat
                        if last:
                            height, width = rows, max(width, last)
                    else:
                        row_repeat, last, col = repeat, 0, 0
                    continue
                if closing:
                    continue
                col += repeat
                if not empty or b"value-type" in attrs:
                    last = col
    _table_cells(path, info, height, width, total)


def _table_cells(path: Path, info: zipfile.ZipInfo, rows: int, cols: int, before: int) -> int:
    refuse_extent(path, f"lembar {info.filename}", rows, cols)
    refuse_total(path, before + rows * cols)
    return rows * cols
