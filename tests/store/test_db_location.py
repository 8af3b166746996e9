"""--db: a mistyped path, a server URL and an unwritable folder are refused clearly (exit 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from operator_app.cli import main


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_read_commands_refuse_a_database_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "salah-ketk.sqlite3"
    for argv in (
        ["check", "--db", str(missing)],
        ["export", "--db", str(missing), "--xlsx", str(tmp_path / "out.xlsx")],
        ["import-status", "--db", str(missing), str(tmp_path / "out.xlsx")],
        ["db", "status", "--db", str(missing)],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert str(missing) in err and "tidak ada" in err and "import" in err
    assert _files(tmp_path) == []


def test_import_creates_the_database_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kabupaten_files: list[Path]
) -> None:
    db = tmp_path / "baru" / "sekolah.sqlite3"
    assert main(["import", "--db", str(db), *map(str, kabupaten_files)]) == 0
    assert f"Database baru dibuat: {db}" in capsys.readouterr().err
    assert db.exists()
    assert main(["check", "--db", str(db)]) == 0
    assert "Database baru" not in capsys.readouterr().err


def test_a_server_url_never_becomes_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"postgresql+psycopg://guru@/dinas?host={tmp_path / 'tidak-ada'}&port=5999"
    assert main(["check", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "tidak bisa dihubungi" in err
    assert _files(tmp_path) == []
    assert main(["check", "--db", "mysql://root@localhost/x"]) == 2
    assert "tidak didukung" in capsys.readouterr().err
    assert _files(tmp_path) == []


def _immutable(folder: Path) -> bool:
    """Make `folder` unwritable even for root (chattr +i), or by mode for other users."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    chattr = shutil.which("chattr")
    return bool(chattr) and subprocess.run([chattr, "+i", str(folder)], check=False).returncode == 0


def _release(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    folder.chmod(0o755)


def test_unwritable_folder_is_a_clear_refusal_and_the_database_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kabupaten_files: list[Path]
) -> None:
    folder = tmp_path / "bersama"
    folder.mkdir()
    db = folder / "operator.sqlite3"
    assert main(["import", "--db", str(db), *map(str, kabupaten_files)]) == 0
    capsys.readouterr()
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    before = db.read_bytes()
    if not _immutable(folder):
        pytest.fail("cannot make a folder unwritable here (chattr missing?)")
    try:
        assert main(["check", "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert str(folder) in err and "tidak bisa ditulisi" in err
        assert "rusak" not in err and "bug" not in err
    finally:
        _release(folder)
    assert db.read_bytes() == before
    assert _files(folder) == ["operator.sqlite3"]  # not moved aside, nothing added
