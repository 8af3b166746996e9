"""The print preview opens (non-modally) and closes; page sizes A4 and F4."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintPreviewDialog

from operator_app.ui.printing import make_printer

pytestmark = pytest.mark.gui


def test_paper_sizes() -> None:
    a4 = make_printer("a4").pageLayout().pageSize()
    f4 = make_printer("f4").pageLayout().pageSize()
    assert a4.id() == QPageSize.PageSizeId.A4
    assert round(f4.size(QPageSize.Unit.Millimeter).height()) == 330


def test_plain_preview_dialog_opens(qtbot) -> None:
    painted: list[object] = []
    printer = make_printer("a4")  # the dialog does not own the printer: keep it alive
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    dialog.paintRequested.connect(painted.append)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    dialog.close()
    assert not dialog.isVisible()


def test_checklist_preview_from_window(qtbot, window) -> None:
    window.print_checklist()
    qtbot.waitUntil(
        lambda: window._preview is not None and window._preview.dialog.isVisible(), timeout=10000
    )
    window._preview.dialog.close()
