"""What the board pack reads about a plan beyond its action rows: narratives, outcomes,
the reasons given with updates, measures with their readings, and each action's RAG history.

Like every store module, its public function takes the Database and opens its own
session: one read, so every fact comes from the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from actionplan.domain.plan_data import ComparatorData, MeasureData, NarrativeData, ReadingData
from actionplan.store.database import Database
from actionplan.store.plan_reader import measure_data
from actionplan.store.queries import (
    DatedRag,
    PriorityInfo,
    comparators_of,
    measure_count,
    priority_infos,
    rag_history,
)
from actionplan.store.tables import (
    Action,
    Measure,
    MeasureReading,
    Narrative,
    Outcome,
    Priority,
    ProgressUpdate,
)


@dataclass(frozen=True)
class OwnedMeasure:
    """A measure with the priority it belongs to, through its action when it is an action's;
    None for the whole plan's."""

    priority_id: int | None
    measure: MeasureData


@dataclass(frozen=True)
class PackFacts:
    """A plan's facts for the board pack, each in the order the pack shows them."""

    priorities: list[PriorityInfo]
    narratives: dict[int, list[NarrativeData]]  # by priority, in the order written
    outcomes: dict[int, list[str]]  # by priority, those with no actions yet included
    reasons: list[tuple[int, date | None, str]]  # (action, update day, reason), oldest first
    measures: list[OwnedMeasure]
    measures_in_plan: int
    rag_history: dict[int, list[DatedRag]]  # by action, oldest first


def pack_facts(db: Database, plan_id: int) -> PackFacts:
    """Everything the pack reads about the plan besides its action rows."""
    with db.reading() as session:
        return PackFacts(
            priorities=priority_infos(session, plan_id),
            narratives=_narratives(session, plan_id),
            outcomes=_outcome_titles(session, plan_id),
            reasons=_reasons(session, plan_id),
            measures=_measures(session, plan_id),
            measures_in_plan=measure_count(session, plan_id),
            rag_history=rag_history(session, plan_id),
        )


def _narratives(session: Session, plan_id: int) -> dict[int, list[NarrativeData]]:
    query = (
        select(Narrative)
        .join(Priority, col(Priority.id) == Narrative.priority_id)
        .where(Priority.plan_id == plan_id)
        .order_by(col(Narrative.id))
    )
    found: dict[int, list[NarrativeData]] = {}
    for n in session.exec(query):
        story = NarrativeData(n.period_label, n.done, n.analysis, n.impact, n.next_steps)
        found.setdefault(n.priority_id, []).append(story)
    return found


def _outcome_titles(session: Session, plan_id: int) -> dict[int, list[str]]:
    query = (
        select(Outcome.priority_id, Outcome.title)
        .join(Priority, col(Priority.id) == Outcome.priority_id)
        .where(Priority.plan_id == plan_id)
        .order_by(col(Outcome.position), col(Outcome.id))
    )
    found: dict[int, list[str]] = {}
    for priority_id, title in session.exec(query):
        found.setdefault(priority_id, []).append(title)
    return found


def _reasons(session: Session, plan_id: int) -> list[tuple[int, date | None, str]]:
    query = (
        select(ProgressUpdate.action_id, col(ProgressUpdate.update_date), ProgressUpdate.reason)
        .join(Action, col(Action.id) == ProgressUpdate.action_id)
        .where(Action.plan_id == plan_id)
        .order_by(col(ProgressUpdate.update_date), col(ProgressUpdate.id))
    )
    return [(action_id, day, reason) for action_id, day, reason in session.exec(query)]


def _measures(session: Session, plan_id: int) -> list[OwnedMeasure]:
    """The plan's measures in their order, with their readings and comparators."""
    owners = dict(
        session.exec(select(Action.id, Action.priority_id).where(Action.plan_id == plan_id)).all()
    )
    readings = _readings(session, plan_id)
    compared: dict[int, list[ComparatorData]] = {}
    for c in comparators_of(session, plan_id):
        compared.setdefault(c.measure_id, []).append(
            ComparatorData(c.name, c.period_label, c.value, c.value_raw)
        )
    query = select(Measure).where(Measure.plan_id == plan_id)
    return [
        OwnedMeasure(
            m.priority_id or owners.get(m.action_id or -1),
            measure_data(m, readings.get(m.id or -1, []), compared.get(m.id or -1, [])),
        )
        for m in session.exec(query.order_by(col(Measure.position), col(Measure.id)))
    ]


def _readings(session: Session, plan_id: int) -> dict[int, list[ReadingData]]:
    query = (
        select(MeasureReading)
        .join(Measure, col(Measure.id) == MeasureReading.measure_id)
        .where(Measure.plan_id == plan_id)
        .order_by(col(MeasureReading.position), col(MeasureReading.id))
    )
    found: dict[int, list[ReadingData]] = {}
    for r in session.exec(query):
        reading = ReadingData(r.period_label, r.value, r.value_raw, r.period_end, r.note)
        found.setdefault(r.measure_id, []).append(reading)
    return found
