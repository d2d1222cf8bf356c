"""Next year's plan from this one: its proposed title and period, following the old ones,
and the plain values a roll-forward is asked and answered with."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# A span of years ("2024-25", "2024/2025", "2019 – 2021") or one year ("2021"), not inside a
# longer number; the last one in the title is the plan's year.
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:(\s*[-/–]\s*)(\d\d(?:\d\d)?))?(?!\d)")


def next_title(title: str) -> str:
    """The title of the plan after this one: "… 2024-25" gives "… 2025-26", "… 2021" gives
    "… 2022", "… 2019-2021" gives "… 2021-2023"; a title without a year gains "(next year)"."""
    found = list(_YEARS.finditer(title))
    if not found:
        return f"{title.strip()} (next year)"
    match = found[-1]
    return title[: match.start()] + _next_years(match) + title[match.end() :]


def _next_years(match: re.Match[str]) -> str:
    first, joiner, second = int(match.group(1)), match.group(2), match.group(3)
    if second is None:
        return str(first + 1)
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last < first:
        last += 100  # "1999-00"
    span = max(last - first, 1)
    shown = str(last + span) if len(second) == 4 else f"{(last + span) % 100:02d}"
    return f"{last}{joiner}{shown}"


def next_period(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """The period after this one: it starts the day after the old one ends and lasts as
    many whole years (at least one). Unknown without an end."""
    if end is None:
        return None, None
    years = 1
    if start is not None:
        years = max(1, round((end - start).days / 365.25))
    return end + timedelta(days=1), _years_later(end, years)


def _years_later(day: date, years: int) -> date:
    year = day.year + years
    last_day = calendar.monthrange(year, day.month)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, day.month, last_day if at_month_end else min(day.day, last_day))


def next_period_words(words: str) -> str:
    """The period in words after this one ("2024/25" gives "2025/26"); blank without a year."""
    return next_title(words) if _YEARS.search(words) else ""


@dataclass(frozen=True)
class NextPlan:
    """What the user chose for next year's plan: its title and period, the actions left
    behind (by id), and whether the narratives come too."""

    title: str
    period_start: date | None = None
    period_end: date | None = None
    period_raw: str = ""
    leave: frozenset[int] = frozenset()
    narratives: bool = False


@dataclass(frozen=True)
class RolledForward:
    """What a roll-forward made: the new plan and how many of each part it copied."""

    plan_id: int
    title: str
    priorities: int
    outcomes: int
    leads: int
    actions: int
    left: int
    measures: int
    narratives: int


@dataclass(frozen=True)
class CarryCandidate:
    """An action not complete, offered to be carried forward."""

    action_id: int
    ref: str
    text: str
    status: str
    rag: str


@dataclass(frozen=True)
class Closure:
    """A plan closed to edits: when, by whom, and the plan it was rolled forward to."""

    plan_id: int
    closed_at: datetime
    closed_by: str = ""
    rolled_to_plan_id: int | None = None
    rolled_to_title: str = ""


@dataclass(frozen=True)
class CarriedFrom:
    """The action a carried action continues: its plan's title, period and reference."""

    action_id: int | None
    plan_id: int | None
    plan_title: str
    ref: str
