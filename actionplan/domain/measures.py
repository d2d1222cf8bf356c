"""Pure rules for measures of impact: direction, status against target, and trend."""

from __future__ import annotations

import math
import re
from enum import StrEnum


class Direction(StrEnum):
    """Whether a higher or a lower value is better."""

    HIGHER = "higher"
    LOWER = "lower"
    NONE = ""


class MeasureStatus(StrEnum):
    """How the latest reading stands against the target."""

    MET = "met"
    NOT_MET = "not_met"
    NO_TARGET = "no_target"
    NO_DATA = "no_data"

    @property
    def word(self) -> str:
        """The label shown to people."""
        return {
            "met": "Target met",
            "not_met": "Below target",
            "no_target": "No target",
            "no_data": "No data",
        }[self.value]


class Trend(StrEnum):
    """The change between the last two readings, judged by the measure's direction."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    STEADY = "steady"
    UNKNOWN = "unknown"

    @property
    def word(self) -> str:
        """The label shown to people."""
        return self.value.capitalize()


_HIGHER = re.compile(r"\b(higher|high|increase|increasing|up|more|maximi[sz]e|above)\b")
_LOWER = re.compile(r"\b(lower|low|decrease|decreasing|reduce|reduction|down|less|fewer|below)\b")


def parse_direction(text: str | None) -> Direction:
    """Read "Higher is better", "Lower", "↑", "reduce" and the like; NONE when not stated."""
    if not text:
        return Direction.NONE
    lowered = str(text).strip().lower()
    if lowered in ("↑", "▲", "+", "h"):
        return Direction.HIGHER
    if lowered in ("↓", "▼", "-", "l"):
        return Direction.LOWER
    if _HIGHER.search(lowered):
        return Direction.HIGHER
    if _LOWER.search(lowered):
        return Direction.LOWER
    return Direction.NONE


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+")


def parse_number(value: object) -> float | None:
    """The number in a reading cell ("84%", "1,033", 0.84, "n/a" -> None)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    match = _NUMBER.search(str(value))
    if not match:
        return None
    try:
        number = float(match.group().replace(",", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def measure_status(
    direction: Direction, latest: float | None, target: float | None
) -> MeasureStatus:
    """Met when the latest reading is at or beyond the target in the better direction."""
    if latest is None:
        return MeasureStatus.NO_DATA
    if target is None or direction is Direction.NONE:
        return MeasureStatus.NO_TARGET
    met = latest >= target if direction is Direction.HIGHER else latest <= target
    return MeasureStatus.MET if met else MeasureStatus.NOT_MET


def trend(direction: Direction, previous: float | None, latest: float | None) -> Trend:
    """Improving or worsening between the last two readings; steady when unchanged."""
    if previous is None or latest is None:
        return Trend.UNKNOWN
    if math.isclose(previous, latest, rel_tol=1e-9, abs_tol=1e-12):
        return Trend.STEADY
    if direction is Direction.NONE:
        return Trend.UNKNOWN
    went_up = latest > previous
    return Trend.IMPROVING if went_up == (direction is Direction.HIGHER) else Trend.WORSENING


def last_two(values: list[float | None]) -> tuple[float | None, float | None]:
    """The previous and latest of the readings that have a value, in period order."""
    present = [v for v in values if v is not None]
    if not present:
        return None, None
    return (present[-2] if len(present) > 1 else None), present[-1]
