"""Next year's plan from this one, written in one transaction: priorities, outcomes and leads
copied, the chosen unfinished actions carried with a link back, measures with last year's
latest reading as their baseline; the old plan closed. Undone in one transaction too.

Every function takes the Database handle and opens its own session.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from actionplan.domain.plan_years import NextPlan, RolledForward
from actionplan.domain.rag import Rag
from actionplan.domain.rules import is_complete
from actionplan.domain.status import Status
from actionplan.store.closed_plans import PlanClosed, closed_sentence, closures
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.plans import TitleTaken, refuse_taken
from actionplan.store.removal import Removed, put_back, take_out
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
)
from actionplan.store.versions import USER_KEY
from actionplan.store.year_tables import CarriedAction, PlanClosure

__all__ = ["TitleTaken", "roll_forward", "take_back", "unfinished", "unfinished_actions"]

_CLOSURES = PlanClosure.__table__  # type: ignore[attr-defined]


def unfinished(action: Action) -> bool:
    """Still to do: neither complete (by status or Blue) nor cancelled."""
    status, rag = Status(action.status), Rag(action.rag)
    return not (status.is_closed or is_complete(status, rag))


def unfinished_actions(session: Session, plan_id: int) -> list[Action]:
    """The plan's actions still to do, in the plan's order."""
    query = (
        select(Action)
        .join(Priority, col(Priority.id) == Action.priority_id)
        .where(col(Action.plan_id) == plan_id)
        .order_by(col(Priority.position), col(Priority.id), col(Action.position), col(Action.id))
    )
    return [action for action in session.scalars(query) if unfinished(action)]


def roll_forward(db: Database, plan_id: int, chosen: NextPlan) -> RolledForward:
    """Start next year's plan from this one and close this one; all or nothing. Raises
    TitleTaken for a title in use and PlanClosed for a plan already closed."""
    with db.writing() as session:
        old = fetch(session, Plan, plan_id, "plan", locked=True)
        closed = closures(session.connection())
        if plan_id in closed:
            raise PlanClosed(closed_sentence(session.connection(), closed[plan_id]))
        refuse_taken(session, chosen.title, None)
        copy = _Copy(session, old, chosen)
        counts = copy.run()
        session.add(
            PlanClosure(
                plan_id=plan_id,
                closed_by=str(session.info.get(USER_KEY, "")),
                rolled_to_plan_id=copy.new_id,
                rolled_to_title=chosen.title,
            )
        )
        return counts


def take_back(db: Database, new_plan_id: int) -> tuple[Removed, list[dict[str, Any]]]:
    """Undo a roll-forward: delete the new plan and reopen the one it came from. Returns
    what went, for ``give_back``."""
    with db.writing() as session:
        connection = session.connection()
        query = sa_select(_CLOSURES).where(_CLOSURES.c.rolled_to_plan_id == new_plan_id)
        closed = [dict(row) for row in connection.execute(query).mappings()]
        connection.execute(delete(_CLOSURES).where(_CLOSURES.c.rolled_to_plan_id == new_plan_id))
        return take_out(session, "plan", new_plan_id), closed


def give_back(db: Database, removed: Removed, closed: list[dict[str, Any]]) -> None:
    """Redo a roll-forward undone: the new plan back with its ids, the old one closed."""
    with db.writing() as session:
        put_back(session, removed)
        if closed:
            session.connection().execute(insert(_CLOSURES), closed)


class _Copy:
    """One roll-forward's copying, remembering each old id's new one."""

    def __init__(self, session: Session, old: Plan, chosen: NextPlan) -> None:
        self.session, self.old, self.chosen = session, old, chosen
        self.new_id = 0
        self.ids: dict[str, dict[int, int]] = {}

    def run(self) -> RolledForward:
        self.new_id = self._add(Plan, [self._plan()])[0]
        assert self.old.id is not None
        leads = self._rows(Lead, col(Lead.plan_id) == self.old.id)
        self._keep("lead", leads, self._add(Lead, [_lead(row, self.new_id) for row in leads]))
        priorities = self._rows(Priority, col(Priority.plan_id) == self.old.id)
        new = self._add(Priority, [_priority(row, self.new_id) for row in priorities])
        self._keep("priority", priorities, new)
        outcomes = self._rows(Outcome, col(Outcome.priority_id).in_(self.ids["priority"]))
        new = self._add(Outcome, [self._outcome(row) for row in outcomes])
        self._keep("outcome", outcomes, new)
        waiting = unfinished_actions(self.session, self.old.id)
        carried = [row for row in waiting if row.id not in self.chosen.leave]
        self._keep("action", carried, self._add(Action, [self._action(row) for row in carried]))
        self._links(carried)
        measures = self._measures()
        narratives = self._narratives() if self.chosen.narratives else 0
        return RolledForward(
            self.new_id,
            self.chosen.title,
            len(priorities),
            len(outcomes),
            len(leads),
            len(carried),
            len(waiting) - len(carried),
            measures,
            narratives,
        )

    def _rows(self, table: Any, where: Any) -> list[Any]:
        return list(self.session.scalars(select(table).where(where).order_by(table.id)))

    def _add(self, table: Any, rows: list[Any]) -> list[int]:
        made = [table(**values) for values in rows]
        self.session.add_all(made)
        self.session.flush()
        return [int(row.id) for row in made]

    def _keep(self, name: str, old: list[Any], new: list[int]) -> None:
        self.ids[name] = {row.id: made for row, made in zip(old, new, strict=True)}

    def _plan(self) -> dict[str, Any]:
        old, chosen = self.old, self.chosen
        return {
            "title": chosen.title,
            "partnership": old.partnership,
            "period_start": chosen.period_start,
            "period_end": chosen.period_end,
            "period_raw": chosen.period_raw,
            "prepared_by": old.prepared_by,
            "marking": old.marking,
        }

    def _outcome(self, row: Outcome) -> dict[str, Any]:
        priority = self.ids["priority"][row.priority_id]
        return {"priority_id": priority, "title": row.title, "position": row.position}

    def _action(self, row: Action) -> dict[str, Any]:
        outcome = self.ids["outcome"].get(row.outcome_id) if row.outcome_id else None
        return {
            **{name: getattr(row, name) for name in _ACTION_FIELDS},
            "plan_id": self.new_id,
            "priority_id": self.ids["priority"][row.priority_id],
            "outcome_id": outcome,
        }

    def _links(self, carried: list[Action]) -> None:
        actions, leads = self.ids["action"], self.ids["lead"]
        query = select(ActionLead).where(col(ActionLead.action_id).in_(actions))
        links = [
            ActionLead(action_id=actions[link.action_id], lead_id=leads[link.lead_id])
            for link in self.session.scalars(query)
        ]
        self.session.add_all(links)
        for row in carried:
            assert row.id is not None
            self.session.add(
                CarriedAction(
                    action_id=actions[row.id],
                    from_action_id=row.id,
                    from_plan_id=self.old.id,
                    from_plan_title=self.old.title,
                    from_ref=row.ref,
                )
            )

    def _measures(self) -> int:
        measures = self._rows(Measure, col(Measure.plan_id) == self.old.id)
        new = self._add(Measure, [self._measure(row) for row in measures])
        comparators = self._rows(
            MeasureComparator, col(MeasureComparator.measure_id).in_([m.id for m in measures])
        )
        self._keep("measure", measures, new)
        self.session.add_all(
            MeasureComparator(
                measure_id=self.ids["measure"][row.measure_id],
                name=row.name,
                period_label=row.period_label,
                value=row.value,
                value_raw=row.value_raw,
                position=row.position,
            )
            for row in comparators
        )
        return len(measures)

    def _measure(self, row: Measure) -> dict[str, Any]:
        values = {name: getattr(row, name) for name in _MEASURE_FIELDS}
        latest = _latest_reading(self.session, row.id)
        if latest is not None:
            values["baseline"], values["baseline_raw"] = latest.value, latest.value_raw
        return {
            **values,
            "plan_id": self.new_id,
            "priority_id": self.ids["priority"].get(row.priority_id or 0),
            "outcome_id": self.ids["outcome"].get(row.outcome_id or 0),
            "action_id": self.ids["action"].get(row.action_id or 0),
        }

    def _narratives(self) -> int:
        rows = self._rows(Narrative, col(Narrative.priority_id).in_(self.ids["priority"]))
        fields = ("period_label", "done", "analysis", "impact", "next_steps")
        made = [
            {"priority_id": self.ids["priority"][row.priority_id]}
            | {name: getattr(row, name) for name in fields}
            for row in rows
        ]
        return len(self._add(Narrative, made))


_ACTION_FIELDS = (
    "ref",
    "text",
    "timescale_raw",
    "timescale_kind",
    "start_date",
    "due_date",
    "status",
    "status_raw",
    "rag",
    "rag_raw",
    "how_we_know",
    "lead_raw",
    "position",
)
_MEASURE_FIELDS = (
    "name",
    "unit",
    "direction",
    "direction_raw",
    "baseline",
    "baseline_raw",
    "target",
    "target_raw",
    "position",
)


def _lead(row: Lead, plan_id: int) -> dict[str, Any]:
    return {"plan_id": plan_id, "name": row.name, "agency": row.agency}


def _priority(row: Priority, plan_id: int) -> dict[str, Any]:
    fields = ("number", "title", "aim", "champion", "position")
    return {"plan_id": plan_id} | {name: getattr(row, name) for name in fields}


def _latest_reading(session: Session, measure_id: int | None) -> MeasureReading | None:
    """The measure's last reading with a figure: the latest period, else the last written."""
    query = select(MeasureReading).where(col(MeasureReading.measure_id) == measure_id)
    readings = [r for r in session.scalars(query) if r.value is not None or r.value_raw.strip()]
    if not readings:
        return None
    return max(readings, key=lambda r: (r.period_end or date.min, r.position, r.id or 0))
