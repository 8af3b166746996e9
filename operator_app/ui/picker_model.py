"""The school picker's popup rows: "Semua sekolah", then per kecamatan a header and its schools.

Two columns (name; counts, right-aligned and grey) drawn by Qt's own delegate, not by a
Python `paint()`: cheap while the operator types, and safe from a PySide6 6.12.0 bug on
Python 3.11, where every void Qt call made from Python (QPainter.save, QStyle.drawControl,
initStyleOption, ...) releases None once too often; a Python delegate making ~5 such calls per
painted row crashed the process ("none_dealloc") after some scrolling and typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from operator_app.core.model import School
from operator_app.ui.models import IdRole
from operator_app.ui.school_search import SchoolChoice

_Index = QModelIndex | QPersistentModelIndex
KindRole = Qt.ItemDataRole.UserRole + 12
ALL, HEADER, SCHOOL = "all", "header", "school"
_HEADER_BACKGROUND = QColor("#e8eef5")
_GREY = QColor("#5a5a5a")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class PickerListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, int | None]] = []  # kind, name, counts, id
        self.n_schools = 0

    def show(self, groups: list[tuple[str, list[SchoolChoice]]], n_all: int) -> None:
        rows: list[tuple[str, str, str, int | None]] = [
            (ALL, self.tr("Semua sekolah"), self.tr("{0} sekolah").format(n_all), None)
        ]
        for kec, schools in groups:
            head = self.tr("Kecamatan {0}").format(kec) if kec else self.tr("Tanpa kecamatan")
            rows.append((HEADER, head, self.tr("{0} sekolah").format(len(schools)), None))
            rows.extend((SCHOOL, c.name, self._counts(c), c.school_id) for c in schools)
        self.beginResetModel()
        self._rows = rows
        self.n_schools = sum(len(s) for _k, s in groups)
        self.endResetModel()

    def _counts(self, c: SchoolChoice) -> str:
        if c.n_ptk is None:
            return c.npsn
        counts = self.tr("{0} PTK, {1} temuan").format(c.n_ptk, c.n_open or 0)
        return f"{c.npsn} ({counts})" if c.npsn else f"({counts})"

    def kind(self, row: int) -> str:
        return self._rows[row][0]

    def school_id(self, row: int) -> int | None:
        return self._rows[row][3]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or index.row() >= len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][0] == HEADER:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows) or not 0 <= col < 2:
            return None
        kind, name, counts, school_id = self._rows[row]
        role = int(role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return counts if col else name
        if role == IdRole:
            return school_id
        if role == KindRole:
            return kind
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col and kind == SCHOOL:
            return _GREY
        if role == Qt.ItemDataRole.BackgroundRole and kind == HEADER:
            return _HEADER_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and kind != SCHOOL:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and kind == SCHOOL:
            return f"{name} {counts}".strip()
        return None


class SchoolListModel(QAbstractListModel):
    """The combo box's own items: "Semua sekolah" (data None) and each school (data: its id).

    One reset per new list instead of an addItem and a setItemData per school: 1,000 calls
    fewer per reload at 500 schools, each of which (PySide6 6.12.0, Python 3.11) also releases
    None once too often.
    """

    def __init__(self, all_text: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all_text = all_text
        self.schools: list[School] = []
        self._row: dict[int, int] = {}

    def set_schools(self, schools: Sequence[School]) -> None:
        self.beginResetModel()
        self.schools = list(schools)
        self._row = {s.id: i + 1 for i, s in enumerate(self.schools)}
        self.endResetModel()

    def row_of(self, school_id: int | None) -> int:
        """The combo row of a school (0: all; -1: not listed)."""
        return 0 if school_id is None else self._row.get(school_id, -1)

    def school_id(self, row: int) -> int | None:
        return self.schools[row - 1].id if 0 < row <= len(self.schools) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.schools) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row <= len(self.schools):
            return None
        role = int(role)
        school = self.schools[row - 1] if row else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return school.name if school else self._all_text
        if role == Qt.ItemDataRole.UserRole:
            return school.id if school else None
        if role == Qt.ItemDataRole.ToolTipRole and school and school.kecamatan:
            return school.kecamatan
        return None
