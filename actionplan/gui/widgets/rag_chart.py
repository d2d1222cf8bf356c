"""RagChartWidget: RAG counts per priority as stacked bars with the counts written on them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.gui.widgets.rag_chip import chip_text_colour


@dataclass(frozen=True)
class ChartRow:
    """One bar: a label and its count for each RAG."""

    label: str
    counts: dict[Rag, int]

    @property
    def total(self) -> int:
        """All actions in the bar."""
        return sum(self.counts.values())


class RagChartWidget(QWidget):
    """Draws one horizontal stacked bar per priority, plus a legend with words."""

    BAR_HEIGHT = 26
    GAP = 12
    LABEL_WIDTH = 260

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ChartRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[ChartRow]) -> None:
        """Replace the bars and repaint."""
        self._rows = rows
        self.updateGeometry()
        self.update()

    @property
    def rows(self) -> list[ChartRow]:
        """The bars shown."""
        return list(self._rows)

    def sizeHint(self) -> QSize:  # overrides QWidget.sizeHint
        """Tall enough for every bar and the legend."""
        return QSize(720, 40 + len(self._rows) * (self.BAR_HEIGHT + self.GAP) + 30)

    def paintEvent(self, event: QPaintEvent) -> None:  # overrides QWidget.paintEvent
        """Paint the legend, then each bar with its counts."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_legend(painter)
        widest = max((row.total for row in self._rows), default=0) or 1
        bar_space = max(self.width() - self.LABEL_WIDTH - 60, 50)
        for number, row in enumerate(self._rows):
            top = 40 + number * (self.BAR_HEIGHT + self.GAP)
            self._paint_row(painter, row, top, bar_space / widest)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        left = self.LABEL_WIDTH
        for rag in RAG_ORDER:
            painter.setBrush(QColor(rag.colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(left, 10, 14, 14), 3, 3)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(left + 20, 6, 100, 22), Qt.AlignmentFlag.AlignVCenter, rag.word)
            left += 30 + painter.fontMetrics().horizontalAdvance(rag.word)

    def _paint_row(self, painter: QPainter, row: ChartRow, top: float, scale: float) -> None:
        painter.setPen(self.palette().windowText().color())
        label_rect = QRectF(0, top, self.LABEL_WIDTH - 10, self.BAR_HEIGHT)
        label = painter.fontMetrics().elidedText(
            row.label, Qt.TextElideMode.ElideRight, int(label_rect.width())
        )
        painter.drawText(
            label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label
        )
        left = float(self.LABEL_WIDTH)
        for rag in RAG_ORDER:
            count = row.counts.get(rag, 0)
            if count:
                width = count * scale
                self._paint_segment(painter, QRectF(left, top, width, self.BAR_HEIGHT), rag, count)
                left += width
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            QRectF(left + 6, top, 50, self.BAR_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            str(row.total),
        )

    def _paint_segment(self, painter: QPainter, rect: QRectF, rag: Rag, count: int) -> None:
        painter.setPen(QColor("white"))
        painter.setBrush(QColor(rag.colour))
        painter.drawRect(rect)
        text = f"{rag.letter} {count}"
        if painter.fontMetrics().horizontalAdvance(text) + 6 > rect.width():
            text = (
                str(count)
                if painter.fontMetrics().horizontalAdvance(str(count)) + 4 <= rect.width()
                else ""
            )
        painter.setPen(chip_text_colour(rag))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
