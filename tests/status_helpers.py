"""Shared by the CLI and GUI status round-trip tests: four people, three NIP_KOSONG findings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from builders import SampleSchool, person_rows, write_dapodik_xlsx, write_siasn_csv
from openpyxl import load_workbook

from operator_app.reports.sheets import SHEET_VERVAL

SCHOOL = SampleSchool(name="SD NEGERI 3 SUKAMAJU")


def people() -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    _, head, shead = person_rows("pns", seed=1)
    head["Jenis PTK"] = "Kepala Sekolah"
    drows, srows = [head], [shead]
    for seed in (2, 3, 4):  # three teachers whose Dapodik NIP is empty: NIP_KOSONG each
        _, d, s = person_rows("pns", seed=seed)
        d["NIP"] = ""
        drows.append(d)
        srows.append(s)
    return drows, srows


def write_exports(
    folder: Path, drows: list[dict[str, Any]], srows: list[dict[str, str]]
) -> list[str]:
    folder.mkdir(parents=True)
    days = 1 if folder.name == "baru" else 0
    school = SampleSchool(name=SCHOOL.name, downloaded_at=SCHOOL.downloaded_at + timedelta(days))
    return [
        str(write_dapodik_xlsx(folder / "daftar-guru.xlsx", school, drows, "guru")),
        str(write_siasn_csv(folder / "siasn.csv", srows)),
    ]


def edit_status(path: Path, edits: dict[int, tuple[str, str | None]]) -> None:
    """Change Status/Catatan of data rows (1-based) on the Verval sheet, as an operator would."""
    wb = load_workbook(path)
    ws = wb[SHEET_VERVAL]
    head = next(r for r in ws.iter_rows() if any(c.value == "Status" for c in r))
    col = {c.value: c.column for c in head}
    for n, (status, note) in edits.items():
        row = head[0].row + n
        ws.cell(row, col["Status"]).value = status
        ws.cell(row, col["Catatan"]).value = note
    wb.save(path)
    wb.close()
