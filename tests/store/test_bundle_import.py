"""Importing a folder or a .zip of exports (as shared in chat groups): all or nothing, damaged
files skipped only on request, non-exports ignored, hostile zip names kept inside."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from db_helpers import counts

from operator_app.cli import main
from operator_app.core.errors import BadFileError
from operator_app.store.workspace import Workspace


def _folder(tmp_path: Path, files: list[Path]) -> Path:
    folder = tmp_path / "kiriman grup"
    (folder / "sekolah 2").mkdir(parents=True)
    for i, f in enumerate(files):
        shutil.copy(f, (folder / "sekolah 2" if i % 2 else folder) / f.name)
    (folder / "foto kegiatan.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (folder / "~$daftar-guru-terbuka.xlsx").write_bytes(b"lock")
    return folder


def test_folder_imports_every_export_and_ignores_the_rest(
    tmp_path: Path, kabupaten_files: list[Path]
) -> None:
    ws = Workspace(tmp_path / "db.sqlite3")
    report = ws.import_files([_folder(tmp_path, kabupaten_files)])
    assert sorted(f.file for f in report.files) == sorted(f.name for f in kabupaten_files)
    assert all(f.rows > 0 for f in report.files)
    assert sorted(report.ignored) == [
        "kiriman grup/foto kegiatan.jpg",
        "kiriman grup/~$daftar-guru-terbuka.xlsx",
    ]
    assert len(ws.schools()) == 3


def test_zip_from_a_chat_group_with_hostile_names(
    tmp_path: Path, kabupaten_files: list[Path]
) -> None:
    archive = tmp_path / "data guru kecamatan.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, f in enumerate(kabupaten_files):
            name = f"../../{f.name}" if i == 0 else f"WhatsApp/{f.name}"
            zf.write(f, name)
        zf.writestr("/etc/catatan.txt", "bukan ekspor")
        zf.writestr("WhatsApp/surat.pdf", b"%PDF-1.4")
    ws = Workspace(tmp_path / "db.sqlite3")
    report = ws.import_files([archive])
    assert len([f for f in report.files if f.rows]) == len(kabupaten_files)
    assert "data guru kecamatan.zip: WhatsApp/surat.pdf" in report.ignored
    assert not (tmp_path.parent / kabupaten_files[0].name).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["data guru kecamatan.zip", "db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"]
    )


def test_a_damaged_file_in_a_folder_stops_everything_unless_asked(
    tmp_path: Path, kabupaten_files: list[Path]
) -> None:
    folder = _folder(tmp_path, kabupaten_files)
    (folder / "daftar-guru-SD RUSAK-2026-11-20 10_00_00.xlsx").write_bytes(
        b"PK\x03\x04" + bytes(300)
    )
    ws = Workspace(tmp_path / "db.sqlite3")
    before = counts(ws.path)
    with pytest.raises(BadFileError, match="daftar-guru-SD RUSAK"):
        ws.import_files([folder])
    assert counts(ws.path) == before
    report = ws.import_files([folder], skip_bad=True)
    refused = [f for f in report.files if f.refused]
    assert [f.file for f in refused] == [
        "kiriman grup/daftar-guru-SD RUSAK-2026-11-20 10_00_00.xlsx"
    ]
    assert "daftar-guru-SD RUSAK" in (refused[0].refused or "")
    assert len(ws.schools()) == 3


def test_cli_folder_and_zip(
    tmp_path: Path, kabupaten_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, kabupaten_files)
    (folder / "daftar-tendik-RUSAK.xlsx").write_bytes(b"PK\x03\x04" + bytes(300))
    db = tmp_path / "cli.sqlite3"
    assert main(["import", "--db", str(db), str(folder)]) == 2
    assert "daftar-tendik-RUSAK.xlsx" in capsys.readouterr().err
    assert main(["import", "--db", str(db), "--lewati-rusak", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "DILEWATI (rusak" in out and "diabaikan (bukan file ekspor" in out
    bomb = tmp_path / "bom.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("daftar-guru-X.xlsx", b"\0" * 50_000_000)
    assert main(["import", "--db", str(db), str(bomb)]) == 2
    assert "terlalu besar" in capsys.readouterr().err
