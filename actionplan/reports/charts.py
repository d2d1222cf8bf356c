"""Charts drawn with reportlab's graphics: stacked RAG bars with their counts, trend lines."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.reports.board_pack_data import RagCounts
from actionplan.reports.chips import chip_colours
from actionplan.reports.fonts import SANS, SANS_BOLD
from actionplan.reports.styles import PALETTE, TABLE_SIZE

BAR_HEIGHT = 13.0
LABEL_SIZE = TABLE_SIZE


def _least(count: int) -> float:
    return stringWidth(str(count), SANS_BOLD, LABEL_SIZE) + 6


def _segment_widths(counts: RagCounts, width: float) -> list[tuple[Rag, float]]:
    """Each RAG's share of the bar, widened where needed so its count fits inside."""
    present = [(rag, counts.get(rag)) for rag in RAG_ORDER if counts.get(rag)]
    total = sum(n for _, n in present)
    narrow = {rag for rag, n in present if width * n / total < _least(n)}
    room = width - sum(_least(n) for rag, n in present if rag in narrow)
    rest = sum(n for rag, n in present if rag not in narrow) or 1
    return [(rag, _least(n) if rag in narrow else room * n / rest) for rag, n in present]


def rag_bar(counts: RagCounts, width: float, full_width: float) -> Drawing:
    """One stacked bar, its length proportional to the action count, each count printed on it."""
    drawing = Drawing(full_width, BAR_HEIGHT + 2)
    x = 0.0
    if not counts.total:
        drawing.add(String(0, 4, "No actions", fontName=SANS, fontSize=LABEL_SIZE))
        return drawing
    for rag, seg in _segment_widths(counts, width):
        fill, ink = chip_colours(rag)
        drawing.add(Rect(x, 1, seg, BAR_HEIGHT, fillColor=fill, strokeColor=colors.white))
        label = String(x + seg / 2, 1 + (BAR_HEIGHT - LABEL_SIZE) / 2 + 1, str(counts.get(rag)))
        label.fontName, label.fontSize, label.fillColor = SANS_BOLD, LABEL_SIZE, ink
        label.textAnchor = "middle"
        drawing.add(label)
        x += seg
    return drawing


def bar_width(counts: RagCounts, largest: int, track: float) -> float:
    """How long a bar is: the same scale for every priority, never too short for its counts."""
    if not counts.total or not largest:
        return 0.0
    least = sum(_least(counts.get(rag)) for rag in RAG_ORDER if counts.get(rag))
    return min(track, max(track * counts.total / largest, least))


TREND_HEIGHT = 22.0
_DOT = 2.4  # the latest reading's dot
_EDGE = _DOT + 0.8  # room kept at every side so no dot or stroke is cut by the frame
_LEAST_SPAN = 0.2  # a scale spans at least a fifth of the largest value's size
_HEADROOM = 0.08


def _scale(values: list[float], target: float | None) -> tuple[float, float, bool]:
    """The measure's own scale, low to high, and whether the target lies on it.

    Two readings are not stretched from floor to ceiling: the scale spans at least a fifth
    of the figures' size, so a small move looks small. A target far off the readings' range
    is left off the scale (it is printed beside the chart) rather than flattening the line.
    """
    low, high = min(values), max(values)
    least = max(abs(low), abs(high)) * _LEAST_SPAN or 1.0
    if high - low < least:
        middle = (low + high) / 2
        low, high = middle - least / 2, middle + least / 2
    span = high - low
    near = target is not None and low - span <= target <= high + span
    if near and target is not None:
        low, high = min(low, target), max(high, target)
    room = (high - low) * _HEADROOM
    return low - room, high + room, near


def trend_line(
    values: Sequence[float | None],
    target: float | None = None,
    *,
    better: bool | None = None,
    width: float = 60,
    height: float = TREND_HEIGHT,
) -> Drawing | None:
    """A small line of the readings in period order (a missing one keeps its place), drawn to
    the measure's own scale, every mark inside the frame; the target dashed when it is on
    the scale; the latest reading a dot, green when it is better, red when worse. None with
    fewer than two readings."""
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(present) < 2:
        return None
    low, high, with_target = _scale([v for _, v in present], target)
    step = (width - 2 * _EDGE) / max(len(values) - 1, 1)

    def y_of(value: float) -> float:
        return _EDGE + (value - low) / (high - low) * (height - 2 * _EDGE)

    drawing = Drawing(width, height)
    if with_target and target is not None:
        guide = Line(_EDGE, y_of(target), width - _EDGE, y_of(target), strokeColor=PALETTE.muted)
        guide.strokeDashArray, guide.strokeWidth = [2, 2], 0.6
        drawing.add(guide)
    points = [(_EDGE + i * step, y_of(v)) for i, v in present]
    flat = [c for point in points for c in point]
    drawing.add(PolyLine(flat, strokeColor=PALETTE.accent, strokeWidth=1.2))
    for x, y in points[:-1]:
        drawing.add(Circle(x, y, 1.3, fillColor=colors.white, strokeColor=PALETTE.accent))
    x, y = points[-1]
    last = PALETTE.navy
    if better is not None:
        last = colors.HexColor((Rag.GREEN if better else Rag.RED).colour)
    drawing.add(Circle(x, y, _DOT, fillColor=last, strokeColor=last, strokeWidth=0.5))
    return drawing
