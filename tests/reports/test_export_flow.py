"""The GUI's export: the folder dialog says what the paper and NIK settings change, and the
result dialog lists the files and the options they were written with."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from operator_app.exporting import options_line
from operator_app.ui.export_flow import ExportFlow
from operator_app.ui.interaction import Recording, set_interaction
from operator_app.ui.runner import TaskRunner
from operator_app.ui.settings import Settings


def test_folder_dialog_names_paper_and_nik(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.set("paper", "f4")
    settings.set("mask_nik", True)
    widget = QWidget()
    recording = Recording()
    recording.answers.append(None)  # the operator cancels the folder dialog
    previous = set_interaction(recording)
    try:
        ExportFlow(TaskRunner(), lambda: None, settings, widget).start(None)
    finally:
        set_interaction(previous)
    kind, title, _ = recording.shown[0]
    assert kind == "choose_folder"
    assert "F4" in title and "NIK disamarkan" in title and "Pengaturan" in title
    assert "F4" in options_line("f4", True) and "4 digit terakhir" in options_line("f4", True)
    assert "A4" in options_line("a4", False) and "lengkap" in options_line("a4", False)
