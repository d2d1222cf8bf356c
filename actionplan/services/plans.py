"""Finding, listing, creating and deleting plans, and changing their settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import partial

from actionplan.domain.timescale import format_due
from actionplan.services.conflicts import keeping_draft
from actionplan.services.errors import ServiceError
from actionplan.services.row_sentences import in_sentences
from actionplan.services.views import PlanInfo, PlanSettings
from actionplan.store import plans as stored
from actionplan.store.database import Database
from actionplan.store.deletes import delete_row
from actionplan.store.removal import Removed

__all__ = [
    "PlanInfo",
    "change_plan_settings",
    "chosen_plan",
    "create_plan",
    "create_plan_with",
    "delete_plan",
    "find_plan",
    "list_plans",
    "plan_settings",
    "rename_plan",
]


def list_plans(db: Database) -> list[PlanInfo]:
    """Every plan in the database, the one added last first."""
    return stored.plans_newest(db)


def find_plan(db: Database, name: str | None = None) -> PlanInfo | None:
    """The plan called ``name`` (or the one added last); None when the database has none.

    A name matches a whole title ignoring case, else a unique part of one.
    """
    return _choose_plan(stored.plans_newest(db), name, required=False)


def chosen_plan(db: Database, name: str | None) -> PlanInfo:
    """The plan called ``name`` (or the one added last); raises when there is none to use."""
    plan = _choose_plan(stored.plans_newest(db), name)
    assert plan is not None  # _choose_plan raises rather than find none
    return plan


def _choose_plan(
    plans: Sequence[PlanInfo], name: str | None, *, required: bool = True
) -> PlanInfo | None:
    """The plan of ``plans`` (newest first) that ``name`` names, or the newest without one.

    A name matches a whole title ignoring case, else a unique part of one; any other
    name is refused with the plans' titles.
    """
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
    settings = _checked(settings)
    try:
        return stored.add_plan(db, settings)
    except stored.TitleTaken:
        raise _taken(settings.title) from None


def plan_settings(db: Database, plan_id: int) -> PlanSettings:
    """The plan's title, partnership, period, author and protective marking."""
    with in_sentences():
        return stored.stored_settings(db, plan_id)


def change_plan_settings(db: Database, plan_id: int, settings: PlanSettings) -> PlanSettings:
    """Save the plan's settings together; returns the ones it had (for undo).

    Settings read at another version than the stored one (a colleague saved first) raise
    EditConflict with their settings beside these; nothing is saved.
    """
    tidy = _checked(settings)
    now = partial(stored.stored_settings, db, plan_id)
    try:
        with in_sentences(), keeping_draft(_plan_named, settings, now):
            return stored.change_plan(db, plan_id, tidy)
    except stored.TitleTaken:
        raise _taken(tidy.title) from None


def _plan_named(settings: PlanSettings) -> str:
    return f"The plan “{settings.title}”"


def rename_plan(db: Database, plan_id: int, title: str) -> str:
    """Give a plan a new title; returns the title it had."""
    settings = replace(plan_settings(db, plan_id), title=title)
    return change_plan_settings(db, plan_id, settings).title


def _checked(settings: PlanSettings) -> PlanSettings:
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
    return tidy


def _taken(title: str) -> ServiceError:
    return ServiceError(
        f'Another plan is already called "{title}": give this one a different title.'
    )


def delete_plan(db: Database, plan_id: int) -> Removed:
    """Delete a plan with everything in it; ``editing.restore`` puts it all back."""
    with in_sentences():
        return delete_row(db, "plan", plan_id, "plan")
