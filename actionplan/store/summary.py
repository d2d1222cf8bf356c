"""What the plan-at-a-glance summary counts beyond its action rows.

Like every store module, its public function takes the Database and opens its own
session: one read.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from actionplan.store.database import Database
from actionplan.store.queries import PriorityInfo, measure_count, priority_infos
from actionplan.store.tables import Outcome, Priority


@dataclass(frozen=True)
class PlanCounts:
    """A plan's priorities in order, and how many outcomes and measures it has."""

    priorities: list[PriorityInfo]
    outcomes: int
    measures: int


def plan_counts(db: Database, plan_id: int) -> PlanCounts:
    """The plan's priorities, and its outcomes and measures counted."""
    outcomes = (
        select(func.count(col(Outcome.id)))
        .join(Priority, col(Priority.id) == Outcome.priority_id)
        .where(Priority.plan_id == plan_id)
    )
    with db.reading() as session:
        return PlanCounts(
            priority_infos(session, plan_id),
            session.exec(outcomes).one(),
            measure_count(session, plan_id),
        )
