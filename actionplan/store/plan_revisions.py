"""Reading the plans' revisions: a window learns that a plan changed when its revision
moves on (its own writes are told apart in own_revisions.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actionplan.store.own_revisions import Revisions, revisions_seen

if TYPE_CHECKING:
    from actionplan.store.database import Database

__all__ = ["Revisions", "plan_revision", "plan_revisions"]


def plan_revisions(db: Database) -> Revisions:
    """Every plan's revision now."""
    with db.reading() as session:
        return revisions_seen(session.connection())


def plan_revision(db: Database, plan_id: int) -> int | None:
    """The plan's revision now, or None when there is no such plan."""
    return plan_revisions(db).get(plan_id)
