"""Two kinds of errors: UserError → plain message; anything else → crash dialog and a log file."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from operator_app import __version__
from operator_app.core.errors import Cancelled, UserError
from operator_app.logs import mask_ids, setup_logging
from operator_app.ui.buttons import label_buttons
from operator_app.ui.interaction import interaction

log = logging.getLogger("operator_app.ui")


def bug_report(exc: BaseException) -> str:
    """The copyable report: versions and the traceback, NIK/NIP masked."""
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    head = (
        f"operator-app {__version__}, Python {platform.python_version()}, Qt {qVersion()}, "
        f"{platform.platform()}\n"
    )
    return mask_ids(head + tb)


def write_log(report: str) -> Path | None:
    try:
        path = setup_logging()
        log.error("Bug:\n%s", report)
        return path
    except OSError:
        return None


class CrashDialog(QDialog):
    """Shows the report in a read-only, selectable box with a copy button."""

    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Terjadi kesalahan program"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        text = self.tr(
            "Maaf, aplikasi mengalami kesalahan yang tidak terduga. Data Anda tetap aman di "
            "database. Salin laporan di bawah ini dan kirimkan ke pengembang."
        )
        if log_file is not None:
            text += "\n" + self.tr("Laporan juga disimpan di: {0}").format(log_file)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Laporan kesalahan"))
        layout.addWidget(self.report)
        buttons = label_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        copy = buttons.addButton(self.tr("Salin laporan"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


def report_bug(exc: BaseException, parent: QWidget | None = None) -> CrashDialog | None:
    report = bug_report(exc)
    path = write_log(report)
    sys.stderr.write(report)
    if QApplication.instance() is None:
        return None
    dialog = CrashDialog(report, path, parent or QApplication.activeWindow())
    dialog.setModal(True)
    dialog.show()
    return dialog


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """The runner's default error handler."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, UserError):
        log.info("UserError: %s", exc.message)
        interaction().error(
            QCoreApplication.translate("Errors", "Tidak bisa dilanjutkan"), exc.message, parent
        )
        return
    report_bug(exc, parent)


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    show_error(exc.with_traceback(tb))


def install_excepthook() -> None:
    sys.excepthook = _excepthook
