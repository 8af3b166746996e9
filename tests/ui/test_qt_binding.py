"""The Qt binding we ship does not over-release None/True/False (PySide6 6.12.0 on Python 3.11
does on every void call and signal emit, and a long session aborts with "none_dealloc").

Run in a child process: on a faulty binding the interpreter aborts, which must fail this test,
not the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

_LOOP = r"""
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

app = QApplication([])

class Emitter(QObject):
    changed = Signal(object)

emitter = Emitter()
emitter.changed.connect(lambda _v: None)
label, button = QLabel(), QPushButton()
image = QImage(64, 64, QImage.Format.Format_ARGB32)
painter = QPainter(image)  # the checklist's paint loop (reports/printing.py)
document = QTextDocument()
refs = lambda: (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
before = refs()
for _ in range(30_000):  # an operator's long afternoon of repaints, filters and clicks
    label.setText("x")
    emitter.changed.emit(1)
    button.setEnabled(True)
    button.setVisible(False)
    button.isEnabled()
    painter.save()
    painter.translate(1, 1)
    painter.drawLine(0, 0, 5, 5)
    painter.restore()
    document.setTextWidth(100)
painter.end()
after = refs()
print(*(a - b for a, b in zip(after, before)))
"""


def test_binding_keeps_singleton_reference_counts() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", _LOOP],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, f"the Qt binding crashed the interpreter:\n{run.stderr[-2000:]}"
    deltas = [int(x) for x in run.stdout.split()]
    # Each loop iteration would lose several references on a faulty binding (150,000 in all).
    assert all(abs(d) < 1_000 for d in deltas), deltas
