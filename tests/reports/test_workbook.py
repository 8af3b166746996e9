"""The correction workbook: sheets, text-only identifiers, print settings, one sheet per finding."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from operator_app.core.model import Finding, School
from operator_app.reports.sheets import (
    SHEET_BKD,
    SHEET_DAPODIK,
    SHEET_KEYS,
    SHEET_PEGAWAI,
    SHEET_SUMMARY,
    SHEET_VERVAL,
    WORK_SHEETS,
    sheet_for,
)
from operator_app.reports.workbook import ExportMeta, write_workbook

openpyxl = pytest.importorskip("openpyxl")

SCHOOLS = [
    School(1, "SD NEGERI 3 SUKAMAJU", "Sukamaju", "Kab. Contoh"),
    School(2, "SD NEGERI 12 SUKAMAJU", "Sukamaju", "Kab. Contoh"),
]
HYPERLINK = '=HYPERLINK("http://x","klik")'
META = ExportMeta(
    db_id="db-7f3a",
    generated_at=datetime(2026, 1, 20, 9, 30),
    data_dates=[
        ("Dapodik SD NEGERI 3 SUKAMAJU", "15-01-2026 10:11"),
        ("SIASN export-data-asn.csv", "14-01-2026 08:00"),
    ],
    title="Semua sekolah",
)


def finding(code: str, **kw: Any) -> Finding:
    base: dict[str, Any] = {
        "code": code,
        "severity": "invalid",
        "actor": "operator_sekolah",
        "where": "Verval PTK",
        "ekinerja_message": "Tombol sinkron PMM tidak muncul di e-Kinerja",
        "action": "Ajukan perbaikan di Verval PTK; unggah SK CPNS.",
        "person_key": "nik:3201014101850003",
        "school_id": 1,
        "school_name": "SD NEGERI 3 SUKAMAJU",
        "nama": "Dra. Hj. SITI AMINAH, M.Pd.",
        "nik": "3201014101850003",
        "nip": "198501012010012003",
        "field": None,
        "detail": "NIP di Dapodik berbeda dengan NIP_BARU di SIASN.",
    }
    base.update(kw)
    return Finding(**base)


def sample_findings() -> list[Finding]:
    return [
        finding(
            "NIP_BEDA",
            field="NIP",
            dapodik_value="198501012010012013",
            siasn_value="198501012010012003",
            suggested_value="198501012010012003",
            documents=("SK CPNS", "KTP"),
        ),
        finding(
            "NIP_KOSONG",
            person_key="nik:3201015505900001",
            nama=HYPERLINK,
            nik="3201015505900001",
            nip=None,
            field="NIP",
            siasn_value="199005152019032001",
            suggested_value="199005152019032001",
        ),
        finding(
            "NIK_TIDAK_VALID",
            severity="warning",
            actor="pegawai",
            where="Disdukcapil",
            person_key="nuptk:1234567890123456",
            nama="+6281234567890",
            nik="-320101",
            field="NIK",
            dapodik_value="-320101",
        ),
        finding(
            "NAMA_BEDA",
            severity="warning",
            person_key="nik:3201016001800002",
            nama="@SUM(A1)",
            nik="3201016001800002",
            field="Nama",
            dapodik_value="@SUM(A1)",
            siasn_value="SUMARNI",
        ),
        finding(
            "TGL_LAHIR_BEDA",
            actor="admin_instansi",
            where="SIASN",
            person_key="nik:3201016001800003",
            nama="AHMAD FAUZI, S.Pd.I",
            field="Tanggal Lahir",
            dapodik_value="1980-01-20",
            siasn_value="1980-02-20",
        ),
        finding(
            "STATUS_BUKAN_ASN",
            school_id=2,
            school_name="SD NEGERI 12 SUKAMAJU",
            person_key="nik:3201016001800004",
            nama="RINA WATI",
            field="Status Kepegawaian",
            dapodik_value="Honor Daerah TK.II Kab/Kota",
            siasn_value="PPPK",
            suggested_value="PPPK",
            where="Dapodik",
        ),
        finding(
            "UNOR_BEDA",
            actor="admin_instansi",
            where="e-Kinerja Manajemen Pegawai",
            person_key="nik:3201016001800005",
            nama="BUDI SANTOSO",
            field="Unor",
            dapodik_value="SD NEGERI 3 SUKAMAJU",
            siasn_value="SD NEGERI 1 CIBODAS",
            ekinerja_message="Unor pegawai tidak sesuai",
        ),
        finding(
            "UNOR_BEDA",
            actor="operator_sekolah",
            where="Dapodik (PTK keluar)",
            person_key="nik:3201016001800006",
            nama="DEWI LESTARI",
            field="Unor",
            siasn_value="SD NEGERI 12 SUKAMAJU",
        ),
        finding(
            "ASN_TIDAK_DITEMUKAN",
            severity="warning",
            person_key="nik:3201016001800007",
            nama="YAYAT SUPRIYATNA",
            where="Dapodik",
        ),
        finding(
            "KEPSEK_TIDAK_ADA",
            severity="warning",
            actor="admin_dinas",
            where="Dapodik (tugas tambahan)",
            person_key="",
            school_id=2,
            school_name="SD NEGERI 12 SUKAMAJU",
            nama=None,
            nik=None,
            nip=None,
        ),
        finding(
            "PADANAN_RAGU",
            severity="info",
            where="aplikasi ini",
            person_key="nik:3201016001800008",
            nama="\t=1+1",
        ),
        finding(
            "NAMA_BEDA",
            severity="warning",
            actor="pegawai",
            where="MyASN",
            person_key="nik:3201016001800009",
            nama="ENDANG",
            field="Nama",
        ),
    ]


def write(tmp_path: Path, findings: list[Finding] | None = None) -> tuple[Path, Any]:
    path = tmp_path / "perbaikan.xlsx"
    write_workbook(path, sample_findings() if findings is None else findings, SCHOOLS, META)
    return path, openpyxl.load_workbook(path)


def headers(ws: Any) -> list[str]:
    return [c.value for c in ws[3] if c.value is not None]


def table(ws: Any) -> list[dict[str, Any]]:
    head = headers(ws)
    out = []
    for row in ws.iter_rows(min_row=4, max_col=len(head)):
        values = {h: c for h, c in zip(head, row, strict=True)}
        if isinstance(values["No"].value, int):
            out.append(values)
    return out


def test_sheets_and_headers(tmp_path: Path) -> None:
    _, wb = write(tmp_path)
    assert wb.sheetnames == [SHEET_SUMMARY, *WORK_SHEETS, SHEET_KEYS]
    assert wb[SHEET_KEYS].sheet_state == "hidden"
    assert wb[SHEET_KEYS].protection.sheet
    assert not any(wb[s].protection.sheet for s in WORK_SHEETS)
    assert headers(wb[SHEET_VERVAL]) == [
        "No",
        "Sekolah",
        "Nama PTK",
        "NIK",
        "Kolom",
        "Nilai di Dapodik",
        "Nilai yang harus diisi",
        "Kode",
        "Alasan dan dokumen yang diunggah",
        "Status",
        "Catatan",
    ]
    bkd = headers(wb[SHEET_BKD])
    for h in ("NIP (SIASN)", "Nilai di SIASN", "Sekolah di Dapodik", "Yang perlu diubah"):
        assert h in bkd
    for s in WORK_SHEETS:
        header_cell = wb[s]["A3"]
        assert header_cell.font.bold and header_cell.fill.fgColor.rgb.endswith("1F4E78")


def test_every_finding_in_exactly_one_work_sheet(tmp_path: Path) -> None:
    findings = sample_findings()
    _, wb = write(tmp_path, findings)
    keyed: Counter[tuple[str, ...]] = Counter()
    for row in wb[SHEET_KEYS].iter_rows(values_only=True):
        if row[0] == "baris":
            keyed[tuple(json.loads(row[3]))] += 1
    assert keyed == Counter(f.key for f in findings)
    by_sheet = Counter(sheet_for(f) for f in findings)
    rows = {s: len(table(wb[s])) for s in WORK_SHEETS}
    # Untuk Pegawai also carries reminders without a status of their own:
    # NIK_TIDAK_VALID → Disdukcapil and ASN_TIDAK_DITEMUKAN → MyASN.
    assert rows[SHEET_VERVAL] == by_sheet[SHEET_VERVAL] == 4
    assert rows[SHEET_DAPODIK] == by_sheet[SHEET_DAPODIK] == 5
    assert rows[SHEET_BKD] == by_sheet[SHEET_BKD] == 2
    assert by_sheet[SHEET_PEGAWAI] == 1
    assert rows[SHEET_PEGAWAI] == 3


def test_classification_rule() -> None:
    assert sheet_for(finding("NIP_BEDA")) == SHEET_VERVAL
    assert sheet_for(finding("NIK_TIDAK_VALID", actor="pegawai")) == SHEET_VERVAL
    assert sheet_for(finding("NIK_BEDA", actor="admin_instansi", where="SIASN")) == SHEET_BKD
    assert sheet_for(finding("NIK_BEDA", actor="pegawai", where="Verval PTK")) == SHEET_VERVAL
    assert sheet_for(finding("JK_BEDA", actor="pegawai", where="MyASN")) == SHEET_PEGAWAI
    assert sheet_for(finding("UNOR_BEDA", actor="operator_sekolah")) == SHEET_DAPODIK
    assert sheet_for(finding("UNOR_BEDA", actor="admin_instansi")) == SHEET_BKD
    assert sheet_for(finding("KEDUDUKAN_TIDAK_AKTIF", actor="admin_instansi")) == SHEET_BKD
    assert sheet_for(finding("KEDUDUKAN_TIDAK_AKTIF")) == SHEET_DAPODIK
    assert sheet_for(finding("DUPLIKAT")) == SHEET_DAPODIK
    assert sheet_for(finding("KEPSEK_TIDAK_ADA", actor="admin_dinas")) == SHEET_DAPODIK
    assert sheet_for(finding("UNOR_NOMENKLATUR", actor="admin_instansi")) == SHEET_BKD


def test_identifiers_and_formula_like_text_stay_text(tmp_path: Path) -> None:
    _, wb = write(tmp_path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula: {c.value!r}"
    rows = table(wb[SHEET_VERVAL])
    by_code = {r["Kode"].value: r for r in rows}
    nip = by_code["NIP_BEDA"]
    for col, expected in (
        ("NIK", "3201014101850003"),
        ("Nilai di Dapodik", "198501012010012013"),
        ("Nilai yang harus diisi", "198501012010012003"),
    ):
        cell = nip[col]
        assert cell.data_type == "s" and cell.value == expected
        assert cell.number_format == "@"
    names = {r["Nama PTK"].value: r["Nama PTK"] for r in rows}
    for text in (HYPERLINK, "+6281234567890", "@SUM(A1)"):
        assert names[text].data_type == "s"
        assert names[text].quotePrefix
    assert by_code["NIK_TIDAK_VALID"]["NIK"].value == "-320101"
    dapodik = {r["Nama PTK"].value: r for r in table(wb[SHEET_DAPODIK])}
    assert dapodik["\t=1+1"]["Nama PTK"].data_type == "s"


def test_print_and_view_settings(tmp_path: Path) -> None:
    _, wb = write(tmp_path)
    for name in WORK_SHEETS:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$3:$3"
        assert ws.freeze_panes == "C4"
        last_col = openpyxl.utils.get_column_letter(len(headers(ws)))
        assert ws.auto_filter.ref == f"A3:{last_col}{ws.max_row}"
        # only the table is printed: LibreOffice otherwise widens the printed range over the
        # overflowing info line and fit-to-width shrinks the table to an unreadable strip
        assert ws.print_area.endswith(f"!$A$1:${last_col}${ws.max_row}")
        assert f"A2:{last_col}2" in {str(r) for r in ws.merged_cells.ranges}
        assert ws["A2"].alignment.wrap_text
    summary = wb[SHEET_SUMMARY]
    assert summary.print_area.endswith(f"!$A$1:$F${summary.max_row}")


def test_every_font_is_named(tmp_path: Path) -> None:
    """An unnamed font is drawn in LibreOffice's default serif font instead of Calibri."""
    _, wb = write(tmp_path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Calibri", (ws.title, cell.coordinate)


def test_many_data_dates_summarised_on_work_sheets(tmp_path: Path) -> None:
    """A kabupaten export has two Dapodik files per school: the work sheets show their range,
    the summary lists every file (SIASN first, schools in natural order)."""
    dates = [("SIASN (export-data-asn.csv)", "14-01-2026 08:00")]
    for n, day in ((12, "16-01-2026 07:00"), (3, "15-01-2026 10:11"), (2, "18-01-2026 12:00")):
        for kind in ("guru", "tendik"):
            dates.append((f"Dapodik SD NEGERI {n} SUKAMAJU (daftar-{kind}.xlsx)", day))
    meta = ExportMeta(META.db_id, META.generated_at, dates, META.title)
    path = tmp_path / "perbaikan.xlsx"
    write_workbook(path, sample_findings(), SCHOOLS, meta)
    wb = openpyxl.load_workbook(path)
    info = wb[SHEET_VERVAL]["A2"].value
    assert "SIASN (export-data-asn.csv): 14-01-2026 08:00" in info
    assert "Dapodik 6 file: 15-01-2026 s.d. 18-01-2026 (rincian di lembar Ringkasan)" in info
    assert "SD NEGERI 12" not in info
    labels = [r[0] for r in wb[SHEET_SUMMARY].iter_rows(min_row=9, max_col=1, values_only=True)]
    listed = labels[: labels.index(None)]
    assert listed == [d[0] for d in [dates[0], *dates[5:7], *dates[3:5], *dates[1:3]]]
    long_label = next(r for r in wb[SHEET_SUMMARY].iter_rows(min_row=9) if r[0].value == listed[1])
    assert long_label[0].alignment.wrap_text


def test_status_dropdown_and_severity_colours(tmp_path: Path) -> None:
    _, wb = write(tmp_path)
    ws = wb[SHEET_VERVAL]
    head = headers(ws)
    status_letter = openpyxl.utils.get_column_letter(head.index("Status") + 1)
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list"
    assert dv.formula1 == '"baru,diajukan,selesai,diabaikan"'
    assert str(dv.sqref) == f"{status_letter}4:{status_letter}{ws.max_row}"
    rows = {r["Kode"].value: r for r in table(ws)}
    assert rows["NIP_BEDA"]["Kode"].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["NAMA_BEDA"]["Kode"].fill.fgColor.rgb.endswith("FFEB9C")
    assert rows["NIP_BEDA"]["Status"].value == "baru"


def test_pegawai_reminder_points_to_status_row(tmp_path: Path) -> None:
    _, wb = write(tmp_path)
    rows = {r["Kode"].value: r for r in table(wb[SHEET_PEGAWAI])}
    reminder = rows["ASN_TIDAK_DITEMUKAN"]
    assert "MyASN" in reminder["Di mana"].value
    assert reminder["Status"].value is None
    assert "Perbaikan Dapodik" in reminder["Catatan"].value


def test_summary(tmp_path: Path) -> None:
    _, wb = write(tmp_path)
    values = [c for row in wb[SHEET_SUMMARY].iter_rows(values_only=True) for c in row if c]
    assert "15-01-2026 10:11" in values
    assert "Dapodik SD NEGERI 3 SUKAMAJU" in values
    assert any(isinstance(v, str) and "import-status" in v for v in values)
    assert any(isinstance(v, str) and v.startswith("Dibuat: 20-01-2026 09:30") for v in values)
    assert "SD NEGERI 12 SUKAMAJU" in values and "Pegawai sendiri" in " ".join(
        v for v in values if isinstance(v, str)
    )


def test_empty_export(tmp_path: Path) -> None:
    path, wb = write(tmp_path, [])
    assert all(not table(wb[s]) for s in WORK_SHEETS)
    assert path.exists()
