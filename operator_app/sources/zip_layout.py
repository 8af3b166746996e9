"""Whether a zip's end can be read two ways (guards.check_container refuses such a zip).

check_zip guards the parts Python's zipfile lists; calamine lists the parts with its own zip
reader. Where the end of a zip can be read two ways, the two lists differ, and calamine can parse
a part the guard never saw (a review built two such files, each aborting the app): an end record
whose comment runs past the end of the file (Python takes it, calamine's reader an earlier one),
and a zip64 locator pointing elsewhere than at the zip64 record Python reads right before it, or
a plain end record disagreeing with the zip64 one. Honest writers (Excel, LibreOffice, openpyxl,
PHP and Java zip streams, zip64 or not) never write either, so such a file is refused as damaged.
"""

from __future__ import annotations

import struct
from pathlib import Path

_END = b"PK\x05\x06"
_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_END_SIZE, _LOCATOR_SIZE, _END64_SIZE = 22, 20, 56
_SEARCH = (1 << 16) + _END_SIZE  # the comment is at most 64 KB (zipfile._EndRecData)


def ambiguous_end(path: Path) -> bool:
    """Whether the end of the zip at `path` can be read two ways."""
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        start = max(size - _SEARCH - _LOCATOR_SIZE - _END64_SIZE, 0)
        fh.seek(start)
        tail = fh.read()
    at = tail.rfind(_END, max(len(tail) - _SEARCH, 0))  # the record zipfile reads: the last one
    if at < 0 or at + _END_SIZE > len(tail):
        return False  # not a zip zipfile can open: it says so itself
    _, _, _, entries, cd_size, cd_offset, comment = struct.unpack("<4xHHHHIIH", tail[at : at + 22])
    if at + _END_SIZE + comment > len(tail):
        return True  # a comment past the end: another reader takes an earlier end record
    loc = at - _LOCATOR_SIZE
    if loc < 0 or tail[loc : loc + 4] != _LOCATOR:
        return False
    _, _, offset, _ = struct.unpack("<IIQI", tail[loc:at])
    rec = loc - _END64_SIZE
    if rec < 0 or tail[rec : rec + 4] != _END64 or offset != start + rec:
        return True  # zipfile reads the record before the locator; others follow its offset
    count, size64, offset64 = struct.unpack("<32xQQQ", tail[rec:loc])
    # a reader ignoring zip64 would use the plain record's directory
    pairs = (
        (entries, count, 0xFFFF),
        (cd_size, size64, 0xFFFFFFFF),
        (cd_offset, offset64, 0xFFFFFFFF),
    )
    return any(plain not in (full, wide) for plain, wide, full in pairs)
