"""Reading a whole stored plan back as PlanData, for export and for round-trip checks."""

from __future__ import annotations

from actionplan.domain.plan_data import PlanData
from actionplan.services.errors import ServiceError
from actionplan.store.database import Database
from actionplan.store.plan_reader import StoredPlan, read_plan

__all__ = ["StoredPlan", "load_plan", "load_plan_data"]


def load_plan(db: Database, plan_id: int) -> StoredPlan:
    """The stored plan, whole, with its actions' ids in plan order."""
    stored = read_plan(db, plan_id)
    if stored is None:
        raise ServiceError("That plan no longer exists.")
    return stored


def load_plan_data(db: Database, plan_id: int) -> PlanData:
    """The stored plan, whole: priorities, outcomes, actions with leads and history, measures."""
    return load_plan(db, plan_id).data
