"""Page 1's chart: each priority's actions as a stacked bar, counts printed on, with a key.

A plan whose actions carry a RAG is charted by RAG; a plan with no RAG at all (a business
plan that tracks status only) is charted by status, never as an all-grey RAG chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.rules import rag_tally
from actionplan.domain.status import Status
from actionplan.reports.board_pack_data import ActionLine, BoardPackData, PrioritySection
from actionplan.reports.chips import Chip, chip_colours, chip_row
from actionplan.reports.fonts import SANS, SANS_BOLD, clean
from actionplan.reports.styles import FRAME_WIDTH, PALETTE, TABLE_SIZE, para, rich, styles

NAME_WIDTH = 72 * mm
TOTAL_WIDTH = 13 * mm
TRACK = FRAME_WIDTH - NAME_WIDTH - TOTAL_WIDTH - 8
BAR_HEIGHT = 13.0
# The heading goes to the next page unless the key and a few bars fit under it.
ROOM_FOR_THE_CHART = 32 * mm
_DARK = colors.HexColor("#1F2933")


@dataclass(frozen=True)
class Band:
    """One kind of action in a stacked bar: its word in the key, its fill and its ink."""

    word: str
    fill: colors.Color
    ink: colors.Color = colors.white


def _rag_band(rag: Rag) -> Band:
    fill, ink = chip_colours(rag)
    return Band("Blue – complete" if rag is Rag.BLUE else rag.word, fill, ink)


# Worst first, as the RAG chart runs red to blue; each colour is paired with its word.
STATUS_ORDER: tuple[Status, ...] = (
    Status.DELAYED,
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.ONGOING,
    Status.COMPLETE,
    Status.CANCELLED,
    Status.NOT_RECORDED,
)
STATUS_BANDS = {
    Status.DELAYED: Band("Delayed", colors.HexColor("#A84300")),
    Status.NOT_STARTED: Band("Not started", colors.HexColor("#A7B3BE"), _DARK),
    Status.IN_PROGRESS: Band("In progress", colors.HexColor("#2A6F97")),
    Status.ONGOING: Band("Ongoing", colors.HexColor("#3F7068")),
    Status.COMPLETE: Band("Complete", colors.HexColor("#1D3557")),
    Status.CANCELLED: Band("Cancelled", colors.HexColor("#D5DADF"), _DARK),
    Status.NOT_RECORDED: Band("Not recorded", colors.HexColor("#E6E9EC"), _DARK),
}


def _least(count: int) -> float:
    return stringWidth(f"{count:,}", SANS_BOLD, TABLE_SIZE) + 6


def _segments(counts: Sequence[int], width: float) -> list[tuple[int, float]]:
    """Each present band's index and length, widened where needed so its count fits inside."""
    present = [(i, n) for i, n in enumerate(counts) if n]
    total = sum(n for _, n in present)
    narrow = {i for i, n in present if width * n / total < _least(n)}
    room = max(0.0, width - sum(_least(n) for i, n in present if i in narrow))
    rest = sum(n for i, n in present if i not in narrow) or 1
    return [(i, _least(n) if i in narrow else room * n / rest) for i, n in present]


def stacked_bar(bands: Sequence[Band], counts: Sequence[int], width: float) -> Drawing:
    """One bar of ``width``, a segment per band in proportion, each count printed on it."""
    drawing = Drawing(TRACK, BAR_HEIGHT + 2)
    if not sum(counts):
        drawing.add(String(0, 4, "No actions", fontName=SANS, fontSize=TABLE_SIZE))
        return drawing
    x = 0.0
    for i, length in _segments(counts, width):
        band = bands[i]
        drawing.add(Rect(x, 1, length, BAR_HEIGHT, fillColor=band.fill, strokeColor=PALETTE.white))
        label = String(x + length / 2, 1 + (BAR_HEIGHT - TABLE_SIZE) / 2 + 1, f"{counts[i]:,}")
        label.fontName, label.fontSize, label.fillColor = SANS_BOLD, TABLE_SIZE, band.ink
        label.textAnchor = "middle"
        drawing.add(label)
        x += length
    return drawing


def _bar_length(counts: Sequence[int], largest: int) -> float:
    """The same scale for every priority, never too short for the counts printed on it."""
    total = sum(counts)
    if not total or not largest:
        return 0.0
    least = sum(_least(n) for n in counts if n)
    return min(TRACK, max(TRACK * total / largest, least))


def has_status(pack: BoardPackData) -> bool:
    """Whether any action has a recorded status (a plan may have neither RAG nor status)."""
    return any(a.status.is_known for a in pack.actions)


def _tally(pack: BoardPackData, actions: Sequence[ActionLine]) -> list[int]:
    if pack.rated:
        return list(rag_tally(a.rag for a in actions).values())
    if not has_status(pack):
        return [len(actions)]
    statuses = Counter(a.status for a in actions)
    return [statuses[status] for status in STATUS_ORDER]


def chart_bands(pack: BoardPackData) -> list[Band]:
    """The bands of the chart in order: RAG for a rated plan, else status, else one band."""
    if pack.rated:
        return [_rag_band(rag) for rag in RAG_ORDER]
    if not has_status(pack):
        return [Band("Actions", PALETTE.accent)]
    return [STATUS_BANDS[status] for status in STATUS_ORDER]


def chart_title(pack: BoardPackData, suffix: str = "") -> str:
    """The chart's heading (our markup): what its colours count."""
    if pack.rated:
        return f"RAG by priority{suffix}"
    if not has_status(pack):
        return _with_note(f"Actions by priority{suffix}", "no RAG or status recorded")
    return _with_note(f"Status by priority{suffix}", "no action has a RAG")


def _with_note(title: str, note: str) -> str:
    return f'{title} <font name="{SANS}" size="9.5" color="#5B6770">({note})</font>'


@cache
def _right() -> ParagraphStyle:
    return ParagraphStyle("cell-right", parent=styles()["cell"], alignment=TA_RIGHT)


def _two_lines(text: str, width: float) -> str:
    """A priority's name cut (with an ellipsis) to about two lines of the name column."""
    text = " ".join(clean(text).split())
    room = 1.8 * width
    if stringWidth(text, SANS, TABLE_SIZE) <= room:
        return text
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + " …", SANS, TABLE_SIZE) > room:
        words.pop()
    return " ".join(words)[:200] + " …"


def _chart_name(section: PrioritySection) -> str:
    """ "2. Neglect": the chart's heading says these are priorities, so the word is not repeated."""
    number = section.number.strip()
    return f"{number}. {section.title}" if number and not number.endswith(".") else section.heading


class PriorityChart(Table):
    """The chart as a table that, run on to the next page, is headed again there."""

    continued: Callable[[], list[Flowable]] | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # overrides Table.split
        """The rows that fit, then the rest under the heading and key again."""
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or self.continued is None:
            return parts
        rest = parts[1]
        rest.continued = self.continued
        return [parts[0], KeepTogether([*self.continued(), rest])]


def priority_chart(pack: BoardPackData) -> PriorityChart:
    """Stacked bars: the whole plan, then each priority to a common scale, counts printed on."""
    bands = chart_bands(pack)
    whole = _tally(pack, pack.actions)
    rows: list[list[object]] = [
        [rich("<b>Whole plan</b>", "cell"), stacked_bar(bands, whole, TRACK)],
    ]
    rows[0].append(Paragraph(f"<b>{sum(whole):,}</b>", _right()))
    tallies = [_tally(pack, section.actions) for section in pack.priorities]
    largest = max((sum(t) for t in tallies), default=0)
    for section, tally in zip(pack.priorities, tallies, strict=True):
        name = para(_two_lines(_chart_name(section), NAME_WIDTH - 6), "cell")
        bar = stacked_bar(bands, tally, _bar_length(tally, largest))
        rows.append([name, bar, Paragraph(f"{sum(tally):,}", _right())])
    table = PriorityChart(rows, colWidths=[NAME_WIDTH, TRACK + 8, TOTAL_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, PALETTE.rule),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                ("TOPPADDING", (0, 1), (-1, 1), 4),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def chart_key(pack: BoardPackData) -> list[Chip]:
    """The chart's key: each colour present in the plan with its word."""
    bands = chart_bands(pack)
    whole = _tally(pack, pack.actions)
    return [Chip(b.word, b.fill, b.ink) for b, n in zip(bands, whole, strict=True) if n]


def chart_heading(pack: BoardPackData, style: ParagraphStyle, suffix: str = "") -> list[Flowable]:
    """The chart's heading with its key beside it, or under it when both do not fit."""
    heading = Paragraph(chart_title(pack, suffix), style)
    if len(chart_bands(pack)) == 1:
        return [heading]
    chips = chart_key(pack)
    key = chip_row([Chip("Key:", PALETTE.white, PALETTE.muted), *chips])
    room = FRAME_WIDTH - sum(c.width + 4 for c in chips) - 40
    if heading.wrap(room, 100)[1] > style.leading * 1.5:
        return [heading, key]
    key.hAlign = "RIGHT"
    row = Table([[heading, key]], colWidths=[room, FRAME_WIDTH - room])
    row.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [row]


def chart_section(pack: BoardPackData, style: ParagraphStyle) -> list[Flowable]:
    """The chart under its heading and key; a chart too long for the page runs on, headed
    "(continued)" there."""
    chart = priority_chart(pack)

    def again() -> list[Flowable]:
        return [*chart_heading(pack, style, " (continued)"), Spacer(1, 4)]

    chart.continued = again
    return [CondPageBreak(ROOM_FOR_THE_CHART), *chart_heading(pack, style), Spacer(1, 4), chart]
