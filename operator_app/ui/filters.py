"""The person table's filter: severity, code, actor, workflow state, school, and a text search."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from operator_app.ui.models import PersonTableModel, SortRole

_Index = QModelIndex | QPersistentModelIndex


class PersonFilterProxy(QAbstractProxyModel):
    """Filters and sorts the person table in bulk, in Python, over the model's plain rows.

    Each criterion is a set of accepted values (empty = no filter). Severity "" means "no
    findings"; a row passes the code/actor/workflow filters when any of its findings matches.

    Not a QSortFilterProxyModel: that one calls back into Python for every row on every filter
    change (`filterAcceptsRow`) and twice per comparison when sorting (`data(SortRole)`), which
    took 0.06-2.6 s per change on 50,000 rows (bench/bench_gui.py). Here a change is a few list
    comprehensions over the rows in the current sort order, published as one layout change
    (selection kept when the row stays visible); a sort is one `sorted()` over keys the model
    computes once per column. The source model only ever resets (`set_rows`), so that is all
    this follows (and dataChanged).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._severities: frozenset[str] = frozenset()
        self._codes: frozenset[str] = frozenset()
        self._actors: frozenset[str] = frozenset()
        self._workflows: frozenset[str] = frozenset()
        self._school_id: int | None = None
        self._needles: tuple[str, ...] = ()
        self._only_with_findings = False
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] | None = None  # every source row in sort order (cache)
        self._rows: list[int] = []  # visible source rows, in display order
        self._pos: dict[int, int] | None = None  # source row -> proxy row (built on demand)

    # -- the filter criteria ----------------------------------------------------------------------
    def set_severities(self, values: Iterable[str]) -> None:
        self._severities = frozenset(values)
        self._changed()

    def set_codes(self, values: Iterable[str]) -> None:
        self._codes = frozenset(values)
        self._changed()

    def set_actors(self, values: Iterable[str]) -> None:
        self._actors = frozenset(values)
        self._changed()

    def set_workflows(self, values: Iterable[str]) -> None:
        self._workflows = frozenset(values)
        self._changed()

    def set_school(self, school_id: int | None) -> None:
        self._school_id = school_id
        self._changed()

    def set_only_with_findings(self, on: bool) -> None:
        self._only_with_findings = on
        self._changed()

    def set_search(self, text: str) -> None:
        """Words must all occur (in any order) in the name, NIP or NIK; spaces in numbers ignored."""
        words = text.lower().split()
        self._needles = tuple(words)
        self._changed()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._order = self._sort_rows(self._order)
        self._relayout()

    # -- computing the visible rows ---------------------------------------------------------------
    def _changed(self) -> None:
        self._relayout()

    def _sorted(self) -> list[int]:
        if self._order is None:
            self._order = self._sort_rows(None)
        return self._order

    def _sort_rows(self, previous: list[int] | None) -> list[int]:
        """Every source row in the current sort order. Stable from the previous order, as
        QSortFilterProxyModel: rows with equal keys keep the order of the last sort."""
        model = self.sourceModel()
        n = model.rowCount() if model is not None else 0
        col = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if model is None or col < 0 or col >= model.columnCount():
            return list(range(n - 1, -1, -1)) if descending else list(range(n))
        if isinstance(model, PersonTableModel):
            keys = model.sort_keys(col)
        else:
            keys = [model.index(i, col).data(SortRole) for i in range(n)]
        base = range(n) if previous is None or len(previous) != n else previous
        return sorted(base, key=keys.__getitem__, reverse=descending)

    def _visible(self) -> list[int]:
        """Source rows passing every criterion, in sort order: one pass per active criterion."""
        rows = self._sorted()
        model = self.sourceModel()
        if not isinstance(model, PersonTableModel):
            return list(rows)
        data = model.rows()
        if self._school_id is not None:
            school = self._school_id
            rows = [i for i in rows if data[i].school_id == school]
        if self._only_with_findings:
            rows = [i for i in rows if data[i].n_findings]
        if self._severities:
            sev = self._severities
            rows = [i for i in rows if (data[i].worst_severity or "") in sev]
        if self._codes:
            codes = self._codes
            rows = [i for i in rows if not codes.isdisjoint(data[i].codes)]
        if self._actors:
            actors = self._actors
            rows = [i for i in rows if not actors.isdisjoint(data[i].actors)]
        if self._workflows:
            workflows = self._workflows
            rows = [i for i in rows if not workflows.isdisjoint(data[i].statuses)]
        if self._needles:
            hay = model.search_texts()
            for needle in self._needles:
                rows = [i for i in rows if needle in hay[i]]
        return rows  # may be the cached sort order itself: neither is changed in place

    def _relayout(self) -> None:
        """Publish the new visible rows as one layout change: persistent indexes (the view's
        selection and current row) follow their source row.

        When a row some persistent index points at disappears (the selected teacher is filtered
        out), the rows are instead removed and inserted as two ranges, as QSortFilterProxyModel
        did: the selection model then clears the current row and says so (currentRowChanged),
        and the detail pane empties instead of showing a teacher no longer in the list.
        """
        rows = self._visible()
        old = self.persistentIndexList()
        pos = {source: row for row, source in enumerate(rows)} if old else {}
        if any(i.isValid() and self._rows[i.row()] not in pos for i in old):
            self._replace(rows, pos)
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()  # listeners save their state as persistent indexes
        sources = [(self._rows[i.row()], i.column()) if i.isValid() else None for i in old]
        self._rows, self._pos = rows, None
        if old:
            pos = self._position()
            new = [
                self.createIndex(pos[s[0]], s[1])
                if s is not None and s[0] in pos
                else QModelIndex()
                for s in sources
            ]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _replace(self, rows: list[int], pos: dict[int, int]) -> None:
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows, self._pos = [], None
            self.endRemoveRows()
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows, self._pos = rows, pos
            self.endInsertRows()

    def _position(self) -> dict[int, int]:
        if self._pos is None:
            self._pos = {source: row for row, source in enumerate(self._rows)}
        return self._pos

    # -- following the source model ---------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            old.modelAboutToBeReset.disconnect(self._source_about_to_reset)
            old.modelReset.disconnect(self._source_reset)
            old.dataChanged.disconnect(self._source_data_changed)
        self.beginResetModel()
        super().setSourceModel(model)
        if model is not None:
            model.modelAboutToBeReset.connect(self._source_about_to_reset)
            model.modelReset.connect(self._source_reset)
            model.dataChanged.connect(self._source_data_changed)
        self._order = None
        self._rows = self._visible()
        self._pos = None
        self.endResetModel()

    def _source_about_to_reset(self) -> None:
        self.beginResetModel()

    def _source_reset(self) -> None:
        self._order = None
        self._rows = self._visible()
        self._pos = None
        self.endResetModel()

    def _source_data_changed(self, *_args: Any) -> None:
        self._order = None
        self._relayout()
        if self._rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    # -- QAbstractProxyModel ----------------------------------------------------------------------
    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return model.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._position().get(source_index.row())
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)):
            return QModelIndex()
        if not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, *args: Any) -> Any:
        """A flat table: no index has a parent (without arguments: the QObject parent)."""
        if not args:
            return QObject.parent(self)
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: _Index) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if model is None or not index.isValid() or index.row() >= len(self._rows):
            return None
        if isinstance(model, PersonTableModel):
            return model.cell(self._rows[index.row()], index.column(), role)
        return model.data(self.mapToSource(index), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not (0 <= section < len(self._rows)):
                return None
            section = self._rows[section]
        return model.headerData(section, orientation, role)
