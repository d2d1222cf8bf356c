"""The impact section: each measure's periods side by side, the change, the trend word, the
target, comparators and a small trend line; measures written only in words as a list."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from actionplan.domain.measures import Direction
from actionplan.reports.board_pack_data import (
    BoardPackData,
    ComparatorFigure,
    MeasureLine,
    Reading,
)
from actionplan.reports.charts import trend_line
from actionplan.reports.fonts import SANS, SANS_BOLD, register_fonts
from actionplan.reports.measure_groups import (
    MeasureGroup,
    as_typed,
    figure,
    group_measures,
    is_statement,
    movement,
    readings_by_period,
    unit_word,
)
from actionplan.reports.styles import CELL_LIMIT, FRAME_WIDTH, TABLE_SIZE, para, rich, styles
from actionplan.reports.tables import CELL_PADDING, Cell, fast_cell, plain_table

NAME_LEAST = 38 * mm  # the measure's name never gets a narrower column than this
NARROWEST = 13 * mm  # a column of figures
WIDEST = 28 * mm  # a column of figures or a comparator, however long its heading's words
CHART_WIDTH = 20 * mm
_DIRECTION_WORDS = {Direction.HIGHER: "higher is better", Direction.LOWER: "lower is better"}
_FIGURE_ONLY = re.compile(r"^[\d\s.,+\-%]*$")
_KEY_LINE = "The small line shows the readings in period order, each on the measure's own scale"
_KEY_COLOUR = "the last dot is green when the latest reading is better, red when it is worse"
_KEY_TARGET = "the dashed line is the target"


@cache
def _right(name: str) -> ParagraphStyle:
    """A right-aligned copy of a style, for figures and their headings."""
    return ParagraphStyle(f"{name}_right", parent=styles()[name], alignment=TA_RIGHT)


def _head(text: str, right: bool = True) -> Flowable:
    return para(text, _right("head") if right else styles()["head"], CELL_LIMIT)


@dataclass(frozen=True)
class _Column:
    """One column of figures: its heading and, for each measure, its lines (the figure first,
    then any small notes under it)."""

    head: str
    lines: Callable[[MeasureLine], list[str]]
    right: bool = True

    def width(self, measures: tuple[MeasureLine, ...]) -> float:
        """Wide enough for the heading's longest word and each figure on one line."""
        register_fonts()
        need = max((stringWidth(w, SANS_BOLD, TABLE_SIZE) for w in self.head.split()), default=0)
        for m in measures:
            lines = self.lines(m)
            need = max([need, *(stringWidth(t, SANS_BOLD, TABLE_SIZE) for t in lines[:1])])
            need = max([need, *(stringWidth(t, SANS, TABLE_SIZE) for t in lines[1:])])
        return min(max(need + 2 * CELL_PADDING + 1, NARROWEST), WIDEST)

    def cell(self, m: MeasureLine, width: float) -> Cell:
        """What this column shows for the measure."""
        lines = self.lines(m)
        if len(lines) <= 1:
            return fast_cell(lines[0], width) if lines else ""
        style = _right("cell") if self.right else styles()["cell"]
        notes = _right("cell_small") if self.right else styles()["cell_small"]
        return [para(lines[0], style, CELL_LIMIT), *[para(n, notes, CELL_LIMIT) for n in lines[1:]]]


def _comparator_text(c: ComparatorFigure, unit: str) -> str:
    raw = c.value_raw.strip()
    if c.value is None or (raw and not _FIGURE_ONLY.match(raw)):
        return raw or "–"
    return figure(c.value, unit)


def _comparator_lines(name: str) -> Callable[[MeasureLine], list[str]]:
    """A comparator's figure for a measure, with its period when not the latest reading's."""

    def lines(m: MeasureLine) -> list[str]:
        latest = m.latest.period_label.strip() if m.latest else ""
        shown: list[str] = []
        for c in (c for c in m.comparators if c.name.strip() == name):
            period = c.period_label.strip()
            shown.append(_comparator_text(c, m.unit))
            if period and period != latest:
                shown.append(period)
        return shown

    return lines


def _baseline_lines(m: MeasureLine) -> list[str]:
    # Blank, not a dash, when this measure has none: its earlier readings are the comparison.
    if m.baseline is None and not m.baseline_raw.strip():
        return []
    return [as_typed(m.baseline, m.baseline_raw, m.unit)]


def _period_lines(label: str) -> Callable[[MeasureLine], list[str]]:
    def lines(m: MeasureLine) -> list[str]:
        reading = readings_by_period(m).get(label)
        return [as_typed(reading.value, reading.value_raw, m.unit)] if reading else []

    return lines


def _change_lines(m: MeasureLine) -> list[str]:
    moved = movement(m)
    if moved is None:
        return []
    return [moved.change(m.unit), *(["since baseline"] if moved.since_baseline else [])]


def _trend_lines(m: MeasureLine) -> list[str]:
    moved = movement(m)
    word = moved.word(m.direction) if moved else ""
    return [word] if word else []


def _target_lines(m: MeasureLine) -> list[str]:
    if m.target is None:
        return [" ".join(m.target_raw.split())] if m.target_raw.strip() else []
    if not m.latest or m.latest.value is None or m.direction is Direction.NONE:
        return [figure(m.target, m.unit)]
    value = m.latest.value
    met = value >= m.target if m.direction is Direction.HIGHER else value <= m.target
    return [figure(m.target, m.unit), "met" if met else "not met"]


def _figure_columns(group: MeasureGroup, periods: tuple[str, ...], baseline: bool) -> list[_Column]:
    columns = [_Column("Baseline", _baseline_lines)] if baseline else []
    columns += [_Column(label, _period_lines(label)) for label in periods]
    if any(movement(m) for m in group.measures):
        columns.append(_Column("Change", _change_lines))
    if group.has_trend_word:
        columns.append(_Column("Trend", _trend_lines, right=False))
    if group.has_target:
        columns.append(_Column("Target", _target_lines))
    return columns


def _chart_cell(group: MeasureGroup, m: MeasureLine) -> Cell:
    moved = movement(m)
    better = {"better": True, "worse": False}.get(moved.word(m.direction) if moved else "")
    width = CHART_WIDTH - 2 * CELL_PADDING
    drawn = trend_line(group.chart_values(m), m.target, better=better, width=width)
    return drawn if drawn is not None else ""


def _charted(group: MeasureGroup, m: MeasureLine) -> bool:
    return sum(v is not None for v in group.chart_values(m)) >= 2


@dataclass(frozen=True)
class _Layout:
    """What one measures table shows: its columns with their widths, the periods given a
    column, whether the baseline has one, and the comparators given a column."""

    columns: list[tuple[_Column, float]]
    periods: tuple[str, ...]
    baseline: bool
    compared: tuple[str, ...]
    chart: bool

    @property
    def name_width(self) -> float:
        """What is left for the measure's name."""
        chart = CHART_WIDTH if self.chart else 0.0
        return FRAME_WIDTH - chart - sum(w for _, w in self.columns)


def _layout(group: MeasureGroup) -> _Layout:
    """Every period shown that fits beside a readable name: when the page is too narrow the
    baseline goes in the note under the name (when each measure has two readings to compare),
    then the earliest periods do; the comparators are columns when they all fit."""
    chart = any(_charted(group, m) for m in group.measures)
    choices = [(group.shown_periods, group.has_baseline)]
    if group.has_baseline and all(_two_readings(m) for m in group.measures if _has_baseline(m)):
        choices.append((group.shown_periods, False))
    shown = choices[-1]
    choices += [(shown[0][cut:], shown[1]) for cut in range(1, len(shown[0]) - 1)]
    for periods, baseline in choices:
        columns = [(c, c.width(group.measures)) for c in _figure_columns(group, periods, baseline)]
        layout = _Layout(columns, periods, baseline, (), chart)
        if layout.name_width >= NAME_LEAST:
            break
    names = group.comparator_names
    extra = [
        (c, c.width(group.measures)) for c in (_Column(n, _comparator_lines(n)) for n in names)
    ]
    wider = replace(layout, columns=[*layout.columns, *extra], compared=names)
    return wider if names and wider.name_width >= NAME_LEAST else layout


def _has_baseline(m: MeasureLine) -> bool:
    return m.baseline is not None or bool(m.baseline_raw.strip())


def _two_readings(m: MeasureLine) -> bool:
    return sum(r.value is not None for r in m.readings) >= 2


def _reading(reading: Reading, unit: str) -> str:
    return as_typed(reading.value, reading.value_raw, unit)


def _details(m: MeasureLine, hidden: tuple[str, ...], shape: _Layout, priority: bool) -> str:
    """The small line under a measure's name: its priority (when the pack has several), unit,
    which way is better, and the baseline, readings and comparators not given a column."""
    readings = readings_by_period(m)
    earlier = [f"{p} {_reading(readings[p], m.unit)}" for p in hidden if p in readings]
    others = [c.words for c in m.comparators if c.name.strip() not in shape.compared]
    baseline = "" if shape.baseline or not _has_baseline(m) else _baseline_lines(m)[0]
    unit = unit_word(m.unit)
    parts = [
        m.priority_title.strip() if priority else "",
        f"figures in {unit.lower()}" if unit and unit.casefold() not in m.name.casefold() else "",
        _DIRECTION_WORDS.get(m.direction, ""),
        f"baseline {baseline}" if baseline else "",
        f"earlier readings: {', '.join(earlier)}" if earlier else "",
        f"compared with: {', '.join(others)}" if others else "",
    ]
    return " · ".join(p for p in parts if p)


def _group_table(group: MeasureGroup, priority: bool) -> Flowable:
    shape = _layout(group)
    hidden = tuple(p for p in group.periods if p not in shape.periods)
    head: list[Cell] = [_head("Measure", right=False)]
    head += [_head(c.head, c.right) for c, _ in shape.columns] + ([""] if shape.chart else [])
    rows: list[list[Cell]] = [head]
    for m in group.measures:
        name: list[Flowable] = [para(m.name, "cell_bold")]
        details = _details(m, hidden, shape, priority)
        if details:
            name.append(para(details, "cell_small"))
        row = [name, *[c.cell(m, w) for c, w in shape.columns]]
        rows.append(row + ([_chart_cell(group, m)] if shape.chart else []))
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (i + 1, 0), (i + 1, -1), "RIGHT")
        for i, (c, _) in enumerate(shape.columns)
        if c.right
    ]
    if shape.periods:
        latest = len(shape.periods) + (1 if shape.baseline else 0)
        extra.append(("FONT", (latest, 1), (latest, -1), SANS_BOLD))
    widths = [shape.name_width, *[w for _, w in shape.columns]]
    chart = [CHART_WIDTH] if shape.chart else []
    return plain_table(rows, widths + chart, extra, caption="Impact: measures")


def _key(charted: list[MeasureLine]) -> str:
    """The note under the tables saying how to read the lines drawn, and only those."""
    if not charted:
        return ""
    parts = [_KEY_LINE]
    if any(_trend_lines(m) and _trend_lines(m)[0] in ("better", "worse") for m in charted):
        parts.append(_KEY_COLOUR)
    if any(m.target is not None for m in charted):
        parts.append(_KEY_TARGET)
    return "; ".join(parts) + "."


@cache
def _item_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """A list item in body text and the small line under it, kept close together."""
    body, small = styles()["body"], styles()["small"]
    return (
        ParagraphStyle("measure_item", parent=body, leftIndent=9, firstLineIndent=-9, spaceAfter=0),
        ParagraphStyle("measure_item_under", parent=small, leftIndent=9),
    )


def _statements(measures: list[MeasureLine], priority: bool) -> list[Flowable]:
    """Measures written only in words, as a short list, each with its priority and words."""
    item, under = _item_styles()
    story: list[Flowable] = [rich("Measured in words", "h3")]
    for m in measures:
        story.append(para(f"• {m.name.strip()}", item))
        said = _said_in_words(m, priority)
        if said:
            story.append(para(said, under))
        story.append(Spacer(1, 4))
    return story


def _labelled(label: str, words: str) -> str:
    text = " ".join(words.split())
    return f"{label.strip()}: {text}" if label.strip() else text


def _said_in_words(m: MeasureLine, priority: bool) -> str:
    """The small line under a measure in words: its priority, and any baseline, readings or
    target typed as words."""
    words = [
        f"baseline: {' '.join(m.baseline_raw.split())}" if m.baseline_raw.strip() else "",
        *(_labelled(r.period_label, r.value_raw) for r in m.readings if r.value_raw.strip()),
        f"target: {' '.join(m.target_raw.split())}" if m.target_raw.strip() else "",
    ]
    owner = m.priority_title.strip() if priority else ""
    return " · ".join(w for w in [owner, *words] if w)


def _nothing_to_show(pack: BoardPackData) -> str:
    if pack.plan_measures:
        what = "measure" if pack.plan_measures == 1 else "measures"
        return f"The plan has {pack.plan_measures:,} {what}; none belongs to this priority."
    return "The plan records no measures of impact."


def impact_section(pack: BoardPackData) -> list[Flowable]:
    """Each measure's periods side by side with the change, trend, target, comparators and a
    trend line, grouped by the periods measures share; measures in words as a list."""
    if not pack.measures:
        return [rich(_nothing_to_show(pack), "body")]
    story: list[Flowable] = [rich("How we know we are making a difference.", "lead")]
    groups = group_measures(pack.measures)
    for group in groups:
        story += [_group_table(group, not pack.cover.priority_filter), Spacer(1, 6)]
    key = _key([m for g in groups for m in g.measures if _charted(g, m)])
    if key:
        story.append(rich(key, "note"))
    statements = [m for m in pack.measures if is_statement(m)]
    if statements:
        story += _statements(statements, not pack.cover.priority_filter)
    return story
