"""Folders and .zip files of exports dropped on the window (issue 16): every export previewed
with per-file progress, damaged files imported around only on the operator's explicit choice,
cancel at any step leaves the database as it was, zip temp folders removed, bombs refused."""

from __future__ import annotations

import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from operator_app.core.errors import BadFileError
from operator_app.store.workspace import Workspace
from operator_app.ui.interaction import Recording
from operator_app.ui.runner import TaskHandle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from corpus import zip_bomb
from hostile_db import fingerprint

pytestmark = pytest.mark.gui

DAMAGED = "daftar-guru-SD RUSAK-2026-11-20 10_00_00.xlsx"


def chat_folder(root: Path, files: list[Path], damaged: bool = False) -> Path:
    """Four exports as a chat group shares them, a photo, a letter and Excel's lock file."""
    folder = root / "kiriman grup"
    (folder / "sekolah 2").mkdir(parents=True)
    for i, f in enumerate(files):
        shutil.copy(f, (folder / "sekolah 2" if i % 2 else folder) / f.name)
    (folder / "foto kegiatan.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (folder / "surat edaran.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    (folder / "~$daftar-guru-terbuka.xlsx").write_bytes(b"lock")
    if damaged:
        (folder / DAMAGED).write_bytes(b"PK\x03\x04" + bytes(300))
    return folder


class Watch:
    """How the window's import ended, and every progress text on the way."""

    def __init__(self, window: Any) -> None:
        self.ends: list[tuple[str, tuple[Any, ...]]] = []
        self.texts: list[str] = []
        flow = window.import_flow
        for name in ("imported", "cancelled", "failed", "nothing_to_do"):
            getattr(flow, name).connect(lambda *a, n=name: self.ends.append((n, a)))
        window.runner.progress.connect(lambda _h, _d, _t, text: self.texts.append(text))


class CancelAt:
    """The real Workspace, with the operator pressing Cancel at a chosen moment: while the
    2nd file of a folder is previewed, or once the import has written rows."""

    def __init__(self, ws: Workspace, when: str, handles: list[TaskHandle]) -> None:
        self.ws, self.when, self.handles, self.previews = ws, when, handles, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ws, name)

    def preview(self, path: Path, n_rows: int = 10) -> Any:
        self.previews += 1
        if self.when == "preview" and self.previews == 2:
            self.handles[-1].cancel()
        return self.ws.preview(path, n_rows)

    def import_files(self, paths: Any, progress: Any, cancel: Any, skip_bad: bool = False) -> Any:
        def pressing(done: int, total: int, text: str) -> None:
            progress(done, total, text)
            if self.when == "import" and done > 0:
                self.handles[-1].cancel()

        return self.ws.import_files(paths, pressing, cancel, skip_bad=skip_bad)


@pytest.fixture
def seeded(tmp_path: Path, kabupaten_files: list[Path]) -> Path:
    """A database that already holds the SIASN export: 'unchanged' is a real claim."""
    db = tmp_path / "db.sqlite3"
    ws = Workspace(db)
    ws.import_files([kabupaten_files[-1]])
    ws.run_checks()
    ws.close()
    return db


@pytest.fixture
def open_window(
    qtbot: Any, prompts: Recording, settings: Any
) -> Iterator[Callable[..., tuple[Any, Watch]]]:
    windows: list[Any] = []

    def make(db: Path, when: str | None = None) -> tuple[Any, Watch]:
        from operator_app.ui.main_window import MainWindow

        handles: list[TaskHandle] = []

        def factory(location: Any) -> Any:
            ws = Workspace(location, password_prompt=None)
            return ws if when is None else CancelAt(ws, when, handles)

        window = MainWindow(db, workspace_factory=factory, settings=settings)
        windows.append(window)
        qtbot.addWidget(window)
        qtbot.waitUntil(
            lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000
        )
        watch = Watch(window)
        window.runner.started.connect(handles.append)
        return window, watch

    yield make
    for window in windows:
        window.shutdown()


def drop(qtbot: Any, window: Any, watch: Watch, paths: list[Path]) -> str:
    """Drop `paths` on the window the way the desktop does; how the import ended."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(watch.ends), timeout=120000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=60000)
    return watch.ends[0][0]


def four(files: list[Path]) -> list[Path]:
    """Three Dapodik exports and the SIASN one."""
    return [*files[:3], files[-1]]


def batches(db: Path) -> int:
    return fingerprint(db)[0]["import_batch"]


def test_folder_dropped_imports_every_export_and_lists_the_rest(
    qtbot: Any, open_window: Any, tmp_path: Path, kabupaten_files: list[Path], prompts: Recording
) -> None:
    exports = four(kabupaten_files)
    folder = chat_folder(tmp_path / "unduhan", exports)
    window, watch = open_window(tmp_path / "db.sqlite3")
    assert drop(qtbot, window, watch, [folder]) == "imported"
    previews, ignored = prompts.previews[0]
    assert sorted(p.file for p in previews) == sorted(
        f"kiriman grup/{'sekolah 2/' if i % 2 else ''}{f.name}" for i, f in enumerate(exports)
    )
    assert all(p.kind and not p.problems for p in previews)
    assert {p.school for p in previews if p.kind != "siasn"} == {
        s.name for s in window.ws.schools()
    }
    assert sorted(ignored) == [
        "kiriman grup/foto kegiatan.jpg",
        "kiriman grup/surat edaran.docx",
        "kiriman grup/~$daftar-guru-terbuka.xlsx",
    ]
    assert batches(tmp_path / "db.sqlite3") == 4
    assert window.model.rowCount() > 0
    assert any(t.startswith("Memeriksa kiriman grup/") and "(1 dari 4)" in t for t in watch.texts)
    assert any(t.startswith("Mengimpor ") and t.endswith("(1 dari 4)") for t in watch.texts)
    title, text = prompts.shown[-1][1:]
    assert title == "Impor selesai" and "3 file bukan ekspor diabaikan" in text
    assert window.settings.recent_files() == [str(folder)]  # remembered like a file
    assert [a.text() for a in window.recent_menu.actions()] == ["kiriman grup"]


def test_zip_dropped_is_imported_and_its_temp_folder_removed(
    qtbot: Any,
    open_window: Any,
    tmp_path: Path,
    kabupaten_files: list[Path],
    prompts: Recording,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    archive = tmp_path / "data guru kecamatan.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, f in enumerate(four(kabupaten_files)):
            zf.write(f, f"../../{f.name}" if i == 0 else f"WhatsApp/{f.name}")
        zf.writestr("WhatsApp/surat.pdf", b"%PDF-1.4")
    window, watch = open_window(tmp_path / "db.sqlite3")
    assert drop(qtbot, window, watch, [archive]) == "imported"
    previews, ignored = prompts.previews[0]
    assert len(previews) == 4 and all(p.file.startswith(archive.name + ": ") for p in previews)
    assert ignored == ["data guru kecamatan.zip: WhatsApp/surat.pdf"]
    assert batches(tmp_path / "db.sqlite3") == 4
    assert list(temp.iterdir()) == []  # the preview's and the import's unpacked copies
    assert not (tmp_path.parent / kabupaten_files[0].name).exists()  # `../../` stayed inside


def test_damaged_file_in_folder_imports_nothing_unless_skipped(
    qtbot: Any,
    open_window: Any,
    tmp_path: Path,
    kabupaten_files: list[Path],
    prompts: Recording,
    seeded: Path,
) -> None:
    folder = chat_folder(tmp_path / "unduhan", kabupaten_files[:3], damaged=True)
    window, watch = open_window(seeded)
    before = fingerprint(seeded)
    prompts.answers.append(False)  # Batal: the dialog's default with a damaged file
    assert drop(qtbot, window, watch, [folder]) == "cancelled"
    previews, _ = prompts.previews[0]
    (bad,) = [p for p in previews if p.problems]
    assert bad.file == f"kiriman grup/{DAMAGED}" and DAMAGED in bad.problems[0]
    assert fingerprint(seeded) == before

    watch.ends.clear()
    prompts.answers.append(True)  # "Lewati file rusak dan impor yang lain"
    assert drop(qtbot, window, watch, [folder]) == "imported"
    report = watch.ends[0][1][0]
    assert [f.file for f in report.files if f.refused] == [f"kiriman grup/{DAMAGED}"]
    assert batches(seeded) == before[0]["import_batch"] + 3
    assert f"kiriman grup/{DAMAGED}: rusak, dilewati" in prompts.shown[-1][2]


def test_cancel_while_previewing_changes_nothing(
    qtbot: Any,
    open_window: Any,
    tmp_path: Path,
    kabupaten_files: list[Path],
    prompts: Recording,
    seeded: Path,
) -> None:
    folder = chat_folder(tmp_path / "unduhan", four(kabupaten_files))
    window, watch = open_window(seeded, when="preview")
    before = fingerprint(seeded)
    assert drop(qtbot, window, watch, [folder]) == "cancelled"
    assert window.ws.previews == 2 and prompts.previews == []
    assert prompts.shown[-1][1] == "Impor dibatalkan"
    assert fingerprint(seeded) == before


def test_cancel_while_importing_changes_nothing(
    qtbot: Any,
    open_window: Any,
    tmp_path: Path,
    kabupaten_files: list[Path],
    prompts: Recording,
    seeded: Path,
) -> None:
    archive = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in kabupaten_files[:3]:
            zf.write(f, f.name)
    window, watch = open_window(seeded, when="import")
    before = fingerprint(seeded)
    assert drop(qtbot, window, watch, [archive]) == "cancelled"
    assert any(t.startswith("Mengimpor ") for t in watch.texts)  # it was writing rows
    assert prompts.shown[-1][1:] == (
        "Impor dibatalkan",
        "Impor dibatalkan. Tidak ada data yang diubah.",
    )
    assert fingerprint(seeded) == before


def test_zip_bomb_is_refused_with_its_reason(
    qtbot: Any,
    open_window: Any,
    tmp_path: Path,
    kabupaten_files: list[Path],
    prompts: Recording,
    seeded: Path,
) -> None:
    bomb = tmp_path / "data guru.zip"
    zip_bomb(bomb)  # 64 MB of sheet XML packed ~1000 times
    window, watch = open_window(seeded)
    before = fingerprint(seeded)
    assert drop(qtbot, window, watch, [kabupaten_files[0], bomb]) == "failed"
    exc = watch.ends[0][1][0]
    assert isinstance(exc, BadFileError) and "terlalu besar" in exc.message
    assert bomb.name in exc.message
    assert [s[0] for s in prompts.shown] == ["error"] and "terlalu besar" in prompts.shown[0][2]
    assert fingerprint(seeded) == before


def test_folder_without_exports_is_refused_by_name(
    qtbot: Any, open_window: Any, tmp_path: Path, prompts: Recording, seeded: Path
) -> None:
    folder = tmp_path / "foto rapat"
    folder.mkdir()
    (folder / "rapat.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    window, watch = open_window(seeded)
    before = fingerprint(seeded)
    assert drop(qtbot, window, watch, [folder]) == "failed"
    assert "Folder foto rapat tidak berisi file ekspor" in prompts.shown[-1][2]
    assert fingerprint(seeded) == before


def test_zip_that_is_not_whole_is_listed_with_its_reason(
    qtbot: Any, open_window: Any, tmp_path: Path, prompts: Recording, seeded: Path
) -> None:
    broken = tmp_path / "kiriman terpotong.zip"  # a download cut short: a zip header only
    broken.write_bytes(b"PK\x03\x04" + bytes(100))
    window, watch = open_window(seeded)
    before = fingerprint(seeded)
    assert drop(qtbot, window, watch, [broken]) == "nothing_to_do"
    (preview,) = prompts.previews[0][0]
    assert preview.problems and broken.name in preview.problems[0]
    assert prompts.shown[-1][0] == "warn"
    assert fingerprint(seeded) == before


def test_a_kabupaten_folder_goes_through_the_reading_processes_from_the_window(
    qtbot: Any,
    open_window: Any,
    tmp_path: Path,
    kabupaten_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's import runs on a worker thread: from there the files are read in the two
    worker processes and the SIASN export in its own (spawned from that thread), and what lands
    is what the same import stores without them; no process is left behind."""
    import multiprocessing

    from operator_app.sources import read_many as rm
    from operator_app.sources import read_procs as rp

    folder = chat_folder(tmp_path / "unduhan", kabupaten_files)
    monkeypatch.setattr(rp, "PROCS_FROM", 1)  # a kabupaten's 1,000 files, in small
    monkeypatch.setattr(rp, "_size", lambda p: rm.BIG_FILE if Path(p).suffix == ".csv" else 10)
    spawned: list[str] = []
    real_big = rp.BigFile

    def counted(path: Path) -> Any:
        spawned.append(Path(path).name)
        return real_big(path)

    monkeypatch.setattr(rp, "BigFile", counted)
    window, watch = open_window(tmp_path / "db.sqlite3")
    assert drop(qtbot, window, watch, [folder]) == "imported"
    assert spawned == [kabupaten_files[-1].name]
    assert not multiprocessing.active_children()
    assert window.model.rowCount() > 0

    plain = tmp_path / "tanpa-proses.sqlite3"
    monkeypatch.setattr(rp, "PROCS_FROM", 10**6)
    monkeypatch.setattr(rp, "_size", lambda p: 10)
    ws = Workspace(plain)
    ws.import_files([folder])
    ws.close()
    window.shutdown()
    counts, _ = fingerprint(tmp_path / "db.sqlite3")
    plain_counts, _ = fingerprint(plain)
    imported = ("school", "import_batch", "ptk", "siasn")  # the window checks as well
    assert [counts[t] for t in imported] == [plain_counts[t] for t in imported]
    assert counts["ptk"] > 50 and counts["siasn"] > 50
    for table, order in (("ptk", "row_number, nama"), ("siasn", "row_number")):
        assert _rows(tmp_path / "db.sqlite3", table, order) == _rows(plain, table, order)


def _rows(db: Path, table: str, order: str) -> list[tuple[Any, ...]]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute(
            f"SELECT row_number, nama, nama_key, raw_json, person_key FROM {table} ORDER BY {order}"
        ).fetchall()
    finally:
        con.close()
