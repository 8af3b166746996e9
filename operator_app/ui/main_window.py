"""The main window: composes the filter bar, teacher table, detail, overview; wires actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_app.ui.actions import Decider
from operator_app.ui.commands import WorkspaceCalls
from operator_app.ui.detail import DetailPanel
from operator_app.ui.errors import show_error
from operator_app.ui.export_flow import ExportFlow
from operator_app.ui.filter_bar import FilterBar
from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.import_flow import IMPORTABLE, ImportFlow
from operator_app.ui.interaction import interaction
from operator_app.ui.menus import build_menus, fill_recent
from operator_app.ui.models import IdRole, PersonTableModel
from operator_app.ui.overview import OverviewPanel
from operator_app.ui.progress_host import ProgressHost
from operator_app.ui.recovery import RecoveryFlow
from operator_app.ui.runner import TaskRunner
from operator_app.ui.settings import Settings, SettingsDialog, UiState
from operator_app.ui.status_flow import StatusFlow


def open_workspace(path: Path) -> Any:
    from operator_app.store.workspace import Workspace

    return Workspace(path)


class MainWindow(QMainWindow):
    workspace_opened = Signal()
    rows_loaded = Signal()
    detail_loaded = Signal()
    overview_loaded = Signal()

    def __init__(
        self,
        db_path: Path,
        workspace_factory: Callable[[Path], Any] = open_workspace,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.ui_state = UiState(self.settings.store)
        self.factory = workspace_factory
        self.ws: Any = None
        self.db_path = Path(db_path)
        self.runner = TaskRunner(self)
        self.runner.default_error_handler = lambda exc: show_error(exc, self)
        self.stack = QUndoStack(self)
        self.calls = WorkspaceCalls(self.runner, lambda: self.ws)
        self.calls.changed.connect(lambda _key: self.reload())
        self.decider = Decider(self.calls, self.stack, self)
        self.import_flow = ImportFlow(self.runner, lambda: self.ws, self, self.settings.add_recent)
        self.import_flow.imported.connect(lambda *_: self.reload())
        self.import_flow.imported.connect(lambda *_: fill_recent(self))
        self.export_flow = ExportFlow(self.runner, lambda: self.ws, self.settings, self)
        self.status_flow = StatusFlow(self.runner, lambda: self.ws, self.settings, self)
        self.status_flow.imported.connect(lambda *_: self.reload())
        self.recovery = RecoveryFlow(self.runner, self.close_workspace, self)
        self.recovery.restored.connect(self.open_database)
        self._preview: Any = None
        self._build_widgets()
        self.progress = ProgressHost(self.runner, self, self.statusBar())
        build_menus(self)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._restore_state()
        self.open_database(self.db_path)

    # -- composition ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.model = PersonTableModel(self)
        self.proxy = PersonFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = FilterBar(self.proxy)
        self.filters.school_changed.connect(lambda _s: self.load_overview())

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PersonTableModel.TINGKAT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Daftar guru"))
        for col, width in (
            (0, 210),
            (1, 150),
            (2, 150),
            (3, 140),
            (4, 200),
            (5, 85),
            (6, 115),
            (7, 150),
        ):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.detail = DetailPanel()
        self.detail.status_requested.connect(self.decider.mark)
        self.detail.match_requested.connect(self.decider.decide_match)
        self.detail.unor_condition_requested.connect(self.decider.unor_condition)
        self.detail.alias_requested.connect(self.decider.add_alias)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 400])

        self.overview = OverviewPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, self.tr("Daftar guru"))
        self.tabs.addTab(self.overview, self.tr("Ringkasan"))

        self.banner = QLabel()
        self.banner.setStyleSheet(
            "background:#ffcc00; color:#000; font-weight:bold; padding:4px; font-size:12pt"
        )
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.banner)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    # -- data -------------------------------------------------------------------------------------
    def open_database(self, path: Path) -> None:
        self.runner.run_task(
            lambda _p, _c: self.factory(Path(path)),
            on_success=lambda ws: self._opened(Path(path), ws),
            on_error=self._open_failed,
            key="open",
            progress=False,
        )

    def _open_failed(self, exc: BaseException) -> None:
        from operator_app.store.recovery import DamagedDatabaseError

        if isinstance(exc, DamagedDatabaseError):
            self.recovery.offer(exc)  # moved aside already; offers the latest good backup
        else:
            show_error(exc, self)

    def restore_backup(self) -> None:
        self.recovery.choose(self.db_path)

    def close_workspace(self) -> None:
        """Let go of the database file (before a backup is copied over it)."""
        self.runner.wait()
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        self.model.set_rows([])

    def _opened(self, path: Path, ws: Any) -> None:
        old, self.ws, self.db_path = self.ws, ws, path
        if old is not None and old is not ws:
            old.close()
        self.stack.clear()
        from operator_app.demo import is_demo

        demo = is_demo(path)
        self.banner.setVisible(demo)
        self.banner.setText(
            self.tr("DATA CONTOH — bukan data sekolah Anda. Coba semua fitur dengan aman.")
        )
        title = self.tr("Operator App — Padanan Dapodik dan SIASN") + f" — {path.name}"
        self.setWindowTitle((self.tr("DATA CONTOH") + " — " if demo else "") + title)
        self.workspace_opened.emit()
        self.reload()

    def reload(self) -> None:
        ws = self.ws
        if ws is None:
            return

        def work(_p: Any, _c: Any) -> tuple[Any, Any]:
            ws.ensure_checked()
            return ws.schools(), ws.person_rows()

        self.runner.run_task(work, on_success=self._rows_ready, key="rows", progress=False)

    def _rows_ready(self, result: tuple[Any, Any]) -> None:
        schools, rows = result
        current = self.current_person_key()
        self.model.set_rows(rows)
        self.filters.set_schools(schools)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.statusBar().showMessage(self.tr("{0} orang").format(len(rows)))
        if current:
            self.select_person(current)
        self.rows_loaded.emit()
        self.load_overview()

    def load_overview(self) -> None:
        ws, school = self.ws, self.filters.current_school()
        if ws is None:
            return

        def work(_p: Any, _c: Any) -> tuple[Any, list[Any]]:
            schools = [s for s in ws.schools() if school in (None, s.id)]
            return ws.overview(school), [ws.overview(s.id) for s in schools]

        self.runner.run_task(
            work,
            on_success=self._overview_ready,
            key="overview",
            progress=False,
        )

    def _overview_ready(self, result: tuple[Any, list[Any]]) -> None:
        self.overview.show_overview(result[0])
        self.overview.show_per_school(result[1])
        self.overview_loaded.emit()

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
        ws = self.ws
        self.runner.run_task(
            lambda _p, _c: ws.person_detail(person_key),
            on_success=self._detail_ready,
            on_error=self._detail_failed,
            key="detail",
            progress=False,
        )

    def _detail_ready(self, detail: Any) -> None:
        self.detail.show_detail(detail)
        self.detail_loaded.emit()

    def _detail_failed(self, exc: BaseException) -> None:
        self.detail.show_detail(None)
        if not isinstance(exc, KeyError):  # the person left after a re-check
            show_error(exc, self)

    # -- actions ----------------------------------------------------------------------------------
    def choose_import(self) -> None:
        files = interaction().open_files(
            self.tr("Pilih file ekspor Dapodik dan SIASN"),
            self.settings.get("import_folder"),
            self.tr("Ekspor Dapodik / SIASN (*.xlsx *.xls *.csv *.xml);;Semua file (*)"),
            self,
        )
        if files:
            self.settings.set("import_folder", str(Path(files[0]).parent))
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> None:
        if self.ws is not None:
            self.import_flow.start(paths)

    def print_checklist(self) -> None:
        from operator_app.ui.printing import ChecklistPreview, checklist_available

        if not checklist_available():
            interaction().warn(
                self.tr("Cetak"), self.tr("Modul cetak daftar periksa belum tersedia."), self
            )
            return
        ws, school = self.ws, self.filters.current_school()

        def work(_p: Any, _c: Any) -> tuple[Any, Any, Any]:
            schools = [s for s in ws.schools() if school in (None, s.id)]
            return ws.findings(school), schools, ws.headmasters()

        def show(result: tuple[Any, Any, Any]) -> None:
            findings, schools, headmasters = result
            self._preview = ChecklistPreview(
                findings,
                schools,
                paper=self.settings.get("paper"),
                mask_nik=self.settings.get("mask_nik"),
                operator_name=self.settings.get("operator_name"),
                headmasters=headmasters,
                parent=self,
            )
            self._preview.dialog.open()

        self.runner.run_task(work, on_success=show, key="print", progress=False)

    def export(self) -> None:
        school = self.filters.current_school()
        name = self.filters.school.currentText() if school is not None else None
        if self.ws is not None:
            self.export_flow.start(name)

    def edit_settings(self) -> None:
        SettingsDialog(self.settings, self).open()

    def open_demo(self) -> None:
        from operator_app.demo import build_demo_db, default_demo_path

        path = default_demo_path()
        self.runner.run_task(
            lambda progress, cancel: build_demo_db(path, progress, cancel),
            on_success=self.open_database,
            key="demo",
            title=self.tr("Membuat data contoh"),
        )

    def about(self) -> None:
        from operator_app import __version__

        interaction().info(
            self.tr("Tentang"),
            self.tr(
                "Operator App {0}\nMemadankan data PTK Dapodik dengan data ASN dari SIASN, "
                "sepenuhnya offline. Data tidak pernah dikirim ke mana pun.\nDatabase: {1}"
            ).format(__version__, self.db_path),
            self,
        )

    # -- drag and drop, state ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(IMPORTABLE) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_files([p for p in paths if p.suffix.lower() in IMPORTABLE])

    def _restore_state(self) -> None:
        for name, restore in (
            ("main/geometry", self.restoreGeometry),
            ("main/header", self.table.horizontalHeader().restoreState),
            ("main/splitter", self.splitter.restoreState),
        ):
            data = self.ui_state.load(name)
            if data is not None:
                restore(data)

    def save_state(self) -> None:
        self.ui_state.save("main/geometry", self.saveGeometry())
        self.ui_state.save("main/header", self.table.horizontalHeader().saveState())
        self.ui_state.save("main/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.is_busy() and not interaction().ask(
            self.tr("Keluar"), self.tr("Masih ada pekerjaan berjalan. Batalkan dan keluar?"), self
        ):
            event.ignore()
            return
        self.save_state()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Cancel running work, wait for the worker, close the database."""
        for handle in list(self.runner._running):
            handle.cancel()
        self.runner.wait()
        if self.ws is not None:
            self.ws.close()
            self.ws = None
