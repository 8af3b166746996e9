"""The main window: composes the filter bar, teacher table, detail, overview; wires actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTableView, QTabWidget

from operator_app.core.model import School
from operator_app.core.views import PersonDetail, PersonRow, SchoolOverview, SchoolSummary
from operator_app.ui import window_parts as parts
from operator_app.ui.actions import Decider
from operator_app.ui.commands import WorkspaceCalls
from operator_app.ui.connect_flow import ConnectFlow
from operator_app.ui.detail import DetailPanel
from operator_app.ui.district_overview import DistrictPanel
from operator_app.ui.errors import show_error
from operator_app.ui.export_flow import ExportFlow
from operator_app.ui.filter_bar import FilterBar
from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.import_flow import ImportFlow, importable_drops
from operator_app.ui.interaction import interaction
from operator_app.ui.menus import build_menus, fill_recent
from operator_app.ui.models import IdRole, PersonTableModel
from operator_app.ui.overview import OverviewPanel
from operator_app.ui.per_school_flow import PerSchoolFlow
from operator_app.ui.presenter import ChecklistData, SchoolCounts, WindowPresenter, WorkspaceFactory
from operator_app.ui.printing import ChecklistPreview
from operator_app.ui.progress_host import ProgressHost
from operator_app.ui.recovery import RecoveryFlow
from operator_app.ui.rekap_flow import RekapFlow
from operator_app.ui.runner import TaskRunner
from operator_app.ui.settings import Settings, SettingsDialog, UiState
from operator_app.ui.status_flow import StatusFlow
from operator_app.ui.workspace_api import WorkspaceApi, open_workspace

if TYPE_CHECKING:
    from operator_app.store.location import DbLocation


class MainWindow(QMainWindow):
    """Composes the widgets and wires them to the presenter (data) and the flows (actions)."""

    # built by window_parts.build_widgets
    model: PersonTableModel
    proxy: PersonFilterProxy
    filters: FilterBar
    table: QTableView
    detail: DetailPanel
    splitter: QSplitter
    overview: OverviewPanel
    tabs: QTabWidget
    district: DistrictPanel
    banner: QLabel
    where: QLabel

    workspace_opened = Signal()
    rows_loaded = Signal()
    detail_loaded = Signal()
    overview_loaded = Signal()
    district_loaded = Signal()

    def __init__(
        self,
        db: Path | DbLocation,
        workspace_factory: WorkspaceFactory = open_workspace,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.ui_state = UiState(self.settings.store)
        self.runner = TaskRunner(self)
        self.runner.default_error_handler = lambda exc: show_error(exc, self)
        self.presenter = WindowPresenter(self.runner, workspace_factory, self)
        self.location: DbLocation | None = None  # what is open (never with a password)
        self._start = db
        workspace = self.presenter.workspace
        self.stack = QUndoStack(self)
        self.calls = WorkspaceCalls(
            self.runner, workspace, lambda: self.settings.get("operator_name")
        )
        self.calls.changed.connect(lambda _key: self.reload())
        self.decider = Decider(self.calls, self.stack, self)
        self.import_flow = ImportFlow(
            self.runner, workspace, self, self.settings.add_recent, self.settings
        )
        self.import_flow.imported.connect(lambda *_: self.reload())
        self.import_flow.imported.connect(lambda *_: fill_recent(self))
        self.export_flow = ExportFlow(self.runner, workspace, self.settings, self)
        self.rekap_flow = RekapFlow(self.runner, workspace, self.settings, self)
        self.per_school_flow = PerSchoolFlow(self.runner, workspace, self.settings, self)
        self.status_flow = StatusFlow(self.runner, workspace, self.settings, self)
        self.status_flow.imported.connect(lambda *_: self.reload())
        self.recovery = RecoveryFlow(self.runner, self.close_workspace, self)
        self.recovery.restored.connect(self.open_database)
        self.connect_flow = ConnectFlow(self.presenter, self.settings, self, self.db_path)
        self.connect_flow.local_available.connect(
            lambda: self.act_back_to_local.setEnabled(True)  # type: ignore[attr-defined]
        )
        self._preview: ChecklistPreview | None = None
        self._build_widgets()
        self._connect_presenter()
        self.progress = ProgressHost(self.runner, self, self.statusBar())
        build_menus(self)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        parts.restore_state(self)
        self.open_database(db)

    @property
    def ws(self) -> WorkspaceApi | None:
        return self.presenter.ws

    # -- composition ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        parts.build_widgets(self)
        self.filters.school_changed.connect(lambda _s: self.load_overview())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.decider.serve(self.detail)
        self.district.school_opened.connect(self.open_school)
        self.district.rekap_requested.connect(self.rekap_flow.start)

    def _connect_presenter(self) -> None:
        p = self.presenter
        p.opened.connect(self._opened)
        p.damaged.connect(self.recovery.offer)  # moved aside already; offers the latest backup
        p.failed.connect(lambda exc: show_error(exc, self))
        p.rows_ready.connect(self._rows_ready)
        p.overview_ready.connect(self._overview_ready)
        p.detail_ready.connect(self._detail_ready)
        p.district_ready.connect(self._district_ready)

    # -- data: the presenter loads, the window shows ----------------------------------------------
    @property
    def db_path(self) -> Path | None:
        """The SQLite file open (or being opened); None on a server database."""
        where = self.location or self._start
        return where if isinstance(where, Path) else where.path

    def open_database(self, target: Path | DbLocation) -> None:
        self.connect_flow.open(target)

    def connect_to_server(self) -> None:
        self.connect_flow.choose()

    def back_to_local(self) -> None:
        self.connect_flow.back_to_local()

    def restore_backup(self) -> None:
        if self.db_path is None:
            self.connect_flow.explain_backups()
        else:
            self.recovery.choose(self.db_path)

    def close_workspace(self) -> None:
        """Let go of the database file (before a backup is copied over it)."""
        self.presenter.close_workspace()
        self.model.set_rows([])

    def _opened(self, location: DbLocation, demo: bool) -> None:
        self.location = location
        self.act_back_to_local.setEnabled(not location.is_sqlite)  # type: ignore[attr-defined]
        self.stack.clear()
        parts.show_opened(self, location, demo)
        self.workspace_opened.emit()

    def reload(self) -> None:
        self.presenter.reload()

    def _rows_ready(self, schools: list[School], rows: list[PersonRow]) -> None:
        current = self.current_person_key()
        self.model.set_rows(rows)
        self.filters.set_schools(schools)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.statusBar().showMessage(self.tr("{0} orang").format(len(rows)))
        if current:
            self.select_person(current)
        self.rows_loaded.emit()
        self.presenter.load_district()
        self.load_overview()

    def load_overview(self) -> None:
        self.presenter.load_overview(self.filters.current_school())

    def _overview_ready(self, total: SchoolOverview, per_school: list[SchoolCounts]) -> None:
        self.overview.show_overview(total)
        self.overview.show_per_school(per_school)
        self.overview_loaded.emit()

    def _district_ready(self, summaries: list[SchoolSummary]) -> None:
        self.district.show_summaries(summaries)
        self.filters.set_school_counts(summaries)
        self.tabs.setTabVisible(self.tabs.indexOf(self.district), self.district.worth_showing())
        self.district_loaded.emit()

    def open_school(self, school_id: int) -> None:
        """From the Dinas tab: that school's teachers."""
        self.filters.select_school(school_id)
        self.tabs.setCurrentWidget(self.splitter)

    def current_person_key(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_person(self, person_key: str) -> bool:
        row = self.model.row_of(person_key)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.load_detail(person_key)
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(IdRole) if current.isValid() else None
        if key:
            self.load_detail(key)
        else:
            self.detail.show_detail(None)

    def load_detail(self, person_key: str) -> None:
        self.presenter.load_detail(person_key)

    def _detail_ready(self, detail: PersonDetail | None) -> None:
        self.detail.show_detail(detail)
        if detail is not None:
            self.detail_loaded.emit()

    # -- actions ----------------------------------------------------------------------------------
    def choose_import(self) -> None:
        self.import_flow.choose()

    def import_files(self, paths: list[Path]) -> None:
        if self.ws is not None:
            self.import_flow.start(paths)

    def print_checklist(self) -> None:
        self.presenter.load_checklist(self.filters.current_school(), self._show_checklist)

    def _show_checklist(self, data: ChecklistData) -> None:
        self._preview = ChecklistPreview.with_settings(data, self.settings, self)
        self._preview.dialog.open()

    def export(self) -> None:
        school = self.filters.current_school()
        name = self.filters.school.currentText() if school is not None else None
        if self.ws is not None:
            self.export_flow.start(name)

    def edit_settings(self) -> None:
        SettingsDialog(self.settings, self).open()

    def open_demo(self) -> None:
        self.presenter.open_demo(self.tr("Membuat data contoh"))

    def about(self) -> None:
        interaction().info(*parts.about_text(self.location), self)

    # -- drag and drop, state ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if importable_drops(event.mimeData().urls()):  # exports, folders, .zip files
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        event.acceptProposedAction()
        self.import_files(importable_drops(event.mimeData().urls()))

    def save_state(self) -> None:
        parts.save_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = self.runner.is_busy()
        if busy and not interaction().ask(
            self.tr("Keluar"), self.tr("Masih ada pekerjaan berjalan. Batalkan dan keluar?"), self
        ):
            event.ignore()
            return
        self.save_state()
        if not busy:
            self.shutdown()
            event.accept()
            return
        # Never wait on the GUI thread: cancel, and close again once the workers have returned
        event.ignore()
        parts.show_stopping(self)
        self.shutdown(self.close)

    def shutdown(self, when_done: Callable[[], object] | None = None) -> None:
        """Cancel running work and close the database when the workers have returned, without
        blocking the GUI thread; `when_done` runs then (at once when nothing was running)."""
        self.presenter.shutdown(when_done)
