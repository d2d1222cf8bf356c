"""What the yearly report's progress chapter says, as plain values: the writer needs no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.domain.plan_data import NarrativeData
from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import ReviewSummary
from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.reports.board_pack_data import MeasureLine, RagCounts


@dataclass(frozen=True)
class YearAction:
    """One action as the chapter names it, with its position at the end of the period."""

    ref: str
    text: str
    lead: str
    due: str  # the timescale as written, or the due date; "" when none was given
    rag: Rag
    status: Status

    @property
    def position(self) -> str:
        """The RAG and status in words, never colour alone: "Amber, in progress"."""
        rag = "Not rated" if self.rag is Rag.UNRATED else self.rag.word
        if not self.status.is_known:
            return rag
        return f"{rag}, {self.status.word.lower()}"


@dataclass(frozen=True)
class LeadQuote:
    """A progress update written in the period, quoted with who wrote it and when."""

    ref: str
    text: str
    who: str
    when: str  # "12 Aug 2024", or "Aug 2024" when only the month was given


@dataclass(frozen=True)
class PriorityYear:
    """One priority's year: what was planned, done, achieved and is still to do."""

    number: str
    title: str
    aim: str = ""
    champion: str = ""
    outcomes: tuple[str, ...] = ()
    planned: tuple[YearAction, ...] = ()  # every action, as it stood at the end of the period
    completed: tuple[YearAction, ...] = ()  # became complete between the two dates
    quotes: tuple[LeadQuote, ...] = ()  # updates dated in the period, oldest first
    narrative: NarrativeData | None = None  # the narrative for the period, when written
    measures: tuple[MeasureLine, ...] = ()  # readings after the period left out
    # The review recommendations this priority's actions answer ("Child Q: … (Closed)");
    # the chapter prints the part only when there are some.
    recommendations: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """ "Priority 2: Neglect", or the title alone when unnumbered."""
        return f"Priority {self.number}: {self.title}" if self.number else self.title

    @property
    def short_name(self) -> str:
        """ "Priority 2", or the title when unnumbered: for captions."""
        return f"Priority {self.number}" if self.number else self.title

    @property
    def still_to_do(self) -> tuple[YearAction, ...]:
        """Its actions not complete (nor cancelled) at the end of the period."""
        closed = (Status.COMPLETE, Status.CANCELLED)
        return tuple(a for a in self.planned if a.rag is not Rag.BLUE and a.status not in closed)

    @property
    def counts(self) -> RagCounts:
        """Its actions' RAG at the end of the period."""
        return RagCounts.of(a.rag for a in self.planned)


@dataclass(frozen=True)
class YearlyReportData:
    """The whole chapter: whose plan, the period it covers, each priority's year."""

    partnership: str
    plan_title: str
    start: date
    end: date
    priorities: tuple[PriorityYear, ...]
    plan_measures: tuple[MeasureLine, ...] = ()  # the whole plan's, belonging to no priority
    reviews: tuple[ReviewSummary, ...] = ()  # review recommendations; a part only when any

    @property
    def period(self) -> str:
        """The period in words: "1 Apr 2024 to 31 Mar 2025"."""
        return f"{format_due(self.start)} to {format_due(self.end)}"

    @property
    def title(self) -> str:
        """The document's title, as Word and a screen reader announce it."""
        whose = f"{self.partnership}: " if self.partnership.strip() else ""
        return f"{whose}progress against our priorities, {self.period}"
