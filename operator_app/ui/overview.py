"""The overview tab: counts by severity, code and actor, a bar chart, data dates, changes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.model import School
from operator_app.core.views import SchoolOverview
from operator_app.ui.labels import (
    ACTORS,
    CODES,
    SEVERITIES,
    SEVERITY_BAR,
    actor_label,
    code_label,
    severity_label,
)
from operator_app.ui.models import CountModel, SortRole


class BarChart(QWidget):
    """Horizontal bars, one per (label, value, colour); painted here, no chart library."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, QColor]] = []
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[tuple[str, int, QColor]]) -> None:
        self.bars = bars
        self.setMinimumHeight(max(120, 28 * len(bars) + 16))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(120, 28 * len(self.bars) + 16))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        if not self.bars:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada temuan."))
            return
        label_w = max(fm.horizontalAdvance(b[0]) for b in self.bars) + 12
        num_w = fm.horizontalAdvance("00000") + 8
        top, row_h, bar_h = 8, 28, 18
        area = max(10, self.width() - label_w - num_w - 16)
        biggest = max(1, *(b[1] for b in self.bars))
        for i, (label, value, colour) in enumerate(self.bars):
            y = top + i * row_h
            p.setPen(self.palette().windowText().color())
            p.drawText(
                QRectF(4, y, label_w - 8, bar_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            w = area * value / biggest
            p.setPen(QPen(colour.darker(130)))
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(label_w, y, max(w, 1.5), bar_h), 3, 3)
            p.setPen(self.palette().windowText().color())
            p.drawText(
                QRectF(label_w + w + 6, y, num_w, bar_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )


class OverviewPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        grid.addWidget(self.heading, 0, 0, 1, 3)

        sev_box = QGroupBox(self.tr("Temuan terbuka menurut tingkat"))
        self.chart = BarChart()
        self.chart.setAccessibleName(self.tr("Grafik jumlah temuan"))
        QVBoxLayout(sev_box).addWidget(self.chart)
        grid.addWidget(sev_box, 1, 0)

        self.actor_chart = BarChart()
        actor_box = QGroupBox(self.tr("Siapa yang harus bertindak"))
        QVBoxLayout(actor_box).addWidget(self.actor_chart)
        grid.addWidget(actor_box, 1, 1)

        self.sources = QLabel()
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.sources.setWordWrap(True)
        self.sources.setAlignment(Qt.AlignmentFlag.AlignTop)
        src_box = QGroupBox(self.tr("Data yang dipakai"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.sources)
        scroll.viewport().setAutoFillBackground(False)
        self.sources.setAutoFillBackground(False)
        QVBoxLayout(src_box).addWidget(scroll)
        grid.addWidget(src_box, 1, 2)
        for box in (sev_box, actor_box, src_box):  # the charts take what they need, tables the rest
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            box.setMaximumHeight(230)

        self.codes = CountModel(self.tr("Jenis temuan"), self)
        self.codes_view = QTableView()
        self.codes_view.setModel(self.codes)
        self.codes_view.verticalHeader().hide()
        self.codes_view.verticalHeader().setDefaultSectionSize(22)
        self.codes_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.codes_view.setAccessibleName(self.tr("Jumlah temuan per jenis"))
        codes_box = QGroupBox(self.tr("Temuan terbuka menurut jenis"))
        QVBoxLayout(codes_box).addWidget(self.codes_view)
        grid.addWidget(codes_box, 2, 0, 1, 2)

        self.per_school = CountModel(self.tr("Sekolah"), self)
        self.per_school_view = QTableView()
        self.per_school_view.setModel(self.per_school)
        self.per_school_view.verticalHeader().hide()
        self.per_school_view.verticalHeader().setDefaultSectionSize(22)
        self.per_school_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.per_school_view.setAccessibleName(self.tr("Jumlah temuan per sekolah"))
        school_box = QGroupBox(self.tr("Temuan terbuka per sekolah (invalid / peringatan / info)"))
        QVBoxLayout(school_box).addWidget(self.per_school_view)
        grid.addWidget(school_box, 2, 2)
        from operator_app.ui.sync_overview import SyncOverviewBox  # h15

        self.sync_box = SyncOverviewBox()
        grid.addWidget(self.sync_box, 3, 0, 1, 3)
        grid.setRowStretch(2, 1)
        for c in range(3):
            grid.setColumnStretch(c, 1)
        _ = SortRole

    def show_per_school(self, items: list[tuple[School, dict[str, int]]]) -> None:
        rows = []
        for school, sev in items:
            name = school.name
            counts = " / ".join(str(sev.get(s, 0)) for s in SEVERITIES)
            rows.append((f"{name}  ({counts})", sum(sev.values())))
        self.per_school.set_items(rows)

    def show_overview(self, ov: SchoolOverview | None) -> None:
        self.sync_box.show_overview(ov)  # h15
        if ov is None:
            self.heading.setText("")
            self.chart.set_bars([])
            self.actor_chart.set_bars([])
            self.codes.set_items([])
            self.sources.setText("")
            return
        name = ov.school.name if ov.school else self.tr("Semua sekolah")
        total = sum(ov.by_severity.values())
        self.heading.setText(
            f"<span style='font-size:14pt; font-weight:bold'>{escape(name)}</span><br>"
            + escape(
                self.tr(
                    "{0} PTK · {1} temuan terbuka · {2} baru sejak impor sebelumnya · "
                    "{3} selesai sejak impor sebelumnya"
                ).format(ov.n_ptk, total, ov.new_since_previous, ov.resolved_since_previous)
            )
        )
        self.chart.set_bars(
            [(severity_label(s), ov.by_severity.get(s, 0), SEVERITY_BAR[s]) for s in SEVERITIES]
        )
        self.actor_chart.set_bars(
            [
                (actor_label(a), ov.by_actor.get(a, 0), QColor("#4f7fb0"))
                for a in ACTORS
                if ov.by_actor.get(a)
            ]
        )
        order = {c: i for i, c in enumerate(CODES)}
        items = sorted(ov.by_code.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))
        self.codes.set_items([(f"{code_label(c)} ({c})", n) for c, n in items])
        lines = []
        for src in ov.sources:
            when = src.tanggal_unduh or src.imported_at
            kind = {"siasn": "SIASN", "ekinerja_log": "Log e-Kinerja"}.get(src.kind, "Dapodik")
            lines.append(
                f"<b>{escape(kind)}</b> {escape(src.school_name or '')}<br>"
                f"<span style='color:#555'>{escape(src.file_name)}</span><br>"
                + escape(
                    self.tr("data tanggal {0} · {1} baris").format(
                        when.strftime("%d-%m-%Y"), src.rows
                    )
                )
            )
        self.sources.setText(
            "<br><br>".join(lines)
            or escape(self.tr("Belum ada data. Impor file Dapodik dan SIASN."))
        )
