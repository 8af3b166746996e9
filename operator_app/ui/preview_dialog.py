"""The import preview: what each file looks like to the importer, before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_app.sources.preview import Preview
from operator_app.ui.buttons import label_buttons

BAD_COLOUR = "#b3121f"


def needs_look(p: Preview) -> bool:
    """Unknown kind, problems or warnings: the operator sees the preview before importing."""
    return p.kind is None or bool(p.problems) or bool(p.warnings)


class _RowsModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[str],
        rows: Sequence[dict[str, str]],
        parent: QObject,
        marked: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)
        self._marked = marked  # rows shown in red: damaged files

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section]
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self._marked:
            return QColor(BAD_COLOUR)
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return None
        return self._rows[index.row()].get(self._columns[index.column()], "")


class PreviewDialog(QDialog):
    """What each file looks like to the importer, before anything is written.

    With a damaged file the accept button becomes "Lewati file rusak dan impor yang lain" and
    Batal is the default: nothing is imported unless the operator chooses to skip it."""

    def __init__(
        self,
        previews: Sequence[Preview],
        parent: QWidget | None = None,
        ignored: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau impor"))
        self.resize(980 if len(previews) > 1 or ignored else 860, 600)
        layout = QVBoxLayout(self)
        bad = [p for p in previews if not p.kind or p.problems]
        intro = QLabel(self._intro(len(previews), len(bad), len(ignored)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        if len(previews) > 1 or ignored:
            self.tabs.addTab(self._overview(previews, ignored), self.tr("Semua file"))
        for p in previews:
            self.tabs.addTab(self._page(p), ("⚠ " if needs_look(p) else "") + p.file)
        layout.addWidget(self.tabs, 1)
        buttons = label_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if bad:  # the window's --lewati-rusak: an explicit choice, never the default
            self.ok.setText(self.tr("Lewati file rusak dan impor yang lain"))
            self.ok.setAutoDefault(False)
            self.ok.setDefault(False)
            self.cancel.setDefault(True)
        else:
            self.ok.setText(self.tr("Impor file yang bisa dibaca"))
        self.ok.setEnabled(len(bad) < len(previews))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _intro(self, files: int, bad: int, ignored: int) -> str:
        text = self.tr("Periksa dulu {0} file di bawah ini; belum ada data yang disimpan.").format(
            files
        )
        if bad:
            text += " " + self.tr(
                "{0} file rusak atau tidak dikenal (✖). Tanpa pilihan Anda tidak ada yang "
                "diimpor: pilih Batal, atau lewati file rusak dan impor yang lain."
            ).format(bad)
        if ignored:
            text += " " + self.tr("{0} file bukan ekspor dan diabaikan.").format(ignored)
        return text

    def _overview(self, previews: Sequence[Preview], ignored: Sequence[str]) -> QWidget:
        """One line per file: kind, school, rows, and why a damaged one is refused."""
        cols = [self.tr("File"), self.tr("Jenis"), self.tr("Sekolah"), self.tr("Baris")]
        cols.append(self.tr("Keterangan"))
        rows = [
            [
                ("✖ " if not p.kind or p.problems else "") + p.file,
                p.kind_label,
                p.school or "-",
                str(p.total_rows) if p.kind else "-",
                "; ".join(p.problems) or "; ".join(p.warnings) or self.tr("siap diimpor"),
            ]
            for p in previews
        ]
        rows += [[name, "-", "-", "-", self.tr("diabaikan: bukan file ekspor")] for name in ignored]
        view = QTableView()
        marked = frozenset(i for i, p in enumerate(previews) if not p.kind or p.problems)
        table = [dict(zip(cols, r, strict=True)) for r in rows]
        view.setModel(_RowsModel(cols, table, view, marked))
        view.setWordWrap(True)  # long names and reasons wrap; the reason column takes the rest
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(cols) - 1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 260), (1, 160), (2, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, width)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setAccessibleName(self.tr("Semua file"))
        return view

    def _page(self, p: Preview) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        info = [
            self.tr("Jenis file: {0}").format(p.kind_label),
            self.tr("Sekolah: {0}").format(p.school or "-"),
            self.tr("Baris judul kolom: {0} · {1} baris data").format(p.header_row, p.total_rows),
            self.tr("Kolom dikenali: {0}").format(", ".join(h for h, _ in p.mapped) or "-"),
            self.tr("Kolom tidak dipakai: {0}").format(", ".join(p.unmapped) or "-"),
        ]
        label = QLabel("\n".join(info))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(label)
        for text, colour in [(x, BAD_COLOUR) for x in p.problems] + [
            (x, "#8a5a00") for x in p.warnings
        ]:
            msg = QLabel(("✖ " if colour == BAD_COLOUR else "⚠ ") + text)  # both in common fonts
            msg.setWordWrap(True)
            msg.setStyleSheet(f"color: {colour}; font-weight: bold")
            v.addWidget(msg)
        if not p.rows:  # a refused file: its reason is the page
            v.addStretch(1)
            return page
        columns = [field for _, field in p.mapped] or sorted({k for r in p.rows for k in r})
        view = QTableView()
        view.setModel(_RowsModel(columns, p.rows, page))
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setAccessibleName(self.tr("Baris pertama file"))
        v.addWidget(view, 1)
        return page
