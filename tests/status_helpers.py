"""Shared by the CLI and GUI status round-trip tests: four people, three NIP_KOSONG findings."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builders import SampleSchool, person_rows, write_dapodik_xlsx, write_siasn_csv
from openpyxl import load_workbook

from operator_app.reports.sheets import SHEET_KEYS, SHEET_VERVAL

if TYPE_CHECKING:
    from operator_app.store.workspace import Workspace

Key = tuple[str, str, str]

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
    days = {"baru": 1, "lagi": 2}.get(folder.name, 0)  # newer downloads of the same data
    school = SampleSchool(name=SCHOOL.name, downloaded_at=SCHOOL.downloaded_at + timedelta(days))
    return [
        str(write_dapodik_xlsx(folder / "daftar-guru.xlsx", school, drows, "guru")),
        str(write_siasn_csv(folder / "siasn.csv", srows)),
    ]


def edit_status(
    path: Path, edits: dict[int, tuple[str, str | None]], sheet: str = SHEET_VERVAL
) -> None:
    """Change Status/Catatan of data rows (1-based) on a work sheet, as an operator would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    head = next(r for r in ws.iter_rows() if any(c.value == "Status" for c in r))
    col = {c.value: c.column for c in head}
    for n, (status, note) in edits.items():
        row = head[0].row + n
        ws.cell(row, col["Status"]).value = status
        ws.cell(row, col["Catatan"]).value = note
    wb.save(path)
    wb.close()


# -- two operators on one database, a workbook exported by Budi (tests/reports) ---------------
def open_as(db: str, name: str) -> Workspace:
    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    ws.operator_name = name
    return ws


def exported(tmp_path: Path, db: str, **kw: bool) -> tuple[Workspace, Workspace, Path]:
    """Three NIP_KOSONG findings checked by Budi, his workbook, and Sri's session."""
    from operator_app.exporting import ExportRequest, export

    budi = open_as(db, "Budi")
    drows, srows = people()
    budi.import_files([Path(p) for p in write_exports(tmp_path / "data", drows, srows)])
    budi.run_checks()
    xlsx = tmp_path / "perbaikan.xlsx"
    export(budi, ExportRequest(xlsx=xlsx, **kw))
    return budi, open_as(db, "Sri"), xlsx


def keys_rows(xlsx: Path) -> list[tuple[Any, ...]]:
    """The hidden `_kunci` sheet's rows as written."""
    wb = load_workbook(xlsx, read_only=True)
    rows = list(wb[SHEET_KEYS].iter_rows(values_only=True))
    wb.close()
    return rows


def row_keys(ws: Workspace, xlsx: Path, sheet: str = SHEET_VERVAL) -> dict[int, Key]:
    """No on a work sheet -> finding key, from the hidden sheet (hashed keys resolved)."""
    from operator_app.reports.keys_sheet import hashed_key

    known = {hashed_key(f.key): f.key for f in ws.findings()}
    out: dict[int, Key] = {}
    for row in keys_rows(xlsx):
        if row[0] == "baris" and row[1] == sheet:
            text = str(row[3])
            out[int(row[2])] = known[text] if text.startswith("#") else tuple(json.loads(text))
    return out


def states(ws: Workspace) -> dict[Key, tuple[str, str | None]]:
    return {f.key: (f.status, f.note) for f in ws.findings()}


def teacher(ws: Workspace, key: Key) -> str:
    return str(next(f.nama for f in ws.findings() if f.key == key))


def change_in_app(
    ws: Workspace, key: Key, status: str = "diajukan", note: str = "tiket 77"
) -> None:
    """An operator's change in the detail panel, on the version the panel read."""
    seen = ws.decision_versions(key[0]).findings[key]
    ws.set_status(key, status, note, expected_version=seen)  # type: ignore[arg-type]
