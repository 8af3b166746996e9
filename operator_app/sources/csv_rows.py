"""CSV text as rows: the delimiter sniffed, the limits kept, and a fast path for plain files.

The BKD's pipe-delimited SIASN export (60,000 rows for a kabupaten) has no quotes at all. For such
a file, Python's csv reader does nothing but split each line at the delimiter, so a plain
`str.split` gives the same rows at a fraction of the cost: the fast path is taken when the text
holds no `"` (no quoting); otherwise csv reads it, as before. Lines are cut by `str.splitlines`
a block at a time when the text has no line break other than CR and LF (csv sees lines as
`io.StringIO(newline="")` cuts them; `str.splitlines` also cuts at U+2028 and the like), else by
a pattern. tests/hostile/test_fuzz_fast_paths.py compares both with the csv module on arbitrary
text.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from operator_app.core.errors import BadFileError
from operator_app.sources.limits import HEAD_ROWS, MAX_COLUMNS, MAX_ROWS
from operator_app.sources.table import Cell, Table

FIELD_LIMIT = 1024 * 1024  # csv.field_size_limit: one cell larger than this is refused
_DELIMS = ("|", ",", ";", "\t")
# str.splitlines also breaks at these; csv (newline="") does not
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_BLOCK = 1 << 20  # characters split into lines at a time (bounds the extra memory)


def sniff_delimiter(first_line: str) -> str:
    """The delimiter that splits the header line into the most named fields."""
    best, best_n = ",", 0
    for d in _DELIMS:
        n = len([p for p in first_line.split(d) if p.strip()])
        if n > best_n:
            best, best_n = d, n
    return best


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_BREAK = re.compile(r"\r\n?|\n")


def _lines(text: str) -> Iterator[str]:
    """Lines as `io.StringIO(text, newline="")` gives them, without its 4-bytes-a-character copy."""
    if any(ch in text for ch in _OTHER_BREAKS):
        for m in _LINE.finditer(text):
            yield m.group()
        return
    # the same lines, cut by str.splitlines a block at a time (a CR-only file too, so no more
    # than a block of lines is held); a block ends after a line break, a CR LF pair whole
    start, end = 0, len(text)
    while start < end:
        cut = _BREAK.search(text, start + _BLOCK) if start + _BLOCK < end else None
        stop = cut.end() if cut is not None else end
        yield from text[start:stop].splitlines(True)
        start = stop


def plain(text: str) -> bool:
    """Whether csv would only split this text's lines at the delimiter (see the module text)."""
    return '"' not in text


# the characters JSON escapes: controls, quote and backslash (CR and LF end a line: never a cell)
_ESCAPED = bytes(0 if (b < 0x20 and b not in b"\r\n") or b in b'"\\' else 1 for b in range(256))


def json_plain(text: str) -> bool:
    """Whether no cell of this text needs escaping in JSON, so the JSON of a row is its cells
    joined by `","` (sources.records): one byte-table pass over the text a block at a time,
    instead of the JSON encoder on every row (0.3 s for the district's 60,000 rows)."""
    for start in range(0, len(text), _BLOCK):
        piece = text[start : start + _BLOCK].encode("utf-8", "surrogatepass")
        if 0 in piece.translate(_ESCAPED):
            return False
    return True


def split_rows(lines: Iterator[str], delim: str) -> Iterator[list[str]]:
    """What csv.reader gives for lines of a plain text: a blank line is an empty row."""
    for line in lines:
        s = line.rstrip("\r\n")
        if len(s) > FIELD_LIMIT and max(map(len, s.split(delim))) > FIELD_LIMIT:
            raise csv.Error(f"field larger than field limit ({FIELD_LIMIT})")
        yield s.split(delim) if s else []


def read_csv(text: str, path: Path) -> Table:
    text = text.lstrip("\ufeff")
    first = next((ln for ln in text[:65536].splitlines()[:5] if ln.strip()), "")
    delim = sniff_delimiter(first)
    csv.field_size_limit(FIELD_LIMIT)
    lines = _lines(text)
    fast = plain(text)
    reader: Iterator[list[str]] = (
        split_rows(lines, delim) if fast else csv.reader(lines, delimiter=delim)
    )

    def stream() -> Iterator[list[Cell]]:
        n = 0
        try:
            for row in reader:
                n += 1
                if len(row) > MAX_COLUMNS:
                    raise BadFileError(
                        f"File {path.name} ditolak: baris {n} berisi {len(row)} "
                        f"kolom (batas {MAX_COLUMNS}).",
                        file=str(path),
                    )
                if n > MAX_ROWS:
                    raise BadFileError(
                        f"File {path.name} ditolak: lebih dari {MAX_ROWS} baris.",
                        file=str(path),
                    )
                yield cast(list[Cell], row)  # a new list for every row
        except csv.Error as exc:
            raise BadFileError(
                f"File {path.name} bukan CSV yang benar (baris {n + 1}: {exc}).",
                file=str(path),
            ) from exc

    it = stream()
    head: list[list[Cell]] = []
    for row in it:
        head.append(row)
        if len(head) >= HEAD_ROWS:
            break
    return Table(path, "CSV", head, _rows=it, total_rows=None, plain_json=fast and json_plain(text))
