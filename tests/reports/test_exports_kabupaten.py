"""Issue 13 on a generated kabupaten (8 schools, every code planted, broken Dapodik NIPs):
the BKD gets SIASN NIPs, printed sheets stay legible, options reach the workbook, wording,
pages that never split an item, Status edits never lost in silence."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from operator_app.core.catalogue import CATALOGUE
from operator_app.core.errors import UserError
from operator_app.exporting import ExportRequest, export, import_status
from operator_app.reports.sheets import SHEET_BKD, SHEET_PEGAWAI, WORK_SHEETS
from operator_app.reports.work_sheet import HEADER_ROW
from operator_app.reports.xlsx_base import (
    BODY_PT,
    LINE_PT,
    MIN_PRINTED_PT,
    fit_scale,
    text_lines,
    width_for,
)
from operator_app.samples import build_kabupaten
from operator_app.store.workspace import Workspace

BKD_CODES = sorted(c for c, e in CATALOGUE.items() if e.actor == "admin_instansi")


@pytest.fixture(scope="module")
def kab(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    folder = tmp_path_factory.mktemp("kab")
    k = build_kabupaten(11, n_schools=8, siasn_rows=800, inject=True)
    ws = Workspace(folder / "k.sqlite3")
    ws.import_files(k.write(folder / "in").all)
    ws.ensure_checked()
    # condition B chosen for every different unor: those become the BKD's to act on
    for f in ws.findings():
        if f.code == "UNOR_BEDA":
            ws.set_unor_condition(f.person_key, "B")
    return ws


def _siasn_nips(ws: Workspace) -> dict[str, str]:
    with ws.engine.connect() as conn:
        from sqlalchemy import text

        rows = conn.execute(
            text(
                "SELECT p.person_key, si.nip_baru FROM ptk p JOIN ptk_match m ON m.ptk_id = p.id "
                "JOIN siasn si ON si.id = m.siasn_id"
            )
        ).all()
    return {k: n for k, n in rows if n}


def _rows(path: Path, sheet: str) -> list[dict[str, object]]:
    wb = load_workbook(path)
    ws = wb[sheet]
    head = [c.value for c in ws[HEADER_ROW]]
    out = []
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if isinstance(row[0], int):
            out.append(dict(zip(head, row, strict=False)))
    return out


def test_bkd_named_by_siasn_nip_for_every_bkd_code(kab: Workspace, tmp_path: Path) -> None:
    findings = kab.findings()
    nips = _siasn_nips(kab)
    broken = {f.person_key for f in findings if f.code in ("NIP_BEDA", "NIP_RUSAK", "NIP_LAMA")}
    bkd = [f for f in findings if f.actor == "admin_instansi" and f.ptk_id is not None]
    assert set(BKD_CODES) <= {f.code for f in bkd}, "every BKD code is in the data"
    # people with a broken Dapodik NIP reach the BKD (the point of the test)
    assert {f.person_key for f in bkd} & broken
    xlsx, letter = tmp_path / "p.xlsx", tmp_path / "s.pdf"
    export(kab, ExportRequest(xlsx=xlsx, letter=letter))
    rows = _rows(xlsx, SHEET_BKD)
    by_name = {(r["Nama"], r["Kode"]): r for r in rows}
    letter_text = " ".join(p.extract_text() for p in PdfReader(letter).pages)
    checked = set()
    for f in bkd:
        want = nips.get(f.person_key)
        if want is None:
            continue
        row = by_name[(f.nama, f.code)]
        assert row["NIP (SIASN)"] == want, (f.code, f.nama, f.nip)
        checked.add(f.code)
        if f.person_key in broken and f.code != "UNOR_NOMENKLATUR":
            assert want in letter_text and f.nip not in letter_text, (f.code, f.nama)
    assert set(BKD_CODES) <= checked


def test_printed_workbook_is_legible_on_a4_and_f4(kab: Workspace, tmp_path: Path) -> None:
    for paper in ("a4", "f4"):
        xlsx = tmp_path / f"{paper}.xlsx"
        export(kab, ExportRequest(xlsx=xlsx, paper=paper))
        wb = load_workbook(xlsx)
        for name in WORK_SHEETS:
            ws = wb[name]
            assert ws.page_setup.paperSize == (9 if paper == "a4" else 14)
            head = [c.value for c in ws[HEADER_ROW]]
            assert "Sekolah" in " ".join(str(h) for h in head)  # 8 schools: Sekolah column
            widths = [ws.column_dimensions[chr(65 + i)].width for i in range(len(head))]
            scale = fit_scale(widths, paper)
            sizes = {
                c.font.sz
                for row in ws.iter_rows(min_row=2)
                for c in row
                if c.value is not None and c.font is not None
            }
            assert min(sizes) * scale >= MIN_PRINTED_PT, (paper, name, scale, min(sizes))
            for row in ws.iter_rows(min_row=HEADER_ROW + 1):
                if not isinstance(row[0].value, int):
                    continue
                lines = 1
                for cell, width, title in zip(row, widths, head, strict=False):
                    text = str(cell.value or "")
                    if title in ("NIP", "NIK", "NIP (SIASN)", "NIP / NIK") or text.isdigit():
                        for token in text.split():
                            if token.isdigit():  # never broken: the column holds it whole
                                assert width_for(token) <= width, (name, title, token)
                    if cell.alignment.wrap_text and text:
                        lines = max(lines, text_lines(text, width))
                height = ws.row_dimensions[row[0].row].height
                assert height is not None and height <= lines * LINE_PT * BODY_PT / 10 + 4


def test_one_school_has_no_sekolah_column_and_mask_reaches_workbook(
    kab: Workspace, tmp_path: Path
) -> None:
    school = kab.schools()[0]
    xlsx = tmp_path / "one.xlsx"
    export(kab, ExportRequest(school=school.name, xlsx=xlsx, mask_nik=True, paper="f4"))
    wb = load_workbook(xlsx)
    niks = {f.nik for f in kab.findings(school.id) if f.nik and len(f.nik) == 16}
    for name in [*WORK_SHEETS, "_kunci"]:
        for row in wb[name].iter_rows(values_only=True):
            for v in row:
                assert not any(n in str(v) for n in niks), (name, v)
        if name != "_kunci":
            head = [c.value for c in wb[name][HEADER_ROW]]
            assert not any(str(h).startswith("Sekolah") for h in head), (name, head)


def test_wording(kab: Workspace, tmp_path: Path) -> None:
    xlsx, letter = tmp_path / "p.xlsx", tmp_path / "s.pdf"
    export(kab, ExportRequest(xlsx=xlsx, letter=letter))
    for r in _rows(xlsx, "Perbaikan Verval PTK"):
        if r["Kode"] == "NIK_TIDAK_VALID":
            assert r["Nilai yang harus diisi"] != r["Nilai di Dapodik"]
    for r in _rows(xlsx, SHEET_BKD):
        if r["Kode"] == "KEPSEK_BUKAN_ASN":
            assert r["Seharusnya"] != "Kepala Sekolah"
    summary = [v for row in load_workbook(xlsx)["Ringkasan"].iter_rows(values_only=True)
               for v in row if isinstance(v, str)]  # fmt: skip
    assert "Tidak valid" in summary and "Invalid" not in summary
    assert CATALOGUE["NIP_BEDA"].title in summary and "NIP_BEDA" not in summary
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(letter).pages)
    assert "kondisi A" in text and "tidak diperlukan tindakan" in text
    assert "Sekolah tanpa surat permohonan" in text or "tidak diperlukan" in text


def test_empty_workbook_prints_one_sheet(tmp_path: Path) -> None:
    from datetime import datetime

    from operator_app.reports.workbook import ExportMeta, write_workbook

    path = tmp_path / "kosong.xlsx"
    write_workbook(path, [], [], ExportMeta("db", datetime(2026, 1, 1), [], "Semua sekolah"))
    wb = load_workbook(path)
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Ringkasan"]


def test_pdf_extension_refused(kab: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx"):
        export(kab, ExportRequest(xlsx=tmp_path / "a.pdf"))
    assert not (tmp_path / "a.pdf").exists()
    lines = export(kab, ExportRequest(xlsx=tmp_path / "hasil"))
    assert (tmp_path / "hasil.xlsx").exists() and "akhiran .xlsx" in lines[0]


def test_status_on_reminder_row_is_reported(kab: Workspace, tmp_path: Path) -> None:
    xlsx = tmp_path / "p.xlsx"
    export(kab, ExportRequest(xlsx=xlsx))
    wb = load_workbook(xlsx)
    ws = wb[SHEET_PEGAWAI]
    head = [c.value for c in ws[HEADER_ROW]]
    col = head.index("Status")
    reminder = next(
        r for r in ws.iter_rows(min_row=HEADER_ROW + 1)
        if isinstance(r[0].value, int) and "Status dicatat" in str(r[-1].value or "")
    )  # fmt: skip
    reminder[col].value = "selesai"
    wb.save(xlsx)
    result = import_status(kab, xlsx)
    assert result.changed == 0 and len(result.not_applied) == 1
    text = result.summary(xlsx.name)
    assert f"baris {reminder[0].row}" in text and "pengingat" in text and "'selesai'" in text
