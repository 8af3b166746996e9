"""Check an OLE2 compound file (BIFF `.xls`, or an encrypted `.xlsx`) before calamine reads it.

calamine trusts the sizes and counts written in the file: it reserves memory for them (a stream
size, a FAT length, an SST count, a DIMENSIONS range) and aborts the whole process when that
reservation fails, and it panics on sector numbers outside the file. So the structure is walked
here first, every number checked against the file's real size, and a damaged file is refused
with a plain message. Encrypted workbooks are told apart from damaged ones.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.sources.guards import refuse_extent, refuse_total

_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_MINI_CUTOFF = 4096
_MAX_SHEETS = 256
_ENCRYPTED = frozenset({"EncryptedPackage", "EncryptionInfo"})
# BIFF records calamine turns into cells: (row, column) in their first four bytes.
_CELL_RECORDS = frozenset({0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006})
_MULRK, _DIMENSIONS, _SST, _FILEPASS, _BOUNDSHEET, _EOF = (
    0x00BD,
    0x0200,
    0x00FC,
    0x002F,
    0x0085,
    0x000A,
)


class _Broken(Exception):
    """The compound file does not hold together; the text says where (for the message)."""


def check_ole(path: Path, data: bytes) -> None:
    """Raise BadFileError unless `data` is an intact, unencrypted BIFF workbook of sane size."""
    try:
        names, workbook = _directory(data)
        if _ENCRYPTED & names:
            raise _encrypted(path)
        if workbook is None:
            raise BadFileError(
                f"File {path.name} adalah file Office lama, tetapi bukan workbook Excel (tidak ada "
                "lembar kerja di dalamnya). Pilih ekspor Dapodik/SIASN yang benar.",
                file=str(path),
            )
        _check_biff(path, workbook)
    except _Broken as exc:
        raise BadFileError(
            f"File {path.name} rusak: struktur file Excel lama (.xls) tidak utuh ({exc}). "
            "Unduh ulang, atau buka di Excel lalu simpan sebagai .xlsx.",
            file=str(path),
        ) from exc


def _encrypted(path: Path) -> BadFileError:
    return BadFileError(
        f"File {path.name} dilindungi kata sandi (terenkripsi), jadi isinya tidak bisa dibaca. "
        "Buka di Excel dengan kata sandinya, hapus kata sandi (File > Info > Lindungi Buku Kerja), "
        "simpan ulang, lalu impor lagi.",
        file=str(path),
    )


def _u32s(buf: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(buf) // 4}I", buf[: len(buf) // 4 * 4]))


def _directory(data: bytes) -> tuple[set[str], bytes | None]:
    """The stream names, and the workbook stream as calamine will read it (chains checked)."""
    if len(data) < 512 or not data.startswith(_SIGNATURE):
        raise _Broken("kepala file")
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Broken("ukuran sektor")
    size = 1 << shift
    n_sectors = max(0, (len(data) - size) // size)
    n_dir, n_fat, dir_start, _, _, minifat_start, n_minifat, difat_start, n_difat = (
        struct.unpack_from("<9I", data, 40)
    )
    if max(n_dir, n_fat, n_minifat, n_difat) > n_sectors:
        raise _Broken("jumlah sektor di kepala file melebihi isi file")

    def sector(i: int) -> bytes:
        if i >= n_sectors:
            raise _Broken(f"sektor {i} di luar file")
        return data[size + i * size : 2 * size + i * size]

    difat = [i for i in _u32s(data[76:512]) if i != _FREE]
    seen: set[int] = set()
    nxt = difat_start
    while nxt not in (_FREE, _END):
        if nxt in seen or len(seen) > n_difat:
            raise _Broken("rantai DIFAT berputar")
        seen.add(nxt)
        entries = _u32s(sector(nxt))
        difat += [i for i in entries[:-1] if i != _FREE]
        nxt = entries[-1]
    if len(difat) > n_sectors:
        raise _Broken("tabel FAT terlalu panjang")
    fat = [e for i in difat for e in _u32s(sector(i))]

    def chain(start: int, table: list[int], limit: int) -> list[int]:
        out: list[int] = []
        while start != _END:
            if start >= len(table) or start >= limit or len(out) > limit:
                raise _Broken("rantai sektor rusak")
            out.append(start)
            start = table[start]
        return out

    directory = b"".join(sector(i) for i in chain(dir_start, fat, n_sectors))
    if len(directory) < 128:
        raise _Broken("direktori kosong")
    root_start, root_size = struct.unpack_from("<IQ", directory, 116)
    if root_size > len(data):
        raise _Broken("ukuran mini stream")
    ministream = (
        b""
        if root_start == _END
        else b"".join(sector(i) for i in chain(root_start, fat, n_sectors))
    )
    minifat_ids = [] if minifat_start == _END else chain(minifat_start, fat, n_sectors)
    minifat = [e for i in minifat_ids for e in _u32s(sector(i))]

    names: set[str] = set()
    wanted: dict[str, tuple[int, int]] = {}
    for off in range(0, len(directory) - 127, 128):
        entry = directory[off : off + 128]
        name_len = min(struct.unpack_from("<H", entry, 64)[0], 64)
        name = entry[: max(0, name_len - 2)].decode("utf-16-le", errors="replace").split("\0")[0]
        start, length = struct.unpack_from("<IQ", entry, 116)
        if shift == 9:
            length &= 0xFFFFFFFF
        names.add(name)
        if name in ("Workbook", "Book") and name not in wanted:
            wanted[name] = (start, length)
    found = wanted.get("Workbook") or wanted.get("Book")
    if found is None:
        return names, None
    start, length = found
    if length > len(data):
        raise _Broken("ukuran stream workbook")
    if length < _MINI_CUTOFF:
        ids = chain(start, minifat, len(ministream) // 64)
        blob = b"".join(ministream[i * 64 : i * 64 + 64] for i in ids)
    else:
        blob = b"".join(sector(i) for i in chain(start, fat, n_sectors))
    if len(blob) < length:
        raise _Broken("stream workbook terpotong")
    return names, blob[:length]


def _records(stream: bytes, pos: int) -> Iterator[tuple[int, bytes]]:
    """(type, body) of the BIFF records from `pos` to the EOF record or the stream's end."""
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        if len(body) < length:
            return
        yield kind, body
        pos += 4 + length
        if kind == _EOF:
            return


def _check_biff(path: Path, stream: bytes) -> None:
    """calamine parses every sheet when it opens the file and keeps them all: their cells count
    together."""
    sheets: list[int] = []
    for kind, body in _records(stream, 0):
        if kind == _FILEPASS and len(body) >= 2 and body[:2] != b"\0\0":
            raise _encrypted(path)
        if kind == _SST and len(body) >= 8:
            (count,) = struct.unpack_from("<i", body, 4)
            if not 0 <= count <= len(stream) // 3:
                raise _Broken(f"jumlah teks bersama {count}")
        if kind == _BOUNDSHEET and len(body) >= 4:
            sheets.append(struct.unpack_from("<I", body)[0])
            if len(sheets) > _MAX_SHEETS:
                raise _Broken(f"lebih dari {_MAX_SHEETS} lembar")
    cells: dict[int, int] = {}
    for pos in sheets:  # a position listed twice is parsed, and held, twice
        if pos not in cells:
            cells[pos] = _sheet_cells(path, stream, pos)
    refuse_total(path, sum(cells[pos] for pos in sheets))


def _sheet_cells(path: Path, stream: bytes, pos: int) -> int:
    rows = cols = 0
    for kind, body in _records(stream, pos):
        if kind in _CELL_RECORDS and len(body) >= 4:
            row, col = struct.unpack_from("<HH", body)
            rows, cols = max(rows, row + 1), max(cols, col + 1)
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            rows, cols = max(rows, row + 1), max(cols, first + (len(body) - 6) // 6)
        elif kind == _DIMENSIONS:
            _check_dimensions(path, body)
    refuse_extent(path, "lembar kerjanya", rows, cols)
    return rows * cols


def _check_dimensions(path: Path, body: bytes) -> None:
    """calamine reserves room for the DIMENSIONS range before reading a single cell."""
    if len(body) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
    elif len(body) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body)
    else:
        return  # calamine refuses other lengths itself
    if last_row < 1 or last_col < 1:
        return
    if last_row - 1 < first_row or last_col - 1 < first_col:
        raise _Broken("rentang DIMENSIONS terbalik")
    refuse_extent(path, "lembar kerjanya", last_row - first_row, last_col - first_col)
