"""Drawing a RAG as a coloured chip with its word, so colour is never the only signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from actionplan.domain.rag import Rag

_DARK_TEXT = {Rag.AMBER}


def chip_text_colour(rag: Rag) -> QColor:
    """Text colour with enough contrast on the chip."""
    return QColor("#1B1B1B") if rag in _DARK_TEXT else QColor("#FFFFFF")


def chip_html(rag: Rag, text: str | None = None) -> str:
    """A RAG chip for rich text: the word (or the text given) on the RAG's colour."""
    colour = chip_text_colour(rag).name()
    return (
        f'<span style="background:{rag.colour}; color:{colour}; font-weight:bold;">'
        f"&nbsp;{text or rag.word}&nbsp;</span>"
    )


def paint_chip(painter: QPainter, rect: QRect, rag: Rag, text: str) -> None:
    """Paint a rounded chip in the RAG's colour with its word on it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    chip = rect.adjusted(4, 4, -4, -4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(rag.colour))
    painter.drawRoundedRect(chip, 8, 8)
    painter.setPen(chip_text_colour(rag))
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def as_rag(value: object) -> Rag | None:
    """A Rag from a model value (Qt hands enum values back as plain strings)."""
    if isinstance(value, Rag) or value is None:
        return value
    try:
        return Rag(str(value))
    except ValueError:
        return None


class RagChipDelegate(QStyledItemDelegate):
    """Shows the RAG column as a chip: colour plus word (letter when the column is narrow)."""

    def __init__(self, rag_role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._rag_role = rag_role

    def paint(  # overrides QStyledItemDelegate.paint
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the selection background, then the chip."""
        rag = as_rag(index.data(self._rag_role))
        if rag is None:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect: QRect = option.rect
        wide = rect.width() >= option.fontMetrics.horizontalAdvance(rag.word) + 20
        paint_chip(painter, rect, rag, rag.word if wide else rag.letter)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Wide enough for the longest word."""
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 96), max(hint.height(), 26))
