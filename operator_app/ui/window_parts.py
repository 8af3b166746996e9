"""The main window's central widgets and what it shows about the open database.

Kept out of main_window.py the way the menus are (menus.py): the window stays a composition
root that wires signals; these functions only build and label widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from operator_app.ui.detail import DetailPanel
from operator_app.ui.district_overview import DistrictPanel
from operator_app.ui.filter_bar import FilterBar
from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.models import PersonTableModel
from operator_app.ui.overview import OverviewPanel
from operator_app.ui.person_table import make_demo_banner, make_person_table

if TYPE_CHECKING:
    from operator_app.store.location import DbLocation


def build_widgets(w: Any) -> None:
    """Teacher table over its filter proxy, the detail below it, the Ringkasan and Dinas tabs,
    the demo banner and the filter bar; sets them as attributes of the window `w`."""
    w.model = PersonTableModel(w)
    w.proxy = PersonFilterProxy(w)
    w.proxy.setSourceModel(w.model)
    w.filters = FilterBar(w.proxy)
    w.table = make_person_table(w.proxy)
    w.detail = DetailPanel()

    w.splitter = QSplitter(Qt.Orientation.Vertical)
    w.splitter.addWidget(w.table)
    w.splitter.addWidget(w.detail)
    w.splitter.setStretchFactor(0, 1)
    w.splitter.setStretchFactor(1, 1)
    w.splitter.setSizes([330, 400])

    w.overview = OverviewPanel()
    w.tabs = QTabWidget()
    w.tabs.addTab(w.splitter, QCoreApplication.translate("MainWindow", "Daftar guru"))
    w.tabs.addTab(w.overview, QCoreApplication.translate("MainWindow", "Ringkasan"))
    w.district = DistrictPanel()  # shown once the database holds more than one school
    w.tabs.setTabVisible(
        w.tabs.addTab(w.district, QCoreApplication.translate("MainWindow", "Dinas")), False
    )

    w.banner = make_demo_banner()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.addWidget(w.banner)
    layout.addWidget(w.filters)
    layout.addWidget(w.tabs, 1)
    w.setCentralWidget(central)

    w.where = QLabel()  # which database is open: the local file or the Dinas server
    w.statusBar().addPermanentWidget(w.where)


def about_text(location: DbLocation | None) -> tuple[str, str]:
    from operator_app import __version__

    return QCoreApplication.translate("MainWindow", "Tentang"), QCoreApplication.translate(
        "MainWindow",
        "Operator App {0}\nMemadankan data PTK Dapodik dengan data ASN dari SIASN, "
        "sepenuhnya offline. Data tidak pernah dikirim ke mana pun.\nDatabase: {1}",
    ).format(__version__, location.display if location else "")


def show_opened(w: Any, location: DbLocation, demo: bool) -> None:
    """Title bar, status bar and demo banner for the database just opened (never a password:
    `location` comes without one)."""
    w.banner.setVisible(demo)
    w.banner.setText(
        QCoreApplication.translate(
            "MainWindow", "DATA CONTOH — bukan data sekolah Anda. Coba semua fitur dengan aman."
        )
    )
    where = location.display if location.path is None else location.path.name
    w.where.setText(
        QCoreApplication.translate("MainWindow", "Server Dinas: {0}").format(where)
        if location.path is None
        else QCoreApplication.translate("MainWindow", "Database lokal: {0}").format(where)
    )
    w.where.setToolTip(location.display)
    title = (
        QCoreApplication.translate("MainWindow", "Operator App — Padanan Dapodik dan SIASN")
        + f" — {where}"
    )
    w.setWindowTitle(
        (QCoreApplication.translate("MainWindow", "DATA CONTOH") + " — " if demo else "") + title
    )


def _state_parts(w: Any) -> list[tuple[str, Any, Any]]:
    header = w.table.horizontalHeader()
    return [
        ("main/geometry", w.saveGeometry, w.restoreGeometry),
        ("main/header", header.saveState, header.restoreState),
        ("main/splitter", w.splitter.saveState, w.splitter.restoreState),
    ]


def restore_state(w: Any) -> None:
    for name, _save, restore in _state_parts(w):
        data = w.ui_state.load(name)
        if data is not None:
            restore(data)


def save_state(w: Any) -> None:
    for name, save, _restore in _state_parts(w):
        w.ui_state.save(name, save())


def show_stopping(w: Any) -> None:
    """Closing while work runs: nothing new can be started while the workers wind down."""
    w.tabs.setEnabled(False)
    w.filters.setEnabled(False)
    w.menuBar().setEnabled(False)
    w.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Menghentikan pekerjaan yang berjalan…")
    )
