"""Berkas → Ekspor Rekap Dinas: the same workbook as `export --rekap`, written in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from operator_app.core.progress import CancelCheck, Progress
from operator_app.ui.flow import Flow
from operator_app.ui.interaction import interaction

if TYPE_CHECKING:
    from operator_app.exporting import RekapResult


class RekapFlow(Flow):
    written = Signal(object)  # exporting.RekapResult

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
            # the save dialog asked about the name as typed, not this one
            if out.exists() and not interaction().ask(
                QCoreApplication.translate("RekapFlow", "Simpan Rekap Dinas"),
                QCoreApplication.translate("RekapFlow", "{0} sudah ada. Timpa file itu?").format(
                    out.name
                ),
                self.parent_widget,
            ):
                return
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
