"""From the command line: check, export the three outputs, edit Status in Excel, read it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from status_helpers import SCHOOL, edit_status, people, write_exports

from operator_app.cli import main
from operator_app.store.workspace import Workspace


def _statuses(db: Path) -> dict[str, tuple[str, str | None]]:
    ws = Workspace(db)
    try:
        return {f.person_key: (f.status, f.note) for f in ws.findings() if f.code == "NIP_KOSONG"}
    finally:
        ws.close()


def test_export_edit_and_read_status_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    drows, srows = people()
    files = write_exports(tmp_path / "lama", drows, srows)
    assert main(["check", "--db", str(db), "--dapodik", files[0], "--siasn", files[1]]) == 0
    out = tmp_path / "hasil"
    out.mkdir()
    xlsx, pdf, letter = out / "perbaikan.xlsx", out / "daftar.pdf", out / "surat.pdf"
    args = ["export", "--db", str(db), "--xlsx", str(xlsx), "--pdf", str(pdf)]
    assert main([*args, "--letter", str(letter), "--paper", "f4", "--mask-nik"]) == 0
    printed = capsys.readouterr().out
    assert "perbaikan.xlsx" in printed and "3 temuan" in printed
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert SCHOOL.name in text and text.count("NIP kosong di Dapodik") == 3
    assert "Mengetahui, Kepala Sekolah" in text and "NIK ************" in text
    head = drows[0]  # the Kepala Sekolah of the Dapodik file signs, with name and NIP
    assert f"{head['Nama']} NIP. {head['NIP']}" in text
    letter_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(letter).pages)
    assert "surat permohonan tidak diperlukan" in letter_text  # nothing here is for the BKD
    assert len(PdfReader(letter).pages) >= 1

    # one row marked "diabaikan" without its reason: the whole file is refused, nothing lands
    edit_status(xlsx, {1: ("diajukan", "tiket 0451"), 2: ("diabaikan", None)})
    before = _statuses(db)
    assert main(["import-status", "--db", str(db), str(xlsx)]) == 2
    assert "catatan" in capsys.readouterr().err.lower()
    assert _statuses(db) == before

    edit_status(xlsx, {1: ("diajukan", "tiket 0451"), 2: ("diabaikan", "sudah pensiun")})
    assert main(["import-status", "--db", str(db), str(xlsx)]) == 0
    assert "2 status diperbarui" in capsys.readouterr().out
    after = sorted(_statuses(db).values(), key=str)
    assert after == sorted(
        [("baru", None), ("diajukan", "tiket 0451"), ("diabaikan", "sudah pensiun")], key=str
    )
    assert main(["import-status", "--db", str(db), str(xlsx)]) == 0
    assert "0 status diperbarui" in capsys.readouterr().out  # reading twice changes nothing

    # a newer Dapodik export where one of the three has left: that row has no finding any more
    left = drows.pop(1)
    files = write_exports(tmp_path / "baru", drows, srows)
    assert main(["check", "--db", str(db), "--dapodik", files[0], "--siasn", files[1]]) == 0
    capsys.readouterr()
    edit_status(xlsx, {1: ("selesai", None), 2: ("selesai", None), 3: ("selesai", None)})
    before = _statuses(db)
    assert main(["import-status", "--db", str(db), str(xlsx)]) == 2
    err = capsys.readouterr().err
    assert "1 dari 3 baris" in err and "--sebagian" in err
    assert _statuses(db) == before
    # the same workbook, edited again after two of its rows were read back: those are its own
    # earlier decisions, not newer ones, so only the row whose finding is gone is skipped
    assert main(["import-status", "--sebagian", "--db", str(db), str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "1 baris dilewati karena temuannya sudah tidak ada" in out
    assert "sudah diubah" not in out
    assert {s for s, _ in _statuses(db).values()} == {"selesai"}
    assert str(left["Nama"]) not in str(_statuses(db))


def test_export_refuses_a_workbook_named_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    drows, srows = people()
    files = write_exports(tmp_path / "lama", drows, srows)
    assert main(["check", "--db", str(db), "--dapodik", files[0], "--siasn", files[1]]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--xlsx", str(tmp_path / "a.pdf")]) == 2
    err = capsys.readouterr().err
    assert "a.pdf" in err and ".xlsx" in err
    assert not (tmp_path / "a.pdf").exists()
