"""Damaged and hostile files: exit 2, a clear Indonesian message naming the file, database unchanged."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from operator_app.cli import main


def db_content(db: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every table's rows (ordered), so 'unchanged' means unchanged in content."""
    con = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return [(t, con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]
    finally:
        con.close()


@pytest.fixture
def seeded_db(tmp_path: Path, kabupaten_files: list[Path]) -> Path:
    db = tmp_path / "seed.sqlite3"
    assert main(["import", "--db", str(db), *map(str, kabupaten_files)]) == 0
    return db


def _zip_bomb(path: Path) -> None:
    """A tiny xlsx whose sheet XML inflates to ~200 MB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"0" * (1 << 20)
            for _ in range(200):
                fh.write(block)


HOSTILE = {
    "kosong.xlsx": lambda p: p.write_bytes(b""),
    "sampah.csv": lambda p: p.write_bytes(bytes(range(256)) * 64),
    "terpotong.xlsx": None,  # filled in from a real workbook below
    "bukan-zip.xlsx": lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100),
    "bom.xlsx": _zip_bomb,
    "entitas.xls": lambda p: p.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="x"><Table>'
        '<Row><Cell><Data ss:Type="String">&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>',
        encoding="utf-8",
    ),
    "halaman.html": lambda p: p.write_text(
        "<html><body>Login Dapodik</body></html>", encoding="utf-8"
    ),
    "teks.csv": lambda p: p.write_text("halo dunia\nini bukan ekspor\n", encoding="utf-8"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_refused_and_db_unchanged(
    name: str,
    tmp_path: Path,
    seeded_db: Path,
    kabupaten_files: list[Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / name
    maker = HOSTILE[name]
    if maker is None:
        good = next(p for p in kabupaten_files if p.suffix == ".xlsx")
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    else:
        maker(bad)
    before = db_content(seeded_db)
    code = main(["import", "--db", str(seeded_db), str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert name in err, err
    assert "Traceback" not in err
    assert db_content(seeded_db) == before


def test_bad_file_among_good_ones_imports_nothing(
    tmp_path: Path, kabupaten_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "atomic.sqlite3"
    assert main(["import", "--db", str(db), str(kabupaten_files[0])]) == 0
    before = db_content(db)
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    code = main(["import", "--db", str(db), *map(str, kabupaten_files[1:]), str(bad)])
    assert code == 2
    assert "rusak.xlsx" in capsys.readouterr().err
    assert db_content(db) == before
