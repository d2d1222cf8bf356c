"""FlowLayout: widgets in a row that wraps onto the next line when the window is narrow."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle


class FlowLayout(QLayout):
    """Lays items left to right, starting a new line where the next one would not fit.

    So a row of filters stays whole on a small laptop screen instead of forcing the
    window wider than the screen.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # overrides QLayout.addItem
        """Take an item at the end of the row."""
        self._items.append(item)

    def count(self) -> int:  # overrides QLayout.count
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # overrides QLayout.itemAt
        """The item at a place, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # overrides QLayout.takeAt
        """Remove and return the item at a place."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # overrides QLayout.expandingDirections
        """A flow never asks for more room than its lines need."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # overrides QLayout.hasHeightForWidth
        """Its height depends on how many lines the width allows."""
        return True

    def heightForWidth(self, width: int) -> int:  # overrides QLayout.heightForWidth
        """The height of the lines at this width."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # overrides QLayout.setGeometry
        """Place the items within the rectangle given."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # overrides QLayout.sizeHint
        """Everything on one line."""
        width = sum(item.sizeHint().width() for item in self._items)
        width += self._gap(Qt.Orientation.Horizontal) * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        return QSize(width, height) + _margins(self)

    def minimumSize(self) -> QSize:  # overrides QLayout.minimumSize
        """Room for the widest item alone on its line."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + _margins(self)

    def _gap(self, orientation: Qt.Orientation) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        widget = self.parentWidget()
        if widget is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if orientation == Qt.Orientation.Horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        gap = widget.style().pixelMetric(metric, None, widget)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line_height = area.x(), area.y(), 0
        across, down = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint().boundedTo(QSize(area.width(), item.sizeHint().height()))
            size = size.expandedTo(item.minimumSize())
            if x > area.x() and x + size.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + down, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + across
            line_height = max(line_height, size.height())
        return y + line_height - rect.y() + margins.bottom()


def _margins(layout: QLayout) -> QSize:
    margins = layout.contentsMargins()
    return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
