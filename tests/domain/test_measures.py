"""A measure's direction, status against target and trend."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.domain.measures import (
    Direction,
    MeasureStatus,
    Trend,
    last_two,
    measure_status,
    parse_direction,
    parse_number,
    trend,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Higher", Direction.HIGHER),
        ("Higher is better", Direction.HIGHER),
        ("increase", Direction.HIGHER),
        ("↑", Direction.HIGHER),
        ("Lower", Direction.LOWER),
        ("lower is better", Direction.LOWER),
        ("Reduce", Direction.LOWER),
        ("fewer re-referrals", Direction.LOWER),
        ("↓", Direction.LOWER),
        ("", Direction.NONE),
        (None, Direction.NONE),
        ("n/a", Direction.NONE),
    ],
)
def test_direction_words(text: str | None, expected: Direction) -> None:
    """Direction is read from the words partnerships use."""
    assert parse_direction(text) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("84%", 84.0),
        ("1,033", 1033.0),
        (0.84, 0.84),
        (281, 281.0),
        ("  -2.5 ", -2.5),
        ("n/a", None),
        ("", None),
        (None, None),
        (True, None),
        (float("nan"), None),
        (float("inf"), None),
    ],
)
def test_reading_numbers(value: object, expected: float | None) -> None:
    """Numbers come out of reading cells written as text, percentages or numbers."""
    assert parse_number(value) == expected


@given(st.one_of(st.text(), st.floats(), st.integers(), st.none()))
def test_parse_number_never_raises(value: object) -> None:
    """Any cell value gives a finite number or None."""
    number = parse_number(value)
    assert number is None or number == number


@pytest.mark.parametrize(
    ("direction", "latest", "target", "expected"),
    [
        (Direction.HIGHER, 84, 80, MeasureStatus.MET),
        (Direction.HIGHER, 80, 80, MeasureStatus.MET),
        (Direction.HIGHER, 77, 80, MeasureStatus.NOT_MET),
        (Direction.LOWER, 18, 20, MeasureStatus.MET),
        (Direction.LOWER, 23, 20, MeasureStatus.NOT_MET),
        (Direction.HIGHER, None, 80, MeasureStatus.NO_DATA),
        (Direction.HIGHER, 84, None, MeasureStatus.NO_TARGET),
        (Direction.NONE, 84, 80, MeasureStatus.NO_TARGET),
    ],
)
def test_measure_status_against_target(
    direction: Direction, latest: float | None, target: float | None, expected: MeasureStatus
) -> None:
    """Met means at or beyond the target in the better direction."""
    assert measure_status(direction, latest, target) is expected


@pytest.mark.parametrize(
    ("direction", "previous", "latest", "expected"),
    [
        (Direction.HIGHER, 77, 84, Trend.IMPROVING),
        (Direction.HIGHER, 84, 77, Trend.WORSENING),
        (Direction.LOWER, 309, 281, Trend.IMPROVING),
        (Direction.LOWER, 281, 309, Trend.WORSENING),
        (Direction.LOWER, 281, 281, Trend.STEADY),
        (Direction.NONE, 1, 2, Trend.UNKNOWN),
        (Direction.HIGHER, None, 2, Trend.UNKNOWN),
    ],
)
def test_trend_between_last_two_readings(
    direction: Direction, previous: float | None, latest: float | None, expected: Trend
) -> None:
    """A fall in looked-after children is an improvement when lower is better."""
    assert trend(direction, previous, latest) is expected


def test_last_two_skips_missing_readings() -> None:
    """A missing quarter does not hide the trend."""
    assert last_two([77, None, 84, None]) == (77, 84)
    assert last_two([None, 84]) == (None, 84)
    assert last_two([]) == (None, None)
