"""How a workbook shows RAG, learned from its own RAG cells, and writing a RAG the same way.

A partnership writes "Complete" or "B", "green " or "G", or only colours the cell; each
workbook has its own fills too. A changed RAG is written in that workbook's own word or
letter, fill and font (from the same sheet where it has one, else from another sheet), and
in the app's only for a RAG the workbook never used. A cell that showed its RAG by colour
alone is given a colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Alignment, PatternFill
from openpyxl.styles.colors import Color

from actionplan.domain.rag import Rag, parse_rag
from actionplan.excel.cell_safety import cell_text, put_text
from actionplan.excel.colours import Palette, rag_of_fill

_ON_STRONG = {Rag.AMBER: "FF000000"}  # black reads best on amber, white on the others


@dataclass(frozen=True)
class RagCellLook:
    """One RAG cell as the workbook wrote it: its words (maybe none), fill and font."""

    text: str
    fill: Any
    font: Any


@dataclass
class RagLook:
    """Per RAG, the first cell that says it in words and the first that shows it by colour."""

    words: dict[Rag, RagCellLook] = field(default_factory=dict)
    colours: dict[Rag, RagCellLook] = field(default_factory=dict)
    worded: int = 0  # rated cells with words
    coloured: int = 0  # rated cells with a colour and no words
    texts: set[str] = field(default_factory=set)

    def learn(self, cells: Iterable[Any], palette: Palette) -> RagLook:
        """Take in the look of each RAG cell (the first of each kind wins); returns itself."""
        for cell in cells:
            self._learn_one(cell, palette)
        return self

    def _learn_one(self, cell: Any, palette: Palette) -> None:
        text = cell_text(cell.value).strip()
        rag = (parse_rag(text) if text else rag_of_fill(cell.fill, palette)) or Rag.UNRATED
        if rag is Rag.UNRATED:
            return
        look = RagCellLook(text, copy(cell.fill), copy(cell.font))
        if text:
            self.worded += 1
            self.texts.add(text)
            self.words.setdefault(rag, look)
        else:
            self.coloured += 1
            self.colours.setdefault(rag, look)

    def within(self, book: RagLook) -> RagLook:
        """This sheet's look, with the rest of the workbook's filling in what it lacks."""
        return RagLook(
            {**book.words, **self.words},
            {**book.colours, **self.colours},
            book.worded,
            book.coloured,
            book.texts,
        )

    @property
    def letters(self) -> bool:
        """True when the workbook writes RAG as letters (R, A, G, B) rather than words."""
        return bool(self.texts) and all(len(text) == 1 for text in self.texts)


def shown_rag(cell: Any, palette: Palette) -> Rag:
    """The RAG a cell shows: its words, or its colour when it has none."""
    text = cell_text(cell.value).strip()
    return (parse_rag(text) if text else rag_of_fill(cell.fill, palette)) or Rag.UNRATED


def write_rag(cell: Any, rag: Rag, look: RagLook, palette: Palette) -> None:
    """Write a changed RAG into a cell in the workbook's own way."""
    has_words = bool(cell_text(cell.value).strip())
    if rag is Rag.UNRATED:
        _clear_rating(cell, palette)
    elif not has_words and (rag_of_fill(cell.fill, palette) or look.coloured > look.worded):
        _colour_alone(cell, rag, look)
    else:
        _in_words(cell, rag, look)


def _colour_alone(cell: Any, rag: Rag, look: RagLook) -> None:
    own = look.colours.get(rag) or look.words.get(rag)
    if own is not None and own.fill.fill_type:
        cell.fill = copy(own.fill)
    else:
        cell.fill = _app_fill(rag)


def _in_words(cell: Any, rag: Rag, look: RagLook) -> None:
    own = look.words.get(rag)
    if own is not None:
        put_text(cell, own.text)
        cell.fill, cell.font = copy(own.fill), copy(own.font)
        return
    put_text(cell, rag.letter if look.letters else rag.word)
    coloured = look.colours.get(rag)
    if coloured is not None:
        cell.fill = copy(coloured.fill)
        return
    cell.fill = _app_fill(rag)
    font = copy(cell.font)
    font.bold = True
    font.color = Color(rgb=_ON_STRONG.get(rag, "FFFFFFFF"))
    cell.font = font
    alignment = copy(cell.alignment) if cell.alignment else Alignment()
    alignment.horizontal = "center"
    cell.alignment = alignment


def _app_fill(rag: Rag) -> PatternFill:
    return PatternFill(fill_type="solid", fgColor="FF" + rag.colour.lstrip("#").upper())


def _clear_rating(cell: Any, palette: Palette) -> None:
    """An unrated action: take away a rating the cell shows, but never other words."""
    text = cell_text(cell.value).strip()
    rated = parse_rag(text) not in (None, Rag.UNRATED) if text else False
    if rated:
        cell.value = None
    if rated or rag_of_fill(cell.fill, palette) is not None:
        cell.fill = PatternFill()
