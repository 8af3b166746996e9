"""The Dinas table: one row per school (SchoolSummary), its filter, and the total line's sums.

Columns: Kecamatan, Sekolah, PTK, Padan, Invalid, Peringatan, Info, open findings per actor
(the catalogue's actors), Impor terakhir, Tanggal unduh, Baru, Selesai. No NPSN column: the
Dapodik exports carry no NPSN (shared/domain/formats.md), so the store has none to show.
A few hundred rows: a QSortFilterProxyModel is fast enough here (measured in the report).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from operator_app.core.views import SchoolSummary
from operator_app.ui.labels import ACTORS, SEVERITY_BACKGROUND, actor_label
from operator_app.ui.models import IdRole, SortRole

_Index = QModelIndex | QPersistentModelIndex
KEC, NAME, PTK, PADAN, INVALID, WARNING, INFO = range(7)
FIRST_ACTOR = 7
IMPORTED, UNDUH, NEW, FIXED = range(FIRST_ACTOR + len(ACTORS), FIRST_ACTOR + len(ACTORS) + 4)
N_COLUMNS = FIXED + 1
_DATES = (IMPORTED, UNDUH)


def _wrap(label: str, width: int = 9) -> str:
    """A header on short lines (narrow number columns): words joined up to `width` letters."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def headers() -> list[str]:
    return [
        QCoreApplication.translate("DistrictModel", "Kecamatan"),
        QCoreApplication.translate("DistrictModel", "Sekolah"),
        QCoreApplication.translate("DistrictModel", "PTK"),
        QCoreApplication.translate("DistrictModel", "Padan"),
        QCoreApplication.translate("DistrictModel", "Invalid"),
        QCoreApplication.translate("DistrictModel", "Peringatan"),
        QCoreApplication.translate("DistrictModel", "Info"),
        *(_wrap(actor_label(a)) for a in ACTORS),
        QCoreApplication.translate("DistrictModel", "Impor\nterakhir"),
        QCoreApplication.translate("DistrictModel", "Tanggal\nunduh"),
        QCoreApplication.translate("DistrictModel", "Baru"),
        QCoreApplication.translate("DistrictModel", "Selesai"),
    ]


def header_tips() -> list[str]:
    actor_tip = QCoreApplication.translate(
        "DistrictModel", "Temuan terbuka yang harus ditindaklanjuti oleh: {0}"
    )
    return [
        QCoreApplication.translate("DistrictModel", "Kecamatan sekolah (baris judul file Dapodik)"),
        QCoreApplication.translate("DistrictModel", "Nama sekolah seperti di Dapodik"),
        QCoreApplication.translate("DistrictModel", "Jumlah PTK di data Dapodik terakhir"),
        QCoreApplication.translate(
            "DistrictModel", "PTK yang sudah padan dengan satu data ASN di SIASN"
        ),
        QCoreApplication.translate("DistrictModel", "Temuan terbuka tingkat Invalid"),
        QCoreApplication.translate("DistrictModel", "Temuan terbuka tingkat Peringatan"),
        QCoreApplication.translate("DistrictModel", "Temuan terbuka tingkat Info"),
        *(actor_tip.format(actor_label(a)) for a in ACTORS),
        QCoreApplication.translate(
            "DistrictModel", "Kapan file Dapodik terbaru sekolah ini diimpor"
        ),
        QCoreApplication.translate(
            "DistrictModel", "Tanggal Unduh yang tertulis di file Dapodik itu"
        ),
        QCoreApplication.translate("DistrictModel", "Temuan yang muncul sejak impor sebelumnya"),
        QCoreApplication.translate("DistrictModel", "Temuan yang selesai sejak impor sebelumnya"),
    ]


def value(s: SchoolSummary, col: int) -> Any:
    """The native value of a cell: str, int or datetime | None."""
    if FIRST_ACTOR <= col < FIRST_ACTOR + len(ACTORS):
        return s.by_actor.get(ACTORS[col - FIRST_ACTOR], 0)
    return (
        s.kecamatan,
        s.name,
        s.n_ptk,
        s.n_matched,
        s.n_invalid,
        s.n_warning,
        s.n_info,
        *([None] * len(ACTORS)),
        s.last_import,
        s.tanggal_unduh,
        s.n_new,
        s.n_fixed,
    )[col]


def total_of(rows: Sequence[SchoolSummary], label: str) -> SchoolSummary:
    """The total line: sums; the newest import and the oldest Tanggal Unduh (the stalest data)."""
    actors: Counter[str] = Counter()
    for r in rows:
        actors.update(r.by_actor)
    imported = [r.last_import for r in rows if r.last_import is not None]
    unduh = [r.tanggal_unduh for r in rows if r.tanggal_unduh is not None]
    return SchoolSummary(
        school_id=0,
        name=label,
        kecamatan="",
        n_ptk=sum(r.n_ptk for r in rows),
        n_matched=sum(r.n_matched for r in rows),
        n_invalid=sum(r.n_invalid for r in rows),
        n_warning=sum(r.n_warning for r in rows),
        n_info=sum(r.n_info for r in rows),
        by_actor=dict(actors),
        last_import=max(imported, default=None),
        tanggal_unduh=min(unduh, default=None),
        n_new=sum(r.n_new for r in rows),
        n_fixed=sum(r.n_fixed for r in rows),
    )


class DistrictModel(QAbstractTableModel):
    """Schools (or, with `total=True`, the one total line under the table)."""

    def __init__(self, parent: QObject | None = None, total: bool = False) -> None:
        super().__init__(parent)
        self.total = total
        self._rows: list[SchoolSummary] = []
        self._search: list[str] = []

    def set_rows(self, rows: Sequence[SchoolSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [f"{r.name}\x1f{r.kecamatan}".lower() for r in self._rows]
        self.endResetModel()

    def rows(self) -> list[SchoolSummary]:
        return self._rows

    def row_at(self, row: int) -> SchoolSummary:
        return self._rows[row]

    def search_text(self, row: int) -> str:
        return self._search[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < N_COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tips()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if not 0 <= col < N_COLUMNS:
            return None
        v = s.name if self.total and col == KEC else value(s, col)  # the label spans both
        if role == Qt.ItemDataRole.DisplayRole:
            if col in _DATES:
                return v.strftime("%d-%m-%Y") if isinstance(v, datetime) else ""
            return str(v)
        if role == SortRole:
            if col in _DATES:
                return v.timestamp() if isinstance(v, datetime) else 0.0
            return v.casefold() if isinstance(v, str) else v
        if role == IdRole:
            return None if self.total else s.school_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= PTK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and isinstance(v, int) and v:
            return {
                INVALID: SEVERITY_BACKGROUND["invalid"],
                WARNING: SEVERITY_BACKGROUND["warning"],
            }.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and v == 0 and col > PADAN:
            return QColor("#9a9a9a")
        if role == Qt.ItemDataRole.FontRole and self.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(s, col, v)
        return None

    def _tip(self, s: SchoolSummary, col: int, v: Any) -> str | None:
        if col in _DATES and isinstance(v, datetime):
            when = v.strftime("%d-%m-%Y %H:%M")
            if self.total:
                return (
                    QCoreApplication.translate("DistrictModel", "Impor terbaru: {0}")
                    if col == IMPORTED
                    else QCoreApplication.translate("DistrictModel", "Data tertua: {0}")
                ).format(when)
            return when
        if col == NAME and not self.total:
            return QCoreApplication.translate(
                "DistrictModel", "{0}\nKecamatan {1}\nKlik dua kali untuk membuka daftar gurunya"
            ).format(s.name, s.kecamatan or "-")
        return None


class DistrictFilter(QSortFilterProxyModel):
    """Text (every word in the name or kecamatan) and one kecamatan; sorts on SortRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._kecamatan: str | None = None
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = tuple(text.lower().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kecamatan(self, kecamatan: str | None) -> None:
        self.beginFilterChange()
        self._kecamatan = kecamatan
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def kecamatan(self) -> str | None:
        return self._kecamatan

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DistrictModel):
            return True
        if self._kecamatan is not None and model.row_at(source_row).kecamatan != self._kecamatan:
            return False
        hay = model.search_text(source_row)
        return all(w in hay for w in self._words)

    def visible(self) -> list[SchoolSummary]:
        """The schools shown, in display order (the total line sums these)."""
        model = self.sourceModel()
        if not isinstance(model, DistrictModel):
            return []
        return [
            model.row_at(self.mapToSource(self.index(r, 0)).row()) for r in range(self.rowCount())
        ]
