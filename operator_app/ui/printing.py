"""Print preview of the checklist, drawn by reports/ (checklist document + painter)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from operator_app.core.model import Finding, School
from operator_app.ui.presenter import ChecklistData
from operator_app.ui.settings import Settings


def page_size(paper: str) -> QPageSize:
    if paper == "f4":
        return QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4")
    return QPageSize(QPageSize.PageSizeId.A4)


def make_printer(paper: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size(paper))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


class ChecklistPreview:
    """Owns what the preview paints; `dialog` is a QPrintPreviewDialog."""

    def __init__(
        self,
        findings: list[Finding],
        schools: list[School],
        *,
        paper: str = "a4",
        mask_nik: bool = False,
        operator_name: str = "",
        headmasters: dict[int, tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.findings = findings
        self.schools = schools
        self.options = self._options(paper, mask_nik, operator_name)
        self.options.headmasters = dict(headmasters or {})
        self.printer = make_printer(paper)
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setWindowTitle(
            QCoreApplication.translate("ChecklistPreview", "Pratinjau cetak: daftar periksa")
        )
        self.dialog.resize(1000, 760)
        self.dialog.paintRequested.connect(self.paint)
        self._document: Any = None

    @classmethod
    def with_settings(
        cls, data: ChecklistData, settings: Settings, parent: QWidget | None = None
    ) -> ChecklistPreview:
        """The preview of the presenter's checklist data, on the paper and with the masking and
        operator name the settings say."""
        return cls(
            data.findings,
            data.schools,
            paper=settings.get("paper"),
            mask_nik=settings.get("mask_nik"),
            operator_name=settings.get("operator_name"),
            headmasters=data.headmasters,
            parent=parent,
        )

    def _options(self, paper: str, mask_nik: bool, operator_name: str) -> Any:
        from operator_app.reports.printing import PrintOptions  # lazy: reports load on print

        place = next((s.kabupaten for s in self.schools if s.kabupaten), "")
        return PrintOptions(
            paper=paper,
            mask_nik=mask_nik,
            date=date.today(),
            operator_name=operator_name,
            place=place,
        )

    def paint(self, printer: QPrinter) -> None:
        # lazy, like PrintOptions: the reports are imported when something is printed
        from operator_app.reports.checklist import build_checklist_document
        from operator_app.reports.printing import paint_document

        if self._document is None:
            school = self.schools[0] if len(self.schools) == 1 else None
            self._document = build_checklist_document(self.findings, school, self.options)
        paint_document(self._document, printer, self.options)
