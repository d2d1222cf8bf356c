"""Measures as the board reads them: grouped by the periods they share, their figures in words.

Pure values only (no flowables): the impact section lays out what this module decides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from actionplan.domain.measures import Direction
from actionplan.reports.board_pack_data import MeasureLine, Reading

MOST_PERIODS = 4  # the most period columns one table shows; earlier readings go in a note
_MINUS = "\u2212"  # a true minus sign, as wide as the plus beside it
# Units that say what kind of figure it is but are not printed after a number.
_PLAIN_UNITS = {"", "number", "no", "no.", "#", "count", "rate", "n", "total"}


def is_statement(measure: MeasureLine) -> bool:
    """A measure written in words only: no reading, baseline or target has a figure."""
    figures = [r.value for r in measure.readings]
    return all(v is None for v in [*figures, measure.baseline, measure.target])


def percentage(unit: str) -> bool:
    """Whether the measure's figures are percentages."""
    return unit.strip() == "%"


def unit_word(unit: str) -> str:
    """The unit as printed after a number ("weeks"); "" for a percentage or a plain count."""
    word = unit.strip()
    if percentage(word) or word.casefold() in _PLAIN_UNITS:
        return ""
    return word


def _digits(value: float) -> str:
    """The number with thousands separators and as many decimals as it has (up to three)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def figure(value: float | None, unit: str) -> str:
    """A reading as printed: "18.4%", "1,240", "22.625"; a dash when there is none."""
    if value is None:
        return "–"
    text = _digits(value).replace("-", _MINUS)  # the same minus sign as the change beside it
    return f"{text}%" if percentage(unit) else text


def as_typed(value: float | None, raw: str, unit: str) -> str:
    """A figure as printed, or the words typed where there is no figure ("n/a", "Good")."""
    if value is None and raw.strip():
        return " ".join(raw.split())
    return figure(value, unit)


def _decimals(value: float) -> int:
    text = _digits(value)
    return len(text.split(".")[1]) if "." in text else 0


def change_words(previous: float, latest: float, unit: str) -> str:
    """Latest minus previous with its sign and unit: "−2.3 pts", "+12", "+1.5 weeks"."""
    places = max(_decimals(previous), _decimals(latest), 1 if percentage(unit) else 0)
    difference = round(latest - previous, places)
    if difference == 0:
        text = f"{0:.{places}f}"
    else:
        sign = "+" if difference > 0 else _MINUS
        text = f"{sign}{abs(difference):,.{places}f}"
    if percentage(unit):
        return f"{text} pts"
    word = unit_word(unit)
    return f"{text} {word.lower()}" if word else text


def trend_word(direction: Direction, previous: float, latest: float) -> str:
    """ "better", "worse" or "no change" by the measure's direction; "" when not stated."""
    if math.isclose(previous, latest, rel_tol=1e-9, abs_tol=1e-12):
        return "no change"
    if direction is Direction.NONE:
        return ""
    went_up = latest > previous
    return "better" if went_up == (direction is Direction.HIGHER) else "worse"


@dataclass(frozen=True)
class Movement:
    """A measure's last move: from the previous reading (or the baseline) to the latest."""

    previous: float
    latest: float
    since_baseline: bool  # only one reading: the comparison is with the baseline

    def change(self, unit: str) -> str:
        """The change as printed."""
        return change_words(self.previous, self.latest, unit)

    def word(self, direction: Direction) -> str:
        """The trend word as printed."""
        return trend_word(direction, self.previous, self.latest)


def movement(measure: MeasureLine) -> Movement | None:
    """The last two readings with a value; the baseline and the one reading when only one."""
    values = [r.value for r in measure.readings if r.value is not None]
    if len(values) >= 2:
        return Movement(values[-2], values[-1], False)
    if len(values) == 1 and measure.baseline is not None:
        return Movement(measure.baseline, values[0], True)
    return None


def period_labels(measure: MeasureLine) -> tuple[str, ...]:
    """The measure's periods in order, each once (a repeated label keeps its last reading)."""
    labels: list[str] = []
    for reading in measure.readings:
        label = reading.period_label.strip()
        if label in labels:
            labels.remove(label)
        labels.append(label)
    return tuple(labels)


def readings_by_period(measure: MeasureLine) -> dict[str, Reading]:
    """Each period's reading (the last one of a repeated label)."""
    return {r.period_label.strip(): r for r in measure.readings}


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether every label of ``short`` is in ``long``, in the same order."""
    rest = iter(long)
    return all(label in rest for label in short)


@dataclass(frozen=True)
class MeasureGroup:
    """Measures printed in one table: their periods are the same (or a few are missing)."""

    periods: tuple[str, ...]
    measures: tuple[MeasureLine, ...]

    @property
    def shown_periods(self) -> tuple[str, ...]:
        """The periods given a column: the latest few."""
        return self.periods[-MOST_PERIODS:]

    @property
    def earlier_periods(self) -> tuple[str, ...]:
        """The periods too early for a column, printed as a note under the measure."""
        return self.periods[:-MOST_PERIODS] if len(self.periods) > MOST_PERIODS else ()

    @property
    def has_baseline(self) -> bool:
        """Whether any of its measures has a baseline."""
        return any(m.baseline is not None or m.baseline_raw.strip() for m in self.measures)

    @property
    def has_target(self) -> bool:
        """Whether any of its measures has a target."""
        return any(m.target is not None or m.target_raw.strip() for m in self.measures)

    @property
    def has_trend_word(self) -> bool:
        """Whether any of its measures has a trend word to print."""
        return any(_word(m) for m in self.measures)

    @property
    def comparator_names(self) -> tuple[str, ...]:
        """Every comparator named by its measures, in the order first met."""
        names: dict[str, None] = {}
        for m in self.measures:
            names.update((c.name.strip(), None) for c in m.comparators)
        return tuple(names)

    def chart_values(self, measure: MeasureLine) -> list[float | None]:
        """The measure's value for each of the group's periods (None where it has none)."""
        readings = readings_by_period(measure)
        return [readings[p].value if p in readings else None for p in self.periods]


def _word(measure: MeasureLine) -> str:
    moved = movement(measure)
    return moved.word(measure.direction) if moved else ""


def group_measures(measures: tuple[MeasureLine, ...]) -> list[MeasureGroup]:
    """The measures with figures, grouped by their periods: a measure missing a period joins
    the group whose periods hold all of its own; groups come in the order of the plan."""
    figured = [(m, period_labels(m)) for m in measures if not is_statement(m)]
    seen = dict.fromkeys(key for _, key in figured if key)  # in plan order, each once
    longest = sorted(seen, key=len, reverse=True)  # a stable sort: plan order among equals
    holding: dict[str, list[tuple[str, ...]]] = {}  # each label's keys, the longest first
    for k in longest:
        for label in dict.fromkeys(k):
            holding.setdefault(label, []).append(k)
    home_of = {key: next(k for k in holding[key[0]] if _within(key, k)) for key in seen}
    homes: dict[tuple[str, ...], list[MeasureLine]] = {}
    for m, key in figured:
        homes.setdefault(home_of.get(key, key), []).append(m)
    return [MeasureGroup(periods, tuple(members)) for periods, members in homes.items()]
