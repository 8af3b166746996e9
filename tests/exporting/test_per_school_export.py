"""Per-school export of a 50-school district: the tree, and every file opens.

One run at module scope (about as long as the district's import); every xlsx is loaded with
openpyxl, every PDF with pypdf (pages > 0, the school's name in the text), one workbook's
Status columns are read back through `import_status`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from operator_app.exporting_package import MANIFEST_NAME, REKAP_NAME, plan_folders
from operator_app.exporting_per_school import PerSchoolReport, export_per_school
from operator_app.store.workspace import Workspace

N = 50


@pytest.fixture(scope="module")
def ws(district_db: Callable[[int], Path]) -> Iterator[Workspace]:
    workspace = Workspace(district_db(N))
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def package(ws: Workspace, tmp_path_factory: pytest.TempPathFactory) -> PerSchoolReport:
    out = tmp_path_factory.mktemp("paket") / "paket-kabupaten"  # not there yet: created
    seen: list[tuple[int, int, str]] = []
    report = export_per_school(ws, out, "f4", progress=lambda d, t, s: seen.append((d, t, s)))
    school_steps = [s for s in seen if s[2].startswith("Sekolah ")]
    assert [d for d, _, _ in school_steps] == list(range(N))  # one step per school, in order
    assert all(t == N for _, t, _ in school_steps)
    return report


def test_every_school_written_and_nothing_failed(package: PerSchoolReport) -> None:
    assert package.ok and not package.failed and not package.cancelled
    assert len(package.schools) == package.planned == N
    lines = package.lines()
    assert lines[0] == f"Paket per sekolah: {N} dari {N} sekolah lengkap."
    assert any("F4" in line for line in lines)


def test_tree_rekap_at_top_and_one_folder_per_school(
    ws: Workspace, package: PerSchoolReport
) -> None:
    out = package.outdir
    top = {p.name for p in out.iterdir()}
    kecamatan = {s.kecamatan for s in ws.schools()}
    assert top == kecamatan | {REKAP_NAME, MANIFEST_NAME}
    school_dirs = [p for p in out.glob("*/*") if p.is_dir()]
    assert len(school_dirs) == N
    by_name = {s.name: s for s in ws.schools()}
    for d in school_dirs:
        school = by_name[d.name]  # the folder is the school's own name (already safe here)
        assert d.parent.name == school.kecamatan
        names = sorted(p.name for p in d.iterdir())
        stem = names[0].removeprefix("daftar-periksa-").removesuffix(".pdf")
        assert names[:2] == [f"daftar-periksa-{stem}.pdf", f"perbaikan-{stem}.xlsx"], d
        assert names[2:] in ([], [f"surat-bkd-{stem}.pdf"])
        assert not [p for p in d.iterdir() if p.name.startswith(".~")]  # no temp file left
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    listed = {f for s in package.schools for f in s.files} | {REKAP_NAME, MANIFEST_NAME}
    assert written == listed
    assert package.files_written == len(written) - 1  # the manifest is not counted


def test_every_workbook_opens_with_the_schools_findings(
    ws: Workspace, package: PerSchoolReport
) -> None:
    counts = {s.id: len(ws.findings(s.id)) for s in ws.schools()}
    ids = {s.name: s.id for s in ws.schools()}
    for outcome in package.schools:
        xlsx = [f for f in outcome.files if f.endswith(".xlsx")]
        assert len(xlsx) == 1
        wb = load_workbook(package.outdir / xlsx[0], read_only=True)
        try:
            assert wb.sheetnames[0] == "Ringkasan"
            assert outcome.name in str(wb.properties.title)
        finally:
            wb.close()
        assert outcome.findings == counts[ids[outcome.name]]
    rekap = load_workbook(package.outdir / REKAP_NAME, read_only=True)
    try:
        cells = {str(c) for sheet in rekap.worksheets for row in sheet.values for c in row}
    finally:
        rekap.close()
    assert {s.name for s in ws.schools()} <= cells  # every school has its Rekap row


def test_every_pdf_opens_and_names_its_school(package: PerSchoolReport) -> None:
    n_letters = 0
    for outcome in package.schools:
        pdfs = [f for f in outcome.files if f.endswith(".pdf")]
        assert any("/daftar-periksa-" in f for f in pdfs)
        n_letters += sum("/surat-bkd-" in f for f in pdfs)
        for rel in pdfs:
            reader = PdfReader(package.outdir / rel)
            assert len(reader.pages) > 0
            text = " ".join(reader.pages[0].extract_text().split())
            assert outcome.name in text, rel
    assert n_letters >= 1  # the district plants BKD cases; schools without one get no letter


def test_a_school_workbook_reads_back_as_a_status_workbook(
    ws: Workspace, package: PerSchoolReport
) -> None:
    from operator_app.exporting import import_status

    busiest = max(package.schools, key=lambda s: s.findings)
    xlsx = next(f for f in busiest.files if f.endswith(".xlsx"))
    result = import_status(ws, package.outdir / xlsx)
    assert result.changed == 0 and result.unchanged > 0


def test_manifest_lists_the_package(package: PerSchoolReport) -> None:
    data = json.loads((package.outdir / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["format"] == "operator-app/paket-per-sekolah/1"
    assert data["selesai"] is True and data["dibatalkan"] is False and data["kertas"] == "f4"
    assert data["rekap"] == REKAP_NAME
    assert len(data["sekolah"]) == N
    assert all(s["ditulis"] and s["gagal"] is None and s["file"] for s in data["sekolah"])


def test_folders_follow_the_plan(ws: Workspace, package: PerSchoolReport) -> None:
    plans = plan_folders(ws.schools())
    assert [p.folder for p in plans] == [o.folder for o in package.schools]
    assert len({p.folder.casefold() for p in plans}) == N
