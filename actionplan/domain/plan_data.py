"""A whole plan as plain values: what importers produce, exporters write and round trips compare.

These carry no database ids, so a plan read from a workbook and the same plan read
back from the database compare equal field for field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.update_dates import DatePrecision


@dataclass
class UpdateData:
    """One progress update; its date is None when the workbook gave none."""

    update_date: date | None
    text: str = ""
    author: str = ""
    rag: Rag = Rag.UNRATED
    status: Status = Status.NOT_RECORDED
    suggested_rag: Rag | None = None
    reason: str = ""
    precision: DatePrecision = DatePrecision.DAY


@dataclass
class ReadingData:
    """One period's reading of a measure."""

    period_label: str
    value: float | None = None
    value_raw: str = ""
    period_end: date | None = None
    note: str = ""


@dataclass
class ComparatorData:
    """A benchmark beside a measure's own figures, such as England or statistical neighbours."""

    name: str  # as headed in the workbook: "Statistical neighbours", "England"
    period_label: str = ""  # the period it is for when the heading names one, else ""
    value: float | None = None
    value_raw: str = ""


@dataclass
class MeasureData:
    """An indicator with its readings in period order."""

    name: str
    unit: str = ""
    direction: str = ""  # "higher", "lower" or "" (see domain.measures.Direction)
    direction_raw: str = ""
    baseline: float | None = None
    baseline_raw: str = ""
    target: float | None = None
    target_raw: str = ""
    readings: list[ReadingData] = field(default_factory=list)
    comparators: list[ComparatorData] = field(default_factory=list)  # never readings


@dataclass
class LeadData:
    """A lead named on an action, with the agency where known."""

    name: str
    agency: str = ""
    email: str = ""  # where a round sends the lead's return, when the workbook gave one


@dataclass
class ActionData:
    """One action with everything typed about it and its whole history (oldest first).
    Separate from ActionRow because it carries no ids and every update, not the newest
    alone, so a plan read from a workbook and read back from the database compare equal.
    """

    text: str
    ref: str = ""
    leads: list[LeadData] = field(default_factory=list)
    lead_raw: str = ""
    timescale_raw: str = ""
    status: Status = Status.NOT_RECORDED
    status_raw: str = ""
    rag: Rag = Rag.UNRATED
    rag_raw: str = ""
    how_we_know: str = ""
    outcome: str = ""  # the title of the outcome it sits under, "" for none
    updates: list[UpdateData] = field(default_factory=list)
    measures: list[MeasureData] = field(default_factory=list)


@dataclass(frozen=True)
class NarrativeData:
    """A priority's story for one reporting period, under the board pack's four headings.
    The one shape of a narrative: read from a workbook, stored, edited in the window and
    printed in the pack alike, since each carries the same five facts.
    """

    period_label: str = ""
    done: str = ""
    analysis: str = ""
    impact: str = ""
    next_steps: str = ""
    # The version of the stored narrative these words were read from (None: a new period, or
    # the user's own undo); a save refuses words read before a colleague's. Not compared.
    version: int | None = field(default=None, compare=False)

    @property
    def parts(self) -> list[tuple[str, str]]:
        """The four headings with their words, leaving out empty ones."""
        named = [
            ("What has been done", self.done),
            ("Analysis of progress", self.analysis),
            ("Impact of work", self.impact),
            ("Next steps", self.next_steps),
        ]
        return [(title, text) for title, text in named if text.strip()]


@dataclass
class PriorityData:
    """A priority with its outcomes (titles, in order), actions, measures and narratives."""

    title: str
    number: str = ""
    aim: str = ""
    champion: str = ""
    outcomes: list[str] = field(default_factory=list)
    actions: list[ActionData] = field(default_factory=list)
    measures: list[MeasureData] = field(default_factory=list)
    narratives: list[NarrativeData] = field(default_factory=list)


@dataclass
class PlanData:
    """A whole plan. Measures not tied to a priority sit on the plan itself."""

    title: str
    partnership: str = ""
    period_start: date | None = None
    period_end: date | None = None
    period_raw: str = ""
    prepared_by: str = ""
    marking: str = ""  # protective marking, e.g. "OFFICIAL-SENSITIVE"
    priorities: list[PriorityData] = field(default_factory=list)
    measures: list[MeasureData] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        """How many actions the plan holds."""
        return sum(len(p.actions) for p in self.priorities)

    @property
    def measure_count(self) -> int:
        """How many measures the plan holds, wherever they are attached."""
        on_actions = sum(len(a.measures) for p in self.priorities for a in p.actions)
        return len(self.measures) + sum(len(p.measures) for p in self.priorities) + on_actions
