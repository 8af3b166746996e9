"""Paints a school picker row: the name left, its counts right in grey; kecamatan headers."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

CountsRole = Qt.ItemDataRole.UserRole + 11
KindRole = Qt.ItemDataRole.UserRole + 12
_INDENT = 18  # schools sit under their kecamatan header
_HEADER_BACKGROUND = QColor("#e8eef5")


class PickerDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 6)  # room to aim at with the mouse

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, counts = opt.text, str(index.data(CountsRole) or "")
        kind = index.data(KindRole)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        painter.save()
        if kind == "header":
            painter.fillRect(opt.rect, _HEADER_BACKGROUND)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.highlightedText() if selected else opt.palette.text()
        rect = opt.rect.adjusted(6 + (_INDENT if kind == "school" else 0), 0, -8, 0)
        fm = opt.fontMetrics
        counts_w = fm.horizontalAdvance(counts) + 12 if counts else 0
        painter.setFont(opt.font)
        painter.setPen(text_colour.color())
        align = Qt.AlignmentFlag.AlignVCenter
        name_rect = QRect(rect.left(), rect.top(), max(10, rect.width() - counts_w), rect.height())
        elided = fm.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, int(align | Qt.AlignmentFlag.AlignLeft), elided)
        if counts:
            painter.setPen(text_colour.color() if selected else QColor("#5a5a5a"))
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignRight), counts)
        painter.restore()
