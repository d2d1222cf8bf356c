"""Widths for a table's columns that keep its rows short: the room goes where it saves lines."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from actionplan.reports.fonts import clean
from actionplan.reports.listing_layout import CHIP_GAP, CHIP_HEIGHT, INKS, PAD_X, Chip, Piece, Text

# How far width is moved between columns at a time: far enough to see past a plateau.
STEPS = (2 * mm, 5 * mm, 10 * mm, 20 * mm)
WHOLE_WORD = 36 * mm  # the widest a column is made to keep its longest word whole
MOVES = 60  # at most this many moves: each saves at least a line of the sample
# Enough rows to see a table's shape; a huge appendix is sized from a sample of its rows.
SAMPLE_ROWS = 240


@dataclass(frozen=True)
class Bounds:
    """A column's width: fixed (``least`` == ``most``) or free between the two, in points."""

    least: float
    most: float


class _Cell:
    """A cell's pieces reduced to what sizing needs: the width of each word of each line the
    user typed, and the height of a chip (in lines)."""

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self.fixed = 0.0
        self.typed: list[tuple[list[float], float]] = []  # word widths and the space's width
        for piece in pieces:
            if isinstance(piece, Chip):
                self.fixed += (CHIP_HEIGHT + CHIP_GAP) / INKS["cell"].leading
            elif isinstance(piece, Text):
                ink = INKS[piece.ink]
                space = stringWidth(" ", ink.font, ink.size)
                for typed in clean(piece.words).splitlines() or [""]:
                    words = [stringWidth(w, ink.font, ink.size) for w in typed.split()]
                    self.typed.append((words, space))

    def longest(self) -> list[float]:
        """The width of its longest word, as a list (empty for a cell with no words)."""
        words = [w for words, _ in self.typed for w in words]
        return [max(words)] if words else []

    def lines(self, width: float) -> float:
        """How many lines the cell takes at this column width (words wrap as they print)."""
        usable = max(width - 2 * PAD_X, 1.0)
        return self.fixed + sum(_wrapped(words, space, usable) for words, space in self.typed)


def _wrapped(words: list[float], space: float, usable: float) -> int:
    lines, used = 1, 0.0
    for width in words:
        if width > usable:  # a word wider than the column is broken across lines
            lines += int(width // usable) + (1 if used else 0)
            used = width % usable
        elif used and used + space + width > usable:
            lines, used = lines + 1, width
        else:
            used = used + space + width if used else width
    return lines


def _sample(rows: Sequence[Sequence[Sequence[Piece]]]) -> Sequence[Sequence[Sequence[Piece]]]:
    if len(rows) <= SAMPLE_ROWS:
        return rows
    step = len(rows) / SAMPLE_ROWS
    return [rows[math.floor(i * step)] for i in range(SAMPLE_ROWS)]


def column_widths(
    bounds: Sequence[Bounds], rows: Sequence[Sequence[Sequence[Piece]]], total: float
) -> list[float]:
    """Widths (points) adding up to ``total``. The room the fixed columns leave is first
    shared evenly among the free ones, or given to one of them first; from each start, width
    moves a few millimetres at a time from one free column to another while that makes the
    table shorter; the shortest table wins."""
    table = _Table([[_Cell(cell) for cell in row] for row in _sample(rows)])
    bounds = _whole_words(bounds, table, total)
    free = [i for i, b in enumerate(bounds) if b.most > b.least]
    starts = [_shared([b.least for b in bounds], bounds, total, order) for order in _orders(free)]
    tried = [_descend(table, widths, free, bounds) for widths in starts]
    return min(tried, key=lambda t: t[1])[0]


def _whole_words(bounds: Sequence[Bounds], table: _Table, total: float) -> list[Bounds]:
    """The bounds with each free column, left to right, made at least as wide as its longest
    word (up to its most, to WHOLE_WORD, and while the columns still fit ``total``), so a
    lead such as "Commissioning Manager" is not broken inside a word; a web address still is."""
    wider = list(bounds)
    for i, b in enumerate(bounds):
        if b.most <= b.least:
            continue
        longest = max((w for row in table.cells for w in row[i].longest()), default=0.0)
        least = min(max(b.least, longest + 2 * PAD_X + 1), b.most, max(b.least, WHOLE_WORD))
        spare = total - sum(w.least for w in wider)
        wider[i] = Bounds(min(least, b.least + max(spare, 0.0)), b.most)
    return wider


def _orders(free: list[int]) -> list[list[int]]:
    # Evenly among all, then each free column served first.
    return [free, *([i] for i in free)]


def _descend(
    table: _Table, widths: list[float], free: list[int], bounds: Sequence[Bounds]
) -> tuple[list[float], float]:
    height = table.height(widths)
    for _ in range(MOVES):
        moved = _better(table, widths, height, free, bounds)
        if moved is None:
            break
        widths, height = moved
    return widths, height


def _better(
    table: _Table, widths: list[float], height: float, free: list[int], bounds: Sequence[Bounds]
) -> tuple[list[float], float] | None:
    """The first move of width from one free column to another that shortens the table."""
    for i in free:
        for j in free:
            for step in STEPS:
                if (
                    i == j
                    or widths[i] + step > bounds[i].most
                    or widths[j] - step < bounds[j].least
                ):
                    continue
                trial = [*widths]
                trial[i], trial[j] = widths[i] + step, widths[j] - step
                shorter = table.height(trial)
                if shorter < height - 0.01:
                    return trial, shorter
    return None


class _Table:
    """The cells of a table with each column's line counts remembered by width."""

    def __init__(self, cells: list[list[_Cell]]) -> None:
        self.cells = cells
        self.known: dict[tuple[int, float], list[float]] = {}

    def column(self, i: int, width: float) -> list[float]:
        """The lines each row's cell of column ``i`` takes at ``width``."""
        key = (i, round(width, 2))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = [row[i].lines(width) for row in self.cells]
        return found

    def height(self, widths: Sequence[float]) -> float:
        """The table's height in lines: each row as tall as its tallest cell."""
        columns = [self.column(i, w) for i, w in enumerate(widths)]
        return float(sum(max(row) for row in zip(*columns, strict=True))) if columns else 0.0


def _shared(
    widths: list[float], bounds: Sequence[Bounds], total: float, first: list[int]
) -> list[float]:
    """The room left given to the ``first`` columns evenly (none past its most), then what
    remains to all the free columns evenly."""
    for served in (first, [i for i, b in enumerate(bounds) if b.most > b.least]):
        free = [i for i in served if widths[i] < bounds[i].most]
        while free and total - sum(widths) > 0.01:
            each = (total - sum(widths)) / len(free)
            for i in free:
                widths[i] = min(widths[i] + each, bounds[i].most)
            free = [i for i in free if widths[i] < bounds[i].most]
    return widths
