"""A fast table of plain-text rows: wraps, splits across pages (rows too), prints text as typed.

reportlab's Table with a Paragraph in every cell parses markup and lays each cell out
twice; a 24,000-action appendix took over a minute that way. A Listing wraps plain text
itself (word widths cached), never parses markup, and draws each page's rows in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from actionplan.reports.listing_draw import draw_listing, header_height
from actionplan.reports.listing_layout import (
    PAD_X,
    Chip,
    Column,
    LaidRow,
    Piece,
    Text,
    lay_cell,
    split_row,
)

__all__ = ["Chip", "Column", "Listing", "Piece", "Text"]

# A row is split across pages only when this much of it (points) fits on each side.
MIN_ROW_SPLIT = 90.0


class Listing(Flowable):
    """Rows under a repeated header, split between pages as needed."""

    def __init__(self, columns: Sequence[Column], rows: list[LaidRow], first: int = 0) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows = rows
        self.first = first  # the index of the first row, so zebra stripes continue
        self.deferred = False  # set once moved to a new page for want of room
        self.width = sum(c.width for c in self.columns)
        self.header = header_height(self.columns)
        self.height = self.header + sum(r.height for r in rows)

    @classmethod
    def of(cls, columns: Sequence[Column], rows: Sequence[Sequence[Sequence[Piece]]]) -> Listing:
        """Lay out rows of cells (each a list of pieces) under the columns."""
        widths = [c.width - 2 * PAD_X for c in columns]
        laid = [
            LaidRow([lay_cell(cell, w) for cell, w in zip(row, widths, strict=True)])
            for row in rows
        ]
        return cls(columns, laid)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Full size of the remaining rows (overrides Flowable.wrap)."""
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The rows that fit here, and the rest for the next page (overrides Flowable.split)."""
        room = available_height - self.header
        used, fit = 0.0, 0
        while fit < len(self.rows) and used + self.rows[fit].height <= room:
            used += self.rows[fit].height
            fit += 1
        if fit == len(self.rows):
            return [self]
        rows = list(self.rows)
        left = room - used
        overflow = rows[fit].height - left
        # A long row splits here; a short one moves whole, unless it is already on a fresh page.
        if left >= MIN_ROW_SPLIT and (overflow >= MIN_ROW_SPLIT or self.deferred):
            head, tail = split_row(rows[fit], left)
            rows[fit : fit + 1] = [head, tail]
            fit += 1
        if fit == 0:
            self.deferred = True
            return []
        return [
            Listing(self.columns, rows[:fit], self.first),
            Listing(self.columns, rows[fit:], self.first + fit),
        ]

    def draw(self) -> None:
        """Header, zebra stripes, hairlines, chips and text (overrides Flowable.draw)."""
        draw_listing(self.canv, self.columns, self.rows, self.first, self.height)
