"""The row of filters above the teacher table: school, search, severity, code, actor, state."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from operator_app.core.model import School
from operator_app.core.views import SchoolSummary
from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.labels import (
    ACTORS,
    CODES,
    SEVERITIES,
    WORKFLOWS,
    actor_label,
    code_label,
    severity_label,
    workflow_label,
)
from operator_app.ui.school_picker import SchoolPicker


class FilterBar(QWidget):
    school_changed = Signal(object)  # school id or None

    def __init__(self, proxy: PersonFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)

        self.school = SchoolPicker()  # a QComboBox whose popup searches (ui/school_picker.py)
        self.school.setAccessibleName(self.tr("Pilih sekolah"))
        self.school.currentIndexChanged.connect(self._school_picked)
        label = QLabel(self.tr("&Sekolah:"))
        label.setBuddy(self.school)
        row.addWidget(label)
        row.addWidget(self.school)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nama, NIP atau NIK…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Cari guru"))
        self.search.textChanged.connect(proxy.set_search)
        row.addWidget(self.search, 1)

        self.severity = self._combo(
            self.tr("Semua tingkat"),
            [(s, severity_label(s)) for s in SEVERITIES] + [("", self.tr("Tanpa temuan"))],
            self.tr("Saring menurut tingkat"),
        )
        self.severity.currentIndexChanged.connect(
            lambda: proxy.set_severities(self._chosen(self.severity))
        )
        self.code = self._combo(
            self.tr("Semua jenis temuan"),
            [(c, code_label(c)) for c in CODES],
            self.tr("Saring menurut jenis temuan"),
        )
        self.code.currentIndexChanged.connect(lambda: proxy.set_codes(self._chosen(self.code)))
        self.actor = self._combo(
            self.tr("Semua pihak"),
            [(a, actor_label(a)) for a in ACTORS],
            self.tr("Saring menurut siapa yang bertindak"),
        )
        self.actor.currentIndexChanged.connect(lambda: proxy.set_actors(self._chosen(self.actor)))
        self.workflow = self._combo(
            self.tr("Semua status"),
            [(w, workflow_label(w)) for w in WORKFLOWS],
            self.tr("Saring menurut status tindak lanjut"),
        )
        self.workflow.currentIndexChanged.connect(
            lambda: proxy.set_workflows(self._chosen(self.workflow))
        )
        for combo in (self.severity, self.code, self.actor, self.workflow):
            row.addWidget(combo)
        self.only_problems = QCheckBox(self.tr("Hanya yang ada temuan"))
        self.only_problems.toggled.connect(proxy.set_only_with_findings)
        row.addWidget(self.only_problems)

    def _combo(self, all_text: str, items: list[tuple[str, str]], name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for value, label in items:
            combo.addItem(label, value)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    @staticmethod
    def _chosen(combo: QComboBox) -> list[str]:
        value = combo.currentData()
        return [] if value is None else [value]

    def set_schools(self, schools: Sequence[School]) -> None:
        """New school list (after a reload): the chosen school stays when it is still there."""
        self.school.set_schools(schools)
        self.proxy.set_school(self.school.current_school())

    def set_school_counts(self, summaries: Sequence[SchoolSummary]) -> None:
        """PTK and open findings per school, shown beside the names in the picker."""
        self.school.set_counts(
            {s.school_id: (s.n_ptk, s.n_invalid + s.n_warning + s.n_info) for s in summaries}
        )

    def select_school(self, school_id: int | None) -> bool:
        """Filter on one school (None: all), as if picked; False when it is not listed."""
        return self.school.select_school(school_id)

    def current_school(self) -> int | None:
        return self.school.current_school()

    def _school_picked(self) -> None:
        self.proxy.set_school(self.current_school())
        self.school_changed.emit(self.current_school())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
