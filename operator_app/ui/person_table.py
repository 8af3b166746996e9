"""The teacher table (sortable, one row selected at a time) and the DATA CONTOH banner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView

from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.models import PersonTableModel

COLUMN_WIDTHS = (210, 150, 150, 140, 200, 85, 115, 150)  # the last column stretches


def make_person_table(proxy: PersonFilterProxy) -> QTableView:
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(PersonTableModel.TINGKAT, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(QCoreApplication.translate("MainWindow", "Daftar guru"))
    for col, width in enumerate(COLUMN_WIDTHS):
        table.setColumnWidth(col, width)
    return table


def make_demo_banner() -> QLabel:
    """Hidden until the demo database is open (its app_meta flag, not its file name)."""
    banner = QLabel()
    banner.setStyleSheet(
        "background:#ffcc00; color:#000; font-weight:bold; padding:4px; font-size:12pt"
    )
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.hide()
    return banner
