"""A teacher's decision history (issue 14): who decided what and when, newest first.

Workflow changes (by the operator, from a workbook, or the automatic check), match and unor
decisions, and the attempts refused because they were made on stale data, marked as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from operator_app.core.views import DecisionEvent
from operator_app.ui.decision_text import local_time, value_text
from operator_app.ui.labels import code_label
from operator_app.ui.models import SortRole

_Index = QModelIndex | QPersistentModelIndex
REFUSED_FOREGROUND = QColor("#b3121f")
REFUSED_BACKGROUND = QColor("#fbe3e5")


def who_text(e: DecisionEvent) -> str:
    if e.channel == "auto" and not e.decided_by:
        return QCoreApplication.translate("History", "pemeriksaan otomatis")
    name = e.decided_by or QCoreApplication.translate("History", "(tidak tercatat)")
    if e.channel == "workbook":
        return QCoreApplication.translate("History", "{0} (dari file Excel)").format(name)
    if e.channel == "auto":
        return QCoreApplication.translate("History", "{0} (otomatis)").format(name)
    return name


def what_text(e: DecisionEvent) -> str:
    if e.kind == "status":
        return QCoreApplication.translate("History", "Status: {0}").format(code_label(e.code or ""))
    if e.kind == "match":
        target = (e.target or "").split(":", 1)[-1]
        return QCoreApplication.translate("History", "Padanan SIASN {0}").format(target).strip()
    if e.kind == "unor_condition":
        return QCoreApplication.translate("History", "Kondisi unor")
    return QCoreApplication.translate("History", "Alias unor {0}").format(e.target or "").strip()


def change_text(e: DecisionEvent) -> str:
    return f"{value_text(e.kind, e.old_value)} → {value_text(e.kind, e.new_value)}"


def outcome_text(e: DecisionEvent) -> str:
    if e.outcome == "refused":
        return QCoreApplication.translate("History", "DITOLAK")
    return QCoreApplication.translate("History", "disimpan")


def outcome_tip(e: DecisionEvent) -> str:
    if e.outcome == "refused":
        return QCoreApplication.translate(
            "History",
            "Ditolak: dibuat di atas data yang sudah diubah orang lain; tidak ada yang diubah.",
        )
    return QCoreApplication.translate("History", "Disimpan.")


class HistoryModel(QAbstractTableModel):
    """One row per decision event, newest first; refused attempts in red."""

    WAKTU, OLEH, KEPUTUSAN, PERUBAHAN, HASIL, CATATAN = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[DecisionEvent] = []

    def set_events(self, events: Sequence[DecisionEvent]) -> None:
        """`events` oldest first, as the store returns them; shown newest first."""
        self.beginResetModel()
        self._events = list(reversed(events))
        self.endResetModel()

    def event_at(self, row: int) -> DecisionEvent:
        return self._events[row]

    def refused_count(self) -> int:
        return sum(1 for e in self._events if e.outcome == "refused")

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("History", "Waktu"),
            QCoreApplication.translate("History", "Oleh"),
            QCoreApplication.translate("History", "Keputusan"),
            QCoreApplication.translate("History", "Perubahan"),
            QCoreApplication.translate("History", "Hasil"),
            QCoreApplication.translate("History", "Catatan"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 6
        ):
            return self.headers()[section]
        return None

    def _text(self, e: DecisionEvent, col: int) -> str:
        if col == self.WAKTU:
            return local_time(e.at)
        if col == self.OLEH:
            return who_text(e)
        if col == self.KEPUTUSAN:
            return what_text(e)
        if col == self.PERUBAHAN:
            return change_text(e)
        if col == self.HASIL:
            return outcome_text(e)
        return e.note or ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        e, col = self._events[index.row()], index.column()
        refused = e.outcome == "refused"
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = outcome_tip(e) if col == self.HASIL else self._text(e, col)
            if e.kind == "status" and e.old_note and col in (self.PERUBAHAN, self.CATATAN):
                tip += "\n" + QCoreApplication.translate(
                    "History", "Catatan sebelumnya: {0}"
                ).format(e.old_note)
            return tip
        if role == SortRole:
            return e.at.timestamp() if col == self.WAKTU else self._text(e, col)
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return REFUSED_FOREGROUND
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return REFUSED_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and refused and col == self.HASIL:
            font = QFont()
            font.setBold(True)
            return font
        return None


def history_view(model: HistoryModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)  # Catatan
    view.setWordWrap(False)
    view.setAccessibleName(QCoreApplication.translate("History", "Riwayat keputusan"))
    return view
