"""Which plan a command means: the one named, else the one added last."""

from __future__ import annotations

from actionplan.services.errors import ServiceError
from actionplan.services.plans import find_plan
from actionplan.services.views import PlanInfo
from actionplan.store.database import Database


def chosen_plan(db: Database, name: str | None) -> PlanInfo:
    """The plan called ``name`` (or the one added last); raises when there is none to use."""
    plan = find_plan(db, name)
    if plan is None:
        raise ServiceError(
            "The database holds no plan yet: import a workbook or load the sample plans."
        )
    return plan
