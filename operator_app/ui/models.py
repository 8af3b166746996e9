"""Table models over the plain rows the Workspace returns (display, native sort values, ids)."""

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

from operator_app.core.model import SEVERITY_ORDER, Finding
from operator_app.core.views import FieldPair, PersonRow
from operator_app.ui.labels import (
    SEVERITY_BACKGROUND,
    SEVERITY_FOREGROUND,
    actor_label,
    code_label,
    severity_label,
    workflow_label,
)

SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_WORKFLOW_ORDER = {"baru": 0, "diajukan": 1, "selesai": 2, "diabaikan": 3, "": 4}


class PersonTableModel(QAbstractTableModel):
    """One row per person; the proxy filters on `row_at()` and the precomputed search strings."""

    NAMA, NIP_DAPODIK, NIP_SIASN, STATUS, UNOR, TINGKAT, JUMLAH, TINDAK_LANJUT, SEKOLAH = range(9)
    GAGAL_SINKRON = 9  # h15: the e-Kinerja log's failed syncs ("#10", "#6, #9", "?" unknown)
    _N = 10

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._search: list[str] = []
        self._sort_keys: dict[int, list[Any]] = {}

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("PersonTableModel", "Nama"),
            QCoreApplication.translate("PersonTableModel", "NIP Dapodik"),
            QCoreApplication.translate("PersonTableModel", "NIP SIASN"),
            QCoreApplication.translate("PersonTableModel", "Status Kepegawaian"),
            QCoreApplication.translate("PersonTableModel", "Unor (SIASN)"),
            QCoreApplication.translate("PersonTableModel", "Tingkat"),
            QCoreApplication.translate("PersonTableModel", "Jumlah temuan"),
            QCoreApplication.translate("PersonTableModel", "Status tindak lanjut"),
            QCoreApplication.translate("PersonTableModel", "Sekolah"),
            QCoreApplication.translate("PersonTableModel", "Gagal sinkron"),
        ]

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [
            f"{r.nama}\x1f{r.nip_dapodik}\x1f{r.nip_siasn}\x1f{r.nik}{_sync_search(r)}".lower()
            for r in self._rows
        ]
        self._sort_keys = {}
        self.endResetModel()

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def rows(self) -> list[PersonRow]:
        """Every row, in source order (the filter proxy reads them in bulk; do not change)."""
        return self._rows

    def search_text(self, row: int) -> str:
        return self._search[row]

    def search_texts(self) -> list[str]:
        return self._search

    def sort_keys(self, col: int) -> list[Any]:
        """The SortRole value of every row in `col`, computed once per column and set of rows."""
        keys = self._sort_keys.get(col)
        if keys is None:
            keys = self._sort_keys[col] = [self._sort(r, col) for r in self._rows]
        return keys

    def row_of(self, person_key: str) -> int:
        for i, r in enumerate(self._rows):
            if r.person_key == person_key:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._N

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._N:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """`data()` without a QModelIndex (the filter proxy asks by source row)."""
        r = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SortRole:
            return self._sort(r, col)
        if role == IdRole:
            return r.person_key
        if role == RowRole:
            return r
        if role == Qt.ItemDataRole.BackgroundRole and r.worst_severity in ("invalid", "warning"):
            return SEVERITY_BACKGROUND[r.worst_severity]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.TINGKAT and r.worst_severity:
                return SEVERITY_FOREGROUND[r.worst_severity]
            if col == self.NIP_DAPODIK and r.only_in_siasn:
                return QColor("#555555")
        if role == Qt.ItemDataRole.FontRole:
            if col == self.TINGKAT and r.worst_severity == "invalid":
                f = QFont()
                f.setBold(True)
                return f
            if col == self.NIP_DAPODIK and r.only_in_siasn:
                f = QFont()
                f.setItalic(True)
                return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.JUMLAH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAMA:
            return f"{r.nama}\n{r.school_name}"
        return None

    def _display(self, r: PersonRow, col: int) -> str:
        if col == self.NAMA:
            return r.nama
        if col == self.NIP_DAPODIK:
            return (
                QCoreApplication.translate("PersonTableModel", "hanya di SIASN")
                if r.only_in_siasn
                else r.nip_dapodik
            )
        if col == self.NIP_SIASN:
            return r.nip_siasn
        if col == self.STATUS:
            return r.status_kepegawaian
        if col == self.UNOR:
            return r.unor
        if col == self.TINGKAT:
            return severity_label(r.worst_severity) if r.worst_severity else ""
        if col == self.JUMLAH:
            return str(r.n_findings) if r.n_findings else ""
        if col == self.TINDAK_LANJUT:
            return workflow_label(r.workflow) if r.workflow else ""
        if col == self.GAGAL_SINKRON:
            return ", ".join(f"#{n}" if n else "?" for n in r.sync_failed)
        return r.school_name

    def _sort(self, r: PersonRow, col: int) -> Any:
        if col == self.TINGKAT:
            return SEVERITY_ORDER.get(r.worst_severity or "", 9)
        if col == self.JUMLAH:
            return r.n_findings
        if col == self.TINDAK_LANJUT:
            return _WORKFLOW_ORDER.get(r.workflow, 9)
        if col == self.NIP_DAPODIK:
            return r.nip_dapodik or ("~" if r.only_in_siasn else "")
        return self._display(r, col).lower()


def _sync_search(r: PersonRow) -> str:
    """h15: 'gagal sinkron #10' in the search text, so the search box filters on failed syncs."""
    if not r.sync_failed:
        return ""
    return "\x1fgagal sinkron " + " ".join(f"#{n}" if n else "#?" for n in r.sync_failed)


class FindingListModel(QAbstractTableModel):
    """The findings of one person (or a school): code, severity, who, where, state."""

    KODE, TINGKAT, SIAPA, DI_MANA, STATUS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.beginResetModel()
        self._findings = sorted(
            findings,
            key=lambda f: (f.status not in ("baru", "diajukan"), SEVERITY_ORDER[f.severity]),
        )
        self.endResetModel()

    def finding_at(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = [
                QCoreApplication.translate("FindingListModel", "Temuan"),
                QCoreApplication.translate("FindingListModel", "Tingkat"),
                QCoreApplication.translate("FindingListModel", "Siapa"),
                QCoreApplication.translate("FindingListModel", "Di mana"),
                QCoreApplication.translate("FindingListModel", "Status"),
            ]
            if 0 <= section < 5:
                return names[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._findings)):
            return None
        f = self._findings[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                code_label(f.code),
                severity_label(f.severity),
                actor_label(f.actor),
                f.where,
                workflow_label(f.status),
            )[col]
        if role == SortRole:
            return (f.code, SEVERITY_ORDER[f.severity], f.actor, f.where, f.status)[col]
        if role == IdRole:
            return f.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{f.code}: {f.detail}"
        closed = f.status in ("selesai", "diabaikan")
        if role == Qt.ItemDataRole.BackgroundRole and not closed and f.severity != "info":
            return SEVERITY_BACKGROUND[f.severity]
        if role == Qt.ItemDataRole.ForegroundRole and closed:
            return QColor("#777777")
        return None


class FieldPairModel(QAbstractTableModel):
    """Dapodik and SIASN side by side; differing fields highlighted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pairs: list[FieldPair] = []

    def set_pairs(self, pairs: Sequence[FieldPair]) -> None:
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair_at(self, row: int) -> FieldPair:
        return self._pairs[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = [
                QCoreApplication.translate("FieldPairModel", "Data"),
                QCoreApplication.translate("FieldPairModel", "Dapodik"),
                QCoreApplication.translate("FieldPairModel", "SIASN"),
            ]
            if 0 <= section < 3:
                return names[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._pairs)):
            return None
        p = self._pairs[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return (p.label, p.dapodik, p.siasn)[col]
        if role == Qt.ItemDataRole.BackgroundRole and p.differs and col > 0:
            return SEVERITY_BACKGROUND["warning"]
        if role == Qt.ItemDataRole.FontRole and p.differs:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and p.differs:
            return QCoreApplication.translate("FieldPairModel", "Berbeda: {0} → {1}").format(
                p.dapodik or "-", p.siasn or "-"
            )
        return None


class CountModel(QAbstractTableModel):
    """Label/count pairs for the overview tables."""

    def __init__(self, header: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._header = header
        self._items: list[tuple[str, int]] = []

    def set_items(self, items: Sequence[tuple[str, int]]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self._header
            if section == 1:
                return QCoreApplication.translate("CountModel", "Jumlah")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        label, n = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else str(n)
        if role == SortRole:
            return label if index.column() == 0 else n
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
