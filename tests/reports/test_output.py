"""Atomic output: an older file survives a failed write; OS errors become Indonesian messages."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from operator_app.core.errors import OutputError
from operator_app.reports.output import atomic_output, check_writable, temp_path_for


def test_success_replaces_target_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "perbaikan.xlsx"
    target.write_text("lama", encoding="utf-8")
    with atomic_output(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name == ".~perbaikan.xlsx.tmp"
        tmp.write_text("baru", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "baru"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["perbaikan.xlsx"]


def test_failure_inside_keeps_older_file(tmp_path: Path) -> None:
    target = tmp_path / "perbaikan.xlsx"
    target.write_text("lama", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_text("setengah", encoding="utf-8")
        raise RuntimeError("bug")
    assert target.read_text(encoding="utf-8") == "lama"
    assert not temp_path_for(target).exists()


def test_disk_full_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "perbaikan.xlsx"
    target.write_text("lama", encoding="utf-8")
    with pytest.raises(OutputError, match="Disk penuh") as exc, atomic_output(target) as tmp:
        tmp.write_text("setengah", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert "perbaikan.xlsx" in exc.value.message
    assert target.read_text(encoding="utf-8") == "lama"
    assert not temp_path_for(target).exists()


def test_replace_refused_means_file_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "perbaikan.xlsx"
    target.write_text("lama", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    expected = r"sedang dibuka \(mungkin di Excel\)\. Tutup file itu"
    with pytest.raises(OutputError, match=expected), atomic_output(target) as tmp:
        tmp.write_text("baru", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "lama"
    assert not temp_path_for(target).exists()


def test_windows_sharing_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "perbaikan.xlsx"

    def sharing(src: object, dst: object) -> None:
        exc = OSError(errno.EACCES, "The process cannot access the file")
        exc.winerror = 32  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(os, "replace", sharing)
    with pytest.raises(OutputError, match="sedang dibuka"), atomic_output(target) as tmp:
        tmp.write_text("baru", encoding="utf-8")


def test_permission_while_writing_means_folder_not_writable(tmp_path: Path) -> None:
    target = tmp_path / "perbaikan.xlsx"
    with pytest.raises(OutputError, match="tidak bisa ditulisi"), atomic_output(target):
        raise PermissionError(errno.EACCES, "Permission denied")


def test_excel_lock_file_beside_target(tmp_path: Path) -> None:
    target = tmp_path / "perbaikan.xlsx"
    target.write_text("lama", encoding="utf-8")
    (tmp_path / "~$perbaikan.xlsx").write_bytes(b"owner")
    with pytest.raises(OutputError, match="sedang dibuka"):
        check_writable(target)
    with pytest.raises(OutputError, match="sedang dibuka"), atomic_output(target):
        pass
    assert target.read_text(encoding="utf-8") == "lama"


def test_missing_folder_is_not_created(tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "perbaikan.xlsx"
    with pytest.raises(OutputError, match="tidak ada"):
        check_writable(target)
    with pytest.raises(OutputError, match="tidak ada"), atomic_output(target):
        pass
    assert not target.parent.exists()


def test_check_writable_ok_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "perbaikan.xlsx"
    check_writable(target)
    target.write_text("lama", encoding="utf-8")
    check_writable(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["perbaikan.xlsx"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_check_writable_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="tidak bisa ditulisi"):
            check_writable(folder / "perbaikan.xlsx")
    finally:
        folder.chmod(0o755)


def test_workbook_write_failure_keeps_older_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from operator_app.reports.workbook import ExportMeta, write_workbook

    target = tmp_path / "perbaikan.xlsx"
    target.write_bytes(b"workbook lama")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    meta = ExportMeta("db", datetime(2026, 1, 20), [], "Semua sekolah")
    with pytest.raises(OutputError, match="Disk penuh"):
        write_workbook(target, [], [], meta)
    assert target.read_bytes() == b"workbook lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["perbaikan.xlsx"]
