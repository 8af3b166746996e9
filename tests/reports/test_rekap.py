"""Rekap Dinas: one row per school, one sheet per kecamatan, totals that add up, no formulas."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from operator_app.cli import main
from operator_app.store.workspace import Workspace


@pytest.mark.parametrize("paper,size", [("a4", 9), ("f4", 14)])
def test_rekap_sheets_rows_and_totals(
    tmp_path: Path, kabupaten_files: list[Path], paper: str, size: int
) -> None:
    db = tmp_path / "db.sqlite3"
    out = tmp_path / "rekap dinas.xlsx"
    assert main(["import", "--db", str(db), *map(str, kabupaten_files)]) == 0
    assert main(["export", "--db", str(db), "--rekap", str(out), "--paper", paper]) == 0
    sums = Workspace(db).school_summaries()
    wb = load_workbook(out)
    kecamatan = sorted({s.kecamatan for s in sums}, key=str.casefold)
    assert wb.sheetnames == ["Ringkasan", *kecamatan]
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == size and ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows == "$4:$4"
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.startswith("="))
    for kec in kecamatan:
        ws = wb[kec]
        mine = [s for s in sums if s.kecamatan == kec]
        names = [ws.cell(row=r, column=2).value for r in range(5, 5 + len(mine))]
        assert names == [s.name for s in mine]
        total_row = 5 + len(mine)
        assert ws.cell(row=total_row, column=2).value == f"JUMLAH ({len(mine)} sekolah)"
        assert ws.cell(row=total_row, column=3).value == sum(s.n_ptk for s in mine)
        assert ws.cell(row=total_row, column=5).value == sum(s.n_invalid for s in mine)
    summary = wb["Ringkasan"]
    last = 5 + len(kecamatan)
    assert summary.cell(row=last, column=1).value == "JUMLAH KABUPATEN"
    assert summary.cell(row=last, column=2).value == len(sums)
    assert summary.cell(row=last, column=3).value == sum(s.n_ptk for s in sums)
    assert summary.cell(row=last, column=5).value == sum(s.n_invalid for s in sums)


def test_rekap_refuses_a_wrong_target(tmp_path: Path, kabupaten_files: list[Path]) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["import", "--db", str(db), *map(str, kabupaten_files)]) == 0
    assert main(["export", "--db", str(db), "--rekap", str(tmp_path / "rekap.pdf")]) == 2
    assert main(["export", "--db", str(db), "--rekap", str(tmp_path / "no" / "r.xlsx")]) == 2
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("db.sqlite3")] == []


def test_header_row_holds_the_longest_wrapped_header(tmp_path: Path) -> None:
    """LibreOffice showed two of the four lines of "Terbuka: Admin Dapodik Dinas Pendidikan"."""
    from operator_app.core.views import SchoolSummary
    from operator_app.reports.rekap import write_rekap
    from operator_app.reports.xlsx_base import row_height, text_lines

    out = tmp_path / "rekap.xlsx"
    school = SchoolSummary(1, "SD NEGERI 1 A", "Ajibarang", 3, 2, 1, 0, 0, {}, None, None, 0, 0)
    write_rekap([school], out)
    wb = load_workbook(out)
    need = row_height(4, 11.0)  # four lines, as LibreOffice wraps it at width 14
    assert text_lines("Terbuka: Admin Dapodik Dinas Pendidikan", 14, 11.0, True) < 4
    for sheet in wb.worksheets:
        assert sheet.row_dimensions[4].height >= need, sheet.title
