"""The window's ways in for folders and zips (drop filter, Berkas → Impor folder…) and the
preview dialog's choice when a file is damaged: Batal by default, skipping only on request."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from fake_workspace import FakeWorkspace
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QDialogButtonBox, QTableView

from operator_app.sources.preview import Preview
from operator_app.ui.import_flow import importable_drops
from operator_app.ui.interaction import Recording
from operator_app.ui.preview_dialog import PreviewDialog

pytestmark = pytest.mark.gui


def _guru(name: str) -> Preview:
    return Preview(
        name, "dapodik_guru", "Dapodik - Daftar Guru", "SD NEGERI 3 SUKAMAJU", 5, (), (), (), 20
    )


def _damaged(name: str) -> Preview:
    reason = f"File {name} rusak atau bukan file Excel yang utuh."
    return Preview(name, None, "tidak dikenal", None, 0, (), (), (), 0, (reason,))


def _enter(window: Any, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(event)
    return event.isAccepted()


def test_drops_keep_folders_zips_and_exports(tmp_path: Path, window: Any) -> None:
    folder = tmp_path / "kiriman grup"
    folder.mkdir()
    archive = tmp_path / "data guru.ZIP"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.csv", "x")
    letter, sheet = tmp_path / "surat.docx", tmp_path / "daftar-guru.xlsx"
    urls = [QUrl.fromLocalFile(str(p)) for p in (folder, archive, letter, sheet)]
    urls.append(QUrl("https://example.org/daftar-guru.xlsx"))
    assert importable_drops(urls) == [folder, archive, sheet]
    assert _enter(window, [folder]) and _enter(window, [archive])
    assert not _enter(window, [letter])


def test_impor_folder_menu_imports_the_chosen_folder(
    qtbot: Any, window: Any, fake_ws: FakeWorkspace, prompts: Recording, tmp_path: Path
) -> None:
    folder = tmp_path / "kiriman grup"
    folder.mkdir()
    for name in ("daftar-guru-SD.xlsx", "export-siasn.csv", "foto.jpg"):
        (folder / name).write_bytes(b"x")
    prompts.answers.append(str(folder))
    assert window.act_import_folder.text() == "Impor &folder…"
    with qtbot.waitSignal(window.import_flow.imported, timeout=5000):
        window.act_import_folder.trigger()
    assert prompts.shown[0][0] == "choose_folder"
    previews, ignored = prompts.previews[0]  # a folder: always shown before importing
    assert [p.file for p in previews] == [
        "kiriman grup/daftar-guru-SD.xlsx",
        "kiriman grup/export-siasn.csv",
    ]
    assert ignored == ["kiriman grup/foto.jpg"]
    assert ("import_files", (folder,)) in fake_ws.calls and fake_ws.skip_bad == [False]
    assert window.settings.get("import_folder") == str(tmp_path)


def test_damaged_file_makes_batal_the_default(qtbot: Any) -> None:
    dialog = PreviewDialog(
        [_guru("kiriman/daftar-guru-SD.xlsx"), _damaged("kiriman/RUSAK.xlsx")],
        None,
        ["kiriman/foto.jpg"],
    )
    qtbot.addWidget(dialog)
    assert dialog.ok.text() == "Lewati file rusak dan impor yang lain"
    assert dialog.ok.isEnabled() and not dialog.ok.isDefault()
    assert dialog.cancel.isDefault()
    overview = dialog.tabs.widget(0)
    assert dialog.tabs.tabText(0) == "Semua file" and isinstance(overview, QTableView)
    model = overview.model()
    cells = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert cells[1][0] == "✖ kiriman/RUSAK.xlsx" and "rusak" in cells[1][4]
    assert cells[0][1:4] == ["Dapodik - Daftar Guru", "SD NEGERI 3 SUKAMAJU", "20"]
    assert cells[2] == ["kiriman/foto.jpg", "-", "-", "-", "diabaikan: bukan file ekspor"]
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter is Batal: nothing is imported


def test_only_damaged_files_cannot_be_imported(qtbot: Any) -> None:
    dialog = PreviewDialog([_damaged("RUSAK.xlsx")])
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert dialog.tabs.count() == 1  # one file: its own page, no overview


def test_clear_files_import_on_ok(qtbot: Any) -> None:
    dialog = PreviewDialog([_guru("a.xlsx"), _guru("b.xlsx")])
    qtbot.addWidget(dialog)
    assert dialog.ok.text() == "Impor file yang bisa dibaca" and dialog.ok.isEnabled()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.ok.click()


def test_checks_cancelled_after_the_import_say_the_data_landed(
    qtbot: Any, prompts: Recording
) -> None:
    """Cancel pressed once the import has committed: the message must not claim nothing
    changed (the next load of the list runs the checks)."""
    from operator_app.core.errors import Cancelled
    from operator_app.ui.import_flow import ImportFlow
    from operator_app.ui.runner import TaskRunner

    class ChecksCancelled(FakeWorkspace):
        def run_checks(self, progress: Any = None, cancel: Any = None) -> Any:
            raise Cancelled()

    runner = TaskRunner()
    ws = ChecksCancelled()
    flow = ImportFlow(runner, lambda: ws, None)
    with qtbot.waitSignal(flow.imported, timeout=5000) as blocker:
        flow.run_import([Path("daftar-guru-SD.xlsx")])
    runner.wait()
    assert blocker.args[1] is None
    title, text = prompts.shown[-1][1:]
    assert title == "Impor selesai" and "sudah diimpor. Pemeriksaan dihentikan" in text
    assert "daftar-guru-SD.xlsx: 20 baris" in text
