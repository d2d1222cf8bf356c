"""The shape of a plan for navigation: its priorities and their outcomes, with action counts."""

from __future__ import annotations

from actionplan.services.views import OutcomeNode, PriorityNode
from actionplan.store import outline
from actionplan.store.database import Database

__all__ = ["OutcomeNode", "PriorityNode", "plan_outline"]


def plan_outline(db: Database, plan_id: int) -> list[PriorityNode]:
    """The plan's priorities in order, each with its outcomes and action counts."""
    return outline.plan_outline(db, plan_id)
