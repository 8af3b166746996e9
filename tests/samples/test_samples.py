"""The synthetic data generator: file layouts (formats.md) and a trustworthy ground truth.

The ground truth is checked against an independent, straightforward reading of
docs/findings-conventions.md (`reference_findings` below) run on the files as written, using the
core helpers for identifiers, names, statuses and school names.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from operator_app.core.dates import parse_date
from operator_app.core.identifiers import (
    clean_identifier,
    is_nip_lama,
    nik_problem,
    nip_problem,
    parse_nip,
)
from operator_app.core.names import name_key, normalise_jk
from operator_app.core.schools import compare_schools
from operator_app.core.status import (
    is_kepala_sekolah,
    kedudukan_state,
    normalise_status,
    siasn_kind,
)
from operator_app.samples import (
    SAPK_ALIASES,
    TODAY,
    Kabupaten,
    SampleSchool,
    build_kabupaten,
    dapodik_rows_bulk,
    excel_number,
    make_nik,
    make_nip,
    make_nip_pppk,
    siasn_rows_bulk,
    write_dapodik_spreadsheetml,
    write_dapodik_xlsx,
    write_siasn_csv,
    write_siasn_xlsx,
    write_student_list_xlsx,
    write_unrelated_xlsx,
)
from operator_app.sources.layouts import DAPODIK_HEADERS, SIASN_HEADERS

ALL_CODES = [
    "NIP_KOSONG",
    "NIP_BEDA",
    "NIP_LAMA",
    "NIP_RUSAK",
    "NIP_TIDAK_SESUAI_TGL_LAHIR",
    "NIP_TIDAK_SESUAI_JK",
    "NIK_TIDAK_VALID",
    "NIK_BEDA",
    "NAMA_BEDA",
    "TGL_LAHIR_BEDA",
    "JK_BEDA",
    "STATUS_BUKAN_ASN",
    "STATUS_CPNS_SUDAH_PNS",
    "STATUS_JENIS_BEDA",
    "ASN_TIDAK_DITEMUKAN",
    "KEDUDUKAN_TIDAK_AKTIF",
    "UNOR_NOMENKLATUR",
    "UNOR_BEDA",
    "TIDAK_ADA_DI_DAPODIK",
    "DUPLIKAT",
    "KEPSEK_TIDAK_ADA",
    "KEPSEK_BUKAN_ASN",
    "PADANAN_RAGU",
]

NIP = "198501012010012003"


def _school() -> SampleSchool:
    return SampleSchool(name="SD NEGERI 3 SUKAMAJU", kecamatan="Sumbang")


def _rows() -> list[dict[str, object]]:
    base: dict[str, object] = dict.fromkeys(DAPODIK_HEADERS, "")
    a = {**base, "No": 1, "Nama": "Dra. Hj. SITI AMINAH, M.Pd.", "JK": "P", "NIP": NIP,
         "Tanggal Lahir": "1985-01-01", "NIK": "3302134101850001", "Status Kepegawaian": "PNS",
         "NPWP": "09.254.294.3-407.000  "}  # fmt: skip
    b = {**base, "No": 2, "Nama": "AHMAD R&D", "JK": "L", "NIP": "198602022011011004",
         "Tanggal Lahir": "1986-02-02", "NIK": "3302130202860002", "Status Kepegawaian": "PNS"}  # fmt: skip
    return [a, b]


# --- identifiers ------------------------------------------------------------------------------


def test_identifier_builders_follow_identifiers_md() -> None:
    assert make_nip(date(1967, 11, 10), date(1992, 3, 1), "L", 1) == "196711101992031001"
    assert make_nip_pppk(date(2000, 12, 31), 2024, "L", 1) == "200012312024211001"
    assert make_nik("330213", date(1985, 1, 1), "P", 1) == "3302134101850001"
    assert make_nik("330213", date(1985, 1, 1), "L", 12) == "3302130101850012"
    assert excel_number(NIP) == 1.98501012010012e17
    assert clean_identifier(excel_number(NIP)) == "198501012010012000"


# --- Dapodik writers --------------------------------------------------------------------------


def test_dapodik_xlsx_layout(tmp_path: Path) -> None:
    path = write_dapodik_xlsx(tmp_path / "g.xlsx", _school(), _rows(), "guru", numeric_nip_rows={1})
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["A1"].value == "Daftar Guru"
    assert ws["A2"].value == "SD NEGERI 3 SUKAMAJU"
    assert ws["A3"].value == (
        "Kecamatan Kec. Sumbang, Kabupaten Kab. Banyumas, Provinsi Prov. Jawa Tengah"
    )
    assert re.fullmatch(r"Tanggal Unduh: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", ws["A4"].value)
    assert re.fullmatch(r"Pengunduh: .+ \(.+@.+\)", ws["C4"].value)
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:AY1", "A2:AY2", "A3:AY3", "A4:B4"} <= merged
    header = [c.value for c in ws[5]]  # against formats.md: test_written_headers_are_documented
    assert header[51] is None  # the unnamed trailing column ...
    assert ws.cell(6, 52).value == "Ya" and ws.cell(7, 52).value == "Ya"  # ... holds data
    col = {h: i + 1 for i, h in enumerate(header) if h}
    text_nip, num_nip = ws.cell(6, col["NIP"]), ws.cell(7, col["NIP"])
    assert text_nip.data_type == "s" and text_nip.value == NIP
    assert num_nip.data_type == "n" and num_nip.value == 1.98602022011011e17
    assert ws.cell(6, col["Tanggal Lahir"]).value == "1985-01-01"
    assert ws.cell(6, col["NIK"]).data_type == "s"
    assert ws.cell(6, col["NPWP"]).value.endswith("  ")
    assert ws.cell(6, col["Telepon"]).value is None  # some columns are empty
    assert ws.cell(8, 1).value is None


def test_dapodik_xlsx_tendik_spacing_and_no_trailing(tmp_path: Path) -> None:
    path = write_dapodik_xlsx(
        tmp_path / "t.xlsx", _school(), _rows(), "tendik", header_spacing=True,
        trailing_unnamed=False,
    )  # fmt: skip
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["A1"].value == "Daftar Tenaga Kependidikan"
    assert all(c.value is None for c in ws[5])
    assert all(c.value for c in ws[6])  # the header row, one row down
    assert ws.max_column == 51


def test_spreadsheetml_raw_ampersand_is_not_wellformed(tmp_path: Path) -> None:
    school = SampleSchool(name="SD NEGERI 1 SUKA & MAJU")
    raw = write_dapodik_spreadsheetml(tmp_path / "raw.xls", school, _rows(), raw_ampersand=True)
    text = raw.read_text(encoding="utf-8")
    assert "SD NEGERI 1 SUKA & MAJU" in text and "AHMAD R&D" in text
    with pytest.raises(ET.ParseError):
        ET.parse(raw)

    ok = write_dapodik_spreadsheetml(tmp_path / "ok.xls", school, _rows(), numeric_nip_rows={0})
    ns = {"ss": "urn:schemas-microsoft-com:office:spreadsheet"}
    rows = ET.parse(ok).getroot().findall(".//ss:Worksheet/ss:Table/ss:Row", ns)
    first = rows[0].find("ss:Cell", ns)
    assert first is not None
    assert first.get("{urn:schemas-microsoft-com:office:spreadsheet}MergeAcross") == "50"
    assert rows[1].findtext("ss:Cell/ss:Data", namespaces=ns) == "SD NEGERI 1 SUKA & MAJU"
    header = [c.findtext("ss:Data", namespaces=ns) for c in rows[4].findall("ss:Cell", ns)]
    cells = rows[5].findall("ss:Cell", ns)
    nip = cells[header.index("NIP")].find("ss:Data", ns)
    assert nip is not None
    assert nip.get("{urn:schemas-microsoft-com:office:spreadsheet}Type") == "Number"
    assert nip.text == "1.98501012010012E+17"
    nik = cells[header.index("NIK")].find("ss:Data", ns)
    assert nik is not None and nik.text == "3302134101850001"
    assert cells[-1].findtext("ss:Data", namespaces=ns) == "Ya"


# --- SIASN writers ----------------------------------------------------------------------------


def _siasn() -> list[dict[str, str]]:
    row = dict.fromkeys(SIASN_HEADERS, "")
    row.update({"PNS_ID": "A8ACA7397AEB3912E040640A040269BB", "NIP_BARU": NIP,
                "NIP_LAMA": "131234567", "NAMA": "ANDRÉ, SITI", "GELAR_BELAKANG": "S.Pd.",
                "TANGGAL_LAHIR": "01-01-1985", "JENIS_KELAMIN": "F", "NIK": "3302134101850001",
                "KEDUDUKAN_HUKUM_ID": "1", "KEDUDUKAN_HUKUM_NAMA": "Aktif",
                "GOL_AKHIR_ID": "32", "GOL_AKHIR_NAMA": "III/b",
                "UNOR_NAMA": "UPT SDN 3 SUKAMAJU"})  # fmt: skip
    return [row]


def test_siasn_csv_pipe_apostrophes_null(tmp_path: Path) -> None:
    path = write_siasn_csv(tmp_path / "a.csv", _siasn())
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").splitlines()
    values = dict(zip(lines[0].split("|"), lines[1].split("|"), strict=True))
    assert values["NIP_BARU"] == "'" + NIP and values["NIK"] == "'3302134101850001"
    assert values["PNS_ID"] == "A8ACA7397AEB3912E040640A040269BB"
    assert values["GELAR_DEPAN"] == "null" and values["TANGGAL_LAHIR"] == "01-01-1985"


def test_siasn_csv_comma_spaces_bom(tmp_path: Path) -> None:
    path = write_siasn_csv(
        tmp_path / "b.csv", _siasn(), delimiter=",", header_style="space", encoding="utf-8-sig",
        apostrophe_ids=False, null_literal=False, jk_style="PriaWanita", pad_kedudukan=True,
    )  # fmt: skip
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["PNS ID", "NIP BARU", "NIP LAMA"]
    values = dict(zip((h.replace(" ", "_") for h in rows[0]), rows[1], strict=True))
    assert values["NAMA"] == "ANDRÉ, SITI"  # quoted, comma kept
    assert values["NIP_BARU"] == NIP and values["GELAR_DEPAN"] == ""
    assert values["JENIS_KELAMIN"] == "Wanita" and values["KEDUDUKAN_HUKUM_ID"] == "01"


def test_siasn_csv_cp1252_subset_with_sapk_aliases(tmp_path: Path) -> None:
    cols = ["NIP_BARU", "NAMA", "GELAR_BELAKANG", "TANGGAL_LAHIR", "GOL_AKHIR_ID", "GOL_NAMA"]
    path = write_siasn_csv(
        tmp_path / "c.csv", _siasn(), encoding="cp1252", columns=cols, aliases=SAPK_ALIASES,
        jk_style="LP",
    )  # fmt: skip
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    lines = raw.decode("cp1252").splitlines()
    assert lines[0] == "NIP_BARU|NAMA|GELAR_BLK|TGL_LAHIR|GOL_ID|GOL_NAMA"
    assert lines[1] == f"'{NIP}|ANDRÉ, SITI|S.Pd.|01-01-1985|32|III/b"


def test_siasn_xlsx_text_identifiers(tmp_path: Path) -> None:
    path = write_siasn_xlsx(tmp_path / "s.xlsx", _siasn(), spaced_headers=True)
    wb = load_workbook(path, read_only=True)
    try:
        ws = wb.active
        assert ws is not None
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    assert rows[0][:2] == ["PNS ID", "NIP BARU"]
    col = {h: i for i, h in enumerate(rows[0])}
    assert rows[1][col["NIP BARU"]] == NIP and rows[1][col["NIK"]] == "3302134101850001"
    assert rows[1][col["GELAR DEPAN"]] is None  # empty


# --- headers against shared/domain/formats.md ---------------------------------------------------


def test_written_headers_are_documented(tmp_path: Path, documented_layouts) -> None:  # type: ignore[no-untyped-def]
    """Every writer's header row is the layout formats.md documents (parsed from the doc, not
    taken from the reader's constants, so a shared mistake cannot pass)."""
    dapodik, siasn = documented_layouts.dapodik, documented_layouts.siasn
    spaced = [h.replace("_", " ") for h in siasn]
    assert len(dapodik) == 51 and len(siasn) == 67

    guru = load_workbook(write_dapodik_xlsx(tmp_path / "g.xlsx", _school(), _rows(), "guru")).active
    assert guru is not None
    header = [c.value for c in guru[5]]
    assert tuple(header[:51]) == dapodik and header[51:] == [None]  # + the unnamed column
    tendik = load_workbook(
        write_dapodik_xlsx(tmp_path / "t.xlsx", _school(), _rows(), "tendik", header_spacing=True,
                           trailing_unnamed=False)
    ).active  # fmt: skip
    assert tendik is not None and tuple(c.value for c in tendik[6]) == dapodik

    ns = {"ss": "urn:schemas-microsoft-com:office:spreadsheet"}
    xml = write_dapodik_spreadsheetml(tmp_path / "x.xls", _school(), _rows())
    rows = ET.parse(xml).getroot().findall(".//ss:Worksheet/ss:Table/ss:Row", ns)
    assert tuple(c.findtext("ss:Data", namespaces=ns) for c in rows[4].findall("ss:Cell", ns)) == (
        dapodik
    )

    pipe = write_siasn_csv(tmp_path / "a.csv", _siasn()).read_text(encoding="utf-8")
    assert tuple(pipe.splitlines()[0].split("|")) == siasn
    comma = write_siasn_csv(tmp_path / "b.csv", _siasn(), delimiter=",", header_style="space")
    assert next(csv.reader(comma.read_text(encoding="utf-8").splitlines())) == spaced
    wb = load_workbook(write_siasn_xlsx(tmp_path / "s.xlsx", _siasn(), spaced_headers=True))
    sheet = wb.active
    assert sheet is not None and [c.value for c in sheet[1]] == spaced

    assert tuple(next(iter(siasn_rows_bulk(3, seed=7)))) == siasn
    assert tuple(next(iter(dapodik_rows_bulk(3, seed=3)))) == dapodik


def test_reader_layouts_are_documented(documented_layouts) -> None:  # type: ignore[no-untyped-def]
    assert documented_layouts.dapodik == DAPODIK_HEADERS
    assert documented_layouts.siasn == SIASN_HEADERS


def test_refusal_files(tmp_path: Path) -> None:
    ws = load_workbook(write_student_list_xlsx(tmp_path / "pd.xlsx")).active
    assert ws is not None and ws["A1"].value == "Daftar Peserta Didik"
    header = [c.value for c in ws[5]]
    assert "NISN" in header and "NIK" in header and "NIP" not in header and "NUPTK" not in header
    ws = load_workbook(write_unrelated_xlsx(tmp_path / "bku.xlsx")).active
    assert ws is not None
    cells = {str(c.value) for row in ws.iter_rows() for c in row}
    assert not cells & {"NIP", "NUPTK", "NIP_BARU", "Nama"}


# --- bulk ---------------------------------------------------------------------------------------


def test_bulk_rows() -> None:
    rows = list(siasn_rows_bulk(2000, seed=7))
    assert len(rows) == 2000 and all(tuple(r) == tuple(rows[0]) for r in rows[:5])
    assert len({r["NIP_BARU"] for r in rows}) == 2000 and len({r["NIK"] for r in rows}) == 2000
    for r in rows[:200]:
        info = parse_nip(r["NIP_BARU"])
        assert not info.problems and info.birth_date == parse_date(r["TANGGAL_LAHIR"])
        assert nik_problem(r["NIK"], info.birth_date, normalise_jk(r["JENIS_KELAMIN"])) is None
    assert rows == list(siasn_rows_bulk(2000, seed=7))
    drows = list(dapodik_rows_bulk(300, seed=3))
    assert len(drows) == 300 and "NIP" in drows[0]


# --- the kabupaten --------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _kab(seed: int, n_schools: int = 8, siasn_rows: int = 1500, inject: bool = True) -> Kabupaten:
    return build_kabupaten(seed, n_schools=n_schools, siasn_rows=siasn_rows, inject=inject)


def _digest(kab: Kabupaten) -> str:
    blob = json.dumps(
        [
            [(s.name, s.unor_nama, s.guru_file, s.guru_rows, s.tendik_rows,
              sorted(s.guru_numeric_nip)) for s in kab.schools],
            kab.siasn_rows, sorted(map(str, kab.expected)),
        ],
        default=str, sort_keys=True,
    )  # fmt: skip
    return hashlib.sha256(blob.encode()).hexdigest()


def test_kabupaten_is_deterministic_per_seed() -> None:
    a = _digest(build_kabupaten(11, n_schools=3, siasn_rows=300))
    assert a == _digest(build_kabupaten(11, n_schools=3, siasn_rows=300))
    assert a != _digest(build_kabupaten(12, n_schools=3, siasn_rows=300))
    code = (
        "from operator_app.samples import build_kabupaten; import sys; "
        f"sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "from test_samples import _digest; "
        "print(_digest(build_kabupaten(11, n_schools=3, siasn_rows=300)))"
    )
    for hashseed in ("1", "987"):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True,
            env={"PYTHONHASHSEED": hashseed, "PATH": ""}, cwd=Path(__file__).parents[2],
        )  # fmt: skip
        assert out.stdout.strip() == a


def test_every_code_is_planted_at_least_three_times() -> None:
    kab = _kab(2026)
    counts = kab.codes()
    assert set(counts) == set(ALL_CODES)
    assert all(counts[c] >= 3 for c in ALL_CODES), counts
    assert len(kab.siasn_rows) == 1500


def test_file_names_and_siasn_size(tmp_path: Path) -> None:
    kab = _kab(5, 4, 600)
    files = kab.write(tmp_path)
    assert len(files.dapodik) == 8 and files.siasn.name == kab.siasn_file
    assert re.fullmatch(r"export-data-asn-[a-z-]+\.csv", kab.siasn_file)
    for p in files.dapodik:
        assert re.fullmatch(
            r"daftar-(guru|tendik)-(SD|SMP) NEGERI \d+ [A-Z]+-\d{4}-\d\d-\d\d \d\d_\d\d_\d\d\.xlsx",
            p.name,
        ), p.name
    with files.siasn.open(encoding="utf-8", newline="") as fh:
        assert sum(1 for _ in fh) == 601


def test_no_injection_means_no_expected_findings() -> None:
    kab = _kab(2026, inject=False)
    assert kab.expected == set()
    assert all(s.unor_nama == s.name for s in kab.schools)


# --- an independent reading of findings-conventions.md, run on the written files -----------


@dataclass
class _Ptk:
    file: str
    row: int
    school: str
    nama: str
    nip: str | None
    nip_numeric: bool
    nik: str | None
    jk: str | None
    dob: date | None
    status: str | None
    kepsek: bool


@dataclass
class _Sia:
    row: int
    nama: str
    nip: str | None
    nip_lama: str | None
    nik: str | None
    jk: str | None
    dob: date | None
    state: str | None
    kind: str | None
    cpns_pns: str
    unor: str


def _read_dapodik(path: Path) -> list[_Ptk]:
    ws = load_workbook(path).active
    assert ws is not None
    school = str(ws["A2"].value)
    header = [c.value for c in ws[5]]
    out = []
    for r, row in enumerate(ws.iter_rows(min_row=6), start=6):
        cells = {h: c for h, c in zip(header, row, strict=False) if h}
        if cells["Nama"].value is None:
            continue
        v = {h: c.value for h, c in cells.items()}
        nip_cell = cells["NIP"]
        out.append(
            _Ptk(
                path.name, r, school, str(v["Nama"]),
                clean_identifier(nip_cell.value), nip_cell.data_type == "n",
                clean_identifier(v["NIK"]), normalise_jk(v["JK"]), parse_date(v["Tanggal Lahir"]),
                str(v["Status Kepegawaian"] or "") or None,
                is_kepala_sekolah(v["Jenis PTK"], v["Tugas Tambahan"]),
            )
        )  # fmt: skip
    return out


def _read_siasn(path: Path) -> list[_Sia]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="|"))
    header, out = rows[0], []
    for r, values in enumerate(rows[1:], start=2):
        v = {h: (None if x == "null" else x) for h, x in zip(header, values, strict=True)}
        nip = clean_identifier(v["NIP_BARU"])
        out.append(
            _Sia(
                r, v["NAMA"] or "", nip, clean_identifier(v["NIP_LAMA"]), clean_identifier(v["NIK"]),
                normalise_jk(v["JENIS_KELAMIN"]), parse_date(v["TANGGAL_LAHIR"]),
                kedudukan_state(v["KEDUDUKAN_HUKUM_ID"], v["KEDUDUKAN_HUKUM_NAMA"]),
                siasn_kind(v["STATUS_CPNS_PNS"], v["JENIS_PEGAWAI_NAMA"],
                           v["KEDUDUKAN_HUKUM_NAMA"], nip),
                (v["STATUS_CPNS_PNS"] or "").upper(), v["UNOR_NAMA"] or "",
            )
        )  # fmt: skip
    return out


def _clean18(p: _Ptk) -> bool:
    return bool(p.nip) and len(p.nip or "") == 18 and nip_problem(p.nip, p.nip_numeric) is None


def reference_findings(folder: Path, siasn_file: str) -> set[tuple[object, ...]]:
    ptks = [p for f in sorted(folder.glob("daftar-*.xlsx")) for p in _read_dapodik(f)]
    sia = _read_siasn(folder / siasn_file)
    schools = sorted({p.school for p in ptks})
    found: set[tuple[object, ...]] = set()

    def verdict(school: str, unor: str) -> str:
        return compare_schools(school, unor).verdict

    def at(school: str, s: _Sia) -> bool:
        return verdict(school, s.unor) in ("sama", "nomenklatur")

    by_nip: dict[str, list[_Sia]] = defaultdict(list)
    by_lama: dict[str, list[_Sia]] = defaultdict(list)
    by_nik: dict[str, list[_Sia]] = defaultdict(list)
    by_name: dict[tuple[str, date], list[_Sia]] = defaultdict(list)
    for s in sia:
        if s.nip:
            by_nip[s.nip].append(s)
        if s.nip_lama:
            by_lama[s.nip_lama].append(s)
        if s.nik:
            by_nik[s.nik].append(s)
        if s.dob:
            by_name[(name_key(s.nama), s.dob)].append(s)

    touched: set[int] = set()  # SIASN rows matched or candidates
    matched_rows: set[int] = set()
    for p in ptks:
        steps = [
            ("nip", by_nip[p.nip] if p.nip and not p.nip_numeric else []),
            ("nip_lama", by_lama[p.nip] if p.nip and is_nip_lama(p.nip) else []),
            ("nik", by_nik[p.nik] if p.nik and len(p.nik) == 16 else []),
            (
                "nama_tgl_lahir",
                [
                    s for s in (by_name[(name_key(p.nama), p.dob)] if p.dob else [])
                    if not (p.nik and s.nik and p.nik != s.nik)
                ],
            ),
        ]  # fmt: skip
        by, cands = next(((b, c) for b, c in steps if c), (None, []))
        doubtful = by == "nama_tgl_lahir" or len(cands) > 1
        m: _Sia | None = cands[0] if len(cands) == 1 else None
        if len(cands) > 1:
            here = [s for s in cands if at(p.school, s)]
            m = here[0] if len(here) == 1 else None
        touched.update(s.row for s in cands)
        codes: set[str] = set()
        rusak = bool(p.nip) and nip_problem(p.nip, p.nip_numeric) is not None
        if rusak and not is_nip_lama(p.nip):
            codes.add("NIP_RUSAK")
        if _clean18(p) and p.nip:
            info = parse_nip(p.nip)
            if p.dob and info.birth_date != p.dob:
                codes.add("NIP_TIDAK_SESUAI_TGL_LAHIR")
            if p.jk and info.sex != p.jk:
                codes.add("NIP_TIDAK_SESUAI_JK")
        if (
            p.nik
            and nik_problem(
                p.nik,
                p.dob,
                p.jk,
                False,
            )
            is not None
        ):
            codes.add("NIK_TIDAK_VALID")
        status = normalise_status(p.status)
        if m is not None:
            matched_rows.add(m.row)
            if not p.nip:
                codes.add("NIP_KOSONG")
            if by in ("nik", "nama_tgl_lahir") and _clean18(p) and p.nip not in (m.nip, m.nip_lama):
                codes.add("NIP_BEDA")
            if by == "nip_lama":
                codes.add("NIP_LAMA")
            if (
                by != "nik"
                and p.nik
                and m.nik
                and len(p.nik) == len(m.nik) == 16
                and p.nik != m.nik
            ):
                codes.add("NIK_BEDA")
            if name_key(p.nama) != name_key(m.nama):
                codes.add("NAMA_BEDA")
            if p.dob and m.dob and p.dob != m.dob:
                codes.add("TGL_LAHIR_BEDA")
            if p.jk and m.jk and p.jk != m.jk:
                codes.add("JK_BEDA")
            if m.state != "tidak_aktif" and (status is None or not status.is_asn):
                codes.add("STATUS_BUKAN_ASN")
            if status and status.kind == "cpns" and m.cpns_pns == "P":
                codes.add("STATUS_CPNS_SUDAH_PNS")
            if (
                status
                and status.is_asn
                and (
                    (status.kind in ("pns", "cpns") and m.kind == "pppk")
                    or (status.kind == "pppk" and m.kind in ("pns", "cpns"))
                )
            ):
                codes.add("STATUS_JENIS_BEDA")
            if m.state == "tidak_aktif":
                codes.add("KEDUDUKAN_TIDAK_AKTIF")
            v = verdict(p.school, m.unor)
            codes.add({"sama": "", "nomenklatur": "UNOR_NOMENKLATUR"}.get(v, "UNOR_BEDA"))
            if p.kepsek and v == "beda":
                codes.add("KEPSEK_BUKAN_ASN")
        elif not cands:
            if (status and status.is_asn) or _clean18(p) or is_nip_lama(p.nip):
                codes.add("ASN_TIDAK_DITEMUKAN")
            if p.kepsek:
                codes.add("KEPSEK_BUKAN_ASN")
        if doubtful:
            codes.add("PADANAN_RAGU")
        found |= {(c, p.file, p.row) for c in codes if c}

    groups: dict[str, list[_Ptk]] = defaultdict(list)
    for p in ptks:
        if _clean18(p):
            groups["nip:" + str(p.nip)].append(p)
        if p.nik:
            groups["nik:" + p.nik].append(p)
    for g in groups.values():
        if len({(p.file, p.row) for p in g}) > 1:
            found |= {("DUPLIKAT", p.file, p.row) for p in g}
    sgroups: dict[str, list[_Sia]] = defaultdict(list)
    for s in sia:
        for key in (f"nip:{s.nip}" if s.nip else "", f"nik:{s.nik}" if s.nik else ""):
            if key:
                sgroups[key].append(s)
    for sg in sgroups.values():
        relevant = any(s.row in matched_rows or any(at(sc, s) for sc in schools) for s in sg)
        if len(sg) > 1 and relevant:
            found |= {("DUPLIKAT", siasn_file, s.row) for s in sg}
    for s in sia:
        if s.row not in touched and s.state != "tidak_aktif" and any(at(sc, s) for sc in schools):
            found.add(("TIDAK_ADA_DI_DAPODIK", siasn_file, s.row))
    for sc in schools:
        if not any(p.kepsek for p in ptks if p.school == sc):
            found.add(("KEPSEK_TIDAK_ADA", sc))
    return found


@pytest.mark.parametrize(
    ("seed", "n_schools", "siasn_rows", "inject"),
    [(2026, 8, 1500, True), (2026, 4, 600, True), (7, 8, 1500, True), (3, 5, 800, False)],
)
def test_ground_truth_agrees_with_the_conventions(
    tmp_path: Path, seed: int, n_schools: int, siasn_rows: int, inject: bool
) -> None:
    kab = _kab(seed, n_schools, siasn_rows, inject)
    kab.write(tmp_path)
    found = reference_findings(tmp_path, kab.siasn_file)
    missing, extra = kab.expected - found, found - kab.expected
    assert not missing and not extra, (
        [(k, kab.notes[k]) for k in sorted(missing, key=str)],
        sorted(extra, key=str),
    )


def test_ground_truth_rows_point_at_the_right_person(tmp_path: Path) -> None:
    kab = _kab(2026)
    files = kab.write(tmp_path)
    names: dict[tuple[str, int], str] = {}
    for path in files.dapodik:
        for p in _read_dapodik(path):
            names[(p.file, p.row)] = p.nama
    with files.siasn.open(encoding="utf-8", newline="") as fh:
        for r, values in enumerate(csv.reader(fh, delimiter="|"), start=1):
            names[(files.siasn.name, r)] = values[3]
    school_names = {s.name for s in kab.schools}
    for key in kab.expected:
        if len(key) == 2:
            assert key[1] in school_names
            continue
        _, file, row = key
        assert (file, row) in names, key
        assert names[(file, row)] == kab.subjects[key], key
        if file == kab.siasn_file:
            assert kab.siasn_row(int(row))["NAMA"] == names[(file, row)]
        else:
            assert kab.dapodik_row(str(file), int(row))["Nama"] == names[(file, row)]
        assert kab.notes[key]


def test_people_are_realistic() -> None:
    kab = _kab(2026)
    rows = [r for s in kab.schools for r in (*s.guru_rows, *s.tendik_rows)]
    assert any(str(r["Nama"]).startswith(("Dra.", "Drs.", "H.", "Hj.")) for r in rows)
    assert any(", S.Pd." in str(r["Nama"]) for r in rows)
    statuses = {r["Status Kepegawaian"] for r in rows}
    assert {"PNS", "CPNS", "PPPK", "Guru Honor Sekolah", "Tenaga Honor Sekolah"} <= statuses
    assert any(r["Jenis PTK"] == "Kepala Sekolah" for r in rows)
    assert any(r["Tugas Tambahan"] == "Kepala Sekolah" for r in rows)
    assert all(str(r["Kecamatan"]).startswith("Kec. ") for r in rows)
    assert any(str(r["NPWP"]).endswith(" ") for r in rows)
    for r in rows:
        if r["NUPTK"]:
            assert re.fullmatch(r"\d{16}", str(r["NUPTK"]))
        if not r["NIP"]:
            continue
        assert isinstance(r["Tanggal Lahir"], str) and re.fullmatch(
            r"\d{4}-\d\d-\d\d", r["Tanggal Lahir"]
        )
    sia = kab.siasn_rows
    assert {"1", "01", "71"} <= {r["KEDUDUKAN_HUKUM_ID"] for r in sia}
    assert {"P", "C", ""} <= {r["STATUS_CPNS_PNS"] for r in sia}
    assert any(r["GELAR_BELAKANG"] for r in sia)
    assert all(re.fullmatch(r"\d\d-\d\d-\d{4}", r["TANGGAL_LAHIR"]) for r in sia)
    # a neighbouring school whose number differs by one is in SIASN, but not imported
    imported = {s.name for s in kab.schools}
    units = {r["UNOR_NAMA"] for r in sia}
    for s in kab.schools:
        level, _, number, place = s.name.split(" ", 3)
        assert {f"{level} NEGERI {int(number) + 1} {place}"} & units - imported
    ages = [TODAY.year - int(r["TANGGAL_LAHIR"][-4:]) for r in sia]
    assert min(ages) >= 20 and max(ages) <= 62


def test_builders_helpers(tmp_path: Path) -> None:
    from builders import SMALL, person_rows, write_kabupaten, write_pair

    kab, files = write_kabupaten(tmp_path / "kab")
    assert len(files.all) == 2 * SMALL["n_schools"] + 1 and files.all[-1] == files.siasn
    assert kab.expected
    _, drow, srow = person_rows("pns", seed=1)
    assert drow["NIP"] == srow["NIP_BARU"] and drow["NIK"] == srow["NIK"]
    assert name_key(str(drow["Nama"])) == name_key(srow["NAMA"])
    dpath, spath = write_pair(tmp_path / "pair", [drow], [srow])
    found = reference_findings(tmp_path / "pair", spath.name)
    assert found == {("KEPSEK_TIDAK_ADA", "SD NEGERI 3 SUKAMAJU")}
    assert dpath.name.startswith("daftar-guru-SD NEGERI 3 SUKAMAJU-")
