"""Charts drawn with reportlab's graphics: stacked RAG bars with their counts, trend lines."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.reports.board_pack_data import RagCounts, Reading
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


def trend_line(readings: tuple[Reading, ...], target: float | None, width: float = 70) -> Drawing:
    """A small line of the readings, the latest marked, the target as a dashed line."""
    height = 22.0
    drawing = Drawing(width, height)
    values = [r.value for r in readings if r.value is not None]
    if len(values) < 2:
        note = String(0, 8, "Not enough readings", fontName=SANS, fontSize=LABEL_SIZE)
        note.fillColor = PALETTE.muted
        drawing.add(note)
        return drawing
    span = [*values, target] if target is not None else values
    low, high = min(span), max(span)
    scale = (high - low) or 1.0

    def y_of(value: float) -> float:
        return 3 + (value - low) / scale * (height - 6)

    step = (width - 6) / (len(values) - 1)
    points = [(3 + i * step, y_of(v)) for i, v in enumerate(values)]
    if target is not None:
        guide = Line(0, y_of(target), width, y_of(target), strokeColor=PALETTE.muted)
        guide.strokeDashArray, guide.strokeWidth = [2, 2], 0.5
        drawing.add(guide)
    flat = [c for point in points for c in point]
    drawing.add(PolyLine(flat, strokeColor=PALETTE.accent, strokeWidth=1.2))
    for x, y in points[:-1]:
        drawing.add(Circle(x, y, 1.3, fillColor=colors.white, strokeColor=PALETTE.accent))
    x, y = points[-1]
    drawing.add(Circle(x, y, 2.2, fillColor=PALETTE.navy, strokeColor=PALETTE.navy))
    return drawing
