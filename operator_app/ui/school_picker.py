"""The school picker: a combo box whose popup is a search over every school, by kecamatan.

A QComboBox to its users (currentText(), currentData(), currentIndexChanged, findData), so the
filter bar and the export keep working unchanged; only its popup differs. Typing while the box
has the focus (or opening it) shows a search field over a list grouped by kecamatan headers,
each school with "(n PTK, m temuan)"; every typed word must occur in the name, kecamatan or
NPSN (ui/school_search.py). Up/Down/PageUp/PageDown move, Enter picks, Esc closes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.model import School
from operator_app.ui.picker_model import ALL, HEADER, SCHOOL, PickerListModel, SchoolListModel
from operator_app.ui.school_search import SchoolChoice, search


class SchoolPopup(QFrame):
    """The search field and the grouped list; emits `picked` with a school id or None (all)."""

    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.choices: list[SchoolChoice] = []
        self.current_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Ketik sebagian nama sekolah, NPSN atau kecamatan…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Cari sekolah"))
        self.edit.textChanged.connect(self.refresh)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit)
        self.model = PickerListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().hide()
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        counts = self.fontMetrics().horizontalAdvance("(0000 PTK, 0000 temuan)")
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.view.setColumnWidth(1, counts + 12)  # not ResizeToContents: that reads every row
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search field
        self.view.setAccessibleName(self.tr("Daftar sekolah"))
        self.view.clicked.connect(self._clicked)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setStyleSheet("color:#555")
        layout.addWidget(self.status)

    def open_at(self, anchor: QWidget, text: str) -> None:
        """Show under (or above) `anchor`, the search field holding `text`."""
        self.edit.setText(text)
        self.refresh()
        width = max(anchor.width(), 540)
        height = 440
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = anchor.screen().availableGeometry()
        y = below.y()
        if y + height > screen.bottom():  # no room below: open above
            y = anchor.mapToGlobal(QPoint(0, 0)).y() - height
        x = min(below.x(), max(screen.left(), screen.right() - width))
        self.setGeometry(x, max(screen.top(), y), width, height)
        self.show()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.edit.end(False)

    def refresh(self) -> None:
        text = self.edit.text()
        groups = search(self.choices, text)
        self.model.show(groups, len(self.choices))
        n = self.model.n_schools
        self.status.setText(
            self.tr("{0} dari {1} sekolah").format(n, len(self.choices))
            if text.strip()
            else self.tr("{0} sekolah · ketik untuk mencari").format(len(self.choices))
        )
        wanted = self._row_of(self.current_id) if not text.strip() else self._step(0, +1, 1)
        self._set_row(wanted if wanted >= 0 else 0)

    def _row_of(self, school_id: int | None) -> int:
        if school_id is None:
            return 0  # "Semua sekolah"
        rows = range(self.model.rowCount())
        return next((r for r in rows if self.model.school_id(r) == school_id), -1)

    def _step(self, start: int, direction: int, count: int) -> int:
        """The row `count` selectable rows from `start` (a school when there is one)."""
        row, found = start, -1
        n = self.model.rowCount()
        while 0 <= row < n and count > 0:
            if self.model.kind(row) == SCHOOL or (self.model.kind(row) == ALL and direction < 0):
                found, count = row, count - 1
                if count == 0:
                    break
            row += direction
        return found

    def _set_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _move(self, direction: int, count: int) -> None:
        here = self.view.currentIndex().row()
        start = here + direction if here >= 0 else 0
        row = self._step(start, direction, count)
        if row < 0:  # past the end: the last (or first) selectable row
            row = self._step(self.model.rowCount() - 1 if direction > 0 else 0, -direction, 1)
        self._set_row(row)

    def _clicked(self, index: QModelIndex) -> None:
        if self.model.kind(index.row()) != HEADER:
            self._pick(index)

    def _pick(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.kind(index.row()) != HEADER:
            self.hide()
            self.picked.emit(self.model.school_id(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            page = max(1, self.view.viewport().height() // max(1, self.view.sizeHintForRow(0)))
            moves = {
                Qt.Key.Key_Down: (1, 1),
                Qt.Key.Key_Up: (-1, 1),
                Qt.Key.Key_PageDown: (1, page),
                Qt.Key.Key_PageUp: (-1, page),
            }
            if key in moves:
                self._move(*moves[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick(self.view.currentIndex())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)


class SchoolPicker(QComboBox):
    """ "Semua sekolah" plus every school (SchoolListModel); data = school id (None: all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[int, tuple[int, int]] = {}
        self.items = SchoolListModel(self.tr("Semua sekolah"), self)
        self.setModel(self.items)
        self.popup = SchoolPopup(self)
        self.popup.picked.connect(self.select_school)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setToolTip(self.tr("Pilih sekolah: ketik sebagian nama, NPSN atau kecamatan"))

    def set_schools(self, schools: Sequence[School]) -> None:
        """Replace the list, keeping the chosen school when it is still there (no signal)."""
        current = self.current_school()
        self.blockSignals(True)
        self.items.set_schools(schools)
        self.setCurrentIndex(max(0, self.items.row_of(current)))
        self.blockSignals(False)

    def set_counts(self, counts: Mapping[int, tuple[int, int]]) -> None:
        """school id -> (PTK, open findings), shown beside each school in the popup."""
        self._counts = dict(counts)

    def choices(self) -> list[SchoolChoice]:
        out = []
        for s in self.items.schools:
            n_ptk, n_open = self._counts.get(s.id, (None, None))
            out.append(SchoolChoice.make(s.id, s.name, s.kecamatan, "", n_ptk, n_open))
        return out

    def current_school(self) -> int | None:
        return self.items.school_id(self.currentIndex())

    def select_school(self, school_id: int | None) -> bool:
        """Choose a school (None: all); currentIndexChanged follows when it changes."""
        index = self.items.row_of(school_id)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def open_search(self, text: str = "") -> None:
        self.popup.choices = self.choices()
        self.popup.current_id = self.current_school()
        self.popup.open_at(self, text)

    def showPopup(self) -> None:
        self.open_search()

    def hidePopup(self) -> None:
        self.popup.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and text and text.isprintable() and not text.isspace():
            self.open_search(text)
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        return super().sizeHint().boundedTo(QSize(360, 100))
