"""Small tables in the house style (counts, measures), with quick plain cells."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from actionplan.reports.fonts import SANS, SANS_BOLD, clean, has_rtl
from actionplan.reports.listing import Headed
from actionplan.reports.styles import PALETTE, TABLE_SIZE, para, styles

CELL_PADDING = 3.0

Cell = Any  # a str, a Flowable or a list of Flowables


def format_date(day: date | None) -> str:
    """A date as people write it in a board paper ("31 Mar 2025"); a dash when unknown."""
    return f"{day.day} {day:%b %Y}" if day else "–"


def fast_cell(text: str, width: float, style: str = "cell") -> Cell:
    """Short one-line text as a plain string (quick to lay out); anything else as a paragraph."""
    text = clean(text)
    font = SANS_BOLD if style == "cell_bold" else SANS
    size = styles()[style].fontSize
    plain = "\n" not in text and not has_rtl(text)
    if plain and style in ("cell", "cell_bold") and len(text) < 90:
        if stringWidth(text, font, size) <= width - 2 * CELL_PADDING:
            return text
    return para(text, style)


def house_style(rows: int, header: bool = True, zebra: bool = True) -> list[tuple[Any, ...]]:
    """The look of every table: shaded header, hairlines, zebra rows, text at the top."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, TABLE_SIZE, 11),
        ("TEXTCOLOR", (0, 0), (-1, -1), PALETTE.ink),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, PALETTE.rule),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), PALETTE.header_fill),
            ("FONT", (0, 0), (-1, 0), SANS_BOLD, TABLE_SIZE, 11),
            ("TEXTCOLOR", (0, 0), (-1, 0), PALETTE.navy),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, PALETTE.navy),
        ]
    if zebra and rows > (1 if header else 0):
        start = 1 if header else 0
        commands.append(("ROWBACKGROUNDS", (0, start), (-1, -1), [colors.white, PALETTE.zebra]))
    return commands


class CaptionedTable(Table):
    """A table whose part carried over to the next page says so above its repeated header:
    "Impact: measures (continued)"."""

    caption = ""  # set on each table; reportlab makes the parts of a split as this class

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The rows that fit, then the rest under its caption (overrides Table.split)."""
        parts = super().split(available_width, available_height)
        if len(parts) < 2:
            return parts
        for part in parts:
            part.caption = self.caption
        continued = para(f"{self.caption} (continued)", "kicker")
        return [parts[0], Headed(continued, parts[1]), *parts[2:]]


def plain_table(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    extra: Sequence[tuple[Any, ...]] = (),
    header: bool = True,
    caption: str = "",
) -> Table:
    """A short table in the house style (counts, measures); with a ``caption``, a part
    carried over to another page is headed with it and "(continued)"."""
    table = CaptionedTable(
        [list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0
    )
    table.caption = caption
    table.setStyle(TableStyle([*house_style(len(rows), header), *extra]))
    return table
