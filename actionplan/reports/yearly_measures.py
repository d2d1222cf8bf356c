"""A measure's year in plain words: "Up from 398 in 2023-24 to 467 in 2024-25, better than
last year", using the measure's direction (higher or lower is better)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from actionplan.domain.measures import Direction
from actionplan.reports.board_pack_data import MeasureLine, Reading
from actionplan.reports.measure_groups import as_typed, figure, is_statement, trend_word

_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class MeasureFacts:
    """The figures one row of the impact table shows, each already in words."""

    name: str
    before: str  # "398 (2023-24)", "398 (baseline)" or ""
    latest: str  # "467 (2024-25)" or the words typed
    compared: str  # "England 2023-24 22.6; London 2023-24 19.0"
    target: str  # "450, met" or ""
    sentence: str  # the plain trend sentence


def _with_values(measure: MeasureLine) -> list[Reading]:
    return [r for r in measure.readings if r.value is not None]


def _labelled(value: float, label: str, unit: str) -> str:
    shown = figure(value, unit)
    return f"{shown} ({label.strip()})" if label.strip() else shown


def _than(previous: str, latest: str) -> str:
    """Which earlier figure the judgement is against, in words."""
    if _YEAR.search(previous) and _YEAR.search(latest):
        return "last year"
    return "the reading before"


def _judged(direction: Direction, previous: float, latest: float, than: str) -> str:
    word = trend_word(direction, previous, latest)
    if word in ("better", "worse"):
        return f", {word} than {than}"
    return "" if word else " (no direction is set, so it is not judged better or worse)"


def _moved(previous: float, latest: float) -> str:
    return "Up" if latest > previous else "Down" if latest < previous else "Unchanged"


def trend_sentence(measure: MeasureLine) -> str:
    """What the measure's last two figures say, judged by its direction, in one sentence."""
    values = _with_values(measure)
    unit = measure.unit
    if len(values) >= 2:
        before, now = values[-2], values[-1]
        assert before.value is not None and now.value is not None
        return _sentence(measure, before.value, now.value, before.period_label, now.period_label)
    if len(values) == 1 and measure.baseline is not None:
        now = values[0]
        assert now.value is not None
        return _sentence(measure, measure.baseline, now.value, "", now.period_label)
    if values:
        shown = _labelled(values[0].value or 0.0, values[0].period_label, unit)
        return f"{shown}; there is no earlier figure to compare it with."
    if is_statement(measure) and measure.readings:
        return " ".join(measure.readings[-1].value_raw.split()) or "No reading recorded yet."
    return "No reading recorded yet."


def _sentence(measure: MeasureLine, previous: float, latest: float, before: str, now: str) -> str:
    unit = measure.unit
    start = f"a baseline of {figure(previous, unit)}" if not before else figure(previous, unit)
    when_before = f" in {before.strip()}" if before.strip() else ""
    when_now = f" in {now.strip()}" if now.strip() else ""
    moved = _moved(previous, latest)
    if moved == "Unchanged":
        return f"Unchanged at {figure(latest, unit)}{when_now}, the same as {start}{when_before}."
    than = _than(before, now) if before else "the baseline"
    judged = _judged(measure.direction, previous, latest, than)
    return f"{moved} from {start}{when_before} to {figure(latest, unit)}{when_now}{judged}."


def measure_facts(measure: MeasureLine) -> MeasureFacts:
    """The measure's row of the impact table."""
    values = _with_values(measure)
    unit = measure.unit
    before = ""
    if len(values) >= 2 and values[-2].value is not None:
        before = _labelled(values[-2].value, values[-2].period_label, unit)
    elif measure.baseline is not None or measure.baseline_raw.strip():
        before = f"{as_typed(measure.baseline, measure.baseline_raw, unit)} (baseline)"
    latest = ""
    if values and values[-1].value is not None:
        latest = _labelled(values[-1].value, values[-1].period_label, unit)
    elif measure.readings:
        last = measure.readings[-1]
        latest = _labelled_words(last.value_raw, last.period_label)
    return MeasureFacts(
        name=measure.name,
        before=before,
        latest=latest,
        compared="; ".join(c.words for c in measure.comparators),
        target=_target(measure),
        sentence=trend_sentence(measure),
    )


def _labelled_words(words: str, label: str) -> str:
    text = " ".join(words.split())
    return f"{text} ({label.strip()})" if text and label.strip() else text


def _target(measure: MeasureLine) -> str:
    if measure.target is None:
        return " ".join(measure.target_raw.split())
    shown = figure(measure.target, measure.unit)
    latest = measure.latest
    if latest is None or latest.value is None or measure.direction is Direction.NONE:
        return shown
    higher = measure.direction is Direction.HIGHER
    met = latest.value >= measure.target if higher else latest.value <= measure.target
    return f"{shown}, {'met' if met else 'not met'}"
