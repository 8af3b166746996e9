"""The person table's filter: severity, code, actor, workflow state, school, and a text search."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from operator_app.ui.models import PersonTableModel, SortRole


class PersonFilterProxy(QSortFilterProxyModel):
    """Filters on the source rows' plain fields; search uses the model's lowercase strings.

    Each criterion is a set of accepted values (empty = no filter). Severity "" means "no
    findings"; a row passes the code/actor/workflow filters when any of its findings matches.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(False)
        self._severities: frozenset[str] = frozenset()
        self._codes: frozenset[str] = frozenset()
        self._actors: frozenset[str] = frozenset()
        self._workflows: frozenset[str] = frozenset()
        self._school_id: int | None = None
        self._needles: tuple[str, ...] = ()
        self._only_with_findings = False

    def _changed(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

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

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PersonTableModel):
            return True
        r = model.row_at(source_row)
        if self._school_id is not None and r.school_id != self._school_id:
            return False
        if self._only_with_findings and not r.n_findings:
            return False
        if self._severities and (r.worst_severity or "") not in self._severities:
            return False
        if self._codes and self._codes.isdisjoint(r.codes):
            return False
        if self._actors and self._actors.isdisjoint(r.actors):
            return False
        if self._workflows and self._workflows.isdisjoint(r.statuses):
            return False
        if self._needles:
            hay = model.search_text(source_row)
            return all(n in hay for n in self._needles)
        return True
