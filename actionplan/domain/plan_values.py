"""Plain values a plan is read and edited through: actions, headings, settings, leads, the outline.

The store returns them and the window shows them; they hold no database rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from actionplan.domain.rag import Rag
from actionplan.domain.rules import is_complete
from actionplan.domain.status import Status
from actionplan.domain.update_dates import format_update_date


class _PlanFacts(Protocol):
    """Anything that says what a plan says about itself (a stored plan, for one)."""

    @property
    def id(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def partnership(self) -> str: ...
    @property
    def period_start(self) -> date | None: ...
    @property
    def period_end(self) -> date | None: ...
    @property
    def period_raw(self) -> str: ...
    @property
    def prepared_by(self) -> str: ...
    @property
    def marking(self) -> str: ...


@dataclass(frozen=True)
class PlanInfo:
    """A plan's identity and heading facts."""

    id: int
    title: str
    partnership: str
    period_start: date | None
    period_end: date | None
    period_raw: str
    prepared_by: str
    marking: str = ""

    @classmethod
    def of(cls, plan: _PlanFacts) -> PlanInfo:
        """The info of a stored plan."""
        assert plan.id is not None
        return cls(
            plan.id,
            plan.title,
            plan.partnership,
            plan.period_start,
            plan.period_end,
            plan.period_raw,
            plan.prepared_by,
            plan.marking,
        )


@dataclass(frozen=True)
class PlanSettings:
    """What a plan says about itself on the board pack's cover and the tracker's summary."""

    title: str
    partnership: str = ""
    period_start: date | None = None
    period_end: date | None = None
    prepared_by: str = ""
    marking: str = ""  # protective marking, e.g. "OFFICIAL-SENSITIVE"; blank for none
    # The period in the imported workbook's own words ("2019-2021"), printed while it stands.
    period_raw: str = ""
    # As for ActionDraft: the version read, None for as it stands; not compared.
    version: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ActionRow:
    """One action with everything a table, an export, a return or a report shows about it.
    Separate from ActionData because it is an action as stored, with its ids, and as judged
    on one day (suggested RAG, overdue, stale) from its newest update, not its whole history.
    """

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


@dataclass
class ActionDraft:
    """What a user types for a new or edited action; leads come from the lead text.
    Separate from ActionRow because it holds only what a user may change, as typed, with
    nothing worked out from dates or updates.
    """

    text: str
    ref: str = ""
    timescale: str = ""
    lead: str = ""
    how_we_know: str = ""
    outcome_id: int | None = None
    rag: str = ""
    status: Status = Status.NOT_STARTED
    extra_leads: list[str] = field(default_factory=list)
    # Where it sits: another priority moves it there (at the end unless a position is given).
    priority_id: int | None = None
    position: int | None = None
    # The stored version the user's words were made from; a save refuses the edit when a
    # colleague has changed the action since. None: edit it as it stands (one's own undo).
    # Not compared: two drafts with the same words are the same edit.
    version: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PriorityHeading:
    """What heads a priority: its title, executive champion and aim."""

    title: str
    champion: str = ""
    aim: str = ""
    # As for ActionDraft: the version read, None for as it stands; not compared.
    version: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MeasureHeading:
    """What defines a measure: what is counted, its unit, which way is better, where it
    starts and aims, and the priority it belongs to (None: the whole plan)."""

    name: str
    unit: str = ""
    direction: str = ""  # "higher", "lower" or ""
    baseline: float | None = None
    target: float | None = None
    priority_id: int | None = None
    # As for ActionDraft: the version read, None for as it stands; not compared.
    version: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LeadView:
    """A lead of the plan, the agency it belongs to and how many actions it leads."""

    id: int
    name: str
    agency: str
    actions: int
    email: str = ""  # where the lead's update return is sent; blank when not known


@dataclass(frozen=True)
class ReadingRow:
    """One period's reading."""

    id: int
    period_label: str
    value: float | None
    value_raw: str
    period_end: date | None
    note: str


@dataclass(frozen=True)
class ComparatorRow:
    """A benchmark beside a measure (England, London, statistical neighbours), as written."""

    name: str
    period_label: str
    value: float | None
    value_raw: str


@dataclass(frozen=True)
class OutcomeNode:
    """An outcome under a priority."""

    id: int
    title: str
    actions: int


@dataclass(frozen=True)
class PriorityNode:
    """A priority with its outcomes."""

    id: int
    number: str
    title: str
    aim: str
    champion: str
    actions: int
    outcomes: tuple[OutcomeNode, ...]


@dataclass(frozen=True)
class ProgressEntry:
    """What a lead records: the date, the RAG and status it sets, and the words."""

    action_id: int
    update_date: date
    rag: Rag
    status: Status
    text: str
    author: str = ""
    reason: str = ""
    issued_return_id: int | None = None  # the lead's return it was merged from, if any
