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
from actionplan.domain.rules import is_complete
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
class ActionRow:
    """One action with everything a table, an export or a report shows about it."""

    id: int
    priority_id: int
    priority_title: str
    outcome_id: int | None
    outcome_title: str
    ref: str
    text: str
    leads: tuple[str, ...]
    agencies: tuple[str, ...]
    lead_raw: str
    timescale_raw: str
    due_date: date | None
    status: Status
    rag: Rag
    suggested_rag: Rag
    suggestion_reason: str
    overdue: bool
    stale: bool
    latest_update: str
    latest_update_date: date | None
    latest_update_author: str
    how_we_know: str
    has_update: bool = False  # at least one update, dated or not
    no_update: bool = False  # open and never updated: "no update recorded"

    @property
    def complete(self) -> bool:
        """Complete by status or by a Blue RAG."""
        return is_complete(self.status, self.rag)

    latest_update_precision: str = "day"  # "month" when only its month is known

    @property
    def latest_update_when(self) -> str:
        """When the newest update was: "12 Aug 2020", "Aug 2020", "date not given", or ""."""
        if not self.has_update:
            return ""
        return format_update_date(self.latest_update_date, self.latest_update_precision)

    @property
    def lead_text(self) -> str:
        """The leads as one line, or the words as written when none were recognised."""
        return "; ".join(self.leads) or self.lead_raw


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
