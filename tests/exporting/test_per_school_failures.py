"""Per-school export when things go wrong: one school fails, cancel midway, an older package,
hostile school names, and the CLI's exit codes (a 10-school district)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from operator_app.cli import main
from operator_app.core.errors import UserError
from operator_app.exporting_package import MANIFEST_NAME, REKAP_NAME, plan_folders
from operator_app.exporting_per_school import export_per_school
from operator_app.store.workspace import Workspace

N = 10


@pytest.fixture(scope="module")
def db(district_db: Callable[[int], Path]) -> Path:
    return district_db(N)


@pytest.fixture
def ws(db: Path) -> Iterator[Workspace]:
    workspace = Workspace(db)
    yield workspace
    workspace.close()


def _school_dirs(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.glob("*/*") if p.is_dir()}


def test_one_school_failing_is_reported_and_the_others_are_written(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "paket"
    victim = plan_folders(ws.schools())[3]

    def progress(done: int, total: int, text: str) -> None:
        if text.startswith("Sekolah ") and victim.school.name in text:
            # something else put a file where the school's folder goes
            kec = out / victim.folder.split("/")[0]
            kec.mkdir(exist_ok=True)
            (out / victim.folder).write_text("bukan folder")

    report = export_per_school(ws, out, progress=progress)
    assert not report.ok and not report.cancelled
    assert [f.name for f in report.failed] == [victim.school.name]
    assert report.failed[0].errors == [
        f"folder {victim.folder} tidak bisa dibuat: sudah ada file dengan nama itu; pindahkan "
        "atau hapus."
    ]
    assert len(report.schools) == N
    others = [s for s in report.schools if s.ok]
    assert len(others) == N - 1
    for s in others:
        assert s.files and all((out / f).is_file() for f in s.files)
    lines = report.lines()
    assert lines[0] == f"Paket per sekolah: {N - 1} dari {N} sekolah lengkap."
    assert "1 sekolah GAGAL (sekolah lain tetap ditulis):" in lines
    assert f"- {victim.school.name}: {report.failed[0].errors[0]}" in lines
    data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    failed = [s for s in data["sekolah"] if s["gagal"]]
    assert [s["nama"] for s in failed] == [victim.school.name] and failed[0]["file"] == []


def test_a_file_that_cannot_be_written_fails_its_school_not_its_other_files(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "paket"
    victim = plan_folders(ws.schools())[5]

    def progress(done: int, total: int, text: str) -> None:
        if text.startswith("Sekolah ") and victim.school.name in text:
            victim.path(out, "xlsx").mkdir(parents=True)  # the workbook's name is taken

    report = export_per_school(ws, out, progress=progress)
    [failed] = report.failed
    assert failed.name == victim.school.name
    assert len(failed.errors) == 1 and failed.errors[0].startswith("workbook: ")
    assert "adalah folder, bukan file" in failed.errors[0]
    assert failed.files[0] == victim.relative("pdf")  # the checklist is still written
    assert victim.relative("xlsx") not in failed.files
    assert victim.path(out, "pdf").is_file()
    assert len([s for s in report.schools if s.ok]) == N - 1


def test_cancel_between_schools_says_what_was_written(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "paket"
    steps: list[str] = []

    def progress(done: int, total: int, text: str) -> None:
        if text.startswith("Sekolah "):
            steps.append(text)

    report = export_per_school(ws, out, progress=progress, cancel=lambda: len(steps) >= 4)
    assert report.cancelled and not report.ok
    assert len(report.schools) == 4 and all(s.ok for s in report.schools)
    assert _school_dirs(out) == {s.folder for s in report.schools}
    assert (out / REKAP_NAME).is_file()  # written first
    assert report.lines()[0] == f"Dibatalkan: 4 dari {N} sekolah sempat diproses."
    data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["dibatalkan"] is True and data["selesai"] is False
    assert sum(s["ditulis"] for s in data["sekolah"]) == 4


def test_an_older_package_is_never_mixed_in(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "paket"
    first = export_per_school(ws, out)
    assert first.ok
    with pytest.raises(UserError, match=r"tidak kosong.*--timpa"):
        export_per_school(ws, out)
    # a stray file of the old package disappears with --timpa; the operator's own file stays
    stray = out / first.schools[0].folder / "perbaikan-sekolah-lama.xlsx"
    stray.write_bytes(b"lama")
    data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    data["sekolah"][0]["file"].append(stray.relative_to(out).as_posix())
    data["sekolah"][0]["file"].append("../di-luar-paket.txt")  # never followed outside
    (out / MANIFEST_NAME).write_text(json.dumps(data), encoding="utf-8")
    outside = tmp_path / "di-luar-paket.txt"
    outside.write_text("milik operator")
    mine = out / "catatan-operator.txt"
    mine.write_text("milik operator")
    second = export_per_school(ws, out, replace=True)
    assert second.ok
    assert not stray.exists() and mine.is_file() and outside.is_file()


def test_timpa_refuses_a_folder_that_holds_no_package(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "dokumen"
    out.mkdir()
    (out / "surat penting.docx").write_text("x")
    with pytest.raises(UserError, match="bukan berisi paket"):
        export_per_school(ws, out, replace=True)
    assert [p.name for p in out.iterdir()] == ["surat penting.docx"]
    with pytest.raises(UserError, match="adalah file, bukan folder"):
        export_per_school(ws, out / "surat penting.docx")


def test_timpa_deletes_nothing_while_a_file_is_open_in_excel(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "paket"
    export_per_school(ws, out)
    before = sorted(p for p in out.rglob("*"))
    school = plan_folders(ws.schools())[0]
    xlsx = school.path(out, "xlsx")
    (xlsx.parent / f"~${xlsx.name}").write_text("excel")  # Excel's owner file beside it
    with pytest.raises(UserError, match="sedang dibuka"):
        export_per_school(ws, out, replace=True)
    assert sorted(p for p in out.rglob("*") if not p.name.startswith("~$")) == before


def test_hostile_school_names_become_safe_folders(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "hostile.sqlite3"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM school ORDER BY id LIMIT 3")]
        conn.execute("UPDATE school SET name = ?, kecamatan = 'Ajibarang' WHERE id = ?",
                     ('SD "CON"/AUX: 1?', ids[0]))  # fmt: skip
        conn.execute("UPDATE school SET name = ?, kecamatan = 'Ajibarang' WHERE id = ?",
                     ("SD 'CON'|AUX* 1.", ids[1]))  # fmt: skip
        conn.execute("UPDATE school SET kecamatan = NULL WHERE id = ?", (ids[2],))
    ws = Workspace(copy)
    try:
        report = export_per_school(ws, tmp_path / "paket")
    finally:
        ws.close()
    assert report.ok, report.lines()
    folders = {s.folder for s in report.schools}
    assert "Ajibarang/SD -CON--AUX- 1-" in folders
    assert "Ajibarang/SD 'CON'-AUX- 1" in folders
    assert any(f.startswith("Tanpa kecamatan/") for f in folders)
    for s in report.schools:
        assert s.files and all((tmp_path / "paket" / f).is_file() for f in s.files)


def test_cli_exit_codes_and_summary(
    db: Path, ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "paket"
    base = ["export", "--db", str(db), "--per-school", str(out)]
    assert main(base) == 0
    printed = capsys.readouterr().out
    assert f"Paket per sekolah: {N} dari {N} sekolah lengkap." in printed
    assert "Rekap Dinas:" in printed and "file ditulis" in printed

    assert main(base) == 2  # not empty: refused, nothing written
    assert "--timpa" in capsys.readouterr().err

    assert main([*base, "--school", "X"]) == 2
    assert "tidak bisa digabung dengan --school" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--xlsx", str(tmp_path / "a.xlsx"), "--timpa"]) == 2
    assert "--timpa hanya berlaku" in capsys.readouterr().err

    victim = plan_folders(ws.schools())[1]
    shutil.rmtree(out / victim.folder)
    (out / victim.folder).write_text("bukan folder")  # not listed in the package: stays
    assert main([*base, "--timpa", "--paper", "f4"]) == 2
    captured = capsys.readouterr()
    assert f"Paket per sekolah: {N - 1} dari {N} sekolah lengkap." in captured.out
    assert f"- {victim.school.name}: folder " in captured.out
    assert "belum lengkap" in captured.err
    assert len(_school_dirs(out)) == N - 1


def test_mask_nik_leaves_no_full_nik_anywhere_in_the_package(ws: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    niks = {f.nik for f in ws.findings() if f.nik and len(f.nik) == 16}
    assert niks
    report = export_per_school(ws, tmp_path / "paket", "f4", mask_nik=True)
    assert report.ok
    seen = 0
    with_letter = [s for s in report.schools if any("/surat-bkd-" in f for f in s.files)]
    busiest = max(report.schools, key=lambda s: s.findings)
    for rel in (f for s in [*with_letter, busiest, report.schools[0]] for f in s.files):
        path = tmp_path / "paket" / rel
        if rel.endswith(".pdf"):
            text = "".join(p.extract_text() for p in PdfReader(path).pages)
        else:
            wb = load_workbook(path, read_only=True)  # every sheet, the hidden key sheet too
            text = " ".join(str(c) for s in wb.worksheets for r in s.values for c in r)
            wb.close()
        seen += text.count("************")
        assert not [n for n in niks if n in text], rel
    assert seen > 0  # the masked form is there instead
