"""A minimal OLE2 compound-file writer and BIFF8 records, to build hostile `.xls` files at test time.

Only what the corpus needs: every stream is padded to the 4,096-byte mini-stream cutoff, so no
mini FAT is written; directory entries hang off the root as a right-leaning chain (all black).
"""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END, FAT_SECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def _dir_entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)  # name length, type, colour black
        + struct.pack("<III", NOSTREAM, right, child)  # left, right, child
        + b"\0" * 16  # clsid
        + struct.pack("<I", 0)  # state bits
        + b"\0" * 16  # creation and modification time
        + struct.pack("<IQ", start, size)
    )


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 file (version 3) holding `streams` under the root entry."""
    padded = {
        n: d.ljust(max(4096, -(-len(d) // SECTOR) * SECTOR), b"\0") for n, d in streams.items()
    }
    names = list(padded)
    n_dir = -(-(len(names) + 1) // 4)
    n_data = sum(len(d) // SECTOR for d in padded.values())
    n_fat = 1
    while (n_fat + n_dir + n_data) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat = [FAT_SECT] * n_fat
    dir_start = len(fat)
    fat += [*range(dir_start + 1, dir_start + n_dir), END]
    entries = [b""]  # root filled in below
    for i, name in enumerate(names):
        start = len(fat)
        n = len(padded[name]) // SECTOR
        fat += [*range(start + 1, start + n), END]
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        entries.append(_dir_entry(name, 2, NOSTREAM, right, start, len(padded[name])))
    entries[0] = _dir_entry("Root Entry", 5, 1 if names else NOSTREAM, NOSTREAM, END, 0)
    directory = b"".join(entries).ljust(n_dir * SECTOR, b"\0")
    fat += [FREE] * (n_fat * (SECTOR // 4) - len(fat))
    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(padded.values())
    return header + body


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _cell_record(row: int, col: int, value: str | float) -> bytes:
    if isinstance(value, str):  # LABEL, an uncompressed UTF-16 XLUnicodeString
        text = value.encode("utf-16-le")
        return _record(0x0204, struct.pack("<HHHHB", row, col, 15, len(value), 1) + text)
    return _record(0x0203, struct.pack("<HHHd", row, col, 15, value))


def biff8_workbook(
    cells: list[tuple[int, int, str | float]],
    *,
    extra_globals: bytes = b"",
    extra_sheet: bytes = b"",
    sheet_names: int = 1,
) -> bytes:
    """A BIFF8 `Workbook` stream with one sheet of cells (row, col, value), 0-based; with
    `sheet_names` > 1 the globals list that one sheet under as many names."""
    bof_globals = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    xfs = b"".join(
        _record(0x00E0, struct.pack("<HHH", 0, 0, 0xFFF5 if i < 15 else 1) + b"\0" * 14)
        for i in range(16)
    )
    names = [f"Sheet{i + 1:03d}".encode() for i in range(sheet_names)]
    boundsheet_len = sum(4 + 8 + len(n) for n in names)
    eof = _record(0x000A)
    globals_len = len(bof_globals) + len(xfs) + len(extra_globals) + boundsheet_len + len(eof)
    boundsheet = b"".join(
        _record(0x0085, struct.pack("<IBBBB", globals_len, 0, 0, len(n), 0) + n) for n in names
    )
    sheet = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0)) + extra_sheet
    sheet += b"".join(_cell_record(r, c, v) for r, c, v in cells)
    sheet += eof
    return bof_globals + xfs + extra_globals + boundsheet + eof + sheet


def biff8_xls(cells: list[tuple[int, int, str | float]], **extra: bytes) -> bytes:
    return compound_file({"Workbook": biff8_workbook(cells, **extra)})


def biff8_table(rows: list[list[object]]) -> bytes:
    """A whole table (strings and numbers; empty cells left out) as a BIFF8 .xls file."""
    cells: list[tuple[int, int, str | float]] = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            cells.append((r, c, value if isinstance(value, float) else str(value)))
    return biff8_xls(cells)


def record(kind: int, data: bytes = b"") -> bytes:
    return _record(kind, data)


def encrypted_ooxml() -> bytes:
    """What Excel writes for a password-protected .xlsx: an OLE2 file with an encrypted package."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    return compound_file({"EncryptionInfo": info, "EncryptedPackage": b"\x8a\x11" * 3000})
