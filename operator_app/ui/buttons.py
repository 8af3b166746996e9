"""Standard dialog buttons labelled in the app's language (a leaf: every dialog module uses it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox


def label_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Label a button box's standard buttons in the app's language: Qt ships no Indonesian
    translation of its own, so "Cancel" would show in an Indonesian dialog."""
    SB = QDialogButtonBox.StandardButton
    for which, text in (
        (SB.Ok, QCoreApplication.translate("Interaction", "OK")),
        (SB.Cancel, QCoreApplication.translate("Interaction", "Batal")),
        (SB.Close, QCoreApplication.translate("Interaction", "Tutup")),
        (SB.Yes, QCoreApplication.translate("Interaction", "Ya")),
        (SB.No, QCoreApplication.translate("Interaction", "Tidak")),
    ):
        if (button := box.button(which)) is not None:
            button.setText(text)
    return box
