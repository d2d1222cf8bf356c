"""The impact section: each measure of the plan with its readings, target and trend."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from actionplan.domain.measures import Direction
from actionplan.reports.board_pack_data import BoardPackData, MeasureLine
from actionplan.reports.charts import trend_line
from actionplan.reports.chips import measure_chip
from actionplan.reports.styles import para, rich, styles
from actionplan.reports.tables import fast_cell, plain_table


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}%" if unit.strip() == "%" else text


_DIRECTION = {
    Direction.HIGHER: "↑ Higher is better",
    Direction.LOWER: "↓ Lower is better",
    Direction.NONE: "Not stated",
}
MEASURE_COLUMNS = ("Measure", "Baseline", "Latest", "Target", "Direction", "Status", "Trend")
MEASURE_WIDTHS = tuple(w * mm for w in (50, 16, 22, 16, 19, 22, 25))


def _measure_row(m: MeasureLine) -> list[object]:
    latest = m.latest
    name: list[Flowable] = [para(m.name, "cell_bold")]
    details = [m.priority_title, f"unit: {m.unit}" if m.unit and m.unit != "%" else ""]
    if any(details):
        name.append(para(" · ".join(d for d in details if d), "cell_small"))
    if m.comparators:
        compared = " · ".join(c.words for c in m.comparators)
        name.append(para(f"Compared with: {compared}", "cell_small"))
    latest_cell: list[Flowable] = [para(_number(latest.value if latest else None, m.unit), "cell")]
    if latest:
        latest_cell.append(para(latest.period_label, "cell_small"))
    trend: list[Flowable] = [trend_line(m.readings, m.target), para(m.trend.word, "cell_small")]
    return [
        name,
        fast_cell(_number(m.baseline, m.unit), MEASURE_WIDTHS[1]),
        latest_cell,
        fast_cell(_number(m.target, m.unit), MEASURE_WIDTHS[3]),
        para(_DIRECTION[m.direction], "cell"),
        measure_chip(m.status, 20 * mm),
        trend,
    ]


def impact_section(pack: BoardPackData) -> list[Flowable]:
    """Each measure with baseline, latest, target, direction, status and a small trend line."""
    if not pack.measures:
        return [rich("No measures of impact are recorded for this plan yet.", "body")]
    intro = rich(
        "How we know we are making a difference. The trend line shows every reading in "
        "period order, the latest as a solid dot and the target as a dashed line.",
        "lead",
    )
    head = [Paragraph(h, styles()["head"]) for h in MEASURE_COLUMNS]
    rows = [head, *[_measure_row(m) for m in pack.measures]]
    return [intro, plain_table(rows, MEASURE_WIDTHS)]
