"""The "Dinas" tab: every school of the district in one sortable table, a filter, a total line.

A flat table rather than a tree: a Dinas asks "which schools are worst?" across the whole
kabupaten, so one sort must order all schools. The kecamatan is a column (sortable) and a
filter; the line under the table is the total of what is shown, i.e. the kecamatan subtotal
when one kecamatan is chosen. Double-click or Enter on a school asks the window to open it.
The tab is shown only when the database holds more than one school (main window): for a
school's own operator the Ringkasan tab already says everything this one would.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.views import SchoolSummary
from operator_app.ui.district_model import (
    IMPORTED,
    INVALID,
    KEC,
    NAME,
    UNDUH,
    DistrictModel,
    total_of,
)
from operator_app.ui.models import IdRole

_ROW_HEIGHT = 22


class DistrictPanel(QWidget):
    school_opened = Signal(int)  # the school id to show in "Daftar guru"
    rekap_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Saring sekolah: nama atau kecamatan…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Saring sekolah"))
        row.addWidget(self.search, 2)
        self.kecamatan = QComboBox()
        self.kecamatan.setAccessibleName(self.tr("Saring menurut kecamatan"))
        self.kecamatan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.kecamatan)
        row.addStretch(1)
        self.btn_rekap = QPushButton(self.tr("Ekspor Rekap Dinas…"))
        self.btn_rekap.setToolTip(
            self.tr("Workbook Excel: satu baris per sekolah, satu sheet per kecamatan, jumlah")
        )
        self.btn_rekap.clicked.connect(self.rekap_requested)
        row.addWidget(self.btn_rekap)
        layout.addLayout(row)

        self._kecamatan_items: list[tuple[str, str | None]] = []
        self.model = DistrictModel(self)  # filters and sorts itself (no proxy: see its doc)
        self.table = self._table(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(INVALID, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(self.tr("Ringkasan per sekolah"))
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

        self.totals = DistrictModel(self, total=True)
        self.footer = self._table(self.totals)
        self.footer.horizontalHeader().hide()
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setFixedHeight(_ROW_HEIGHT + 2 * self.footer.frameWidth())
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.setAccessibleName(self.tr("Jumlah"))
        layout.addWidget(self.footer)
        header = self.table.horizontalHeader()
        header.sectionResized.connect(lambda i, _old, new: self.footer.setColumnWidth(i, new))
        self.table.horizontalScrollBar().valueChanged.connect(
            self.footer.horizontalScrollBar().setValue
        )
        self._fit_columns()
        header.setStretchLastSection(True)

        self.hint = QLabel(
            self.tr(
                "Angka temuan = temuan terbuka (baru/diajukan). Klik dua kali atau tekan Enter "
                "pada sekolah untuk membuka daftar gurunya. Baru/Selesai: perubahan sejak impor "
                "sebelumnya sekolah itu."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555")
        layout.addWidget(self.hint)

        self.search.textChanged.connect(self.model.set_text)
        self.kecamatan.currentIndexChanged.connect(
            lambda _i: self.model.set_kecamatan(self.kecamatan.currentData())
        )
        self.model.modelReset.connect(self._update_total)
        self._update_total()

    def _fit_columns(self) -> None:
        """Widths from the font, not from 500 rows: each column as wide as its header's
        longest line (counts fit under it); Kecamatan and Sekolah as a typical name."""
        fm = self.table.horizontalHeader().fontMetrics()
        sample = {KEC: "Kedungbanteng", NAME: "SD NEGERI 2 SUMBERNEGARA SP1"}
        bold = QFont(self.footer.font())
        bold.setBold(True)
        fm_bold = QFontMetrics(bold)  # the total line's numbers and dates are bold
        for col in range(self.model.columnCount()):
            text = sample.get(col) or str(self.model.headerData(col, Qt.Orientation.Horizontal))
            widest = max(fm.horizontalAdvance(line) for line in text.split("\n"))
            room = 10 if col in sample else 18  # the sort arrow sits beside a header
            value = "00-00-0000" if col in (IMPORTED, UNDUH) else "00000"
            self.table.setColumnWidth(
                col, max(widest + room, fm_bold.horizontalAdvance(value) + 10)
            )

    @staticmethod
    def _table(model: DistrictModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(_ROW_HEIGHT)
        table.setWordWrap(False)
        return table

    # -- data -------------------------------------------------------------------------------------
    def show_summaries(self, summaries: Sequence[SchoolSummary]) -> None:
        """New data (after a load): the filter, the kecamatan choice and the sort stay."""
        per_kec = Counter(s.kecamatan for s in summaries)
        items: list[tuple[str, str | None]] = [
            (self.tr("Semua kecamatan ({0})").format(len(per_kec)), None)
        ]
        for kec in sorted(per_kec, key=lambda k: (not k, k.casefold())):
            name = kec or self.tr("Tanpa kecamatan")
            items.append((self.tr("{0} ({1} sekolah)").format(name, per_kec[kec]), kec))
        if items != self._kecamatan_items:  # a reload after a status change: usually the same
            self._kecamatan_items = items
            chosen = self.kecamatan.currentData()
            self.kecamatan.blockSignals(True)
            self.kecamatan.clear()
            for text, data in items:
                self.kecamatan.addItem(text, data)
            index = self.kecamatan.findData(chosen) if chosen is not None else 0
            self.kecamatan.setCurrentIndex(max(0, index))
            self.kecamatan.blockSignals(False)
        self.model.set_rows(summaries, kecamatan=self.kecamatan.currentData())
        self.heading.setText(
            self.tr("Tampilan Dinas: {0} sekolah di {1} kecamatan, {2} PTK").format(
                len(summaries), len(per_kec), sum(s.n_ptk for s in summaries)
            )
        )

    def worth_showing(self) -> bool:
        """More than one school: a district (or a Dinas) works here."""
        return len(self.model.all_rows()) > 1

    def _update_total(self, *_args: object) -> None:
        shown = self.model.rows()
        everything = self.model.all_rows()
        kec = self.model.kecamatan()
        n = len(shown)
        if kec is not None and n == len([r for r in everything if r.kecamatan == kec]):
            label = self.tr("Jumlah Kec. {0} ({1} sekolah)").format(kec or "-", n)
        elif n == len(everything):
            label = self.tr("Jumlah semua ({0} sekolah)").format(n)
        else:
            label = self.tr("Jumlah yang tampil ({0} sekolah)").format(n)
        self.totals.set_rows([total_of(shown, label)])
        self.footer.setSpan(0, KEC, 1, NAME - KEC + 1)  # the label across Kecamatan and Sekolah

    def total(self) -> SchoolSummary:
        return self.totals.row_at(0)

    def _activated(self, index: QModelIndex) -> None:
        school_id = index.data(IdRole) if index.isValid() else None
        if school_id:
            self.school_opened.emit(int(school_id))
