"""The shape of a plan as stored: its priorities in order, their outcomes, action counts.

Every function takes the Database handle and opens its own session.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import col, select

from actionplan.domain.plan_values import OutcomeNode, PriorityNode
from actionplan.store.database import Database
from actionplan.store.queries import priorities_of
from actionplan.store.tables import Action, Outcome, Priority


def plan_outline(db: Database, plan_id: int) -> list[PriorityNode]:
    """The plan's priorities in order, each with its outcomes and action counts."""
    with db.reading() as session:
        priorities = priorities_of(session, plan_id)
        counts = dict(
            session.exec(
                select(Action.priority_id, func.count(col(Action.id)))
                .where(Action.plan_id == plan_id)
                .group_by(col(Action.priority_id))
            ).all()
        )
        by_outcome = dict(
            session.exec(
                select(Action.outcome_id, func.count(col(Action.id)))
                .where(Action.plan_id == plan_id)
                .group_by(col(Action.outcome_id))
            ).all()
        )
        outcomes = session.exec(
            select(Outcome)
            .join(Priority, col(Priority.id) == Outcome.priority_id)
            .where(Priority.plan_id == plan_id)
            .order_by(col(Outcome.position), col(Outcome.id))
        ).all()
    return [_node(p, counts, by_outcome, outcomes) for p in priorities]


def _node(
    priority: Priority,
    counts: dict[int, int],
    by_outcome: dict[int | None, int],
    outcomes: Sequence[Outcome],
) -> PriorityNode:
    assert priority.id is not None
    children = tuple(
        OutcomeNode(o.id, o.title, by_outcome.get(o.id, 0))
        for o in outcomes
        if o.priority_id == priority.id and o.id is not None
    )
    return PriorityNode(
        priority.id,
        priority.number,
        priority.title,
        priority.aim,
        priority.champion,
        counts.get(priority.id, 0),
        children,
    )
