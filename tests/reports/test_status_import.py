"""Reading the edited Status column back: round trip, and refusals of foreign or stale workbooks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from operator_app.core.errors import BadFileError
from operator_app.core.model import Finding, School
from operator_app.reports.sheets import SHEET_DAPODIK, SHEET_KEYS, SHEET_VERVAL
from operator_app.reports.status_import import StatusUpdate, read_status_workbook
from operator_app.reports.workbook import ExportMeta, write_workbook

openpyxl = pytest.importorskip("openpyxl")

DB = "db-7f3a"
SCHOOL = School(1, "SD NEGERI 3 SUKAMAJU")


def _finding(code: str, person_key: str, nama: str, **kw: Any) -> Finding:
    return Finding(
        code=code,
        severity=kw.pop("severity", "invalid"),
        actor=kw.pop("actor", "operator_sekolah"),
        where=kw.pop("where", "Verval PTK"),
        ekinerja_message="Data PNS ID belum padan antara SIASN dengan PMM",
        action="Ajukan perbaikan di Verval PTK.",
        person_key=person_key,
        school_id=1,
        school_name=SCHOOL.name,
        nama=nama,
        **kw,
    )


FINDINGS = [
    _finding(
        "NIP_BEDA",
        "nik:3201014101850003",
        "Dra. Hj. SITI AMINAH, M.Pd.",
        field="NIP",
        dapodik_value="198501012010012013",
        suggested_value="198501012010012003",
    ),
    _finding("NIP_KOSONG", "nik:3201015505900001", '=HYPERLINK("http://x","klik")', field="NIP"),
    _finding("STATUS_BUKAN_ASN", "nik:3201016001800004", "RINA WATI", field="Status Kepegawaian"),
]
KEYS = {f.key for f in FINDINGS}


def export(tmp_path: Path, db_id: str = DB) -> Path:
    path = tmp_path / "perbaikan.xlsx"
    meta = ExportMeta(db_id, datetime(2026, 1, 20, 9, 30), [("SIASN", "14-01-2026")], SCHOOL.name)
    write_workbook(path, FINDINGS, [SCHOOL], meta)
    return path


def edit(path: Path, sheet: str, code: str, status: str | None, note: str | None = None) -> None:
    """Change Status (and Catatan) of the row with this Kode, as an operator would in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    head = [c.value for c in ws[3]]
    for row in ws.iter_rows(min_row=4):
        if row[head.index("Kode")].value == code:
            row[head.index("Status")].value = status
            if note is not None:
                row[head.index("Catatan")].value = note
    wb.save(path)


def test_round_trip(tmp_path: Path) -> None:
    path = export(tmp_path)
    edit(path, SHEET_VERVAL, "NIP_BEDA", "Diajukan ", "sudah diajukan 21/1, tunggu dinas")
    edit(path, SHEET_DAPODIK, "STATUS_BUKAN_ASN", "SELESAI")
    updates = read_status_workbook(path, DB, KEYS)
    by_key = {u.key: u for u in updates}
    assert by_key[FINDINGS[0].key] == StatusUpdate(
        FINDINGS[0].key, "diajukan", "sudah diajukan 21/1, tunggu dinas"
    )
    assert by_key[FINDINGS[1].key] == StatusUpdate(FINDINGS[1].key, "baru", None)
    assert by_key[FINDINGS[2].key].status == "selesai"
    assert len(updates) == 3


def test_sorted_rows_still_match(tmp_path: Path) -> None:
    """Sorting in Excel moves rows; the No column keeps them tied to their keys."""
    path = export(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_VERVAL]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=5)]
    for r, values in zip((4, 5), reversed(rows), strict=True):
        for c, v in enumerate(values, start=1):
            ws.cell(r, c).value = v
    head = [c.value for c in ws[3]]
    ws.cell(4, head.index("Status") + 1).value = "diabaikan"  # now the row of rows[1]
    wb.save(path)
    moved_code = rows[1][head.index("Kode")]
    updates = {u.key[1]: u.status for u in read_status_workbook(path, DB, KEYS)}
    assert updates[moved_code] == "diabaikan"


def test_empty_status_gives_no_update(tmp_path: Path) -> None:
    path = export(tmp_path)
    edit(path, SHEET_VERVAL, "NIP_KOSONG", None)
    assert FINDINGS[1].key not in {u.key for u in read_status_workbook(path, DB, KEYS)}


def test_invalid_status_names_sheet_and_row(tmp_path: Path) -> None:
    path = export(tmp_path)
    edit(path, SHEET_DAPODIK, "STATUS_BUKAN_ASN", "beres")
    with pytest.raises(BadFileError, match=r"Perbaikan Dapodik' baris 4 .*'beres' tidak dikenal"):
        read_status_workbook(path, DB, KEYS)


def test_refuses_another_database(tmp_path: Path) -> None:
    path = export(tmp_path, db_id="db-lain")
    with pytest.raises(BadFileError, match="Workbook ini dibuat dari database lain"):
        read_status_workbook(path, DB, KEYS)


def test_mismatched_keys_strict_and_lenient(tmp_path: Path) -> None:
    path = export(tmp_path)
    current = KEYS - {FINDINGS[0].key}
    with pytest.raises(BadFileError, match=r"1 dari 3 baris di perbaikan.xlsx tidak cocok"):
        read_status_workbook(path, DB, current)
    updates = read_status_workbook(path, DB, current, strict=False)
    assert {u.key for u in updates} == current


def test_refuses_foreign_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "daftar-guru.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["No", "Nama", "Kode", "Status"])
    wb.save(path)
    with pytest.raises(BadFileError, match="bukan workbook perbaikan") as exc:
        read_status_workbook(path, DB, KEYS)
    assert "daftar-guru.xlsx" in exc.value.message


def test_refuses_non_excel_and_missing(tmp_path: Path) -> None:
    bad = tmp_path / "perbaikan.xlsx"
    bad.write_text("bukan zip", encoding="utf-8")
    with pytest.raises(BadFileError, match="bukan file Excel"):
        read_status_workbook(bad, DB, KEYS)
    with pytest.raises(BadFileError, match="tidak ditemukan"):
        read_status_workbook(tmp_path / "tidak-ada.xlsx", DB, KEYS)


def test_refuses_changed_code_or_tampered_keys(tmp_path: Path) -> None:
    path = export(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_VERVAL]
    head = [c.value for c in ws[3]]
    ws.cell(4, head.index("Kode") + 1).value = "NIP_RUSAK"
    wb.save(path)
    with pytest.raises(BadFileError, match="Kode sudah diubah"):
        read_status_workbook(path, DB, KEYS)

    path = export(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_KEYS]
    for row in ws.iter_rows():
        if row[0].value == "baris":
            row[2].value = 99
            break
    wb.save(path)
    with pytest.raises(BadFileError, match=r"_kunci .* sudah diubah"):
        read_status_workbook(path, DB, KEYS)


def test_status_cells_that_cannot_be_used_are_reported_by_row(tmp_path: Path) -> None:
    from operator_app.reports.status_import import read_status_rows

    path = export(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_VERVAL]
    head = [c.value for c in ws[3]]
    first = [c.value for c in ws[4]]
    last = ws.max_row
    ws.append([first[0], *first[1 : head.index("Status")], "selesai"])  # a copied row, same No
    ws.append([None, None, "GURU BARU", *([None] * (head.index("Status") - 3)), "diajukan"])
    wb.save(path)
    read = read_status_rows(path, DB, KEYS)
    rows = {u.row: u.reason for u in read.unused}
    assert set(rows) == {last + 1, last + 2}
    assert "lebih dari sekali" in rows[last + 1] and "tambahan" in rows[last + 2]
