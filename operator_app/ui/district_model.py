"""The Dinas table: one row per school (SchoolSummary), its filter, and the total line's sums.

Columns: Kecamatan, Sekolah, PTK, Padan, Invalid, Peringatan, Info, open findings per actor
(the catalogue's actors), Impor terakhir, Tanggal unduh, Baru, Selesai. No NPSN column: the
Dapodik exports carry no NPSN (shared/domain/formats.md), so the store has none to show.
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
_SEVERITY_COLUMNS = {
    INVALID: SEVERITY_BACKGROUND["invalid"],
    WARNING: SEVERITY_BACKGROUND["warning"],
}
_GREY = QColor("#9a9a9a")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ALIGN, _FONT = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT, _ID = int(SortRole), int(IdRole)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


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


def values(s: SchoolSummary) -> tuple[Any, ...]:
    """The native values of a row, one per column: str, int or datetime | None."""
    return (
        s.kecamatan,
        s.name,
        s.n_ptk,
        s.n_matched,
        s.n_invalid,
        s.n_warning,
        s.n_info,
        *(s.by_actor.get(a, 0) for a in ACTORS),
        s.last_import,
        s.tanggal_unduh,
        s.n_new,
        s.n_fixed,
    )


def value(s: SchoolSummary, col: int) -> Any:
    return values(s)[col]


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
    """Schools (or, with `total=True`, the one total line under the table).

    Filters and sorts itself, in Python, over values computed once per row: a
    QSortFilterProxyModel calls back into Python for every comparison (`data(SortRole)`),
    which took 130-230 ms per sort or filter change at 500 schools on the GUI thread
    (bench/bench_dinas_view.py); here a change is one list comprehension and one `sorted()`.
    """

    def __init__(self, parent: QObject | None = None, total: bool = False) -> None:
        super().__init__(parent)
        self.total = total
        self._all: list[SchoolSummary] = []
        self._display: list[tuple[str, ...]] = []
        self._sort: list[tuple[Any, ...]] = []
        self._search: list[str] = []
        self._shown: list[int] = []  # indexes into _all, in display order
        self._words: tuple[str, ...] = ()
        self._kecamatan: str | None = None
        self._sort_column = -1
        self._descending = False

    # -- rows, filter, sort -----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[SchoolSummary], kecamatan: str | None = None) -> None:
        """New rows, shown for `kecamatan` (None: all); the text filter and the sort stay."""
        self.beginResetModel()
        self._all, self._kecamatan = list(rows), kecamatan
        rows_values = [values(s) for s in self._all]
        if self.total:  # the total line's label spans Kecamatan and Sekolah
            rows_values = [(vs[NAME], *vs[1:]) for vs in rows_values]
        self._display = [_display(vs) for vs in rows_values]
        self._sort = [_sort_values(vs) for vs in rows_values]
        self._search = [f"{r.name}\x1f{r.kecamatan}".lower() for r in self._all]
        self._shown = self._order(self._visible())
        self.endResetModel()

    def all_rows(self) -> list[SchoolSummary]:
        return self._all

    def rows(self) -> list[SchoolSummary]:
        """The schools shown, in display order (the total line sums these)."""
        return [self._all[i] for i in self._shown]

    def row_at(self, row: int) -> SchoolSummary:
        return self._all[self._shown[row]]

    def set_text(self, text: str) -> None:
        """Every word must occur in the name or the kecamatan."""
        self._words = tuple(text.lower().split())
        self._refilter()

    def set_kecamatan(self, kecamatan: str | None) -> None:
        self._kecamatan = kecamatan
        self._refilter()

    def kecamatan(self) -> str | None:
        return self._kecamatan

    def _visible(self) -> list[int]:
        kec, words, hay = self._kecamatan, self._words, self._search
        return [
            i
            for i, s in enumerate(self._all)
            if (kec is None or s.kecamatan == kec) and all(w in hay[i] for w in words)
        ]

    def _order(self, rows: list[int]) -> list[int]:
        col = self._sort_column
        if not 0 <= col < N_COLUMNS:
            return rows
        keys = self._sort
        return sorted(rows, key=lambda i: keys[i][col], reverse=self._descending)

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = self._order(self._visible())
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A layout change: the view's selection and current row follow their school."""
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self._shown[i.row()], i.column()) for i in old]
        self._shown = self._order(self._shown)
        pos = {source: row for row, source in enumerate(self._shown)}
        self.changePersistentIndexList(old, [self.index(pos[r], c) for r, c in held])
        self.layoutChanged.emit()

    # -- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

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
        """Plain-int role comparisons: comparing with Qt's enum members costs a Python call
        each, and the view asks ~10 roles per visible cell on every repaint."""
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._shown) or not 0 <= col < N_COLUMNS:
            return None
        i = self._shown[row]
        role = int(role)
        if role == _DISPLAY:
            return self._display[i][col]
        if role == _SORT:
            return self._sort[i][col]
        if role == _ALIGN:
            return _RIGHT if col >= PTK else None
        if role == _BACKGROUND:
            return _SEVERITY_COLUMNS.get(col) if self._sort[i][col] else None
        if role == _FOREGROUND:
            return _GREY if col > PADAN and self._sort[i][col] == 0 else None
        if role == _FONT:
            return _bold() if self.total else None
        if role == _ID:
            return None if self.total else self._all[i].school_id
        if role == _TOOLTIP:
            return self._tip(self._all[i], col)
        return None

    def _tip(self, s: SchoolSummary, col: int) -> str | None:
        v = value(s, col)
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


def _date(v: datetime | None) -> str:
    return v.strftime("%d-%m-%Y") if v is not None else ""


def _display(vs: tuple[Any, ...]) -> tuple[str, ...]:
    out = [str(v) for v in vs]
    out[IMPORTED], out[UNDUH] = _date(vs[IMPORTED]), _date(vs[UNDUH])
    return tuple(out)


def _sort_values(vs: tuple[Any, ...]) -> tuple[Any, ...]:
    """Native values: counts as int, names case-folded, dates as a timestamp (none: 0)."""
    out = list(vs)
    out[KEC], out[NAME] = vs[KEC].casefold(), vs[NAME].casefold()
    for col in _DATES:
        out[col] = vs[col].timestamp() if vs[col] is not None else 0.0
    return tuple(out)
