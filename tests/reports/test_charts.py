"""The small trend line beside each measure: its own scale, every mark inside its frame, the
target dashed, the latest reading's dot coloured by whether it is better or worse."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Circle, Drawing, Line

from actionplan.domain.rag import Rag
from actionplan.reports.charts import trend_line


def inside(drawing: Drawing) -> list[str]:
    """Every drawn shape whose bounds (with half its stroke) leave the drawing's frame."""
    outside = []
    for shape in drawing.contents:
        x0, y0, x1, y1 = shape.getBounds()
        half = (getattr(shape, "strokeWidth", 1) or 0) / 2
        if (
            x0 - half < 0
            or y0 - half < 0
            or x1 + half > drawing.width
            or y1 + half > drawing.height
        ):
            outside.append(f"{type(shape).__name__} {(x0, y0, x1, y1)}")
    return outside


def last_dot(drawing: Drawing) -> Circle:
    """The latest reading's dot (the last shape drawn)."""
    dot = drawing.contents[-1]
    assert isinstance(dot, Circle)
    return dot


def slope(drawing: Drawing) -> float:
    """How far the line rises from its first point to its last, in points."""
    first = next(s for s in drawing.contents if isinstance(s, Circle))
    return last_dot(drawing).cy - first.cy


@pytest.mark.parametrize(
    ("values", "target"),
    [
        ([18.4, 16.1], None),
        ([61, 68.4, 74.9, 82.2, 88, 90.5, 91, 95, 97, 99, 100, 100], 95),
        ([42, 42, 42, 42], None),
        ([402, 377, 455], 1600),
        ([-12.5, -3, 4, -8], -20),
        ([0, 0], 0),
        ([1e9, 2.5e9], None),
        ([18, None, 16], 17),
    ],
    ids=["two", "many", "flat", "target-far", "negative", "zeros", "huge", "gap"],
)
def test_every_mark_of_the_trend_line_is_inside_its_frame(
    values: list[float | None], target: float | None
) -> None:
    """Points, line, target and the latest dot stay inside the drawing, whatever the figures."""
    drawing = trend_line(values, target, better=True, width=50)
    assert drawing is not None
    assert inside(drawing) == []


def test_two_point_lines_rise_as_far_as_the_change_is_large() -> None:
    """Two readings are not all drawn floor to ceiling: a 4% fall slopes less than a 16%
    one, and a rise slopes up."""
    gentle = trend_line([331.5, 318.2], None)
    steep = trend_line([22.3, 18.7], None)
    rising = trend_line([84.1, 88.7], None)
    assert gentle is not None and steep is not None and rising is not None
    assert slope(steep) < slope(gentle) < 0 < slope(rising)


def test_the_target_is_dashed_when_on_the_scale_and_left_off_when_far_away() -> None:
    """A target near the readings is a dashed line; one far off would flatten the line, so
    it is left to the Target column."""
    near = trend_line([84, 86.5, 88.1], 90)
    far = trend_line([402, 377, 455], 1600)
    assert near is not None and far is not None
    dashed = [s for s in near.contents if isinstance(s, Line) and s.strokeDashArray]
    assert len(dashed) == 1
    assert not [s for s in far.contents if isinstance(s, Line)]
    assert slope(far) > 5  # the readings still use the height


def test_the_latest_dot_is_green_when_better_and_red_when_worse() -> None:
    """The direction of better is hinted by the colour of the latest reading's dot."""
    better = trend_line([70, 75], None, better=True)
    worse = trend_line([75, 70], None, better=False)
    unknown = trend_line([75, 70], None)
    assert better is not None and worse is not None and unknown is not None
    assert last_dot(better).fillColor.hexval().lower() == "0x" + Rag.GREEN.colour[1:].lower()
    assert last_dot(worse).fillColor.hexval().lower() == "0x" + Rag.RED.colour[1:].lower()
    assert last_dot(unknown).fillColor.hexval() not in (
        last_dot(better).fillColor.hexval(),
        last_dot(worse).fillColor.hexval(),
    )


def test_fewer_than_two_readings_draw_no_line() -> None:
    """One reading, or none with a figure, gives nothing to draw."""
    assert trend_line([18.0], 15) is None
    assert trend_line([None, 17.0, None], None) is None
