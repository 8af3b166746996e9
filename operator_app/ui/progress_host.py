"""Shows the runner's work: a progress dialog with Cancel for long tasks, a busy bar otherwise."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QStatusBar, QWidget

from operator_app.ui.runner import TaskHandle, TaskRunner


class ProgressHost(QObject):
    def __init__(self, runner: TaskRunner, window: QWidget, status: QStatusBar) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: dict[int, QProgressDialog] = {}
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Sedang bekerja"))
        self.bar.hide()
        status.addPermanentWidget(self.bar)
        runner.started.connect(self._started)
        runner.progress.connect(self._progress)
        runner.ended.connect(self._ended)
        runner.busy_changed.connect(self.bar.setVisible)

    def _started(self, handle: TaskHandle) -> None:
        if not handle.progress:
            return
        dialog = QProgressDialog(handle.title or self.tr("Sedang bekerja…"), "", 0, 0, self.window)
        dialog.setWindowTitle(handle.title or self.tr("Sedang bekerja…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if handle.cancellable:
            dialog.setCancelButtonText(self.tr("Batal"))
            dialog.canceled.connect(handle.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialogs[id(handle)] = dialog

    def _progress(self, handle: TaskHandle, done: int, total: int, text: str) -> None:
        dialog = self.dialogs.get(id(handle))
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def _ended(self, handle: TaskHandle) -> None:
        dialog = self.dialogs.pop(id(handle), None)
        if dialog is not None:
            if handle.cancellable:
                dialog.canceled.disconnect(handle.cancel)  # closing emits canceled
            dialog.close()
            dialog.deleteLater()
