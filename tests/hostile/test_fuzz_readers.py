"""Hypothesis on the readers: arbitrary bytes as CSV, arbitrary text as SpreadsheetML, arbitrary
compound files, cell rows of any type. The only acceptable outcomes are a valid parse or the
app's UserError; the sheet-extent guard finds every far reference wherever chunks split."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from corpus import dapodik_table
from fuzzing import fuzz
from hypothesis import example, given
from hypothesis import strategies as st
from ole import biff8_table

from operator_app.core.errors import UserError
from operator_app.sources import guards
from operator_app.sources.detect import Detected, detect_file
from operator_app.sources.layouts import (
    DAPODIK_FIELDS,
    DAPODIK_HEADERS,
    SIASN_FIELDS,
    SIASN_HEADERS,
)
from operator_app.sources.ole import check_ole
from operator_app.sources.readers import Table
from operator_app.sources.records import (
    PTK_COLUMNS,
    SIASN_COLUMNS,
    iter_dapodik,
    iter_siasn,
)
from operator_app.sources.spreadsheetml import read_spreadsheetml

_TMP = Path(tempfile.mkdtemp(prefix="operator-app-fuzz-"))


def parse_all(path: Path) -> int:
    """Read, detect and type every row, as the importer does; the number of records."""
    table, det = detect_file(path)
    siasn = det.kind == "siasn"
    width = len(SIASN_COLUMNS if siasn else PTK_COLUMNS)
    n = 0
    for rec in (iter_siasn if siasn else iter_dapodik)(table, det, []):
        assert len(rec) == width
        n += 1
    return n


def outcome(data: bytes, name: str) -> str:
    path = _TMP / name
    path.write_bytes(data)
    try:
        return f"ok {parse_all(path)}"
    except UserError as exc:
        assert name in exc.message, exc.message
        return "refused"


# -- CSV ---------------------------------------------------------------------------------------

FIELD = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["null", "'198501012010012003", "1,98501E+17", "01-02-1985", '"', '""', "\r"]),
)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "latin-1"])


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    delim = draw(st.sampled_from(["|", ",", ";", "\t"]))
    head = draw(st.lists(st.sampled_from(SIASN_HEADERS), min_size=1, max_size=12))
    if draw(st.booleans()):
        head += ["NIP_BARU", "NAMA"]
    rows = draw(st.lists(st.lists(FIELD, max_size=len(head) + 2), max_size=6))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    text = newline.join(delim.join(r) for r in [head, *rows])
    return text.encode(draw(ENCODING), errors="replace")


@fuzz(150)
@given(st.one_of(st.binary(max_size=2048), csv_bytes()))
@example(b"\xff\xfe\x00\xd8A")  # a lone surrogate after a UTF-16 BOM
@example(b"NIP_BARU|NAMA\r\n1|" + b"x" * 70_000)
def test_csv_reader_any_bytes(data: bytes) -> None:
    outcome(data, "acak.csv")


# -- SpreadsheetML -----------------------------------------------------------------------------

_NS = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
ATTR = st.one_of(
    st.tuples(
        st.sampled_from(["ss:Index", "ss:MergeAcross", "ss:Type", "ss:Name", "x:Foo"]),
        st.one_of(
            st.from_regex(r"[0-9]{1,14}", fullmatch=True),
            st.sampled_from(["String", "Number", "DateTime", "Boolean", "²", "-1", "1e9", ""]),
            st.text(max_size=5),
        ),
    ).map(lambda kv: f' {kv[0]}="{kv[1]}"'),
    st.just(""),
)
TEXT = st.one_of(
    st.text(max_size=10),
    st.sampled_from(["&", "<", "&amp;", "&lol;", "<![CDATA[x]]>", "&#0;", "&#xD800;", "]]>", "'"]),
    st.sampled_from(["Nama", "NIP", "NUPTK", "Daftar Guru", "Tanggal Unduh", "1985-01-01"]),
)


@st.composite
def xml_text(draw: st.DrawFn) -> str:
    parts = ['<?xml version="1.0"?>']
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["<!DOCTYPE x>", '<!ENTITY a "b">', "<!-- c -->"])))
    parts.append(f"<Workbook {_NS}><Worksheet><Table>")
    for _ in range(draw(st.integers(0, 5))):
        parts.append(f"<Row{draw(ATTR)}>")
        for _ in range(draw(st.integers(0, 5))):
            parts.append(
                f"<Cell{draw(ATTR)}{draw(ATTR)}><Data{draw(ATTR)}>{draw(TEXT)}</Data></Cell>"
            )
        parts.append(draw(st.sampled_from(["</Row>", "", "</Cell>", "<Row/>"])))
    parts.append(draw(st.sampled_from(["</Table></Worksheet></Workbook>", "</Table>", ""])))
    return "".join(parts)


@fuzz(200)
@given(st.one_of(st.text(max_size=500), xml_text()))
@example('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
         '<Row ss:Index="99999999999999999999"/></Table></Worksheet></Workbook>')  # fmt: skip
def test_spreadsheetml_reader_any_text(text: str) -> None:
    path = Path("acak.xls")
    try:
        rows = read_spreadsheetml(text, path)
    except UserError as exc:
        assert path.name in exc.message
        return
    assert isinstance(rows, list) and all(isinstance(r, list) for r in rows)


@fuzz(100)
@given(xml_text())
def test_spreadsheetml_file_through_detection(text: str) -> None:
    outcome(text.encode("utf-8"), "acak-xml.xls")


# -- records of any cell values ------------------------------------------------------------------

CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


def _reference_siasn(table: Table, det: Detected) -> list[tuple[object, ...]]:
    """iter_siasn as first written, one cell at a time: what the itemgetter version must equal."""
    from operator_app.core.names import name_key, normalise_jk
    from operator_app.sources.cells import cell_text, date_text, identifier_text
    from operator_app.sources.records import _get, _raw_json, _text

    ix: dict[str, int] = {}
    for i, f in enumerate(det.fields):
        if f and f not in ix:
            ix[f] = i
    g = ix.get
    out: list[tuple[object, ...]] = []
    for n, row in enumerate(table.rows(), start=1):
        if n <= det.header_row:
            continue
        nama = _text(row, g("nama"))
        nip, nip_num = identifier_text(_get(row, g("nip_baru")))
        if not nama and not nip:
            continue
        nik, nik_num = identifier_text(_get(row, g("nik")))
        out.append((
            n, cell_text(_get(row, g("pns_id"))).lstrip("'") or None, nip or None,
            identifier_text(_get(row, g("nip_lama")))[0] or None, nama or "",
            name_key(nama or ""), _text(row, g("gelar_depan")), _text(row, g("gelar_belakang")),
            date_text(_get(row, g("tanggal_lahir"))) or None,
            normalise_jk(cell_text(_get(row, g("jenis_kelamin")))), nik or None, nik_num, nip_num,
            _text(row, g("jenis_pegawai_nama")),
            cell_text(_get(row, g("kedudukan_hukum_id"))).lstrip("'").lstrip("0") or None,
            _text(row, g("kedudukan_hukum_nama")),
            cell_text(_get(row, g("status_cpns_pns"))).upper() or None,
            date_text(_get(row, g("tmt_pns"))) or None, _text(row, g("jabatan_nama")),
            cell_text(_get(row, g("unor_id"))) or None, _text(row, g("unor_nama")),
            _text(row, g("instansi_kerja_nama")), _raw_json(row),
        ))  # fmt: skip
    return out


@fuzz(200)
@given(
    st.permutations(list(zip(SIASN_HEADERS, SIASN_FIELDS, strict=True))),
    st.integers(0, len(SIASN_FIELDS)),
    st.lists(st.lists(CELL, max_size=75), max_size=6),
)
def test_siasn_records_equal_the_cell_by_cell_reading(
    columns: list[tuple[str, str]], keep: int, rows: list[list[object]]
) -> None:
    """Columns missing, reordered, rows short or long: the same records as the plain reading."""
    headers = [h for h, _ in columns[:keep]]
    fields = [f for _, f in columns[:keep]]
    table = Table(Path("x.csv"), "x", [], _all=[list(headers), *rows])
    det = Detected("siasn", 1, headers, fields)
    assert list(iter_siasn(table, det, [])) == _reference_siasn(table, det)


@fuzz(150)
@given(st.lists(st.lists(CELL, max_size=70), max_size=8))
def test_records_take_any_cells(rows: list[list[object]]) -> None:
    for kind, fields, headers, columns, it in (
        ("siasn", SIASN_FIELDS, SIASN_HEADERS, SIASN_COLUMNS, iter_siasn),
        ("dapodik_guru", DAPODIK_FIELDS, DAPODIK_HEADERS, PTK_COLUMNS, iter_dapodik),
    ):
        table = Table(Path("x.csv"), "x", [], _all=[list(headers), *rows])
        det = Detected(kind, 1, list(headers), list(fields))
        for rec in it(table, det, []):
            assert len(rec) == len(columns)


# -- the sheet-extent guard ----------------------------------------------------------------------


def _col_letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@fuzz(150)
@given(
    st.integers(1, 300),
    st.integers(1, 80),
    st.integers(1, 1_100_000),
    st.integers(1, 17_000),
    st.integers(0, 300),
    st.integers(1, 700),
    st.sampled_from(["", ' s="1"', ' t="inlineStr" s=">"', ' s="2" r="A1"']),
)
def test_extent_guard_finds_the_far_cell(
    rows: int, cols: int, far_row: int, far_col: int, at: int, chunk: int, attrs: str
) -> None:
    """A canonical sheet with one extra cell anywhere: the guard's extent covers it, wherever
    the 1 MB reading chunks (here: `chunk` bytes) split the XML."""
    cells = [
        f'<row r="{r}">'
        + "".join(f'<c r="{_col_letters(c)}{r}"><v>1</v></c>' for c in range(1, cols + 1))
        + "</row>"
        for r in range(1, rows + 1)
    ]
    far = f'<c r="{_col_letters(far_col)}{far_row}"{attrs}><v>2</v></c>'
    at = min(at, len(cells))
    cells.insert(at, f'<row r="{far_row}">{far}</row>')
    xml = (
        '<worksheet xmlns="x"><sheetData>' + "".join(cells) + "</sheetData></worksheet>"
    ).encode()
    beyond, odd = guards._scan(io.BytesIO(xml), chunk)
    real_rows, real_cols = max(rows, far_row), max(cols, far_col)
    if real_rows > 99_999 or real_cols > 78 or attrs.endswith('r="A1"'):
        assert beyond
    if beyond:
        found = (
            guards._exact_extent(io.BytesIO(xml))
            if odd
            else guards._canonical_extent(io.BytesIO(xml))
        )
        assert found[0] >= real_rows and found[1] >= real_cols
    else:
        assert real_rows <= 99_999 and real_cols <= 78


# -- compound files ------------------------------------------------------------------------------

_XLS = biff8_table(dapodik_table(3))


@st.composite
def damaged_ole(draw: st.DrawFn) -> bytes:
    data = bytearray(_XLS)
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.sampled_from(["header", "fat", "dir", "any"]))
        lo, hi = {
            "header": (0, 512),
            "fat": (512, 1024),
            "dir": (1024, 1536),
            "any": (0, len(data)),
        }[where]
        i = draw(st.integers(lo, hi - 1))
        data[i] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@fuzz(200)
@given(
    st.one_of(
        damaged_ole(), st.binary(max_size=3000).map(lambda b: bytes.fromhex("D0CF11E0A1B11AE1") + b)
    )
)
def test_compound_file_check_any_bytes(data: bytes) -> None:
    path = Path("acak.xls")
    try:
        check_ole(path, data)
    except UserError as exc:
        assert path.name in exc.message


@fuzz(60)
@given(damaged_ole())
def test_damaged_xls_through_calamine(data: bytes) -> None:
    """Whatever passes the compound-file check, calamine reads or refuses, never panics out."""
    outcome(data, "rusak.xls")


def test_good_xls_passes_the_check() -> None:
    check_ole(Path("baik.xls"), _XLS)
    assert outcome(_XLS, "baik.xls") == "ok 3"
