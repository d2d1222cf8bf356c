"""The plain values the window shows and sends back: actions, plans, drafts, updates.

Free of the database layer, so the window can build itself and show a plan's first
rows while that layer is still loading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from actionplan.domain.measures import Direction, MeasureStatus, Trend
from actionplan.domain.plan_data import NarrativeData
from actionplan.domain.plan_values import (
    ActionDraft,
    ActionRow,
    ComparatorRow,
    LeadView,
    MeasureHeading,
    OutcomeNode,
    PlanInfo,
    PlanSettings,
    PriorityHeading,
    PriorityNode,
    ProgressEntry,
    ReadingRow,
)
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.update_dates import format_update_date

# The values the store returns as they are, named here too for the window.
__all__ = [
    "ActionDraft",
    "ActionRow",
    "ComparatorRow",
    "LeadView",
    "MeasureHeading",
    "MeasureRow",
    "NarrativeData",
    "OutcomeNode",
    "PlanInfo",
    "PlanSettings",
    "PriorityHeading",
    "PriorityNode",
    "ProgressEntry",
    "ReadingRow",
    "UpdateView",
]


@dataclass(frozen=True)
class UpdateView:
    """One update in an action's history, as shown to people."""

    id: int
    update_date: date | None
    author: str
    text: str
    rag: Rag
    status: Status
    suggested_rag: Rag | None
    reason: str
    recorded_at: datetime
    precision: str = "day"
    from_return: str = ""  # "return issued to Police on 1 Dec 2025" for a merged update

    @property
    def when(self) -> str:
        """The update's date as known: "12 Aug 2020", "Aug 2020" or "date not given"."""
        return format_update_date(self.update_date, self.precision)


@dataclass(frozen=True)
class MeasureRow:
    """A measure with its readings and what they say against the target."""

    id: int
    name: str
    priority_title: str
    unit: str
    direction: Direction
    baseline: float | None
    target: float | None
    readings: tuple[ReadingRow, ...]
    latest: float | None
    status: MeasureStatus
    trend: Trend
    comparators: tuple[ComparatorRow, ...] = ()
