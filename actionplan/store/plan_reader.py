"""Reading a whole stored plan back as PlanData with its actions' ids, for export and checks.

Like every store module, its public function takes the Database and opens its own
session: here one read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from actionplan.domain.plan_data import (
    ActionData,
    ComparatorData,
    LeadData,
    MeasureData,
    NarrativeData,
    PlanData,
    PriorityData,
    ReadingData,
    UpdateData,
)
from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.status import status_from_word
from actionplan.domain.update_dates import precision_from_word
from actionplan.store.database import Database
from actionplan.store.queries import comparators_of
from actionplan.store.tables import (
    Action,
    ActionLead,
    Lead,
    Measure,
    MeasureComparator,
    MeasureReading,
    Narrative,
    Outcome,
    Plan,
    Priority,
    ProgressUpdate,
)


@dataclass(frozen=True)
class StoredPlan:
    """A stored plan, whole, with each action's id in plan order (priority by priority)."""

    plan_id: int
    data: PlanData
    action_ids: list[int]


def read_plan(db: Database, plan_id: int) -> StoredPlan | None:
    """The stored plan, whole: priorities, outcomes, actions with leads and history, measures;
    None when there is no such plan."""
    with db.reading() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            return None
        loader = _Loader(session, plan_id)
        data = loader.plan(plan)
        return StoredPlan(plan_id, data, loader.action_ids)


def _written_order(leads: list[LeadData], lead_raw: str) -> list[LeadData]:
    """Leads in the order the lead cell names them (the link table keeps no order)."""
    words = lead_raw.casefold()
    return sorted(leads, key=lambda lead: words.find(lead.name.casefold()) % (len(words) + 1))


class _Loader:
    """Reads each table of one plan once and assembles the PlanData."""

    def __init__(self, session: Session, plan_id: int) -> None:
        self.session = session
        self.plan_id = plan_id
        self.measures = self._measures()
        self.action_ids: list[int] = []

    def _all(self, query: Any) -> list[Any]:
        # Plain rows through the connection, not ORM objects: a 24,000-action plan loads in a
        # fraction of the time, and the rows answer to the same attribute names.
        return list(self.session.connection().execute(query))

    def plan(self, plan: Plan) -> PlanData:
        priorities = self._all(
            select(Priority)
            .where(Priority.plan_id == self.plan_id)
            .order_by(col(Priority.position), col(Priority.id))
        )
        return PlanData(
            title=plan.title,
            partnership=plan.partnership,
            period_start=plan.period_start,
            period_end=plan.period_end,
            period_raw=plan.period_raw,
            prepared_by=plan.prepared_by,
            marking=plan.marking,
            priorities=self._priorities(priorities),
            measures=self.measures.get(("plan", None), []),
        )

    def _priorities(self, priorities: list[Priority]) -> list[PriorityData]:
        outcomes = self._outcomes()
        actions, ids = self._actions(outcomes)
        narratives = self._narratives()
        self.action_ids = [i for p in priorities for i in ids.get(p.id or 0, [])]
        return [
            PriorityData(
                title=p.title,
                number=p.number,
                aim=p.aim,
                champion=p.champion,
                outcomes=[title for _id, title in outcomes.get(p.id, [])],
                actions=actions.get(p.id or 0, []),
                measures=self.measures.get(("priority", p.id), []),
                narratives=narratives.get(p.id or 0, []),
            )
            for p in priorities
        ]

    def _outcomes(self) -> dict[int | None, list[tuple[int, str]]]:
        query = (
            select(Outcome)
            .join(Priority, col(Priority.id) == Outcome.priority_id)
            .where(Priority.plan_id == self.plan_id)
            .order_by(col(Outcome.position), col(Outcome.id))
        )
        grouped: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
        for outcome in self._all(query):
            grouped[outcome.priority_id].append((outcome.id, outcome.title))
        return grouped

    def _actions(
        self, outcomes: dict[int | None, list[tuple[int, str]]]
    ) -> tuple[dict[int, list[ActionData]], dict[int, list[int]]]:
        """Each priority's actions in their order, and their ids in the same order."""
        titles = {oid: title for pairs in outcomes.values() for oid, title in pairs}
        leads = self._leads()
        updates = self._updates()
        query = (
            select(Action)
            .where(Action.plan_id == self.plan_id)
            .order_by(col(Action.position), col(Action.id))
        )
        grouped: dict[int, list[ActionData]] = defaultdict(list)
        ids: dict[int, list[int]] = defaultdict(list)
        for action in self._all(query):
            ids[action.priority_id].append(action.id)
            grouped[action.priority_id].append(
                ActionData(
                    text=action.text,
                    ref=action.ref,
                    leads=_written_order(leads.get(action.id, []), action.lead_raw),
                    lead_raw=action.lead_raw,
                    timescale_raw=action.timescale_raw,
                    status=status_from_word(action.status),
                    status_raw=action.status_raw,
                    rag=rag_from_word(action.rag),
                    rag_raw=action.rag_raw,
                    how_we_know=action.how_we_know,
                    outcome=titles.get(action.outcome_id, "") if action.outcome_id else "",
                    updates=updates.get(action.id, []),
                    measures=self.measures.get(("action", action.id), []),
                )
            )
        return grouped, ids

    def _leads(self) -> dict[int, list[LeadData]]:
        query = (
            select(ActionLead.action_id, Lead.name, Lead.agency, Lead.email)
            .join(Lead, col(Lead.id) == ActionLead.lead_id)
            .where(Lead.plan_id == self.plan_id)
            .order_by(col(ActionLead.action_id), col(Lead.id))
        )
        grouped: dict[int, list[LeadData]] = defaultdict(list)
        for action_id, name, agency, email in self._all(query):
            grouped[action_id].append(LeadData(name, agency, email))
        return grouped

    def _updates(self) -> dict[int, list[UpdateData]]:
        query = (
            select(ProgressUpdate)
            .join(Action, col(Action.id) == ProgressUpdate.action_id)
            .where(Action.plan_id == self.plan_id)
            .order_by(col(ProgressUpdate.update_date).nulls_first(), col(ProgressUpdate.id))
        )
        grouped: dict[int, list[UpdateData]] = defaultdict(list)
        for u in self._all(query):
            grouped[u.action_id].append(
                UpdateData(
                    update_date=u.update_date,
                    text=u.text,
                    author=u.author,
                    rag=rag_from_word(u.rag),
                    status=status_from_word(u.status),
                    suggested_rag=Rag(u.suggested_rag) if u.suggested_rag else None,
                    reason=u.reason,
                    precision=precision_from_word(u.date_precision),
                )
            )
        return grouped

    def _narratives(self) -> dict[int, list[NarrativeData]]:
        query = (
            select(Narrative)
            .join(Priority, col(Priority.id) == Narrative.priority_id)
            .where(Priority.plan_id == self.plan_id)
            .order_by(col(Narrative.id))
        )
        grouped: dict[int, list[NarrativeData]] = defaultdict(list)
        for n in self._all(query):
            grouped[n.priority_id].append(
                NarrativeData(n.period_label, n.done, n.analysis, n.impact, n.next_steps)
            )
        return grouped

    def _measures(self) -> dict[tuple[str, int | None], list[MeasureData]]:
        readings = self._readings()
        comparators = self._comparators()
        query = (
            select(Measure)
            .where(Measure.plan_id == self.plan_id)
            .order_by(col(Measure.position), col(Measure.id))
        )
        grouped: dict[tuple[str, int | None], list[MeasureData]] = defaultdict(list)
        for m in self._all(query):
            key = _measure_owner(m)
            grouped[key].append(
                measure_data(m, readings.get(m.id or -1, []), comparators.get(m.id or -1, []))
            )
        return grouped

    def _readings(self) -> dict[int, list[ReadingData]]:
        query = (
            select(MeasureReading)
            .join(Measure, col(Measure.id) == MeasureReading.measure_id)
            .where(Measure.plan_id == self.plan_id)
            .order_by(col(MeasureReading.position), col(MeasureReading.id))
        )
        grouped: dict[int, list[ReadingData]] = defaultdict(list)
        for r in self._all(query):
            grouped[r.measure_id].append(
                ReadingData(r.period_label, r.value, r.value_raw, r.period_end, r.note)
            )
        return grouped

    def _comparators(self) -> dict[int, list[ComparatorData]]:
        grouped: dict[int, list[ComparatorData]] = defaultdict(list)
        for c in comparators_of(self.session, self.plan_id):
            grouped[c.measure_id].append(_comparator_data(c))
        return grouped


def _comparator_data(c: MeasureComparator) -> ComparatorData:
    return ComparatorData(c.name, c.period_label, c.value, c.value_raw)


def _measure_owner(measure: Measure) -> tuple[str, int | None]:
    if measure.action_id is not None:
        return ("action", measure.action_id)
    if measure.priority_id is not None:
        return ("priority", measure.priority_id)
    return ("plan", None)


def measure_data(
    m: Measure, readings: list[ReadingData], comparators: list[ComparatorData]
) -> MeasureData:
    """A stored measure as the plan's value, with its readings and comparators."""
    return MeasureData(
        name=m.name,
        unit=m.unit,
        direction=m.direction,
        direction_raw=m.direction_raw,
        baseline=m.baseline,
        baseline_raw=m.baseline_raw,
        target=m.target,
        target_raw=m.target_raw,
        readings=readings,
        comparators=comparators,
    )
