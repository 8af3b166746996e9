"""A big single-sheet xlsx is guarded and parsed in pieces (sources.xlsx_pieces): the rows must be
exactly what one calamine read of the whole sheet gives, calamine must never see a piece the
guard has not passed, and anything unusual must end in the whole-file path (check_zip, then one
read), which also words every refusal. The thresholds are lowered here so that files of a few
hundred rows are cut into dozens of pieces."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import siasn_rows_bulk, write_siasn_xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from operator_app.core.errors import BadFileError
from operator_app.sources import xlsx_pieces
from operator_app.sources.guards import check_zip
from operator_app.sources.readers import _read_calamine, read_table
from operator_app.sources.records import SIASN_COLUMNS
from operator_app.sources.table import Table
from operator_app.store.workspace import Workspace

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """Pieces cut small; every piece's sheet XML as handed to calamine is recorded."""
    monkeypatch.setattr(xlsx_pieces, "PIECES_FROM", 0)
    monkeypatch.setattr(xlsx_pieces, "PIECE", 16 << 10)
    seen: list[bytes] = []
    parts: list[set[str]] = []
    parse = xlsx_pieces._parse

    def spy(held: list[io.BytesIO]) -> Any:
        with zipfile.ZipFile(io.BytesIO(held[0].getvalue())) as zf:
            seen.append(zf.read(SHEET))
            parts.append({name.lower() for name in zf.namelist()})
        if b"XFD1048576" in seen[-1]:  # calamine would abort the test run: stop short of it
            raise RuntimeError("a far cell reached calamine")
        return parse(held)

    monkeypatch.setattr(xlsx_pieces, "_parse", spy)
    yield seen
    assert _piece_threads() == []
    allowed = {SHEET, *xlsx_pieces._WITH_EVERY_PIECE}  # nothing else calamine could read
    assert all(names <= allowed for names in parts)


def _piece_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("xlsx-piece")]


def _whole(path: Path) -> Table:
    check_zip(path)
    return _read_calamine(path, None)


def _same(got: Table | None, want: Table) -> None:
    assert got is not None
    assert (got.sheet, got.total_rows) == (want.sheet, want.total_rows)
    assert got.head == want.head
    assert list(got.rows()) == list(want.rows())


def _siasn(path: Path, n: int, seed: int = 3) -> Path:
    rows = list(siasn_rows_bulk(n, seed=seed))
    rows[5]["NAMA"] = 'SITI NUR\'AINI <AL-HÜSNA> & "ANAK"'
    rows[9]["NIP_BARU"] = "null"
    return Path(write_siasn_xlsx(path, rows))


def _with_sheet(path: Path, source: Path, sheet: bytes) -> Path:
    """`source` with its sheet XML replaced (every other part as it was)."""
    with zipfile.ZipFile(source) as zi, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            zo.writestr(info.filename, sheet if info.filename == SHEET else zi.read(info))
    return path


def _sheet(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(SHEET)


def test_a_siasn_export_in_pieces_gives_the_rows_of_one_read(
    tmp_path: Path, handed: list[bytes]
) -> None:
    path = _siasn(tmp_path / "siasn.xlsx", 600)
    got = xlsx_pieces.read_in_pieces(path, path.stat().st_size)
    assert len(handed) > 20
    _same(got, _whole(path))
    assert got is not None and got.total_rows == 601


def test_the_import_stores_what_one_read_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _siasn(tmp_path / "siasn.xlsx", 400)
    cols = ", ".join((*SIASN_COLUMNS, "person_key"))
    stored = []
    for piece, since in ((16 << 10, 0), (4 << 20, 1 << 40)):  # in pieces, then read whole
        monkeypatch.setattr(xlsx_pieces, "PIECE", piece)
        monkeypatch.setattr(xlsx_pieces, "PIECES_FROM", since)
        db = tmp_path / f"db{since}.sqlite3"
        ws = Workspace(db)
        try:
            assert ws.import_files([path]).files[0].rows == 400
        finally:
            ws.close()
        con = sqlite3.connect(db)
        stored.append(con.execute(f"SELECT {cols} FROM siasn ORDER BY row_number").fetchall())
        con.close()
    assert stored[0] == stored[1] and len(stored[0]) == 400


_VALUE = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["<&>", "'198503292011122024", "null", " a  b ", "=1+1"]),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2030, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
)
_ROW = st.lists(_VALUE, max_size=9)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(_ROW, min_size=1, max_size=80),
    top=st.integers(0, 3),
    indent=st.integers(0, 2),
    write_only=st.booleans(),
    piece=st.integers(120, 3000),
)
def test_any_sheet_in_pieces_reads_as_one_read(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[list[object]],
    top: int,
    indent: int,
    write_only: bool,
    piece: int,
) -> None:
    """Empty rows and columns before the data, blank rows, rows wider than the first, every cell
    type, inline strings (write-only) and shared strings, pieces cut anywhere."""
    monkeypatch.setattr(xlsx_pieces, "PIECES_FROM", 0)
    monkeypatch.setattr(xlsx_pieces, "PIECE", piece)
    path = tmp_path_factory.mktemp("p") / "lembar.xlsx"
    wb = Workbook(write_only=write_only)
    ws: Any = wb.create_sheet("Data") if write_only else wb.active
    for _ in range(top):
        ws.append([None])
    for row in rows:
        ws.append([None] * indent + row)
    wb.save(path)
    try:
        want = _whole(path)
    except BadFileError:  # nothing in the sheet: the whole-file path says so
        assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
        return
    _same(xlsx_pieces.read_in_pieces(path, path.stat().st_size), want)


def test_blank_rows_across_pieces_keep_their_place(tmp_path: Path, handed: list[bytes]) -> None:
    """Rows 200-290 hold no cell: whole pieces come back empty, and the rows after them must
    still be numbered as one read numbers them."""
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good)
    start, end = xml.index(b'<row r="200"'), xml.index(b'<row r="291"')
    blank = b"".join(b'<row r="%d"></row>' % n for n in range(200, 291))
    path = _with_sheet(tmp_path / "kosong.xlsx", good, xml[:start] + blank + xml[end:])
    got, want = xlsx_pieces.read_in_pieces(path, path.stat().st_size), _whole(path)
    assert got is not None and got.total_rows == want.total_rows
    rows = list(got.rows())
    assert rows == list(want.rows()) and rows[250] == [""] * 67


def test_more_cells_than_a_sheet_may_hold_end_the_pieces(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _siasn(tmp_path / "siasn.xlsx", 600)
    monkeypatch.setattr(xlsx_pieces, "MAX_CELLS", 1_000)  # a piece holds ~600 of the 40,267
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert 0 < len(handed) < 6  # of about 60


def test_a_far_cell_in_a_late_piece_never_reaches_calamine(
    tmp_path: Path, handed: list[bytes]
) -> None:
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good)
    at = xml.index(b'<row r="400"')
    bomb = b'<row r="401"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _with_sheet(tmp_path / "bom.xlsx", good, xml[:at] + bomb + xml[at:])
    with pytest.raises(BadFileError) as info:
        read_table(path)
    assert "bom.xlsx ditolak" in info.value.message and "baris x" in info.value.message
    assert handed and not any(b"XFD1048576" in piece for piece in handed)


def test_cells_without_references_are_read_whole(tmp_path: Path, handed: list[bytes]) -> None:
    """calamine places such cells by counting: the fast pass cannot bound them, so the file goes
    the whole-file way (exact pass, one read) after the pieces before them were parsed."""
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good).replace(b'<c r="C450" ', b"<c ").replace(b'<c r="D450" ', b"<c ")
    path = _with_sheet(tmp_path / "tanpa-r.xlsx", good, xml)
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert len(handed) > 5
    _same(read_table(path), _whole(path))


def test_rows_out_of_order_are_read_whole(tmp_path: Path, handed: list[bytes]) -> None:
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good)
    at = xml.index(b'<row r="450"')
    again = xml[xml.index(b'<row r="20"') : xml.index(b'<row r="23"')]  # rows 20-22 once more
    path = _with_sheet(tmp_path / "acak.xlsx", good, xml[:at] + again + xml[at:])
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    _same(read_table(path), _whole(path))


def test_rows_after_an_early_end_of_sheet_data_are_read_whole(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One read stops at the first </sheetData> (and here calamine then finds the document
    ill-formed): the pieces must not read on past it."""
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good)
    at = xml.index(b'<row r="300"')
    path = _with_sheet(tmp_path / "akhir.xlsx", good, xml[:at] + b"</sheetData>" + xml[at:])
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert "akhir.xlsx" in _refusal(path, monkeypatch)


def test_a_second_sheet_data_is_not_read(tmp_path: Path, handed: list[bytes]) -> None:
    """One read ends with the first sheetData; rows in a second one are not the sheet's."""
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good)
    at = xml.index(b'<row r="300"')
    path = _with_sheet(
        tmp_path / "dua.xlsx", good, xml[:at] + b"</sheetData><sheetData>" + xml[at:]
    )
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    got = read_table(path)
    _same(got, _whole(path))
    assert got.total_rows == 299


def _refusal(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    with pytest.raises(BadFileError) as info:
        read_table(path)
    with monkeypatch.context() as m:  # the same file without pieces
        m.setattr(xlsx_pieces, "PIECES_FROM", 1 << 40)
        with pytest.raises(BadFileError) as whole:
            read_table(path)
    assert info.value.message == whole.value.message
    return info.value.message


def test_damaged_xml_in_a_late_piece_is_refused_as_one_read_refuses_it(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _siasn(tmp_path / "baik.xlsx", 500)
    xml = _sheet(good)
    at = xml.index(b'<row r="420"')
    cell = xml[at : xml.index(b"</c>", at) + 4]
    cell = cell[cell.index(b"<c ") :]
    bad = b'<c r="A420" t="n"><v>bukan angka</v></c>'  # passes the guard, calamine refuses it
    path = _with_sheet(tmp_path / "rusak.xlsx", good, xml.replace(cell, bad, 1))
    assert "rusak.xlsx" in _refusal(path, monkeypatch)
    assert len(handed) > 5  # the pieces before it went to calamine, and were let go


def test_a_damaged_sheet_part_is_refused_as_one_read_refuses_it(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _siasn(tmp_path / "baik.xlsx", 500)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size - 40] ^= 0xFF  # near the end: most pieces parse first
    path = tmp_path / "crc.xlsx"
    path.write_bytes(bytes(data))
    assert "rusak" in _refusal(path, monkeypatch)


def test_another_part_in_the_sheet_folders_is_guarded(tmp_path: Path, handed: list[bytes]) -> None:
    good = _siasn(tmp_path / "baik.xlsx", 300)
    far = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row></sheetData>'
        b"</worksheet>"
    )
    path = tmp_path / "lain.xlsx"
    path.write_bytes(good.read_bytes())
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/worksheets/_rels/lain.xml", far)
    with pytest.raises(BadFileError) as info:
        read_table(path)
    assert "lain.xml" in info.value.message and "ditolak" in info.value.message
    assert handed == []


def test_a_workbook_with_many_shared_strings_is_read_whole(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its shared strings would be parsed again with every piece."""
    path = tmp_path / "sst.xlsx"
    wb = Workbook()
    ws: Any = wb.active
    for i in range(400):
        ws.append([f"NAMA KE-{i}", f"19850329201112{i:04d}", i])
    wb.save(path)
    monkeypatch.setattr(xlsx_pieces, "OTHERS_MAX", 4 << 10)
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert handed == []
    _same(read_table(path), _whole(path))


# -- hand-written workbooks (found by a review with reproductions, 2026-12-06) -----------------

_NS = (
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_STYLES = (
    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts '
    b'count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2">'
    b'<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'
)


def _raw(
    path: Path, rows: bytes, *, target: bytes = b"worksheets/sheet1.xml", head: bytes = b"",
    tail: bytes = b"", extra: dict[str, bytes] | None = None,
) -> Path:  # fmt: skip
    """A workbook written by hand: `rows` inside sheetData of xl/worksheets/sheet1.xml, the only
    sheet pointing at `target`, a date style (s="1"), and `extra` parts."""
    sheet = head or b"<worksheet " + _NS + b"><sheetData>"
    parts = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="' + _REL + b'officeDocument" '
        b'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b"<workbook " + _NS + b'><sheets><sheet name="Data" sheetId="1" '
        b'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="' + _REL + b'worksheet" '
        b'Target="' + target + b'"/><Relationship Id="rId2" Type="' + _REL + b'styles" '
        b'Target="styles.xml"/></Relationships>',
        "xl/styles.xml": _STYLES,
        SHEET: sheet + rows + b"</sheetData>" + (tail or b"</worksheet>"),
        **(extra or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _numbers(first: int, last: int) -> bytes:
    return b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>baris %d</t></is>'
        b"</c></row>" % (n, n, n, n, n)
        for n in range(first, last + 1)
    )


def test_a_sheet_outside_the_worksheets_folder_is_what_one_read_reads(
    tmp_path: Path, handed: list[bytes]
) -> None:
    """calamine reads the part the workbook points at, wherever it is: a piece's workbook holds
    only the parts read for values, so it cannot find `x.xml` and the file is read whole."""
    real = b"<worksheet " + _NS + b"><sheetData>" + _numbers(1, 5) + b"</sheetData></worksheet>"
    path = _raw(tmp_path / "lain.xlsx", _numbers(1, 900), target=b"x.xml", extra={"xl/x.xml": real})
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    got = read_table(path)
    _same(got, _whole(path))
    assert got.total_rows == 5


def test_a_far_cell_outside_the_worksheets_folder_is_refused(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    far = (
        b"<worksheet " + _NS + b'><sheetData><row r="1"><c r="A1"><v>1</v></c><c '
        b'r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>'
    )
    for target, name in ((b"x.xml", "xl/x.xml"), (b"/jauh.xml", "jauh.xml")):
        path = _raw(tmp_path / "jauh.xlsx", _numbers(1, 900), target=target, extra={name: far})
        message = _refusal(path, monkeypatch)
        assert name.split("/")[-1] in message and "ditolak" in message
    assert handed == []


def test_pieces_spanning_far_more_cells_than_they_hold_stop_at_the_first(
    tmp_path: Path, handed: list[bytes]
) -> None:
    """Every piece passes the fast pass yet makes calamine build a block of 3,000 x 78 cells out
    of two: the first one back ends the pieces, the file is read whole."""
    filler = b"".join(b"<!-- %05d -->" % i for i in range(1200))
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="BZ%d"><v>2</v></c></row>'
        % (k * 3000 + 1, k * 3000 + 1, k * 3000 + 3000)
        + filler
        for k in range(40)
    )
    path = _raw(tmp_path / "tinggi.xlsx", rows)
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert 1 <= len(handed) <= xlsx_pieces.IN_FLIGHT  # the first one back stops the rest
    _same(read_table(path), _whole(path))


def _rows_refusal(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The refusal reading every row gives, the same with pieces and without."""
    messages = []
    for since in (0, 1 << 40):
        monkeypatch.setattr(xlsx_pieces, "PIECES_FROM", since)
        with pytest.raises(BadFileError) as info:
            list(read_table(path).rows())
        messages.append(info.value.message)
    assert messages[0] == messages[1]
    return messages[0]


def test_calamine_failing_past_the_head_is_the_refusal_one_read_gives(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A date cell calamine cannot convert (a Rust panic) in row 850: met while the rows are
    handed over, after detection read the first 40."""
    bad = b'<row r="850"><c r="A850" s="1"><v>-1e20</v></c></row>'
    path = _raw(tmp_path / "tanggal.xlsx", _numbers(1, 849) + bad + _numbers(851, 900))
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is not None
    assert "Lembar 'Data' di file tanggal.xlsx rusak" in _rows_refusal(path, monkeypatch)


def test_what_follows_the_rows_is_read_as_one_read_reads_it(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    tail = b'<mergeCells count="1"><mergeCell ref="!!"/></mergeCells></worksheet>'
    path = _raw(tmp_path / "ekor.xlsx", _numbers(1, 900), tail=tail)
    assert "ekor.xlsx" in _refusal(path, monkeypatch)


def test_a_comment_before_the_rows_sends_the_file_whole(
    tmp_path: Path, handed: list[bytes]
) -> None:
    """A `<sheetData>` inside a comment must not be taken for where the rows begin."""
    head = b"<worksheet " + _NS + b"><!-- <sheetData> --><sheetData>"
    path = _raw(tmp_path / "komentar.xlsx", _numbers(1, 900), head=head)
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert handed == []
    _same(read_table(path), _whole(path))


def test_an_empty_sheet_data_between_rows_ends_the_sheet_as_one_read_ends_it(
    tmp_path: Path, handed: list[bytes]
) -> None:
    rows = _numbers(1, 200) + b"<sheetData/>" + _numbers(201, 900)
    path = _raw(tmp_path / "akhir.xlsx", rows)
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    got = read_table(path)
    _same(got, _whole(path))
    assert got.total_rows == 200


def test_parts_named_in_another_case_are_read_as_one_read_reads_them(
    tmp_path: Path, handed: list[bytes]
) -> None:
    """calamine finds `xl/Styles.xml` for xl/styles.xml: its date format must reach the pieces."""
    dated = _numbers(1, 899) + b'<row r="900"><c r="A900" s="1"><v>40001</v></c></row>'
    path = _raw(tmp_path / "huruf.xlsx", dated)
    with zipfile.ZipFile(path) as zi:
        parts = {i.filename: zi.read(i) for i in zi.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zo:
        for name, data in parts.items():
            zo.writestr("xl/Styles.xml" if name == "xl/styles.xml" else name, data)
    got, want = xlsx_pieces.read_in_pieces(path, path.stat().st_size), _whole(path)
    rows = list(got.rows()) if got is not None else []
    assert rows == list(want.rows()) and rows[-1][0] == dt.date(2009, 7, 7)


def test_a_workbook_naming_its_styles_as_the_sheet_is_read_whole(
    tmp_path: Path, handed: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every piece would parse the styles part as the sheet: a part that travels with every piece
    may hold no cell at all."""
    styles = b"<worksheet " + _NS + b"><sheetData>" + _numbers(1, 3) + b"</sheetData></worksheet>"
    path = _raw(tmp_path / "gaya.xlsx", _numbers(1, 900), target=b"styles.xml",
                extra={"xl/styles.xml": styles})  # fmt: skip
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert handed == []
    assert "gaya.xlsx" in _refusal(path, monkeypatch)  # calamine finds no styles: one read fails


def test_parts_named_twice_in_two_cases_are_read_whole(tmp_path: Path, handed: list[bytes]) -> None:
    """xl/styles.xml with the date format and a later xl/Styles.xml without: calamine takes the
    last one; which one a piece would carry is not worth guessing."""
    dated = _numbers(1, 899) + b'<row r="900"><c r="A900" s="1"><v>40001</v></c></row>'
    path = _raw(tmp_path / "kembar.xlsx", dated)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/Styles.xml", _STYLES.replace(b'numFmtId="164" applyNumberFormat', b"x"))
    assert xlsx_pieces.read_in_pieces(path, path.stat().st_size) is None
    assert handed == []
    _same(read_table(path), _whole(path))
