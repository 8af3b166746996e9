"""Berkas → Ekspor Rekap Dinas: the same workbook as `export --rekap`, written in the background."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from operator_app.core.progress import CancelCheck, Progress
from operator_app.ui.interaction import interaction
from operator_app.ui.runner import TaskRunner
from operator_app.ui.settings import Settings
from operator_app.ui.workspace_api import WorkspaceApi

if TYPE_CHECKING:
    from operator_app.exporting import RekapResult


class RekapFlow(QObject):
    written = Signal(object)  # exporting.RekapResult

    def __init__(
        self,
        runner: TaskRunner,
        workspace: Callable[[], WorkspaceApi | None],
        settings: Settings,
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.workspace = workspace
        self.settings = settings
        self.parent_widget = parent_widget

    def start(self) -> None:
        ws = self.workspace()
        if ws is None:
            return
        folder = Path(self.settings.get("export_folder") or Path.home())
        chosen = interaction().save_file(
            QCoreApplication.translate("RekapFlow", "Simpan Rekap Dinas"),
            str(folder / f"rekap-dinas-{date.today():%Y%m%d}.xlsx"),
            QCoreApplication.translate("RekapFlow", "Workbook Excel (*.xlsx)"),
            self.parent_widget,
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        self.settings.set("export_folder", str(out.parent))
        paper = str(self.settings.get("paper"))

        def work(_p: Progress, _c: CancelCheck) -> RekapResult:
            from operator_app.exporting import export_rekap  # SQLAlchemy: not at start-up

            return export_rekap(ws, out, paper)  # type: ignore[arg-type]  # a WorkspaceApi

        self.runner.run_task(
            work,
            on_success=self._done,
            key="rekap",
            title=QCoreApplication.translate("RekapFlow", "Menulis Rekap Dinas"),
        )

    def _done(self, result: RekapResult) -> None:
        self.written.emit(result)
        text = QCoreApplication.translate(
            "RekapFlow", "Rekap Dinas tersimpan: {0}\n{1} sekolah, {2} kecamatan."
        ).format(result.path, result.n_schools, result.n_kecamatan)
        question = (
            text
            + "\n\n"
            + QCoreApplication.translate("RekapFlow", "Buka folder hasil ekspor sekarang?")
        )
        if interaction().ask(
            QCoreApplication.translate("RekapFlow", "Ekspor selesai"), question, self.parent_widget
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))
