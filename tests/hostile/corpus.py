"""The hostile-input corpus: damaged and dangerous files, generated deterministically at test time.

Every entry writes one file (or folder, pipe, unreadable file) into a folder and says what the
import must do with it: "refused" (a UserError naming the file, database untouched) or "imported"
(a tolerated oddity: mixed encodings, duplicate headers, formulas, ...). `bomb` entries are also
run in a child process that measures peak memory. Nothing here is committed as a binary: the few
binary containers (OLE2, BIFF, zips with lying headers) are built by `ole.py` and below.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ole import (
    biff8_table,
    biff8_workbook,
    biff8_xls,
    compound_file,
    encrypted_ooxml,
    record,
)

from operator_app.samples import SampleSchool, person_rows, write_dapodik_xlsx, write_siasn_csv
from operator_app.samples.writers import write_dapodik_spreadsheetml
from operator_app.sources.layouts import DAPODIK_HEADERS, SIASN_HEADERS

Outcome = Literal["refused", "imported"]
SCHOOL = SampleSchool(name="SD NEGERI 7 KORPUS", kecamatan="Sumbang", kabupaten="Banyumas")


@dataclass(frozen=True)
class Entry:
    name: str  # the file name the operator sees (spaces and unicode on purpose in some)
    make: Callable[[Path], None]  # writes the entry at the given path
    outcome: Outcome
    bomb: bool = False  # also measured for peak memory in a child process
    skip: Callable[[], str | None] = lambda: None  # a reason to skip on this machine, or None


# -- realistic content --------------------------------------------------------------------------


def dapodik_rows(n: int = 4, seed: int = 11) -> list[dict[str, object]]:
    return [person_rows("pns", seed=seed + i, school=SCHOOL)[1] for i in range(n)]


def siasn_rows(n: int = 6, seed: int = 11) -> list[dict[str, str]]:
    return [person_rows("pns", seed=seed + i, school=SCHOOL)[2] for i in range(n)]


def dapodik_table(n: int = 4) -> list[list[object]]:
    """The Dapodik export as plain rows (titles, header, data), for hand-built containers."""
    a1, a2, a3, a4, c4 = SCHOOL.title_rows("guru")
    rows: list[list[object]] = [[a1], [a2], [a3], [a4, "", c4], list(DAPODIK_HEADERS)]
    rows += [[r.get(h, "") for h in DAPODIK_HEADERS] for r in dapodik_rows(n)]
    return rows


def good_xlsx(path: Path) -> None:
    write_dapodik_xlsx(path, SCHOOL, dapodik_rows(), "guru")


def good_xml(path: Path) -> None:
    write_dapodik_spreadsheetml(path, SCHOOL, dapodik_rows(), "guru", raw_ampersand=True)


def good_csv(path: Path) -> None:
    write_siasn_csv(path, siasn_rows())


def good_xls(path: Path) -> None:
    path.write_bytes(biff8_table(dapodik_table()))


# -- raw xlsx parts -------------------------------------------------------------------------------

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET = "xl/worksheets/sheet1.xml"


def sheet_xml(body: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>'
    )


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx_parts(path: Path, parts: dict[str, str | bytes]) -> None:
    """A zip holding the minimal workbook parts plus `parts` (which override them)."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": _CT,
        "_rels/.rels": _RELS,
        "xl/workbook.xml": _WB,
        "xl/_rels/workbook.xml.rels": _WB_RELS,
        **parts,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)


def sheet_only(body: str, prolog: str = "") -> Callable[[Path], None]:
    return lambda p: xlsx_parts(p, {_SHEET: sheet_xml(body, prolog)})


def sheet_at(target: str, part: str, body: str) -> Callable[[Path], None]:
    """The only sheet is the part `part`, named by the workbook's relationship as `target`
    (outside xl/worksheets/: calamine reads it all the same); xl/worksheets/ holds a decoy."""
    rels = _WB_RELS.replace('Target="worksheets/sheet1.xml"', f'Target="{target}"')
    decoy = sheet_xml(inline("A1", "Nama"))
    return lambda p: xlsx_parts(
        p, {"xl/_rels/workbook.xml.rels": rels, part: sheet_xml(body), _SHEET: decoy}
    )


def sheet_named(name: str, extra: Callable[[str], bytes] | None = None) -> Callable[[Path], None]:
    """The far cells in a sheet part stored under `name` instead of xl/worksheets/sheet1.xml,
    with `extra` bytes in its zip header: names calamine's zip reader sees another way than
    Python's (a backslash, an Info-ZIP Unicode Path field naming the sheet)."""

    def make(path: Path) -> None:
        xlsx_parts(path, {})
        with zipfile.ZipFile(path) as zf:
            parts = {n: zf.read(n) for n in zf.namelist() if n != _SHEET}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for part, data in parts.items():
                zf.writestr(part, data)
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.extra = extra(name) if extra else b""
            zf.writestr(info, sheet_xml(f'<row r="1">{_FAR}</row>'))

    return make


def unicode_path(to: str) -> Callable[[str], bytes]:
    """An Info-ZIP Unicode Path extra field (0x7075) naming the part `to`."""

    def field(name: str) -> bytes:
        data = b"\x01" + struct.pack("<I", zlib.crc32(name.encode())) + to.encode()
        return struct.pack("<HH", 0x7075, len(data)) + data

    return field


class RawZip:
    """A zip written byte by byte: local entries, then central directories and end records put
    together by hand, for layouts no zip library writes (two directories, a folder with data)."""

    def __init__(self) -> None:
        self.buf = bytearray()

    def add(self, name: bytes, data: bytes) -> bytes:
        """Writes a deflated entry; returns its central directory record."""
        packed = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = packed.compress(data) + packed.flush()
        crc, at = zlib.crc32(data), len(self.buf)
        sizes = (crc, len(body), len(data), len(name))
        self.buf += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes, 0)
        self.buf += name + body
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, *sizes,
                           0, 0, 0, 0, 0, at) + name  # fmt: skip

    @staticmethod
    def end(count: int, size: int, offset: int, comment: int = 0) -> bytes:
        return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, offset, comment)

    def parts(self, target: bytes = b"worksheets/sheet1.xml") -> list[bytes]:
        """The workbook's own parts, its only sheet at `target`."""
        rels = _WB_RELS.replace('Target="worksheets/sheet1.xml"', f'Target="{target.decode()}"')
        return [self.add(name.encode(), data.encode()) for name, data in (
            ("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
            ("xl/_rels/workbook.xml.rels", rels),
        )]  # fmt: skip


_FAR_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>'
)
_NEAR_SHEET = _FAR_SHEET.replace(b'<c r="XFD1048576"><v>2</v></c>', b"")


def folder_with_data(path: Path) -> None:
    """The sheet is an entry named like a folder (`xl/x/`), which zipfile lists as a folder."""
    z = RawZip()
    records = [*z.parts(b"x/"), z.add(b"xl/x/", _FAR_SHEET)]
    cd = b"".join(records)
    path.write_bytes(bytes(z.buf) + cd + z.end(len(records), len(cd), len(z.buf)))


def two_directories(zip64: bool) -> Callable[[Path], None]:
    """Two central directories: zipfile reads one (a harmless sheet), calamine's zip reader the
    other (far cells). Either an end record whose comment runs past the end of the file (zipfile
    takes it, the other reader an earlier one), or a zip64 locator pointing at another zip64
    record than the one zipfile reads right before it."""

    def make(path: Path) -> None:
        z = RawZip()
        common = z.parts()
        near = z.add(b"xl/worksheets/sheet1.xml", _NEAR_SHEET)
        far = z.add(b"xl/worksheets/sheet1.xml", _FAR_SHEET)
        count = len(common) + 1
        cd_far, cd_near = b"".join([*common, far]), b"".join([*common, near])
        at_far = len(z.buf)
        if not zip64:
            at_near = at_far + len(cd_far) + 22
            tail = cd_near + z.end(count, len(cd_near), at_near, comment=5)
            path.write_bytes(bytes(z.buf) + cd_far + z.end(count, len(cd_far), at_far, len(tail))
                             + tail)  # fmt: skip
            return

        def record(size: int, offset: int) -> bytes:
            return struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, size,
                               offset)  # fmt: skip

        buf = bytes(z.buf) + cd_far
        at_record_far = len(buf)
        buf += record(len(cd_far), at_far)
        at_near = len(buf)
        buf += cd_near + record(len(cd_near), at_near)
        buf += struct.pack("<IIQI", 0x07064B50, 0, at_record_far, 1)
        path.write_bytes(buf + z.end(count, len(cd_far), at_far))

    return make


_LOL = (
    '<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + "".join(
        f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">' for i in range(9)
    )
    + "]>"
)
_XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def zip_bomb(path: Path) -> None:
    """A tiny xlsx whose sheet XML inflates to 64 MB of zeros (about 1,000 times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS)):
            zf.writestr(name, data)
        with zf.open(_SHEET, "w", force_zip64=True) as fh:
            block = b"0" * (1 << 20)
            for _ in range(64):
                fh.write(block)


def _patch_sizes(path: Path, member: str, size: int) -> None:
    """Make the local and central headers of `member` declare `size` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            name_at = i + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, i + offset, size)
            start = i + 4
    path.write_bytes(bytes(data))


def lying_small(path: Path) -> None:
    """The sheet declares 1,000 bytes but inflates to 32 MB: the reader must not trust it."""
    zeros = "<x>" + "0" * (32 << 20) + "</x>"
    xlsx_parts(path, {_SHEET: zeros})
    _patch_sizes(path, _SHEET, 1000)


def lying_large(path: Path) -> None:
    """Two parts declare 700 MB each: refused from the directory, before inflating anything."""
    xlsx_parts(path, {"xl/media/a.bin": b"x" * 1000, "xl/media/b.bin": b"y" * 1000})
    _patch_sizes(path, "xl/media/a.bin", 700 << 20)
    _patch_sizes(path, "xl/media/b.bin", 700 << 20)


def bad_utf8_part_name(path: Path) -> None:
    """A part name flagged as UTF-8 that is not UTF-8 (zipfile raised UnicodeDecodeError)."""
    xlsx_parts(path, {"xl/media/fotoÄ.bin": b"x"})
    data = path.read_bytes().replace("fotoÄ".encode(), b"foto\xc3\x28")
    path.write_bytes(data)


def many_parts(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(6000):
            zf.writestr(f"xl/p{i}.xml", "")


def truncated(fraction: float) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        good_xlsx(path)
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)])

    return make


def cut_tail(n: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        good_xlsx(path)
        data = path.read_bytes()
        path.write_bytes(data[:-n])

    return make


def flipped_in_sheet(path: Path) -> None:
    """One byte flipped inside the compressed sheet data: the CRC must catch it."""
    good_xlsx(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(_SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    path.write_bytes(bytes(data))


def zip_of_other(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "Ini arsip foto kegiatan, bukan ekspor Dapodik.")
        zf.writestr("foto/kegiatan.jpg", bytes(range(256)) * 40)


def docx_as_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT.replace("spreadsheetml.sheet", "wordprocessingml"))
        zf.writestr("_rels/.rels", _RELS.replace("xl/workbook.xml", "word/document.xml"))
        zf.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Surat tugas</w:t></w:r></w:p></w:body></w:document>",
        )


def wide_xlsx(path: Path) -> None:
    """A Dapodik export with 1,500 columns (openpyxl, canonical XML)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    for row in dapodik_table(2):
        ws.append(row + [f"x{i}" for i in range(1500 - len(row))])
    wb.save(path)


def huge_cell_xlsx(path: Path) -> None:
    """A real export whose Alamat Jalan holds 1 MB of text (Excel itself stops at 32,767)."""
    rows = dapodik_rows()
    rows[0]["Alamat Jalan"] = "Jl. Panjang " * 90_000
    write_dapodik_xlsx(path, SCHOOL, rows, "guru")


def formula_xlsx(path: Path) -> None:
    """Formulas without cached values (as openpyxl writes them), a DDE one among them."""
    from openpyxl import load_workbook

    good_xlsx(path)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["G6"] = '="19850101" & "201001" & "1003"'  # NIP column
    ws["B7"] = '=CONCATENATE("SITI", " ", "AMINAH")'
    ws["K6"] = "=cmd|' /C calc'!A0"
    ws["L6"] = '=HYPERLINK("http://contoh.invalid/","klik")'
    wb.save(path)
    wb.close()


def title_without_colon(path: Path) -> None:
    """A4 reads 'Tanggal Unduh' with no ':' and C4 'Pengunduh' alone (was an IndexError)."""
    from openpyxl import load_workbook

    good_xlsx(path)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["A4"], ws["C4"] = "Tanggal Unduh", "Pengunduh"
    wb.save(path)
    wb.close()


def xlsx_named_xls(path: Path) -> None:
    good_xlsx(path)  # the content decides, not the name (calamine's from_path went by extension)


def empty_workbook(path: Path) -> None:
    xlsx_parts(path, {_SHEET: sheet_xml("")})


def header_only_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in dapodik_table(0):
        ws.append(row)
    wb.save(path)


# -- SpreadsheetML ----------------------------------------------------------------------------

_SS_HEAD = (
    '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>'
)
_SS_TAIL = "</Table></Worksheet></Workbook>"


def spreadsheetml(body: str, prolog: str = "") -> Callable[[Path], None]:
    return lambda p: p.write_text(
        _SS_HEAD.replace("\n", "\n" + prolog, 1) + body + _SS_TAIL, encoding="utf-8"
    )


def lol_after_padding(path: Path) -> None:
    """DOCTYPE after 70 KB of comment (past the 64 KB probe), the namespace in the comment."""
    pad = "<!-- urn:schemas-microsoft-com:office:spreadsheet " + "x" * 70_000 + " -->"
    path.write_text(
        '<?xml version="1.0"?>'
        + pad
        + _LOL
        + _SS_HEAD.split("\n", 1)[1]
        + '<Row><Cell><Data ss:Type="String">&lol9;</Data></Cell></Row>'
        + _SS_TAIL,
        encoding="utf-8",
    )


def xml_with_superscript_index(path: Path) -> None:
    """A real export where one row says ss:Index="²" ('²'.isdigit() is True, int('²') fails)."""
    good_xml(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<Row>", '<Row ss:Index="²">', 1), encoding="utf-8")


# -- CSV and text -----------------------------------------------------------------------------


def mixed_encoding_csv(path: Path) -> None:
    """A SIASN CSV pasted together from a UTF-8 and a cp1252 file (one line each)."""
    head = "|".join(SIASN_HEADERS)
    rows = siasn_rows(2)
    rows[0]["NAMA"], rows[1]["NAMA"] = "SITI NUR'AINI AL-HÜSNA", "JOSÉ RAMÓN ÑOÑO"
    lines = [head + "\r\n", *("|".join(r.get(h, "") for h in SIASN_HEADERS) + "\r\n" for r in rows)]
    path.write_bytes(
        lines[0].encode("utf-8") + lines[1].encode("utf-8") + lines[2].encode("cp1252")
    )


def utf16_csv(bom: bool, endian: str = "le") -> Callable[[Path], None]:
    def make(path: Path) -> None:
        good_csv(path)
        text = path.read_text(encoding="utf-8")
        codec = "utf-16" if bom else f"utf-16-{endian}"
        path.write_bytes(text.encode(codec))

    return make


def utf16_broken(path: Path) -> None:
    """A UTF-16 BOM, a lone surrogate and an odd trailing byte (was a UnicodeDecodeError)."""
    good_csv(path)
    data = path.read_text(encoding="utf-8").encode("utf-16-le")
    path.write_bytes(b"\xff\xfe" + data + b"\x00\xd8" + b"A\x00" + b"\x42")


def duplicate_headers_csv(path: Path) -> None:
    head = [*SIASN_HEADERS, "NIP_BARU", "NAMA"]
    rows = siasn_rows(3)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("|".join(head) + "\r\n")
        for r in rows:
            fh.write("|".join([*(r.get(h, "") for h in SIASN_HEADERS), "999", "LAIN"]) + "\r\n")


def formula_csv(path: Path) -> None:
    head = "|".join(SIASN_HEADERS)
    rows = siasn_rows(2)
    rows[0]["NAMA"] = "=SUM(A1:A9)+cmd"
    rows[1]["ALAMAT"] = '=HYPERLINK("http://contoh.invalid","x")'
    body = "".join("|".join(r.get(h, "") for h in SIASN_HEADERS) + "\r\n" for r in rows)
    path.write_text(head + "\r\n" + body, encoding="utf-8")


def huge_field_csv(path: Path) -> None:
    good_csv(path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("1|" + "A" * (2 << 20) + "\r\n")


def many_columns_csv(path: Path) -> None:
    head = "|".join([*SIASN_HEADERS, *(f"X{i}" for i in range(5000))])
    path.write_text(head + "\r\n" + "1|2\r\n", encoding="utf-8")


def binary(seed: int, n: int, no_nul: bool = False) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        rng = random.Random(seed)
        data = bytes(rng.randrange(1 if no_nul else 0, 256) for _ in range(n))
        path.write_bytes(data)

    return make


def gzip_csv(path: Path) -> None:
    good_csv(path)
    path.write_bytes(zlib.compress(path.read_bytes()) + b"\x00\x00")


# -- OLE2 / BIFF ------------------------------------------------------------------------------


def ole_broken(path: Path) -> None:
    """A compound file whose small workbook stream points into a mini FAT that is not there
    (python-calamine panicked: PanicException, a BaseException, escaped as a traceback)."""
    data = bytearray(compound_file({"Workbook": b"\x09\x08" + b"\0" * 200}))
    # declare the stream 200 bytes long: it now lives in the (missing) mini stream
    i = data.find("Workbook".encode("utf-16-le"))
    struct.pack_into("<I", data, i + 120, 200)
    path.write_bytes(bytes(data))


def ole_fat_cycle(path: Path) -> None:
    """The workbook stream's sector chain loops back on itself."""
    data = bytearray(biff8_xls([(0, 0, "Nama")]))
    fat_at = 512
    fat = list(struct.unpack_from("<128I", data, fat_at))
    end = fat.index(0xFFFFFFFE, 2)  # first chain end after the directory's
    fat[end] = end - 1
    struct.pack_into("<128I", data, fat_at, *fat)
    path.write_bytes(bytes(data))


def ole_garbage(path: Path) -> None:
    rng = random.Random(5)
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + bytes(rng.randrange(256) for _ in range(3000))
    )


def ole_word(path: Path) -> None:
    path.write_bytes(compound_file({"WordDocument": b"\xec\xa5" + b"\0" * 5000}))


def biff_far_cell(path: Path) -> None:
    path.write_bytes(biff8_xls([(0, 0, "Nama"), (65535, 65535, 1.0)]))


def _xlsb_record(kind: int, payload: bytes = b"") -> bytes:
    """An MS-XLSB record: type and size as 7-bit variable-length integers, then the payload."""

    def varint(n: int) -> bytes:
        out = bytearray()
        while True:
            out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
            n >>= 7
            if not n:
                return bytes(out)

    return varint(kind) + varint(len(payload)) + payload


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb(cells: list[tuple[int, int, float]]) -> Callable[[Path], None]:
    """A binary workbook (xlsb) with numbers at (row, column), 0-based, one row header per row.
    calamine opens it by its content (`xl/workbook.bin`), whatever the file is named."""

    def make(path: Path) -> None:
        book = b"".join([
            _xlsb_record(0x83), _xlsb_record(0x8F),  # BrtBeginBook, BrtBeginBundleShs
            _xlsb_record(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide("Sheet1")),
            _xlsb_record(0x90), _xlsb_record(0x84),  # BrtEndBundleShs, BrtEndBook
        ])  # fmt: skip
        rows, cols = [r for r, _, _ in cells], [c for _, c, _ in cells]
        dim = struct.pack("<IIII", min(rows), max(rows), min(cols), max(cols))  # BrtWsDim
        sheet = [_xlsb_record(0x81), _xlsb_record(0x94, dim), _xlsb_record(0x91)]
        for row, col, value in cells:  # BrtRowHdr with one column span, then BrtCellReal
            sheet.append(_xlsb_record(0x00, struct.pack("<IIH3xIII", row, 0, 300, 1, col, col)))
            sheet.append(_xlsb_record(0x05, struct.pack("<IId", col, 0, value)))
        sheet += [_xlsb_record(0x92), _xlsb_record(0x82)]  # BrtEndSheetData, BrtEndSheet
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", _CT)
            zf.writestr("_rels/.rels", _RELS.replace("workbook.xml", "workbook.bin"))
            zf.writestr("xl/workbook.bin", book)
            zf.writestr("xl/_rels/workbook.bin.rels", _WB_RELS.replace("sheet1.xml", "sheet1.bin"))
            zf.writestr("xl/worksheets/sheet1.bin", b"".join(sheet))

    return make


def biff_dimensions(path: Path) -> None:
    dims = record(0x0200, struct.pack("<IIHHH", 0, 0x7FFFFFFF, 0, 0xFFFF, 0))
    path.write_bytes(biff8_xls([(0, 0, "Nama")], extra_sheet=dims))


def biff_sst(path: Path) -> None:
    sst = record(0x00FC, struct.pack("<ii", 0x7FFFFFFF, 0x7FFFFFFF) + b"\x01\x00\x00A")
    path.write_bytes(biff8_xls([(0, 0, "Nama")], extra_globals=sst))


def biff_same_sheet_many_times(path: Path) -> None:
    """One sheet of 60,000 x 100 cells (within the limit) listed under 40 names: calamine
    parses and keeps it 40 times (240 million cells)."""
    cells: list[tuple[int, int, str | float]] = [(0, 0, "Nama"), (59_999, 99, 1.0)]
    path.write_bytes(compound_file({"Workbook": biff8_workbook(cells, sheet_names=40)}))


def biff_filepass(path: Path) -> None:
    path.write_bytes(
        biff8_xls([(0, 0, "Nama")], extra_globals=record(0x002F, b"\x01\x00" + b"\0" * 52))
    )


# -- ODS --------------------------------------------------------------------------------------


def ods(body: str) -> Callable[[Path], None]:
    return ods_tables(1, body)


def ods_tables(n: int, body: str) -> Callable[[Path], None]:
    """An ods of `n` tables, each holding `body`."""

    def make(path: Path) -> None:
        tables = "".join(
            f'<table:table table:name="Sheet{i + 1}">{body}</table:table>' for i in range(n)
        )
        content = (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
            'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
            'xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:'
            f"body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
            "</office:document-content>"
        )
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            zf.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
            zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)

    return make


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
    'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-'
    'type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-'
    'path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def good_ods(path: Path) -> None:
    """The Dapodik export saved by LibreOffice: string cells, and the formatted empty rows and
    columns it writes up to the sheet's end as repeat counts."""

    def cell(value: object) -> str:
        if value in (None, ""):
            return "<table:table-cell/>"
        text = str(value).replace("&", "&amp;").replace("<", "&lt;")
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'

    rows = "".join(
        "<table:table-row>"
        + "".join(cell(v) for v in row)
        + '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
        for row in dapodik_table()
    )
    tail = (
        '<table:table-row table:number-rows-repeated="1048500"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    ods(rows + tail)(path)


_ODS_CELL = '<table:table-cell office:value-type="string"><text:p>Nama</text:p></table:table-cell>'

# -- things that are not regular files --------------------------------------------------------


def folder(path: Path) -> None:
    path.mkdir()
    good_xlsx(path / "di-dalam.xlsx")


def folder_without_exports(path: Path) -> None:
    path.mkdir()
    (path / "foto.jpg").write_bytes(b"\xff\xd8\xff" + bytes(64))


def unreadable(path: Path) -> None:
    good_xlsx(path)
    path.chmod(0)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def _root_or_windows() -> str | None:
    if sys.platform == "win32":
        return "chmod 000 does not lock a file on Windows"
    if os.geteuid() == 0:
        return "root reads a chmod 000 file anyway"
    return None


def _no_fifo() -> str | None:
    return None if hasattr(os, "mkfifo") else "no named pipes on this platform"


def _utf16_no_bom_be(path: Path) -> None:
    utf16_csv(False, "be")(path)


# -- the corpus ---------------------------------------------------------------------------------

_FAR = inline("A1", "Nama") + '</row><row r="1048576">' + inline("XFD1048576", "x")

ENTRIES: tuple[Entry, ...] = (
    # empty, missing, not a file
    Entry("kosong.xlsx", lambda p: p.write_bytes(b""), "refused"),
    Entry("kosong.csv", lambda p: p.write_bytes(b""), "refused"),
    Entry("kosong.xls", lambda p: p.write_bytes(b""), "refused"),
    # a folder is a bundle of exports (import DIR): the export inside is imported; a folder with
    # none inside is refused by name
    Entry("folder bukan file.xlsx", folder, "imported"),
    Entry("folder tanpa ekspor.xlsx", folder_without_exports, "refused"),
    Entry("terkunci.xlsx", unreadable, "refused", skip=_root_or_windows),
    Entry("pipa bernama.csv", fifo, "refused", skip=_no_fifo),
    # compressed bombs and lying zips
    Entry("bom-zip.xlsx", zip_bomb, "refused", bomb=True),
    Entry("bom-ukuran-kecil-palsu.xlsx", lying_small, "refused", bomb=True),
    Entry("bom-ukuran-besar-palsu.xlsx", lying_large, "refused", bomb=True),
    Entry("terlalu-banyak-bagian.xlsx", many_parts, "refused"),
    Entry("nama-bagian-bukan-utf8.xlsx", bad_utf8_part_name, "refused"),
    # sparse sheets: a few cells far apart make calamine allocate rows x columns at once
    Entry("bom-sel-jauh.xlsx", sheet_only(f'<row r="1">{_FAR}</row>'), "refused", bomb=True),
    # the far cells in a sheet outside xl/worksheets/: a guard of that folder alone let it through
    Entry(
        "bom-lembar-di-luar-folder.xlsx",
        sheet_at("x.xml", "xl/x.xml", f'<row r="1">{_FAR}</row>'),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-nama-garis-miring-terbalik.xlsx",
        sheet_named("xl\\worksheets\\sheet1.xml"),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-nama-unicode-path.xlsx",
        sheet_named("docProps/x.xml", unicode_path(_SHEET)),
        "refused",
        bomb=True,
    ),
    Entry("bom-folder-berisi-lembar.xlsx", folder_with_data, "refused", bomb=True),
    Entry("bom-dua-direktori.xlsx", two_directories(zip64=False), "refused", bomb=True),
    Entry("bom-dua-direktori-zip64.xlsx", two_directories(zip64=True), "refused", bomb=True),
    Entry(
        "bom-lembar-di-akar.xlsx",
        sheet_at("/jauh.xml", "jauh.xml", f'<row r="1">{_FAR}</row>'),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-sel-jauh-r-ganda.xlsx",
        sheet_only(
            '<row r="1">' + inline("A1", "Nama") + '<c r="B1" s=">" r="XFD1048576" '
            't="inlineStr"><is><t>x</t></is></c></row>'
        ),
        "refused",
        bomb=True,
    ),
    Entry(  # calamine also takes an `r` written right after the previous value's quote
        "bom-sel-jauh-r-tanpa-spasi.xlsx",
        sheet_only(
            '<row r="1">' + inline("A1", "Nama") + '<c r="B1"r="XFD1048576" '
            't="inlineStr"><is><t>x</t></is></c></row>'
        ),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-sel-tanpa-r.xlsx",
        sheet_only(
            '<row r="1">'
            + inline("A1", "Nama")
            + '</row><row r="200000">'
            + '<c t="inlineStr"><is><t>b</t></is></c>' * 1100
            + "</row>"
        ),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-sel-prefiks.xlsx",
        lambda p: xlsx_parts(
            p,
            {
                _SHEET: '<?xml version="1.0"?><x:worksheet xmlns:x="http://'
                'schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
                '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is>'
                '</x:c><x:c r="ZZZ90000" t="inlineStr"><x:is><x:t>b</x:t></x:is>'
                "</x:c></x:row></x:sheetData></x:worksheet>"
            },
        ),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-ods-berulang.ods",
        ods(
            f'<table:table-row table:number-rows-repeated="90000">{_ODS_CELL}<table:table-cell '
            f'table:number-columns-repeated="998"/>{_ODS_CELL}</table:table-row>'
        ),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-ods-dua-tabel.ods",
        ods_tables(
            2,
            f'<table:table-row table:number-rows-repeated="90000">{_ODS_CELL}<table:table-cell '
            f'table:number-columns-repeated="98"/>{_ODS_CELL}</table:table-row>',
        ),
        "refused",
        bomb=True,
    ),
    Entry("bom-xls-sel-jauh.xls", biff_far_cell, "refused", bomb=True),
    # a 1.3 KB xlsb under an .xlsx name: A1 and XFD1048576 made calamine ask for 512 GB and abort
    Entry("xlsb-sel-jauh.xlsx", xlsb([(0, 0, 1.0), (1048575, 16383, 2.0)]), "refused", bomb=True),
    Entry("xlsb-biasa.xlsb", xlsb([(0, 0, 1.5), (2, 2, 2.5)]), "refused"),
    Entry("bom-xls-dimensions.xls", biff_dimensions, "refused", bomb=True),
    Entry("bom-xls-sst.xls", biff_sst, "refused", bomb=True),
    Entry("bom-xls-lembar-berulang.xls", biff_same_sheet_many_times, "refused", bomb=True),
    Entry(
        "bom-xml-index.xls",
        spreadsheetml(
            '<Row ss:Index="2000000000"><Cell ss:Index="900000000"><Data ss:Type="String">'
            "a</Data></Cell></Row>"
        ),
        "refused",
        bomb=True,
    ),
    Entry(
        "bom-xml-merge.xls",
        spreadsheetml(
            '<Row><Cell ss:MergeAcross="999999999"><Data ss:Type="String">a</Data></Cell></Row>'
        ),
        "refused",
        bomb=True,
    ),
    # entity expansion
    Entry(
        "entitas.xls",
        spreadsheetml('<Row><Cell><Data ss:Type="String">&lol9;</Data></Cell></Row>', _LOL),
        "refused",
        bomb=True,
    ),
    Entry("entitas-tersembunyi.xml", lol_after_padding, "refused", bomb=True),
    Entry(
        "entitas-xxe.xml",
        spreadsheetml('<Row><Cell><Data ss:Type="String">&xxe;</Data></Cell></Row>', _XXE),
        "refused",
    ),
    Entry(
        "entitas-dalam-sheet.xlsx",
        sheet_only('<row r="1">' + inline("A1", "&lol9;") + "</row>", _LOL),
        "refused",
        bomb=True,
    ),
    Entry(
        "entitas-dalam-sharedstrings.xlsx",
        lambda p: xlsx_parts(
            p,
            {
                _SHEET: sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                "xl/sharedStrings.xml": '<?xml version="1.0"?>'
                + _LOL
                + '<sst xmlns="http://schemas.'
                'openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>',
            },
        ),
        "refused",
        bomb=True,
    ),
    Entry("entitas-xxe-dalam-sheet.xlsx", sheet_only(inline("A1", "&xxe;"), _XXE), "refused"),
    # damaged and impostor zips
    Entry("terpotong-separuh.xlsx", truncated(0.5), "refused"),
    Entry("terpotong-ekor.xlsx", cut_tail(100), "refused"),
    Entry("terpotong-kepala.xlsx", truncated(0.002), "refused"),
    Entry("bit-terbalik.xlsx", flipped_in_sheet, "refused"),
    Entry("bukan-zip.xlsx", lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100), "refused"),
    Entry("zip-berisi-foto.xlsx", zip_of_other, "refused"),
    Entry("dokumen-word.xlsx", docx_as_xlsx, "refused"),
    Entry("tanpa-lembar.xlsx", empty_workbook, "refused"),
    Entry("hanya-judul-kolom.xlsx", header_only_xlsx, "refused"),
    Entry("kolom-ribuan.xlsx", wide_xlsx, "refused"),
    # impostor text files
    Entry(
        "halaman-login.xls",
        lambda p: p.write_text(
            "<!DOCTYPE html><html><body><form>Login Dapodik</form></body></html>", encoding="utf-8"
        ),
        "refused",
    ),
    Entry(
        "tabel-html.xls",
        lambda p: p.write_text(
            "<html><table><tr><td>Nama</td><td>NIP</td></tr><tr><td>SITI</td><td>1985</td></tr>"
            "</table></html>",
            encoding="utf-8",
        ),
        "refused",
    ),
    Entry("sampah-biner.csv", binary(1, 4096), "refused"),
    Entry("sampah-tanpa-nul.csv", binary(2, 4096, no_nul=True), "refused"),
    Entry("csv-terkompresi.csv", gzip_csv, "refused"),
    Entry("gambar.csv", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "refused"),
    Entry("sel-raksasa.csv", huge_field_csv, "refused"),
    Entry("kolom-ribuan.csv", many_columns_csv, "refused"),
    Entry("teks biasa.csv", lambda p: p.write_text("halo dunia\nini bukan ekspor\n"), "refused"),
    # OLE2: encrypted, damaged, not Excel
    Entry("terenkripsi.xlsx", lambda p: p.write_bytes(encrypted_ooxml()), "refused"),
    Entry("xls-berkata-sandi.xls", biff_filepass, "refused"),
    Entry("ole-rusak.xls", ole_broken, "refused"),
    Entry("ole-rantai-berputar.xls", ole_fat_cycle, "refused"),
    Entry("ole-acak.xls", ole_garbage, "refused"),
    Entry("dokumen-word.doc", ole_word, "refused"),
    # names the operator's Windows allows
    Entry("berkas rusak ☺ (salinan) – Négeri.xlsx", truncated(0.5), "refused"),
    # tolerated oddities: they import, with their values read right
    Entry("daftar guru SD Négeri 7 — ☺ (salinan).xlsx", good_xlsx, "imported"),
    Entry("xlsx-bernama.xls", xlsx_named_xls, "imported"),
    Entry("biff-asli.xls", good_xls, "imported"),
    Entry("ods-asli.ods", good_ods, "imported"),
    Entry("xml-dengan-&-tanpa-escape.xls", good_xml, "imported"),
    Entry("xml-index-pangkat.xls", xml_with_superscript_index, "imported"),
    Entry("judul-tanpa-titik-dua.xlsx", title_without_colon, "imported"),
    Entry("rumus.xlsx", formula_xlsx, "imported"),
    Entry("sel-besar.xlsx", huge_cell_xlsx, "imported"),
    Entry("campuran-encoding.csv", mixed_encoding_csv, "imported"),
    Entry("utf16-bom.csv", utf16_csv(True), "imported"),
    Entry("utf16-tanpa-bom.csv", utf16_csv(False), "imported"),
    Entry("utf16-be-tanpa-bom.csv", _utf16_no_bom_be, "imported"),
    Entry("utf16-rusak.csv", utf16_broken, "imported"),
    Entry("kolom-ganda.csv", duplicate_headers_csv, "imported"),
    Entry("rumus.csv", formula_csv, "imported"),
)

BY_NAME = {e.name: e for e in ENTRIES}
assert len(BY_NAME) == len(ENTRIES), "corpus names must be unique"


def build(entry: Entry, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / entry.name
    entry.make(path)
    return path
