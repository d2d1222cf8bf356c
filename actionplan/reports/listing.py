"""A fast table of plain-text rows: wraps, splits across pages (rows too), prints text as typed.

reportlab's Table with a Paragraph in every cell parses markup and lays each cell out
twice; a 24,000-action appendix took over a minute that way. A Listing wraps plain text
itself (word widths cached), never parses markup, and draws each page's rows in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from actionplan.reports.listing_draw import CAPTION_HEIGHT, draw_listing, header_height
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
    """Rows under a repeated header, split between pages as needed.

    The part carried over to a later page is ``continued``: a line above its header names
    the table (its ``caption``) and says "(continued)", so a reader who turns the page knows
    the rows belong to the table before.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        rows: list[LaidRow],
        first: int = 0,
        *,
        caption: str = "",
        continued: bool = False,
        body: float | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows = rows
        self.first = first  # the index of the first row, so zebra stripes continue
        self.caption = caption
        self.continued = continued
        self.deferred = False  # set once moved to a new page for want of room
        self.width = sum(c.width for c in self.columns)
        self.header = header_height(self.columns) + (CAPTION_HEIGHT if continued else 0.0)
        # The rows' height is handed on when splitting, so a long table is summed only once.
        self.body = sum(r.height for r in rows) if body is None else body
        self.height = self.header + self.body

    @classmethod
    def of(
        cls, columns: Sequence[Column], rows: Sequence[Sequence[Sequence[Piece]]], caption: str = ""
    ) -> Listing:
        """Lay out rows of cells (each a list of pieces) under the columns."""
        widths = [c.width - 2 * PAD_X for c in columns]
        laid = [
            LaidRow([lay_cell(cell, w) for cell, w in zip(row, widths, strict=True)])
            for row in rows
        ]
        return cls(columns, laid, caption=caption)

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
        rest = self.body - used  # the rows from ``fit`` on
        carried = 0  # 1 when a row is split: its tail keeps the row's stripe
        # A long row splits here; a short one moves whole, unless it is already on a fresh page.
        if left >= MIN_ROW_SPLIT and (overflow >= MIN_ROW_SPLIT or self.deferred):
            head, tail = split_row(rows[fit], left)
            rest += tail.height - rows[fit].height
            rows[fit : fit + 1] = [head, tail]
            used += head.height
            fit, carried = fit + 1, 1
        if fit == 0:
            self.deferred = True
            return []
        return [
            self._part(rows[:fit], self.first, self.continued, used),
            self._part(rows[fit:], self.first + fit - carried, True, rest),
        ]

    def _part(self, rows: list[LaidRow], first: int, continued: bool, body: float) -> Listing:
        return Listing(
            self.columns, rows, first, caption=self.caption, continued=continued, body=body
        )

    def draw(self) -> None:
        """Header, zebra stripes, hairlines, chips and text (overrides Flowable.draw)."""
        caption = self.caption if self.continued else None
        draw_listing(self.canv, self.columns, self.rows, self.first, self.height, caption)


class Headed(Flowable):
    """A heading kept with the first rows of the table under it.

    A heading alone at the foot of a page, its table starting over the page, reads as a
    section with nothing in it; a whole table moved on for its heading leaves half a page
    empty. Headed splits the table where the page ends and takes the heading with the part
    that stays, or moves both on when not even one row fits.
    """

    def __init__(self, heading: Flowable, table: Flowable) -> None:
        super().__init__()
        self.heading = heading
        self.table = table
        self.heading_height = 0.0

    def _heading_room(self, available_width: float) -> float:
        _, height = self.heading.wrap(available_width, 1_000_000)
        self.heading_height = height + self.heading.getSpaceBefore() + self.heading.getSpaceAfter()
        return self.heading_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The heading's height and the table's (overrides Flowable.wrap)."""
        room = self._heading_room(available_width)
        width, height = self.table.wrap(available_width, available_height - room)
        self.width, self.height = max(width, available_width), room + height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The heading with the rows that fit, then the rest (overrides Flowable.split)."""
        room = self._heading_room(available_width)
        parts = self.table.split(available_width, available_height - room)
        if not parts:
            return []
        return [Headed(self.heading, parts[0]), *parts[1:]]

    def draw(self) -> None:
        """The heading at the top, the table under it (overrides Flowable.draw)."""
        top = self.height - self.heading.getSpaceBefore()
        self.heading.drawOn(self.canv, 0, top - self.heading.height)
        self.table.drawOn(self.canv, 0, 0)
