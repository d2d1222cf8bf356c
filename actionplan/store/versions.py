"""No lost update: each plan, priority, outcome, action, measure and narrative row has a version.

Every UPDATE of such a row says which version it was made from and bumps it by one. The
ORM does it through ``version_id_col`` (see tables.py); Core writes go through
``update_row`` below, the one place a plain UPDATE of a versioned table is built. A save
made from a version that is no longer the stored one raises ``Conflict``, carrying what the
row holds now and who changed it when, so the caller can show it beside the user's draft.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, event, inspect, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from actionplan.store.activity_log import log_update
from actionplan.store.closed_plans import refuse_if_closed
from actionplan.store.errors import StoreError
from actionplan.store.refusals import refused_row
from actionplan.store.server_time import utc_now
from actionplan.store.tables import VERSIONED_TABLES

# The name a Database writes under unless told another; a session carries it in its info.
USER_KEY = "actionplan.user"


def default_user() -> str:
    """The computer's name for the person running the app (blank when it has none)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a bare container): the change is unnamed
        return ""


# Not frozen: raising an error sets its traceback, which a frozen dataclass would refuse.
@dataclass(eq=False)
class Conflict(StoreError):
    """A save made from a version of a row that someone else has changed since."""

    what: str  # the table: "action", "priority"…
    row_id: int
    seen: int | None  # the version the save was made from
    version: int  # the version stored now
    changed_by: str
    changed_at: datetime | None
    # The row as stored now, column by column (the colleague's values).
    theirs: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        who = self.changed_by or "someone else"
        return f"The {self.what} was changed by {who} since you opened it; nothing was saved."


def check_seen(session: Session, row: Any, seen: int | None) -> None:
    """Raise Conflict when the user's edit was made from another version than the stored one.

    ``seen`` None: the caller has no earlier read (its own undo, a fresh add) and edits the
    row as it stands; the ORM still refuses a change made by someone else meanwhile.
    """
    if seen is not None and row.version != seen:
        raise conflict_on(session.connection(), row.__table__, row.id, seen)


def conflict_on(connection: Connection, table: Table, row_id: int, seen: int | None) -> Conflict:
    """The Conflict for a row whose stored version is not ``seen``, with its values now.

    Raises refusals.NotPermitted instead when the row is unchanged but this login may not
    update it (on a server a refused UPDATE matches no row, as a stale one does).
    """
    refusal = refused_row(connection, table, row_id)
    if refusal is not None:
        raise refusal
    found = connection.execute(select(table).where(table.c.id == row_id)).first()
    theirs = dict(found._mapping) if found is not None else {}
    return Conflict(
        what=table.name,
        row_id=row_id,
        seen=seen,
        version=int(theirs.get("version", 0)),
        changed_by=str(theirs.get("changed_by") or ""),
        changed_at=theirs.get("changed_at"),
        theirs=theirs,
    )


def update_row(
    connection: Connection,
    table: Table,
    row_id: int,
    seen: int,
    values: dict[str, Any],
    user: str = "",
) -> int:
    """UPDATE one versioned row only if it still has version ``seen``; bump it and return
    the new version. Raises Conflict when the row was changed (or deleted) since. What it
    changed goes into the activity log."""
    before = connection.execute(select(table).where(table.c.id == row_id)).first()
    if before is not None:
        refuse_if_closed(connection, table, before._mapping)
    statement = (
        update(table)
        .where(table.c.id == row_id, table.c.version == seen)
        .values(
            {
                **values,
                "version": table.c.version + 1,
                "changed_by": user,
                "changed_at": utc_now(),  # the server's clock, not this PC's
            }
        )
    )
    if connection.execute(statement).rowcount != 1:
        raise conflict_on(connection, table, row_id, seen)
    assert before is not None  # the UPDATE found the row, so it was there
    log_update(connection, table, dict(before._mapping), user)
    return seen + 1


def flush_checked(session: Session, row: Any, seen: int | None) -> None:
    """Write the row now; a colleague's change that landed since it was read is a Conflict."""
    try:
        session.flush()
    except StaleDataError:
        row_id = inspect(row).identity[0]  # read before the rollback forgets the row's values
        session.rollback()
        raise conflict_on(session.connection(), row.__table__, row_id, seen) from None


def current_version(connection: Connection, table: Table, row_id: int) -> int:
    """The row's version now, locking it for this transaction where the server can."""
    query = select(table.c.version).where(table.c.id == row_id).with_for_update()
    return int(connection.execute(query).scalar_one())


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, _context: Any, _instances: Any) -> None:
    # Who changed a versioned row and when, written with the change itself.
    user = str(session.info.get(USER_KEY, ""))
    now = utc_now()  # the server's clock, not this PC's
    for item in session.dirty:
        table = getattr(item, "__tablename__", None)
        if table in VERSIONED_TABLES and session.is_modified(item):
            state = inspect(item)
            if state.attrs.changed_by.history.has_changes():
                continue  # the writer named someone itself
            item.changed_by = user
            item.changed_at = now
