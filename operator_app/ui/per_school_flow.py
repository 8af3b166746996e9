"""Berkas → Ekspor paket per sekolah…: every school's files in one go, in the background.

The operator picks a folder; the package goes into a new dated subfolder of it (never mixed with
an older package, see exporting_package). The work runs on the TaskRunner with the progress
dialog's Cancel; the summary lists the schools that failed and offers to open the folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from operator_app.core.progress import CancelCheck, Progress
from operator_app.ui.flow import Flow
from operator_app.ui.interaction import interaction
from operator_app.ui.runner import TaskHandle

MAX_LISTED = 12  # failures listed in the dialog; all of them are in isi-paket.json


class PerSchoolFlow(Flow):
    exported = Signal(object)  # exporting_per_school.PerSchoolReport

    _handle: TaskHandle | None = None  # the export running, if any

    def start(self, folder: str | None = None) -> None:
        if self.workspace() is None:  # no database open (a backup being restored)
            return
        if self._handle is not None and not self._handle.done:
            interaction().info(
                QCoreApplication.translate("PerSchoolFlow", "Ekspor paket per sekolah"),
                QCoreApplication.translate(
                    "PerSchoolFlow",
                    "Ekspor paket per sekolah masih berjalan; tunggu sampai selesai.",
                ),
                self.parent_widget,
            )
            return
        folder = folder or interaction().choose_folder(
            QCoreApplication.translate(
                "PerSchoolFlow",
                "Pilih folder untuk paket per sekolah (dibuat subfolder baru bertanggal berisi "
                "satu folder per kecamatan dan sekolah, ditambah Rekap Dinas)",
            ),
            self.settings.get("export_folder"),
            self.parent_widget,
        )
        if not folder:
            return
        self.settings.set("export_folder", folder)
        from operator_app.exporting_package import new_package_folder
        from operator_app.exporting_per_school import export_per_school

        out = new_package_folder(Path(folder))
        paper = self.settings.get("paper")
        mask_nik = self.settings.get("mask_nik")
        operator_name = self.settings.get("operator_name")
        ws: Any = self.workspace()  # the store Workspace exporting takes (a WorkspaceApi)

        def work(progress: Progress, cancel: CancelCheck) -> Any:
            return export_per_school(
                ws, out, paper, mask_nik, progress, cancel, operator_name=operator_name
            )

        self._handle = self.runner.run_task(
            work,
            on_success=self._done,
            key="export-per-school",
            title=QCoreApplication.translate("PerSchoolFlow", "Mengekspor paket per sekolah"),
        )

    def _done(self, report: Any) -> None:
        self.exported.emit(report)
        if report.cancelled:
            title = QCoreApplication.translate(
                "PerSchoolFlow", "Ekspor paket per sekolah dibatalkan"
            )
        elif report.ok:
            title = QCoreApplication.translate("PerSchoolFlow", "Ekspor paket per sekolah selesai")
        else:
            title = QCoreApplication.translate(
                "PerSchoolFlow", "Ekspor paket per sekolah: ada yang gagal"
            )
        text = "\n".join(report.lines(max_failures=MAX_LISTED))
        text += "\n\n" + QCoreApplication.translate("PerSchoolFlow", "Buka folder paket sekarang?")
        if interaction().ask(title, text, self.parent_widget):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.outdir)))
