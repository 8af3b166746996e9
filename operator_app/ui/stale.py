"""A decision refused because someone changed it first (issue 14): the message and its dialog.

The message says what was changed, by whom and when (local time), the newer value, and what
the operator asked for; their own text (the note they typed) is kept in a copyable box, and
the dialog offers to apply it again on top of the newer value. Nothing is overwritten silently.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.errors import StaleEditError
from operator_app.ui.commands import AliasCommand, DecideMatchCommand, SetStatusCommand, _Command
from operator_app.ui.decision_text import local_time, value_text
from operator_app.ui.labels import code_label


def subject_text(cmd: _Command) -> str:
    if isinstance(cmd, SetStatusCommand):
        return QCoreApplication.translate("StaleEdit", "Status temuan «{0}»").format(
            code_label(cmd.finding_key[1])
        )
    if isinstance(cmd, AliasCommand):
        return QCoreApplication.translate("StaleEdit", "Alias unor «{0}»").format(cmd.unor_name)
    if isinstance(cmd, DecideMatchCommand):
        return QCoreApplication.translate("StaleEdit", "Keputusan padanan guru ini")
    return QCoreApplication.translate("StaleEdit", "Kondisi unor guru ini")


def stale_message(err: StaleEditError, cmd: _Command) -> tuple[str, str, str]:
    """(title, text, kept): what the refusal dialog shows; `kept` is the operator's own text."""
    names = {"school_names": cmd.school_names}
    by = err.changed_by or (
        QCoreApplication.translate("StaleEdit", "pemeriksaan otomatis")
        if err.kind == "status"
        else QCoreApplication.translate("StaleEdit", "operator lain")
    )
    current = value_text(err.kind, err.current_value, err.current_note, **names)
    mine = value_text(err.kind, err.attempted_value, None, **names)
    text = (
        QCoreApplication.translate(
            "StaleEdit", "{0} sudah diubah oleh {1} pada {2}, setelah data ini Anda buka."
        ).format(subject_text(cmd), by, local_time(err.changed_at))
        + "\n\n"
        + QCoreApplication.translate("StaleEdit", "Nilai terbaru: {0}").format(current)
        + "\n"
        + QCoreApplication.translate(
            "StaleEdit", "Perubahan Anda: {0} — tidak disimpan dan tidak menimpa nilai terbaru."
        ).format(mine)
    )
    kept = err.attempted_note or "" if err.kind == "status" else ""
    return QCoreApplication.translate("StaleEdit", "Sudah diubah orang lain"), text, kept or mine


class StaleEditDialog(QDialog):
    """The message, the operator's kept text (selectable, with a copy button), and two choices:
    apply it again on top of the newer value, or leave the newer value (Batal)."""

    def __init__(
        self, title: str, text: str, kept: str, can_reapply: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        message = QLabel("<br>".join(escape(line) for line in text.split("\n")))
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(message)
        layout.addWidget(QLabel(self.tr("Teks Anda (tetap tersimpan, bisa disalin):")))
        self.kept = QPlainTextEdit(kept)
        self.kept.setReadOnly(True)
        self.kept.setMaximumHeight(80)
        self.kept.setAccessibleName(self.tr("Teks Anda"))
        layout.addWidget(self.kept)
        row = QHBoxLayout()
        copy = QPushButton(self.tr("&Salin teks"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(kept))
        row.addWidget(copy)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        self.reapply = buttons.addButton(
            self.tr("Terapkan lagi di atas nilai terbaru"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reapply.setVisible(can_reapply)
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # the safe choice: leave the newer value
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
