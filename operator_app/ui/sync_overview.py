"""The overview's e-Kinerja box: failed syncs of the current log by message and by who acts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QTableView, QWidget

from operator_app.core.ekinerja.knowledge import ACTOR_LABELS
from operator_app.core.views import SchoolOverview
from operator_app.ui.labels import actor_label
from operator_app.ui.models import CountModel


def _table(model: CountModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.setAccessibleName(name)
    return view


def owner_label(owner: str) -> str:
    if not owner:
        return QCoreApplication.translate("SyncOverviewBox", "(pesan tidak dikenal)")
    return ACTOR_LABELS.get(owner) or actor_label(owner)


class SyncOverviewBox(QGroupBox):
    """Hidden until a Log Sinkronisasi PMM is imported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gagal sinkron e-Kinerja (Log Sinkronisasi PMM)"), parent)
        row = QHBoxLayout(self)
        self.by_message = CountModel(self.tr("Pesan"), self)
        self.by_owner = CountModel(self.tr("Yang harus bertindak"), self)
        row.addWidget(_table(self.by_message, self.tr("Gagal sinkron menurut pesan")), 3)
        row.addWidget(_table(self.by_owner, self.tr("Gagal sinkron menurut yang bertindak")), 2)
        self.setMaximumHeight(170)
        self.hide()

    def show_overview(self, ov: SchoolOverview | None) -> None:
        msgs = dict(ov.sync_by_message) if ov else {}
        owners = dict(ov.sync_by_owner) if ov else {}
        self.setVisible(bool(msgs))
        self.by_message.set_items(sorted(msgs.items(), key=lambda kv: (-kv[1], kv[0])))
        self.by_owner.set_items(
            [(owner_label(k), n) for k, n in sorted(owners.items(), key=lambda kv: (-kv[1], kv[0]))]
        )
