"""Reading, adding and changing plans: their titles, partnership, period and marking.

Every function takes the Database handle and opens its own session; each write is one
transaction. A plan that is not there raises ``missing.Gone("plan")``.
"""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from actionplan.domain.plan_values import PlanInfo, PlanSettings
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.queries import plans_newest_first
from actionplan.store.tables import Plan
from actionplan.store.versions import check_seen, flush_checked


class TitleTaken(ValueError):
    """Another plan already has that title (ignoring case)."""


def plans_newest(db: Database) -> list[PlanInfo]:
    """Every plan in the database, the one added last first."""
    with db.reading() as session:
        return [PlanInfo.of(plan) for plan in plans_newest_first(session)]


def stored_settings(db: Database, plan_id: int) -> PlanSettings:
    """The plan's settings as they are stored."""
    with db.reading() as session:
        return _settings_of(fetch(session, Plan, plan_id, "plan"))


def add_plan(db: Database, settings: PlanSettings) -> PlanInfo:
    """Write a new, empty plan with these settings; raises TitleTaken for a title in use."""
    with db.writing() as session:
        refuse_taken(session, settings.title, None)
        plan = Plan(title=settings.title)
        _apply(plan, settings)
        session.add(plan)
        session.flush()
        return PlanInfo.of(plan)


def change_plan(db: Database, plan_id: int, settings: PlanSettings) -> PlanSettings:
    """Store the plan's settings together; returns the ones it had, without a version (to be
    put back as the plan then stands, as undo does). Raises TitleTaken for a
    title another plan has, and Conflict when the settings were read at another version
    than the stored one."""
    with db.writing() as session:
        plan = fetch(session, Plan, plan_id, "plan")
        check_seen(session, plan, settings.version)
        refuse_taken(session, settings.title, plan_id)
        old = replace(_settings_of(plan), version=None)
        _apply(plan, settings)
        session.add(plan)
        flush_checked(session, plan, settings.version)
        return old


def refuse_taken(session: Session, title: str, plan_id: int | None) -> None:
    """Raise TitleTaken when a plan other than ``plan_id`` has the title (ignoring case)."""
    wanted = title.casefold()
    if any(p.title.casefold() == wanted and p.id != plan_id for p in plans_newest_first(session)):
        raise TitleTaken(title)


def _settings_of(plan: Plan) -> PlanSettings:
    return PlanSettings(
        plan.title,
        plan.partnership,
        plan.period_start,
        plan.period_end,
        plan.prepared_by,
        plan.marking,
        plan.period_raw,
        version=plan.version,
    )


def _apply(plan: Plan, settings: PlanSettings) -> None:
    plan.title, plan.partnership = settings.title, settings.partnership
    plan.period_start, plan.period_end = settings.period_start, settings.period_end
    plan.prepared_by, plan.marking = settings.prepared_by, settings.marking
    plan.period_raw = settings.period_raw
