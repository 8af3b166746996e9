"""Writers of realistic export files: Dapodik xlsx / SpreadsheetML, SIASN CSV / xlsx, and refusals.

Each writer takes plain row dicts (Dapodik rows keyed by the 51 DAPODIK_HEADERS, SIASN rows keyed
by the 67 SIASN_HEADERS) and reproduces the quirks of the real files (formats.md): title rows,
an unnamed trailing column, identifiers as text (or as Excel numbers on purpose), apostrophes,
the literal `null`, several header spellings and encodings. openpyxl is imported lazily.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from operator_app.samples.model import DapodikKind, SampleSchool
from operator_app.samples.people import excel_number
from operator_app.sources.layouts import DAPODIK_HEADERS, SIASN_HEADERS

# SAPK-era spellings of SIASN headers (canonical -> alias), for `aliases=`.
SAPK_ALIASES: dict[str, str] = {
    "GELAR_BELAKANG": "GELAR_BLK",
    "TANGGAL_LAHIR": "TGL_LAHIR",
    "GOL_AKHIR_ID": "GOL_ID",
    "GOL_AKHIR_NAMA": "GOL_NAMA",
    "KARTU_ASN_VIRTUAL": "KARTU_PEGAWAI",
}
# SIASN columns whose values are identifiers (written with a leading apostrophe on request).
SIASN_ID_COLUMNS: frozenset[str] = frozenset(
    {"NIP_BARU", "NIP_LAMA", "NIK", "NOMOR_HP", "NPWP_NOMOR", "BPJS"}
)
JkStyle = Literal["MF", "LP", "PriaWanita", "LakiPerempuan", "12"]
_JK_STYLES: dict[str, tuple[str, str]] = {
    "MF": ("M", "F"),
    "LP": ("L", "P"),
    "PriaWanita": ("Pria", "Wanita"),
    "LakiPerempuan": ("Laki-laki", "Perempuan"),
    "12": ("1", "2"),
}
_MALE = frozenset({"M", "L", "PRIA", "LAKI-LAKI", "1"})
_FEMALE = frozenset({"F", "P", "WANITA", "PEREMPUAN", "2"})
TRAILING_VALUE = "Ya"


def _title_rows(school: SampleSchool, kind: DapodikKind) -> tuple[str, str, str, str, str]:
    return school.title_rows(kind)


def _dapodik_cell(header: str, value: object, numeric_nip: bool) -> object:
    if value is None or value == "":
        return None
    if header == "NIP" and numeric_nip:
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        return excel_number(digits) if digits else value
    return value


def write_dapodik_xlsx(
    path: Path | str,
    school: SampleSchool,
    rows: Sequence[Mapping[str, object]],
    kind: DapodikKind = "guru",
    *,
    numeric_nip_rows: set[int] | frozenset[int] = frozenset(),
    header_spacing: bool = False,
    trailing_unnamed: bool = True,
) -> Path:
    """A Dapodik "Unduh Daftar Guru/Tendik" xlsx.

    Rows 1-4: titles merged across the sheet (A4 the download time, C4 the downloader); row 5
    the 51 headers (row 6 when `header_spacing` puts an empty row before it); then the data rows,
    identifiers and dates as text. `numeric_nip_rows` are 0-based positions in `rows` whose NIP is
    written as an Excel number (15 significant digits, like Excel). `trailing_unnamed` adds a
    52nd column with no header holding "Ya" on every data row.
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    a1, a2, a3, a4, c4 = _title_rows(school, kind)
    ncols = len(DAPODIK_HEADERS)
    last = get_column_letter(ncols)
    ws["A1"], ws["A2"], ws["A3"], ws["A4"], ws["C4"] = a1, a2, a3, a4, c4
    for r in (1, 2, 3):
        ws.merge_cells(f"A{r}:{last}{r}")
    ws.merge_cells("A4:B4")
    ws.merge_cells(f"C4:{last}4")
    header_row = 6 if header_spacing else 5
    for c, h in enumerate(DAPODIK_HEADERS, start=1):
        ws.cell(row=header_row, column=c, value=h)
    for i, data in enumerate(rows):
        r = header_row + 1 + i
        numeric = i in numeric_nip_rows
        for c, h in enumerate(DAPODIK_HEADERS, start=1):
            value = _dapodik_cell(h, data.get(h), numeric)
            if value is not None:
                ws.cell(row=r, column=c, value=value)
        if trailing_unnamed:
            ws.cell(row=r, column=ncols + 1, value=TRAILING_VALUE)
    wb.save(path)
    return path


def _xml_text(text: str, raw: bool) -> str:
    return text if raw else escape(text)


def write_dapodik_spreadsheetml(
    path: Path | str,
    school: SampleSchool,
    rows: Sequence[Mapping[str, object]],
    kind: DapodikKind = "guru",
    *,
    numeric_nip_rows: set[int] | frozenset[int] = frozenset(),
    raw_ampersand: bool = False,
    trailing_unnamed: bool = True,
) -> Path:
    """The same export as an XML SpreadsheetML 2003 file (the ".xls" some downloads are).

    With `raw_ampersand` the real-world bug is reproduced: `&` and `<` inside cell text are
    written unescaped, so the file is not well-formed XML.
    """
    path = Path(path)
    ncols = len(DAPODIK_HEADERS) + (1 if trailing_unnamed else 0)

    def cell(value: object, extra: str = "") -> str:
        if value is None or value == "":
            return f"<Cell{extra}/>"
        if isinstance(value, int | float) and not isinstance(value, bool):
            text = repr(float(value)).upper() if isinstance(value, float) else str(value)
            if text.endswith(".0"):
                text = text[:-2]
            return f'<Cell{extra}><Data ss:Type="Number">{text}</Data></Cell>'
        return (
            f'<Cell{extra}><Data ss:Type="String">{_xml_text(str(value), raw_ampersand)}'
            "</Data></Cell>"
        )

    a1, a2, a3, a4, c4 = _title_rows(school, kind)
    span = len(DAPODIK_HEADERS) - 1
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?mso-application progid="Excel.Sheet"?>',
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">',
        ' <Worksheet ss:Name="Sheet1">',
        f'  <Table ss:ExpandedColumnCount="{ncols}" ss:ExpandedRowCount="{len(rows) + 5}" '
        'x:FullColumns="1" x:FullRows="1">',
    ]
    merge_all = f' ss:MergeAcross="{span}"'
    for text in (a1, a2, a3):
        out.append(f"   <Row>{cell(text, merge_all)}</Row>")
    merge_a4 = ' ss:MergeAcross="1"'
    merge_c4 = f' ss:Index="3" ss:MergeAcross="{span - 2}"'
    out.append(f"   <Row>{cell(a4, merge_a4)}{cell(c4, merge_c4)}</Row>")
    out.append("   <Row>" + "".join(cell(h) for h in DAPODIK_HEADERS) + "</Row>")
    for i, data in enumerate(rows):
        numeric = i in numeric_nip_rows
        cells = [cell(_dapodik_cell(h, data.get(h), numeric)) for h in DAPODIK_HEADERS]
        if trailing_unnamed:
            cells.append(cell(TRAILING_VALUE))
        out.append("   <Row>" + "".join(cells) + "</Row>")
    out += ["  </Table>", " </Worksheet>", "</Workbook>", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _jk(value: str, style: JkStyle | None) -> str:
    if style is None or not value:
        return value
    male, female = _JK_STYLES[style]
    upper = value.strip().upper()
    if upper in _MALE:
        return male
    if upper in _FEMALE:
        return female
    return value


def _siasn_columns(
    columns: Sequence[str] | None, aliases: Mapping[str, str] | None
) -> list[tuple[str, str]]:
    """(output header, canonical SIASN header) pairs; a column may itself be an alias."""
    reverse = {v: k for k, v in SAPK_ALIASES.items()}
    if aliases:
        reverse.update({v: k for k, v in aliases.items()})
    pairs = []
    for col in columns or SIASN_HEADERS:
        canonical = reverse.get(col, col)
        if canonical not in SIASN_HEADERS:
            raise ValueError(f"unknown SIASN column: {col}")
        out = (aliases or {}).get(canonical, col)
        pairs.append((out, canonical))
    return pairs


def _header_text(name: str, spaced: bool) -> str:
    return name.replace("_", " ") if spaced else name


def write_siasn_csv(
    path: Path | str,
    rows: Iterable[Mapping[str, str]],
    *,
    delimiter: str = "|",
    header_style: Literal["underscore", "space"] = "underscore",
    encoding: Literal["utf-8", "utf-8-sig", "cp1252"] = "utf-8",
    apostrophe_ids: bool = True,
    null_literal: bool = True,
    columns: Sequence[str] | None = None,
    aliases: Mapping[str, str] | None = None,
    jk_style: JkStyle | None = None,
    pad_kedudukan: bool = False,
) -> Path:
    """A SIASN "Export Data ASN" CSV as BKDs pass it on.

    `header_style` "underscore" writes `PNS_ID`, "space" writes `PNS ID`. `apostrophe_ids` puts
    `'` in front of identifier values; `null_literal` writes empty values as `null`. `columns`
    picks (and orders) a subset of SIASN_HEADERS; `aliases` renames canonical headers in the
    output (see SAPK_ALIASES). `jk_style` rewrites JENIS_KELAMIN (rows hold M/F); `pad_kedudukan`
    zero-pads every KEDUDUKAN_HUKUM_ID to two digits. Lines end with CRLF; the header is row 1.
    """
    path = Path(path)
    pairs = _siasn_columns(columns, aliases)
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([_header_text(out, header_style == "space") for out, _ in pairs])
        for row in rows:
            values = []
            for _, canonical in pairs:
                value = str(row.get(canonical, "") or "")
                if canonical == "JENIS_KELAMIN":
                    value = _jk(value, jk_style)
                elif canonical == "KEDUDUKAN_HUKUM_ID" and pad_kedudukan and value.isdigit():
                    value = value.zfill(2)
                if not value:
                    value = "null" if null_literal else ""
                elif apostrophe_ids and canonical in SIASN_ID_COLUMNS:
                    value = "'" + value
                values.append(value)
            writer.writerow(values)
    return path


def write_siasn_xlsx(
    path: Path | str,
    rows: Iterable[Mapping[str, str]],
    *,
    spaced_headers: bool = False,
    columns: Sequence[str] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Path:
    """A SIASN export saved as xlsx (openpyxl write-only: 50,000 x 67 in well under a minute).

    One header row, then one row per record; every value is a text cell (identifiers stay
    exact), empty values are empty cells.
    """
    from openpyxl import Workbook

    path = Path(path)
    pairs = _siasn_columns(columns, aliases)
    wb = Workbook(write_only=True)
    ws: Any = wb.create_sheet("Data ASN")
    ws.append([_header_text(out, spaced_headers) for out, _ in pairs])
    keys = [canonical for _, canonical in pairs]
    for row in rows:
        ws.append([row.get(k) or None for k in keys])
    wb.save(path)
    return path


STUDENT_HEADERS: tuple[str, ...] = (
    "No", "Nama", "NIPD", "JK", "NISN", "Tempat Lahir", "Tanggal Lahir", "NIK", "Agama",
    "Alamat", "RT", "RW", "Dusun", "Kelurahan", "Kecamatan", "Kode Pos", "Jenis Tinggal",
    "Alat Transportasi", "Telepon", "HP", "E-Mail", "SKHUN", "Penerima KPS", "No. KPS",
    "Rombel Saat Ini", "No Peserta Ujian Nasional", "No Seri Ijazah", "Penerima KIP", "Nomor KIP",
)  # fmt: skip


def write_student_list_xlsx(path: Path | str, school: SampleSchool | None = None) -> Path:
    """A Dapodik "Daftar Peserta Didik" export (students): must be refused by the importer."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    school = school or SampleSchool(name="SD NEGERI 3 SUKAMAJU")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    last = get_column_letter(len(STUDENT_HEADERS))
    _, a2, a3, a4, c4 = school.title_rows("guru")
    ws["A1"], ws["A2"], ws["A3"], ws["A4"], ws["C4"] = "Daftar Peserta Didik", a2, a3, a4, c4
    for r in (1, 2, 3):
        ws.merge_cells(f"A{r}:{last}{r}")
    for c, h in enumerate(STUDENT_HEADERS, start=1):
        ws.cell(row=5, column=c, value=h)
    pupils = (
        ("AHMAD RIZKY PRATAMA", "L", "3145678901", "2016-05-14", "3302141405160003"),
        ("SITI NUR AZIZAH", "P", "0156789012", "2015-11-02", "3302144211150001"),
        ("DIMAS ARYA SAPUTRA", "L", "3161234567", "2016-01-23", "3302142301160002"),
    )
    for i, (nama, jk, nisn, lahir, nik) in enumerate(pupils, start=1):
        values = {"No": i, "Nama": nama, "NIPD": f"{2300 + i}", "JK": jk, "NISN": nisn,
                  "Tempat Lahir": "BANYUMAS", "Tanggal Lahir": lahir, "NIK": nik,
                  "Agama": "Islam", "Rombel Saat Ini": "Kelas 4"}  # fmt: skip
        for c, h in enumerate(STUDENT_HEADERS, start=1):
            if h in values:
                ws.cell(row=5 + i, column=c, value=values[h])
    wb.save(path)
    return path


def write_unrelated_xlsx(path: Path | str) -> Path:
    """A workbook that is neither a Dapodik nor a SIASN export (a BOS spending sheet)."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "BKU"
    ws.append(["Buku Kas Umum Dana BOS"])
    ws.append(["Tanggal", "Kode Rekening", "Uraian", "Penerimaan", "Pengeluaran", "Saldo"])
    ws.append(["2026-01-05", "5.1.02", "Pembelian ATK", 0, 450000, 24550000])
    ws.append(["2026-01-12", "5.1.02", "Honor pembina ekstrakurikuler", 0, 1200000, 23350000])
    ws.append(["2026-02-01", "4.1.01", "Penerimaan BOS tahap I", 25000000, 0, 48350000])
    wb.save(path)
    return path
