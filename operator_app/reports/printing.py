"""Painting QTextDocuments page by page on a printer or PDF writer, with header and footer.

The checklist and the letter are built as HTML in a QTextDocument; this module lays a document
out on A4 or F4 (215 x 330 mm, the folio paper Indonesian schools use), draws a small header and a
"Halaman X dari Y" footer on every page and writes PDFs through `atomic_output`. A PDF may hold
several sections (one per school), each numbered on its own and starting on a new page.
Only QtGui / QtPrintSupport: no widgets, so it runs in the CLI and in tests (offscreen).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from operator_app.core.errors import OutputError
from operator_app.reports.output import atomic_output

SANS = ["Arial", "Liberation Sans", "DejaVu Sans", "Helvetica"]
SERIF = ["Times New Roman", "Liberation Serif", "DejaVu Serif", "Times"]
MARGIN_MM = 15.0
HEADER_MM = 7.0  # band above the text for the small header
FOOTER_MM = 9.0  # band below the text for "Halaman X dari Y"
PDF_RESOLUTION = 300
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@dataclass
class PrintOptions:
    paper: str = "a4"  # "a4" | "f4"
    mask_nik: bool = False
    place: str = ""
    date: Date | None = None
    operator_name: str = ""
    kepala_sekolah_name: str = ""
    kepala_sekolah_nip: str = ""
    data_date: str = ""  # e.g. "Dapodik 12 November 2026, SIASN 10 November 2026"
    # school id -> (name, NIP) of its Kepala Sekolah in the current Dapodik data
    headmasters: dict[int, tuple[str, str]] = field(default_factory=dict)

    def for_school(self, school_id: int) -> PrintOptions:
        """These options with that school's Kepala Sekolah in the signature block (unless one
        was given explicitly)."""
        known = self.headmasters.get(school_id)
        if known is None or self.kepala_sekolah_name.strip():
            return self
        return replace(self, kepala_sekolah_name=known[0], kepala_sekolah_nip=known[1])


@dataclass
class Section:
    """One document in a PDF (one school): numbered on its own, headed by `title - name`."""

    document: QTextDocument
    school_name: str = ""
    title: str = ""

    def header(self, default: str = "") -> str:
        head = self.title or default
        return " - ".join(part for part in (head, self.school_name) if part)


# PySide6 6.12 on CPython 3.11 drops one reference to None on every call of a method that returns
# void (QPainter.save/translate/drawLine, QTextDocument.setPageSize, ...); a few thousand of them
# and Python aborts with "none_dealloc: deallocating None" (a 50-school checklist did, at exit).
# None is immortal from Python 3.12 on. pyproject now excludes 6.12.0 (tests/ui/test_qt_binding.py
# fails on a binding that leaks); this ballast stays as a cheap guard: the paint loop tops the
# count up with lists of None that are never freed, not even at exit (8 bytes per reference).
_NONE_FLOOR = 100_000


def keep_none_alive() -> None:
    """Top up None's reference count when the PySide6 refcount leak has eaten into it."""
    if sys.version_info < (3, 12) and sys.getrefcount(None) < _NONE_FLOOR:
        ballast = [None] * _NONE_FLOOR
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(ballast))  # leaked on purpose


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(sys.argv[:1] or ["operator-app"])


def format_tanggal(day: Date) -> str:
    """'20 November 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def place_and_date(options: PrintOptions) -> str:
    """'Sukamaju, 20 November 2026' (dots for a place to be written by hand)."""
    place = options.place.strip() or "...................."
    return f"{place}, {format_tanggal(options.date or Date.today())}"


def page_size(paper: str) -> QPageSize:
    """A4, or F4 = 215 x 330 mm (not a Qt standard size)."""
    if (paper or "").lower() == "f4":
        return QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4")
    return QPageSize(QPageSize.PageSizeId.A4)


def body_size(paper: str) -> tuple[float, float]:
    """Width and height of a page's text area in document units (what `_Pager` lays out)."""
    ensure_gui_app()
    size = page_size(paper).size(QPageSize.Unit.Millimeter)
    dpi = _document_dpi()
    width = (size.width() - 2 * MARGIN_MM) / 25.4 * dpi
    height = (size.height() - 2 * MARGIN_MM - HEADER_MM - FOOTER_MM) / 25.4 * dpi
    return width, height


def page_layout(paper: str) -> QPageLayout:
    m = MARGIN_MM
    return QPageLayout(
        page_size(paper),
        QPageLayout.Orientation.Portrait,
        QMarginsF(m, m, m, m),
        QPageLayout.Unit.Millimeter,
    )


def font(families: Sequence[str] = SANS, point_size: float = 10.0) -> QFont:
    f = QFont()
    f.setFamilies(list(families))
    f.setPointSizeF(point_size)
    return f


def new_document(
    html: str, families: Sequence[str] = SANS, point_size: float = 10.0, title: str = ""
) -> QTextDocument:
    """A QTextDocument with the report font holding `html`."""
    ensure_gui_app()
    keep_none_alive()
    doc = QTextDocument()
    doc.setDefaultFont(font(families, point_size))
    doc.setDocumentMargin(0)
    if title:
        doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    doc.setHtml(html)
    return doc


def _document_dpi() -> float:
    """The DPI QTextDocument uses for point sizes when it has no paint device (the screen's)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 96.0
    return float(round(screen.logicalDotsPerInchY())) or 96.0


class _Pager:
    """Geometry of one device: body size in document units and the scale to device pixels."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        doc_dpi = _document_dpi()
        self.sx = float(device.logicalDpiX()) / doc_dpi
        self.sy = float(device.logicalDpiY()) / doc_dpi
        # the paint rect (margins excluded), in device pixels
        self.width = float(device.width())
        self.height = float(device.height())
        self.header = HEADER_MM / 25.4 * float(device.logicalDpiY())
        self.footer = FOOTER_MM / 25.4 * float(device.logicalDpiY())
        self.body_w = self.width / self.sx
        self.body_h = (self.height - self.header - self.footer) / self.sy

    def layout(self, doc: QTextDocument) -> int:
        doc.setPageSize(QSizeF(self.body_w, self.body_h))
        return max(1, doc.pageCount())

    def paint(
        self, painter: QPainter, doc: QTextDocument, page: int, pages: int, header_text: str
    ) -> None:
        painter.save()
        painter.setFont(font(SANS, 8.0))
        painter.setPen(QColor("#555555"))
        if header_text:
            band = self.header * 0.75
            painter.drawText(
                QRectF(0, 0, self.width, band),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                header_text,
            )
            painter.drawLine(QPointF(0, band), QPointF(self.width, band))
        painter.drawText(
            QRectF(0, self.height - self.footer * 0.7, self.width, self.footer * 0.7),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            f"Halaman {page + 1} dari {pages}",
        )
        painter.translate(0, self.header)
        painter.scale(self.sx, self.sy)
        clip = QRectF(0, page * self.body_h, self.body_w, self.body_h)
        painter.translate(0, -page * self.body_h)
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        ctx.palette.setColor(ctx.palette.ColorRole.Text, QColor("#000000"))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


def paint_sections(
    sections: Sequence[Section],
    device: QPagedPaintDevice,
    options: PrintOptions | None = None,
    title: str = "",
) -> int:
    """Paint every section on `device`, each from a new page and numbered on its own."""
    ensure_gui_app()
    device.setPageLayout(page_layout(getattr(options, "paper", "a4") or "a4"))
    keep_none_alive()
    pager = _Pager(device)
    counts = [pager.layout(s.document) for s in sections]
    painter = QPainter()
    if not painter.begin(device):
        raise OutputError("Halaman tidak bisa digambar: printer atau file PDF tidak bisa dibuka.")
    total = 0
    try:
        for section, pages in zip(sections, counts, strict=True):
            header_text = section.header(title)
            for page in range(pages):
                if total > 0:
                    device.newPage()
                keep_none_alive()
                pager.paint(painter, section.document, page, pages, header_text)
                total += 1
    finally:
        painter.end()
    return total


def paint_document(
    doc: QTextDocument,
    device: QPagedPaintDevice,
    options: PrintOptions | None = None,
    header_text: str = "",
) -> int:
    """Lay `doc` out on `device` (QPrinter or QPdfWriter) and paint every page; returns pages.

    The page size follows `options.paper` ("a4" or "f4", portrait, 15 mm margins). The document
    is laid out in screen units and scaled to the device, so the print preview and the PDF show
    the same pages.
    """
    if not header_text:
        header_text = doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    return paint_sections([Section(doc, "", header_text)], device, options)


def write_pdf(
    path: Path | str,
    sections: Sequence[Section] | QTextDocument,
    options: PrintOptions | None = None,
    title: str = "",
) -> int:
    """Write the sections (or one document) as a PDF at `path`, replaced only when complete.

    Returns the page count. An open or unwritable target becomes `OutputError`.
    """
    ensure_gui_app()
    if isinstance(sections, QTextDocument):
        sections = [Section(sections, "", title)]
    path = Path(path)
    with atomic_output(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setCreator("operator-app")
        writer.setTitle(title or path.stem)
        pages = paint_sections(sections, writer, options, title)
        del writer  # the PDF is finished when the writer goes away
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise OutputError(
                f"File {path.name} tidak bisa dibuat di {path.parent}. "
                "Coba simpan ke folder lain lalu ulangi.",
                file=str(path),
            )
    return pages
