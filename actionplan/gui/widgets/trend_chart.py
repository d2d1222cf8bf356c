"""TrendChartWidget: a measure's readings as a line with points, labels and the target."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from actionplan.gui.models.measure_table_model import number_text
from actionplan.services.views import MeasureRow

_LINE = QColor("#1F5FA8")
_TARGET = QColor("#7F8C8D")


class _Scale:
    """Maps the n-th reading and a value to a point inside the plot area."""

    def __init__(self, plot: QRectF, count: int, values: list[float]) -> None:
        self.plot, self.count = plot, count
        self.low = min(values)
        self.span = (max(values) - self.low) or 1.0

    def place(self, number: int, value: float) -> QPointF:
        x = self.plot.left() + self.plot.width() * (number + 0.5) / self.count
        return QPointF(x, self.plot.bottom() - (value - self.low) / self.span * self.plot.height())


class TrendChartWidget(QWidget):
    """Plots one measure; periods along the bottom, each value written by its point."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.measure: MeasureRow | None = None
        self.setMinimumHeight(220)

    def show_measure(self, measure: MeasureRow | None) -> None:
        """Plot a measure (or nothing)."""
        self.measure = measure
        self.update()

    def points(self) -> list[tuple[str, float]]:
        """The (period, value) pairs that have a value."""
        if self.measure is None:
            return []
        return [(r.period_label, r.value) for r in self.measure.readings if r.value is not None]

    def paintEvent(self, event: QPaintEvent) -> None:  # overrides QWidget.paintEvent
        """Draw the base line, the target, the readings and their labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = QRectF(50, 24, max(self.width() - 80, 10), max(self.height() - 64, 10))
        points = self.points()
        if not points or self.measure is None:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No readings yet")
            return
        target = self.measure.target
        values = [v for _, v in points] + ([target] if target is not None else [])
        scale = _Scale(plot, len(points), values)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if target is not None:
            self._paint_target(painter, scale, target)
        self._paint_line(painter, scale, points)

    def _paint_target(self, painter: QPainter, scale: _Scale, target: float) -> None:
        assert self.measure is not None
        y = scale.place(0, target).y()
        painter.setPen(QPen(_TARGET, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(scale.plot.left(), y), QPointF(scale.plot.right(), y))
        label = f"Target {number_text(target, self.measure.unit)}"
        painter.drawText(QPointF(scale.plot.left(), y - 4), label)

    def _paint_line(
        self, painter: QPainter, scale: _Scale, points: list[tuple[str, float]]
    ) -> None:
        assert self.measure is not None
        placed = [scale.place(i, value) for i, (_, value) in enumerate(points)]
        painter.setPen(QPen(_LINE, 2))
        for start, end in pairwise(placed):
            painter.drawLine(start, end)
        painter.setBrush(_LINE)
        text = self.palette().windowText().color()
        bottom = scale.plot.bottom()
        for (label, value), point in zip(points, placed, strict=True):
            painter.setPen(QPen(_LINE, 2))
            painter.drawEllipse(point, 4, 4)
            painter.setPen(text)
            painter.drawText(
                QPointF(point.x() - 14, point.y() - 8), number_text(value, self.measure.unit)
            )
            label_rect = QRectF(point.x() - 60, bottom + 4, 120, 20)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignHCenter, label)
