"""Reading the activity log: a plan's entries, one action's, or those of a stretch of time.

Every function takes the Database handle and opens its own session. Entries come newest
first, their times as the server stamped them, read in this computer's local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from actionplan.store.database import Database
from actionplan.store.team_tables import Activity

TABLE = Activity.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class LoggedChange:
    """One entry of the activity log as stored."""

    id: int
    at: datetime  # by the server's clock, in local time
    who: str
    plan_id: int | None
    action_id: int | None
    what: str
    row_id: int
    label: str
    field: str
    old: str
    new: str
    kind: str


def logged_changes(
    db: Database,
    *,
    plan_id: int | None = None,
    action_id: int | None = None,
    since: datetime | None = None,
    before: datetime | None = None,
) -> list[LoggedChange]:
    """The log's entries, newest first: of one plan, of one action (its progress, measures
    and readings too), from ``since`` and before ``before`` (local times), as asked."""
    query = select(TABLE).order_by(TABLE.c.at.desc(), TABLE.c.id.desc())
    if plan_id is not None:
        query = query.where(TABLE.c.plan_id == plan_id)
    if action_id is not None:
        query = query.where(TABLE.c.action_id == action_id)
    if since is not None:
        query = query.where(TABLE.c.at >= since)
    if before is not None:
        query = query.where(TABLE.c.at < before)
    with db.reading() as session:
        return [LoggedChange(**row._mapping) for row in session.connection().execute(query)]
