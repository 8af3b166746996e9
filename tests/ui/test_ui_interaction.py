"""The real prompt: Qt has no Indonesian for its own buttons, so ask() labels Ya / Tidak."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from operator_app.ui.interaction import Interaction

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("press", "expected"), [("Ya", True), ("Tidak", False)])
def test_ask_shows_ya_tidak_and_returns_the_choice(qtbot, press: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[str]] = []

    def answer() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        box = boxes[0]
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == press).click()

    QTimer.singleShot(50, answer)
    assert Interaction().ask("Judul", "Lanjutkan?") is expected
    assert sorted(seen[0]) == ["Tidak", "Ya"]


def test_dialog_buttons_read_indonesian(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    """Standard buttons of our dialogs: Batal / Tutup, never Qt's English Cancel / Close."""
    from PySide6.QtWidgets import QDialogButtonBox

    from operator_app.ui.errors import CrashDialog
    from operator_app.ui.preview_dialog import PreviewDialog
    from operator_app.ui.settings import SettingsDialog

    dialogs = [PreviewDialog([]), CrashDialog("laporan", None), SettingsDialog(settings)]
    texts: set[str] = set()
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        for box in dialog.findChildren(QDialogButtonBox):
            texts |= {b.text().replace("&", "") for b in box.buttons()}
    assert {"Batal", "Tutup"} <= texts
    assert not texts & {"Cancel", "Close", "Yes", "No"}, texts
