"""Finding, listing, creating, renaming and deleting plans."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from actionplan.domain.models import Plan
from actionplan.services.editing import delete_row
from actionplan.services.errors import ServiceError
from actionplan.services.views import PlanInfo
from actionplan.store.database import Database
from actionplan.store.queries import plans_newest_first
from actionplan.store.removal import Removed


def list_plans(db: Database) -> list[PlanInfo]:
    """Every plan in the database, the one added last first."""
    with db.reading() as session:
        return [PlanInfo.of(plan) for plan in plans_newest_first(session)]


def find_plan(db: Database, name: str | None = None) -> PlanInfo | None:
    """The plan called ``name`` (or the one added last); None when the database has none.

    A name matches a whole title ignoring case, else a unique part of one.
    """
    with db.reading() as session:
        plan = resolve_plan(session, name, required=False)
        return PlanInfo.of(plan) if plan else None


def resolve_plan(session: Session, name: str | None, *, required: bool = True) -> Plan | None:
    """The stored plan for ``name`` inside a session; raises when a named plan is missing."""
    plans = plans_newest_first(session)
    if not name:
        if not plans and required:
            raise ServiceError(
                "The database holds no plan yet: import a workbook or load the sample plans."
            )
        return plans[0] if plans else None
    wanted = name.strip().casefold()
    exact = [p for p in plans if p.title.casefold() == wanted]
    partial = [p for p in plans if wanted in p.title.casefold()]
    if exact or len(partial) == 1:
        return (exact or partial)[0]
    titles = "; ".join(p.title for p in plans) or "none"
    what = "matches more than one plan" if partial else "matches no plan"
    raise ServiceError(f"'{name}' {what}; the plans are: {titles}.")


def create_plan(
    db: Database,
    title: str,
    partnership: str = "",
    period_start: date | None = None,
    period_end: date | None = None,
    prepared_by: str = "",
) -> PlanInfo:
    """Start a new, empty plan."""
    title = title.strip()
    if not title:
        raise ServiceError("A plan needs a title.")
    if period_start and period_end and period_end < period_start:
        raise ServiceError("The plan's period ends before it starts.")
    plan = Plan(
        title=title,
        partnership=partnership.strip(),
        period_start=period_start,
        period_end=period_end,
        prepared_by=prepared_by.strip(),
    )
    with db.writing() as session:
        session.add(plan)
        session.flush()
        return PlanInfo.of(plan)


def rename_plan(db: Database, plan_id: int, title: str) -> str:
    """Give a plan a new title; returns the title it had."""
    title = title.strip()
    if not title:
        raise ServiceError("A plan needs a title.")
    with db.writing() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise ServiceError("The plan no longer exists (it may have been deleted).")
        old, plan.title = plan.title, title
        session.add(plan)
        return old


def delete_plan(db: Database, plan_id: int) -> Removed:
    """Delete a plan with everything in it; ``editing.restore`` puts it all back."""
    return delete_row(db, Plan, plan_id, "plan")
