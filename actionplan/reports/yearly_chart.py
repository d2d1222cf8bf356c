"""The chapter's pictures, drawn as PNG with Pillow: actions by RAG for each priority, and a
measure's readings over the years. Every bar carries its letter and count, so colour is
never the only way to read it; the words a screen reader needs are made beside each."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.reports.board_pack_data import MeasureLine, RagCounts
from actionplan.reports.measure_groups import figure
from actionplan.resources import resource_path

SCALE = 3  # pixels per point of the printed size: sharp on paper and on screen
_INK = (33, 37, 41)
_GRID = (206, 212, 218)
_DARK_TEXT = {Rag.AMBER}
Font = ImageFont.FreeTypeFont


@cache
def _font(size: int, bold: bool = False) -> Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource_path("fonts", name)), size * SCALE)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _png(image: Image.Image) -> bytes:
    out = BytesIO()
    image.save(out, format="PNG", dpi=(72 * SCALE, 72 * SCALE), optimize=True)
    return out.getvalue()


def _fitted(draw: ImageDraw.ImageDraw, text: str, font: Font, width: float) -> str:
    """The text cut with an ellipsis to fit ``width`` (the full words are in the alt text)."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def rag_chart(rows: Sequence[tuple[str, RagCounts]], width_pt: int = 450) -> bytes:
    """One stacked bar per priority on one scale, each part labelled "R 2", a key on top;
    each priority named short ("Priority 2"), in full in the alternative text and table."""
    label_w, row_h, top = 110 * SCALE, 20 * SCALE, 24 * SCALE
    width = width_pt * SCALE
    height = top + row_h * max(len(rows), 1) + 6 * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    _key(draw, width)
    largest = max((c.total for _, c in rows), default=0) or 1
    track = width - label_w - 60 * SCALE  # room for the narrow parts' labels to widen it
    for i, (name, counts) in enumerate(rows):
        y = top + i * row_h
        font = _font(8)
        draw.text((0, y + 5 * SCALE), _fitted(draw, name, font, label_w - 8 * SCALE), _INK, font)
        _bar(draw, counts, label_w, y + 2 * SCALE, track * counts.total / largest, row_h)
    return _png(image)


def _key(draw: ImageDraw.ImageDraw, width: int) -> None:
    x, font = 0, _font(8)
    for rag in RAG_ORDER:
        label = f"{rag.letter} {rag.word}" if rag is not Rag.UNRATED else "– Not rated"
        draw.rectangle((x, 4 * SCALE, x + 10 * SCALE, 14 * SCALE), fill=_rgb(rag.colour))
        draw.text((x + 13 * SCALE, 3 * SCALE), label, _INK, font)
        x += int(draw.textlength(label, font=font)) + 24 * SCALE
        if x > width:
            break


def _segments(
    draw: ImageDraw.ImageDraw, counts: RagCounts, length: float
) -> list[tuple[Rag, str, float]]:
    """Each RAG's part of the bar, widened where needed so its label fits inside, the others
    sharing what is left: the bar keeps its length."""
    font = _font(8, bold=True)
    present = [(rag, f"{rag.letter} {counts.get(rag)}") for rag in RAG_ORDER if counts.get(rag)]
    least = {rag: draw.textlength(label, font=font) + 8 * SCALE for rag, label in present}
    length = max(length, sum(least.values()))
    narrow = {rag for rag, _ in present if length * counts.get(rag) / counts.total < least[rag]}
    room = length - sum(least[rag] for rag in narrow)
    rest = sum(counts.get(rag) for rag, _ in present if rag not in narrow) or 1
    return [
        (rag, label, least[rag] if rag in narrow else room * counts.get(rag) / rest)
        for rag, label in present
    ]


def _bar(
    draw: ImageDraw.ImageDraw, counts: RagCounts, x: float, y: float, length: float, row_h: int
) -> None:
    if not counts.total:
        draw.text((x, y + 3 * SCALE), "No actions", _INK, _font(8))
        return
    font = _font(8, bold=True)
    for rag, label, seg in _segments(draw, counts, length):
        box = (x, y, x + seg, y + row_h - 6 * SCALE)
        draw.rectangle(box, fill=_rgb(rag.colour), outline="white", width=SCALE)
        ink = _INK if rag in _DARK_TEXT else (255, 255, 255)
        draw.text(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), label, ink, font, anchor="mm")
        x += seg


def rag_chart_words(rows: Sequence[tuple[str, RagCounts]], day: str) -> str:
    """What the RAG chart shows, in words, for its alternative text."""
    parts = []
    for name, counts in rows:
        said = [f"{counts.get(r)} {r.word.lower()}" for r in RAG_ORDER if counts.get(r)]
        parts.append(f"{name}: {', '.join(said) or 'no actions'}")
    return f"Bar chart of each priority's actions by RAG at {day}. " + "; ".join(parts) + "."


def measure_chart(measure: MeasureLine, width_pt: int = 220, height_pt: int = 90) -> bytes:
    """The measure's readings joined by a line, each point with its figure, periods below;
    the target, when there is one, as a dashed line."""
    points = [(r.period_label.strip(), r.value) for r in measure.readings if r.value is not None]
    width, height = width_pt * SCALE, height_pt * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    values = [v for _, v in points if v is not None]
    if measure.target is not None:
        values.append(measure.target)
    low, high = min(values), max(values)
    span = (high - low) or abs(high) or 1.0
    low, high = low - span * 0.15, high + span * 0.25
    left, right, top, bottom = 24 * SCALE, width - 24 * SCALE, 12 * SCALE, height - 16 * SCALE

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    step = (right - left) / max(len(points) - 1, 1)
    xy = [(left + i * step, y_of(v or 0.0)) for i, (_, v) in enumerate(points)]
    draw.line((left, bottom, right, bottom), fill=_GRID, width=SCALE)
    if measure.target is not None:
        _dashed(draw, y_of(measure.target), left, right)
        shown = f"target {figure(measure.target, measure.unit)}"
        draw.text((right, y_of(measure.target) - 2 * SCALE), shown, (90, 90, 90), _font(6),
                  anchor="rd")  # fmt: skip
    draw.line(xy, fill=_INK, width=2 * SCALE)
    font = _font(7)
    for (label, value), (x, y) in zip(points, xy, strict=True):
        draw.ellipse((x - 3 * SCALE, y - 3 * SCALE, x + 3 * SCALE, y + 3 * SCALE), fill=_INK)
        draw.text((x, y - 5 * SCALE), figure(value, measure.unit), _INK, font, anchor="md")
        draw.text((x, bottom + 3 * SCALE), label, _INK, font, anchor="ma")
    return _png(image)


def _dashed(draw: ImageDraw.ImageDraw, y: float, left: float, right: float) -> None:
    x = left
    while x < right:
        draw.line((x, y, min(x + 6 * SCALE, right), y), fill=(120, 120, 120), width=SCALE)
        x += 10 * SCALE


def measure_chart_words(measure: MeasureLine, sentence: str) -> str:
    """What a measure's chart shows, in words, for its alternative text."""
    shown = [
        f"{r.period_label.strip()} {figure(r.value, measure.unit)}".strip()
        for r in measure.readings
        if r.value is not None
    ]
    target = (
        f" The target is {figure(measure.target, measure.unit)}."
        if measure.target is not None
        else ""
    )
    return f"Line chart of {measure.name}: {', '.join(shown)}. {sentence}{target}"


def charted(measure: MeasureLine) -> bool:
    """Whether the measure has two figures or more to draw a line through."""
    return sum(r.value is not None for r in measure.readings) >= 2
