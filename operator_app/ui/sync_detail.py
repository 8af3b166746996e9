"""In a teacher's detail: the e-Kinerja log's failed syncs, what they mean, and the findings that
cause them; and the button to look up any message (Arti pesan e-Kinerja)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.ekinerja.failures import SyncFailure
from operator_app.core.ekinerja.knowledge import ACTOR_LABELS, entry


def failure_html(f: SyncFailure) -> str:
    """One failed sync, compact: the log's message, its number and what explains it (or who must
    act), and the next step; the cause is in the tooltip and in Arti pesan e-Kinerja."""
    when = f" · {escape(f.failed_at)}" if f.failed_at else ""
    head = (
        "<b style='color:#b3121f'>"
        + escape(QCoreApplication.translate("SyncPanel", "Gagal sinkron e-Kinerja"))
        + f"</b>{when}: "
        f"“{escape(f.message)}”"
    )
    if f.ekinerja_no is None:
        why = escape(QCoreApplication.translate("SyncPanel", "Pesan tidak dikenal."))
    elif f.explained_by:
        why = (
            f"<b>#{f.ekinerja_no}</b> · <b>"
            + escape(QCoreApplication.translate("SyncPanel", "disebabkan temuan"))
            + "</b> "
            + escape(", ".join(f.explained_by))
        )
    else:
        who = ACTOR_LABELS.get(f.owner, f.owner)
        why = (
            f"<b>#{f.ekinerja_no}</b> · "
            + escape(
                QCoreApplication.translate("SyncPanel", "bukan dari data sekolah; yang bertindak:")
            )
            + f" <b>{escape(who)}</b>"
        )
    lines = [head, why]
    lines += [f"<span style='color:#8a5a00'>{escape(h)}</span>" for h in f.hints]
    lines.append(
        "<b>"
        + escape(QCoreApplication.translate("SyncPanel", "Langkah berikut"))
        + "</b>: "
        + escape(f.next_step)
    )
    return "<br>".join(lines)


def failure_tooltip(f: SyncFailure) -> str:
    return entry(f.ekinerja_no).cause if f.ekinerja_no else f.next_step


class SyncPanel(QWidget):
    """Hidden text when the teacher has no failed sync; the look-up button is always there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("background:#fff4f4; border:1px solid #e6b0b5; padding:4px")
        self.text.setAccessibleName(self.tr("Gagal sinkron e-Kinerja"))
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.button = QPushButton(self.tr("Arti pesan e-&Kinerja…"))
        self.button.setToolTip(
            self.tr("Cari arti pesan gagal Sinkron PMM: penyebab, siapa bertindak, langkahnya")
        )
        self.button.setAccessibleName(self.tr("Arti pesan e-Kinerja"))
        self.button.clicked.connect(self.open_explain)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        self.failures: tuple[SyncFailure, ...] = ()
        self.show_failures(())

    def show_failures(self, failures: Sequence[SyncFailure]) -> None:
        self.failures = tuple(failures)
        self.text.setVisible(bool(self.failures))
        self.text.setText("<br>".join(failure_html(f) for f in self.failures))
        self.text.setToolTip("\n\n".join(failure_tooltip(f) for f in self.failures))

    def open_explain(self) -> None:
        from operator_app.ui.explain_dialog import open_explain

        first = self.failures[0].message if self.failures else ""
        open_explain(self.window(), first)
