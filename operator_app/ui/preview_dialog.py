"""The import preview: what each file looks like to the importer, before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
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


def needs_look(p: Preview) -> bool:
    """Unknown kind, problems or warnings: the operator sees the preview before importing."""
    return p.kind is None or bool(p.problems) or bool(p.warnings)


class _RowsModel(QAbstractTableModel):
    def __init__(
        self, columns: Sequence[str], rows: Sequence[dict[str, str]], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)

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
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return None
        return self._rows[index.row()].get(self._columns[index.column()], "")


class PreviewDialog(QDialog):
    """What each file looks like to the importer, before anything is written."""

    def __init__(self, previews: Sequence[Preview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau impor"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Periksa dulu file di bawah ini. File yang bermasalah tidak akan diimpor; "
                "belum ada data yang disimpan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        tabs = QTabWidget()
        for p in previews:
            tabs.addTab(self._page(p), ("⚠ " if needs_look(p) else "") + p.file)
        layout.addWidget(tabs, 1)
        buttons = label_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Impor file yang bisa dibaca"))
        ok.setEnabled(any(p.kind and not p.problems for p in previews))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

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
        for text, colour in [(x, "#b3121f") for x in p.problems] + [
            (x, "#8a5a00") for x in p.warnings
        ]:
            msg = QLabel(("✖ " if colour == "#b3121f" else "⚠ ") + text)  # both in common fonts
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
