"""Export the correction workbook, the checklist PDF and the letter to the BKD, in the background."""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from operator_app.core.progress import CancelCheck, Progress
from operator_app.ui.flow import Flow
from operator_app.ui.interaction import interaction


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "semua"


class ExportFlow(Flow):
    exported = Signal(object)  # list of lines

    def start(self, school: str | None, folder: str | None = None) -> None:
        folder = folder or interaction().choose_folder(
            self.options_title(),
            self.settings.get("export_folder"),
            self.parent_widget,
        )
        if not folder:
            return
        self.settings.set("export_folder", folder)
        from operator_app.exporting import ExportRequest, export

        stem = f"{_slug(school or 'semua-sekolah')}-{date.today():%Y%m%d}"
        out = Path(folder)
        pdf_ok = _available("operator_app.reports.checklist")
        letter_ok = _available("operator_app.reports.letter")
        request = ExportRequest(
            school=school,
            xlsx=out / f"perbaikan-{stem}.xlsx",
            pdf=out / f"daftar-periksa-{stem}.pdf" if pdf_ok else None,
            letter=out / f"surat-bkd-{stem}.pdf" if letter_ok else None,
            paper=self.settings.get("paper"),
            mask_nik=self.settings.get("mask_nik"),
            operator_name=self.settings.get("operator_name"),
        )
        ws: Any = self.workspace()  # the store Workspace exporting takes (a WorkspaceApi)

        def work(progress: Progress, cancel: CancelCheck) -> list[str]:
            return list(export(ws, request, progress, cancel))

        self.runner.run_task(
            work,
            on_success=lambda lines: self._done(out, lines),
            key="export",
            title=QCoreApplication.translate("ExportFlow", "Mengekspor"),
        )

    def options_title(self) -> str:
        """The folder dialog's title, saying what the paper and NIK settings change."""
        paper = (
            QCoreApplication.translate("ExportFlow", "kertas F4 (folio 215 x 330 mm)")
            if self.settings.get("paper") == "f4"
            else QCoreApplication.translate("ExportFlow", "kertas A4")
        )
        nik = (
            QCoreApplication.translate("ExportFlow", "NIK disamarkan")
            if self.settings.get("mask_nik")
            else QCoreApplication.translate("ExportFlow", "NIK lengkap")
        )
        return QCoreApplication.translate(
            "ExportFlow",
            "Simpan hasil ekspor ke folder - workbook, daftar periksa dan surat: {paper}, {nik} "
            "(ubah di Pengaturan)",
        ).format(paper=paper, nik=nik)

    def _done(self, folder: Path, lines: list[str]) -> None:
        self.exported.emit(lines)
        text = (
            "\n".join(lines)
            + "\n\n"
            + QCoreApplication.translate("ExportFlow", "Buka folder hasil ekspor sekarang?")
        )
        if interaction().ask(
            QCoreApplication.translate("ExportFlow", "Ekspor selesai"), text, self.parent_widget
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
