"""Finding, listing, creating and deleting plans, and changing their settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlmodel import Session

from actionplan.domain.timescale import format_due
from actionplan.services.editing import delete_row
from actionplan.services.errors import ServiceError
from actionplan.services.views import PlanInfo, PlanSettings
from actionplan.store.database import Database
from actionplan.store.queries import plans_newest_first
from actionplan.store.removal import Removed
from actionplan.store.tables import Plan


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
    marking: str = "",
) -> PlanInfo:
    """Start a new, empty plan."""
    settings = PlanSettings(title, partnership, period_start, period_end, prepared_by, marking)
    return create_plan_with(db, settings)


def create_plan_with(db: Database, settings: PlanSettings) -> PlanInfo:
    """Start a new, empty plan with these settings; refused with one sentence when invalid."""
    with db.writing() as session:
        settings = _checked(session, settings)
        plan = Plan(title=settings.title)
        _apply(plan, settings)
        session.add(plan)
        session.flush()
        return PlanInfo.of(plan)


def plan_settings(db: Database, plan_id: int) -> PlanSettings:
    """The plan's title, partnership, period, author and protective marking."""
    with db.reading() as session:
        return _settings_of(_stored(session, plan_id))


def change_plan_settings(db: Database, plan_id: int, settings: PlanSettings) -> PlanSettings:
    """Save the plan's settings together; returns the ones it had (for undo)."""
    with db.writing() as session:
        plan = _stored(session, plan_id)
        settings = _checked(session, settings, plan_id)
        old = _settings_of(plan)
        _apply(plan, settings)
        session.add(plan)
        return old


def rename_plan(db: Database, plan_id: int, title: str) -> str:
    """Give a plan a new title; returns the title it had."""
    settings = replace(plan_settings(db, plan_id), title=title)
    return change_plan_settings(db, plan_id, settings).title


def _stored(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise ServiceError("The plan no longer exists (it may have been deleted).")
    return plan


def _checked(session: Session, settings: PlanSettings, plan_id: int | None = None) -> PlanSettings:
    """The settings with spaces trimmed, or a ServiceError saying what is wrong."""
    tidy = replace(
        settings,
        title=settings.title.strip(),
        partnership=settings.partnership.strip(),
        prepared_by=settings.prepared_by.strip(),
        marking=settings.marking.strip(),
    )
    if not tidy.title:
        raise ServiceError("A plan needs a title.")
    start, end = tidy.period_start, tidy.period_end
    if start and end and end < start:
        raise ServiceError(
            f"The plan's period ends before it starts: it ends on {format_due(end)} "
            f"but starts on {format_due(start)}."
        )
    wanted = tidy.title.casefold()
    if any(p.title.casefold() == wanted and p.id != plan_id for p in plans_newest_first(session)):
        raise ServiceError(
            f'Another plan is already called "{tidy.title}": give this one a different title.'
        )
    return tidy


def _settings_of(plan: Plan) -> PlanSettings:
    return PlanSettings(
        plan.title,
        plan.partnership,
        plan.period_start,
        plan.period_end,
        plan.prepared_by,
        plan.marking,
        plan.period_raw,
    )


def _apply(plan: Plan, settings: PlanSettings) -> None:
    plan.title, plan.partnership = settings.title, settings.partnership
    plan.period_start, plan.period_end = settings.period_start, settings.period_end
    plan.prepared_by, plan.marking = settings.prepared_by, settings.marking
    plan.period_raw = settings.period_raw


def delete_plan(db: Database, plan_id: int) -> Removed:
    """Delete a plan with everything in it; ``editing.restore`` puts it all back."""
    return delete_row(db, Plan, plan_id, "plan")
