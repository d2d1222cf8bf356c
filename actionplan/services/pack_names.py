"""The partnership's name and who prepared the pack, given with a report and kept with the plan.

They are the same two settings the window's Plan settings dialog shows, so a name given
once on the command line is printed on every later pack, from either.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from actionplan.services.errors import ServiceError
from actionplan.services.plans import change_plan_settings, find_plan, plan_settings
from actionplan.services.views import PlanSettings
from actionplan.store.database import Database

MOST_CHARACTERS = 200  # a name longer than this is a paste gone wrong, not a partnership


@dataclass(frozen=True)
class KeptNames:
    """The plan whose settings were changed and the settings it had before."""

    plan_id: int
    before: PlanSettings


def keep_pack_names(
    db: Database,
    plan_name: str | None,
    partnership: str | None = None,
    prepared_by: str | None = None,
) -> KeptNames | None:
    """Save the partnership and "prepared by" given (None leaves one as it is) with the plan.

    Returns what the plan had, for ``put_back`` when the pack then fails; None when nothing
    was given or there is no plan. A name that cannot be printed is refused in one sentence
    before anything is saved.
    """
    if partnership is not None:
        partnership = checked_name("partnership name", partnership)
    if prepared_by is not None:
        prepared_by = checked_name('"prepared by" name', prepared_by)
    plan = find_plan(db, plan_name) if (partnership, prepared_by) != (None, None) else None
    if plan is None:
        return None
    settings = plan_settings(db, plan.id)
    settings = replace(
        settings,
        partnership=settings.partnership if partnership is None else partnership,
        prepared_by=settings.prepared_by if prepared_by is None else prepared_by,
    )
    return KeptNames(plan.id, change_plan_settings(db, plan.id, settings))


def put_back(db: Database, kept: KeptNames) -> None:
    """Restore the settings the plan had before ``keep_pack_names``."""
    change_plan_settings(db, kept.plan_id, kept.before)


def checked_name(what: str, text: str) -> str:
    """The name without surrounding spaces, or a ServiceError saying why it cannot be kept."""
    if any(unicodedata.category(ch) == "Cs" for ch in text):
        raise ServiceError(f"The {what} holds bytes that are not text: type it again.")
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ServiceError(
            f"The {what} holds a control character (such as a tab or a line break): "
            "type it on one line without them."
        )
    tidy = text.strip()
    if len(tidy) > MOST_CHARACTERS:
        raise ServiceError(
            f"The {what} is {len(tidy):,} characters long: keep it to {MOST_CHARACTERS} or fewer."
        )
    return tidy
