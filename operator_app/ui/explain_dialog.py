"""Bantuan → Arti pesan e-Kinerja: type or paste a Sinkron PMM message, see what it means.

The search runs in the GUI thread on purpose: it scores 20 entries (a few milliseconds), far
below a keystroke; a short timer waits for the typing to pause.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.ekinerja.knowledge import ACTOR_LABELS, CATEGORY_LABELS, Entry, entries
from operator_app.core.ekinerja.matching import explain

_NO_ROLE = Qt.ItemDataRole.UserRole + 1


def _L() -> dict[str, str]:
    """Headings inside the HTML (literal calls, so lupdate finds them)."""
    return {
        "Bunyi lain": QCoreApplication.translate("ExplainDialog", "Bunyi lain"),
        "Penyebab": QCoreApplication.translate("ExplainDialog", "Penyebab"),
        "Langkah, berurutan": QCoreApplication.translate("ExplainDialog", "Langkah, berurutan"),
        "Waktu tunggu": QCoreApplication.translate("ExplainDialog", "Waktu tunggu"),
        "Petunjuk dari data": QCoreApplication.translate("ExplainDialog", "Petunjuk dari data"),
        "Langkah berikut": QCoreApplication.translate("ExplainDialog", "Langkah berikut"),
        "Kelompok pesan yang dikenal:": QCoreApplication.translate(
            "ExplainDialog", "Kelompok pesan yang dikenal:"
        ),
    }


def entry_html(e: Entry, score: float | None = None) -> str:
    """One message explained: cause, who acts where in which order, wait, warning, data codes."""
    out = [f"<h3 style='margin:0'>#{e.no} · {escape(e.message)}</h3>"]
    meta = f"{escape(e.seen_by)} · {escape(CATEGORY_LABELS.get(e.category, ''))}"
    if score is not None:
        meta += " · " + escape(
            QCoreApplication.translate("ExplainDialog", "kecocokan {0}%").format(round(score * 100))
        )
    out.append(f"<p style='color:#555'>{meta}</p>")
    if len(e.messages) > 1:
        others = "<br>".join(f"“{escape(m)}”" for m in e.messages[1:])
        out.append(f"<p><b>{escape(_L()['Bunyi lain'])}</b><br>{others}</p>")
    out.append(f"<p><b>{escape(_L()['Penyebab'])}</b><br>{escape(e.cause)}</p>")
    if e.warning:
        out.append(
            "<p style='background:#f8c8cc; padding:4px'><b>"
            + escape(QCoreApplication.translate("ExplainDialog", "PERHATIAN"))
            + f"</b>: {escape(e.warning)}</p>"
        )
    out.append(f"<p><b>{escape(_L()['Langkah, berurutan'])}</b></p><ol>")
    for s in e.steps:
        who = escape(ACTOR_LABELS.get(s.actor, s.actor))
        out.append(f"<li><b>{who}</b> — <i>{escape(s.where)}</i>: {escape(s.text)}</li>")
    out.append("</ol>")
    if e.wait:
        out.append(f"<p><b>{escape(_L()['Waktu tunggu'])}</b>: {escape(e.wait)}</p>")
    if e.data_codes:
        codes = ", ".join(e.data_codes)
        out.append(
            "<p><b>"
            + escape(
                QCoreApplication.translate(
                    "ExplainDialog", "Temuan aplikasi ini yang menyebabkannya"
                )
            )
            + f"</b>: {escape(codes)}</p>"
        )
    else:
        out.append(
            "<p style='color:#1f5f99'><b>"
            + escape(
                QCoreApplication.translate("ExplainDialog", "Bukan masalah data Dapodik/SIASN")
            )
            + "</b>: "
            + escape(
                QCoreApplication.translate(
                    "ExplainDialog", "jangan ubah data sekolah untuk pesan ini."
                )
            )
            + "</p>"
        )
    if e.hint_codes or e.plt_hint:
        hint = ", ".join(e.hint_codes)
        if e.plt_hint:
            hint += " · " + QCoreApplication.translate(
                "ExplainDialog", "Plt. Kepala Sekolah di Dapodik"
            )
        out.append(f"<p><b>{escape(_L()['Petunjuk dari data'])}</b>: {escape(hint)}</p>")
    out.append(f"<p><b>{escape(_L()['Langkah berikut'])}</b><br>{escape(e.next_step)}</p>")
    return "".join(out)


def categories_html(query: str) -> str:
    head = QCoreApplication.translate(
        "ExplainDialog", "Pesan “{0}” tidak dikenali sebagai pesan Sinkron PMM e-Kinerja."
    ).format(query)
    out = [f"<p><b>{escape(head)}</b></p><p>{escape(_L()['Kelompok pesan yang dikenal:'])}</p>"]
    for cid, label in CATEGORY_LABELS.items():
        items = "".join(
            f"<li>#{e.no} {escape(e.message)}</li>" for e in entries() if e.category == cid
        )
        out.append(f"<p><b>{escape(label)}</b></p><ul>{items}</ul>")
    return "".join(out)


class ExplainDialog(QDialog):
    """Search box, ranked candidates, and the explanation of the chosen one."""

    def __init__(self, parent: QWidget | None = None, query: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Arti pesan e-Kinerja"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Tempel atau ketik pesan gagal Sinkron PMM (boleh sebagian):"))
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("mis. Data PNS ID belum padan antara SIASN …"))
        self.query.setAccessibleName(self.tr("Pesan e-Kinerja"))
        label.setBuddy(self.query)
        layout.addWidget(label)
        layout.addWidget(self.query)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(self.tr("Pesan yang cocok"))
        self.candidates.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Arti pesan"))
        split.addWidget(self.candidates)
        split.addWidget(self.text)
        split.setSizes([300, 600])
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.candidates.currentItemChanged.connect(self._chosen)
        self.query.setText(query)
        self.search()

    def search(self) -> None:
        """Fill the candidate list for the current text (all 20 when the box is empty)."""
        text = self.query.text().strip()
        self.candidates.blockSignals(True)
        self.candidates.clear()
        if not text:
            pairs: list[tuple[Entry, float | None]] = [(e, None) for e in entries()]
        else:
            pairs = [(m.entry, m.score) for m in explain(text)]
        for e, score in pairs:
            label = f"#{e.no}  {e.message}"
            if score is not None:
                label += f"  ({round(score * 100)}%)"
            item = QListWidgetItem(label)
            item.setData(_NO_ROLE, (e.no, score))
            self.candidates.addItem(item)
        self.candidates.blockSignals(False)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)
            self._chosen(self.candidates.currentItem(), None)
        else:
            self.text.setHtml(categories_html(text))

    def _chosen(self, item: QListWidgetItem | None, _prev: Any) -> None:
        if item is None:
            return
        no, score = item.data(_NO_ROLE)
        e = next(x for x in entries() if x.no == no)
        self.text.setHtml(entry_html(e, score))

    def shown_number(self) -> int | None:
        item = self.candidates.currentItem()
        return int(item.data(_NO_ROLE)[0]) if item is not None else None


def open_explain(parent: QWidget | None = None, query: str = "") -> ExplainDialog:
    """Open the dialog (non-modal, so the operator can keep it beside the teacher)."""
    dialog = ExplainDialog(parent, query)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
