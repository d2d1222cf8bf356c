"""Laying out a listing's rows: plain text wrapped to column widths, rows split by lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from actionplan.domain.rag import Rag
from actionplan.reports.fonts import SANS, SANS_BOLD, SANS_ITALIC, clean, has_rtl
from actionplan.reports.styles import PALETTE, TABLE_SIZE, para

PAD_X, PAD_TOP, PAD_BOTTOM = 3.0, 3.0, 3.5
CHIP_HEIGHT, CHIP_GAP = 13.0, 2.0


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: quick as a cache key
class Ink:
    """How a line of text is printed."""

    font: str
    size: float
    leading: float
    colour: colors.Color


INKS = {
    "cell": Ink(SANS, TABLE_SIZE, 11, PALETTE.ink),
    "bold": Ink(SANS_BOLD, TABLE_SIZE, 11, PALETTE.ink),
    "small": Ink(SANS, TABLE_SIZE, 11, PALETTE.muted),
    "strong": Ink(SANS_BOLD, TABLE_SIZE, 11, PALETTE.ink),
    "flag": Ink(SANS_ITALIC, TABLE_SIZE, 11, PALETTE.flag),
    "head": Ink(SANS_BOLD, TABLE_SIZE, 11, PALETTE.navy),
    "caption": Ink(SANS_BOLD, TABLE_SIZE, 11, PALETTE.accent),
}


# Pieces and lines are NamedTuples: a big appendix makes hundreds of thousands of them,
# and a tuple is several times quicker to create than a frozen dataclass.


class Text(NamedTuple):
    """Words for a cell, wrapped to its width, in one ink."""

    words: str
    ink: str = "cell"


class Chip(NamedTuple):
    """A RAG chip at the top of a cell."""

    rag: Rag


Piece = Text | Chip


class Line(NamedTuple):
    """One wrapped line, ready to draw, and its height (the ink's leading)."""

    text: str
    ink: Ink
    height: float


class Block(NamedTuple):
    """Right-to-left words as a shaped paragraph (reportlab orders and joins them there)."""

    paragraph: Paragraph
    height: float


@dataclass
class LaidCell:
    """A cell's chip (if any) and its lines."""

    chip: Rag | None = None
    lines: list[Line | Block] = field(default_factory=list)

    @property
    def height(self) -> float:
        """The height of the chip and lines."""
        chip = CHIP_HEIGHT + CHIP_GAP if self.chip is not None else 0.0
        return chip + sum(line.height for line in self.lines)


@dataclass
class LaidRow:
    """A row with every cell wrapped, and its height (the tallest cell plus padding)."""

    cells: list[LaidCell]
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.height = max(cell.height for cell in self.cells) + PAD_TOP + PAD_BOTTOM


class _Widths:
    """Word widths for one font and size, measured once (a big plan repeats its words)."""

    LIMIT = 200_000

    def __init__(self, ink: Ink) -> None:
        self.measure = pdfmetrics.getFont(ink.font).stringWidth
        self.size = ink.size
        self.known: dict[str, float] = {}
        self.space = self.measure(" ", ink.size)

    def of(self, word: str) -> float:
        """The width of a word in points."""
        width = self.known.get(word)
        if width is None:
            if len(self.known) > self.LIMIT:
                self.known.clear()
            width = self.known[word] = self.measure(word, self.size)
        return width


_WIDTHS: dict[Ink, _Widths] = {}


def _widths(ink: Ink) -> _Widths:
    found = _WIDTHS.get(ink)
    if found is None:
        found = _WIDTHS[ink] = _Widths(ink)
    return found


def _break_word(word: str, widths: _Widths, width: float) -> list[str]:
    parts, part = [], ""
    for ch in word:
        if part and widths.measure(part + ch, widths.size) > width:
            parts.append(part)
            part = ""
        part += ch
    return [*parts, part]


def wrap_text(text: str, ink: Ink, width: float) -> list[str]:
    """The text broken into lines no wider than ``width`` (line breaks typed are kept)."""
    if len(text) <= SHORT_TEXT:
        return list(_wrap_short(text, ink, width))
    return _wrap(text, ink, width)


# Short words (statuses, leads, dates) repeat thousands of times in a big plan: wrap them once.
SHORT_TEXT = 40


@lru_cache(maxsize=50_000)
def _wrap_short(text: str, ink: Ink, width: float) -> tuple[str, ...]:
    return tuple(_wrap(text, ink, width))


def _wrap(text: str, ink: Ink, width: float) -> list[str]:
    widths = _widths(ink)
    lines: list[str] = []
    for paragraph in clean(text).splitlines() or [""]:
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            w = widths.of(word)
            if w > width:
                *whole, word = _break_word(word, widths, width)
                if line:
                    lines.append(" ".join(line))
                lines.extend(whole)
                line, used, w = [], 0.0, widths.of(word)
            if line and used + widths.space + w > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used = used + widths.space + w if line else w
            line.append(word)
        lines.append(" ".join(line))
    return lines


def lay_cell(pieces: Sequence[Piece], width: float) -> LaidCell:
    """Wrap a cell's pieces to the column width."""
    cell = LaidCell()
    for piece in pieces:
        if isinstance(piece, Chip):
            cell.chip = piece.rag
            continue
        ink = INKS[piece.ink]
        if has_rtl(piece.words):
            cell.lines.append(_shaped_block(piece.words, ink, width))
            continue
        leading = ink.leading
        cell.lines.extend([Line(text, ink, leading) for text in wrap_text(piece.words, ink, width)])
    return cell


def _shaped_block(words: str, ink: Ink, width: float) -> Block:
    style = ParagraphStyle(
        "rtl", fontName=ink.font, fontSize=ink.size, leading=ink.leading, textColor=ink.colour
    )
    paragraph = para(words, style)
    _, height = paragraph.wrap(width, 10_000)
    return Block(paragraph, height)


def split_row(row: LaidRow, room: float) -> tuple[LaidRow, LaidRow]:
    """The lines of a row that fit in ``room`` points, and the rest."""
    top, rest = [], []
    for cell in row.cells:
        used = PAD_TOP + PAD_BOTTOM + (CHIP_HEIGHT + CHIP_GAP if cell.chip is not None else 0)
        head = LaidCell(cell.chip)
        lines = list(cell.lines)
        while lines and used + lines[0].height <= room:
            used += lines[0].height
            head.lines.append(lines.pop(0))
        top.append(head)
        rest.append(LaidCell(None, lines))
    return LaidRow(top), LaidRow(rest)


@dataclass(frozen=True)
class Column:
    """A column's heading and width in points."""

    title: str
    width: float
