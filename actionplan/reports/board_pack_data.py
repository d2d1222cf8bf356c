"""Everything a board pack shows, as plain values: the renderer needs no database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from actionplan.domain.measures import (
    Direction,
    MeasureStatus,
    Trend,
    last_two,
    measure_status,
    trend,
)
from actionplan.domain.movement import Movement
from actionplan.domain.plan_data import NarrativeData
from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.recommendations import ReviewSummary
from actionplan.domain.rules import (
    STALE_AFTER_DAYS,
    Tally,
    is_complete,
    rag_disagrees,
    rag_tally,
    tally,
)
from actionplan.domain.status import Status
from actionplan.reports.round_annex import RoundAnnex


@dataclass(frozen=True)
class RagCounts:
    """How many actions carry each RAG."""

    red: int = 0
    amber: int = 0
    green: int = 0
    blue: int = 0
    unrated: int = 0

    @classmethod
    def of(cls, rags: Iterable[Rag]) -> RagCounts:
        """Count a list of ratings."""
        return cls(*rag_tally(rags).values())

    def get(self, rag: Rag) -> int:
        """The count for one RAG."""
        return int(getattr(self, rag.value))

    @property
    def total(self) -> int:
        """Every action counted."""
        return sum(self.get(rag) for rag in RAG_ORDER)


@dataclass(frozen=True)
class CoverFacts:
    """What the cover says: whose plan, which period, as at when, prepared by whom."""

    partnership: str
    plan_title: str
    period: str
    as_of: date
    prepared_by: str = ""
    marking: str = ""
    priority_filter: str = ""


@dataclass(frozen=True)
class ActionLine:
    """One action as the board sees it.
    Separate from ActionRow because it adds what only the board pack knows (movement and
    change since the last board, days overdue, the reason for a RAG) and has the lead
    already worded, so the pack can be drawn from values written out in a test.
    """

    ref: str
    text: str
    priority_title: str
    lead: str
    timescale: str
    due_date: date | None
    status: Status
    rag: Rag
    suggested_rag: Rag
    suggestion_reason: str = ""
    rag_reason: str = ""
    overdue: bool = False
    stale: bool = False
    latest_update: str = ""
    latest_update_date: date | None = None
    movement: Movement | None = None
    outcome: str = ""  # the outcome it works towards, as written
    how_we_know: str = ""  # "How will we know…", as written
    # "12 Aug 2020", "Aug 2020", "date not given"; "" when there has been no update at all.
    latest_update_when: str = ""
    no_update: bool = False  # open and never updated
    days_overdue: int = 0  # days past its due date at the as-at date; 0 when not overdue
    days_since_update: int | None = None  # None: no dated update by the as-at date
    # What changed since the last board, named: "went from Green to Red on 12 Mar 2025";
    # "" when nothing changed or there is no earlier board position to compare.
    change: str = ""
    completed_since_board: bool = False  # complete now but not at the last board

    @property
    def complete(self) -> bool:
        """Complete by status or by a Blue RAG."""
        return is_complete(self.status, self.rag)

    @property
    def disagrees(self) -> bool:
        """The lead's RAG differs from the RAG the dates suggest."""
        return rag_disagrees(self.rag, self.suggested_rag)

    @property
    def is_exception(self) -> bool:
        """Red, amber or overdue: what the board must look at."""
        return self.rag in (Rag.RED, Rag.AMBER) or self.overdue

    @property
    def concern(self) -> tuple[int, int, date]:
        """Sort key, most pressing first: overdue reds, reds, overdue ambers, ambers, the rest."""
        level = {Rag.RED: 0, Rag.AMBER: 2}.get(self.rag, 4) - (1 if self.overdue else 0)
        worse = 0 if self.movement is Movement.WORSE else 1
        return level, worse, self.due_date or date.max

    @property
    def exception_rank(self) -> tuple[int, int, int]:
        """Sort key for the exceptions table: red before amber before the rest, then the
        longest overdue, then the longest since its last update (never updated first)."""
        level = {Rag.RED: 0, Rag.AMBER: 1}.get(self.rag, 2)
        quiet = self.days_since_update if self.days_since_update is not None else 1_000_000
        return level, -self.days_overdue, -quiet


@dataclass(frozen=True)
class Reading:
    """One period's value of a measure."""

    period_label: str
    value: float | None
    value_raw: str = ""  # the reading as typed ("Good", "n/a"), kept when it is not a figure


@dataclass(frozen=True)
class ComparatorFigure:
    """A benchmark beside a measure (England, London, statistical neighbours), as written."""

    name: str
    period_label: str
    value: float | None
    value_raw: str = ""

    @property
    def words(self) -> str:
        """The comparator as printed: "England 2019/20 22.6" with the figure as typed."""
        shown = self.value_raw.strip() or ("–" if self.value is None else f"{self.value:g}")
        period = f" {self.period_label}" if self.period_label.strip() else ""
        return f"{self.name}{period} {shown}"


@dataclass(frozen=True)
class MeasureLine:
    """A measure of impact with its readings in period order."""

    name: str
    unit: str
    direction: Direction
    baseline: float | None
    target: float | None
    readings: tuple[Reading, ...] = ()
    priority_title: str = ""
    comparators: tuple[ComparatorFigure, ...] = ()
    baseline_raw: str = ""  # the baseline as typed, kept when it is words ("not collected")
    target_raw: str = ""  # the target as typed, kept when it is words ("year on year fall")

    @property
    def latest(self) -> Reading | None:
        """The newest reading that has a value."""
        present = [r for r in self.readings if r.value is not None]
        return present[-1] if present else None

    @property
    def status(self) -> MeasureStatus:
        """Met or not against the target."""
        latest = self.latest
        return measure_status(self.direction, latest.value if latest else None, self.target)

    @property
    def trend(self) -> Trend:
        """Improving or worsening between the last two readings."""
        previous, latest = last_two([r.value for r in self.readings])
        return trend(self.direction, previous, latest)


@dataclass(frozen=True)
class PrioritySection:
    """A priority with its aim, champion, narrative and actions."""

    number: str
    title: str
    aim: str = ""
    champion: str = ""
    narrative: NarrativeData | None = None
    actions: tuple[ActionLine, ...] = ()
    earlier_narratives: tuple[NarrativeData, ...] = ()  # other periods, newest first
    outcomes: tuple[str, ...] = ()  # every outcome of the priority, with actions or not

    @property
    def heading(self) -> str:
        """The heading shown, such as "Priority 2: Neglect" (the title alone when unnumbered)."""
        return f"Priority {self.number}: {self.title}" if self.number else self.title

    @property
    def counts(self) -> RagCounts:
        """RAG counts of this priority's actions."""
        return RagCounts.of(a.rag for a in self.actions)

    @property
    def tally(self) -> Tally:
        """How many of its actions are overdue, stale, never updated and complete."""
        return tally(self.actions)

    @property
    def exceptions(self) -> list[ActionLine]:
        """Its red, amber and overdue actions, most pressing first."""
        return sorted((a for a in self.actions if a.is_exception), key=lambda a: a.concern)


@dataclass(frozen=True)
class Comparison:
    """The plan against the latest snapshot before the as-of date."""

    name: str
    taken_on: date
    before: RagCounts
    better: int = 0
    worse: int = 0
    new: int = 0


@dataclass(frozen=True)
class SummaryLimits:
    """How much the summary lists per priority before it says "and N more"."""

    exceptions_per_priority: int = 12
    actions_per_priority: int = 25
    update_chars_in_exceptions: int = 600


@dataclass(frozen=True)
class BoardPackData:
    """The whole board pack."""

    cover: CoverFacts
    priorities: tuple[PrioritySection, ...]
    measures: tuple[MeasureLine, ...] = ()
    comparison: Comparison | None = None
    appendix: bool = False
    stale_after_days: int = STALE_AFTER_DAYS
    limits: SummaryLimits = field(default_factory=SummaryLimits)
    key_messages: tuple[str, ...] = ()  # up to five sentences for page 1, as they will print
    board_asked: str = ""  # "The board is asked to…": printed only when written
    cover_page: bool = False  # a full-page cover before the summary (off by default)
    plan_measures: int = 0  # measures in the whole plan, when the pack shows one priority
    round_annex: RoundAnnex | None = None  # the update round closed for this board, if any
    reviews: tuple[ReviewSummary, ...] = ()  # review recommendations; printed only when any

    @property
    def exceptions(self) -> list[ActionLine]:
        """Every red, amber or overdue action across the plan, ranked for the board."""
        return sorted((a for a in self.actions if a.is_exception), key=lambda a: a.exception_rank)

    @property
    def rated(self) -> bool:
        """Whether any action carries a RAG at all (a plan without one shows status counts)."""
        return any(a.rag is not Rag.UNRATED for a in self.actions)

    @property
    def actions(self) -> list[ActionLine]:
        """Every action in priority order."""
        return [a for p in self.priorities for a in p.actions]

    @property
    def counts(self) -> RagCounts:
        """RAG counts over the whole pack."""
        return RagCounts.of(a.rag for a in self.actions)

    @property
    def tally(self) -> Tally:
        """How many actions in the whole pack are overdue, stale, never updated and complete."""
        return tally(self.actions)
