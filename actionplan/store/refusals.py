"""Writes the server refused because the person may not make them: "not permitted", never a
conflict.

On a team's server a write can be refused two ways. A privilege the login lacks (a reader
saving anything, a lead changing an action's words) raises an error. Row-level security is
quieter: a lead's UPDATE of an action they do not lead matches no row, which looks exactly
like a row a colleague changed meanwhile. ``refused_row`` tells the two apart by asking the
server whether the row could be locked for an update at all.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Table, select, text
from sqlalchemy.exc import DBAPIError

from actionplan.store.errors import StoreError

# The SQLSTATE of "permission denied" and of a row refused by a row-level security policy.
INSUFFICIENT_PRIVILEGE = "42501"

_WORDS = {
    "plan": "plans",
    "priority": "priorities",
    "outcome": "outcomes",
    "action": "actions",
    "action_lead": "the leads of actions",
    "lead": "leads",
    "progress_update": "progress updates",
    "measure": "measures",
    "measure_reading": "measures' readings",
    "narrative": "narratives",
    "pack_settings": "the board pack's settings",
    "database_secret": "update returns",
}

_TABLE_NAMED = re.compile(r'(?:table|relation) "?([A-Za-z_][A-Za-z0-9_]*)"?')


class NotPermitted(StoreError):
    """The server refused a write (or read) this person's role does not allow; nothing was
    written. Not a conflict: trying again will not help, asking the business manager will."""


def is_refusal(exc: BaseException) -> bool:
    """True when a database error is the server saying the login may not do this."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def not_permitted(exc: BaseException, verb: str = "change") -> NotPermitted:
    """The one sentence for a refusal the server raised as an error (to ``verb`` the rows)."""
    detail = str(getattr(exc, "orig", None) or exc)
    found = _TABLE_NAMED.search(detail)
    table = found.group(1) if found else ""
    if "row-level security" in detail and table == "progress_update":
        return NotPermitted("You can record progress only on actions you lead.")
    words = _WORDS.get(table, table.replace("_", " ") or "the plan")
    return NotPermitted(
        f"Your login is not permitted to {verb} {words} in this team database; "
        "ask your business manager if you should be."
    )


def refused_row(connection: Connection, table: Table, row_id: int) -> NotPermitted | None:
    """NotPermitted when the row is there but this login may not update it; None when the
    row is gone or merely changed (a real conflict) or the database is a one-person file."""
    if connection.dialect.name != "postgresql":
        return None
    probe = select(table.c.id).where(table.c.id == row_id).with_for_update(key_share=True)
    savepoint = connection.begin_nested()
    try:
        lockable = connection.execute(probe).first() is not None
    except DBAPIError as exc:
        savepoint.rollback()
        if is_refusal(exc):
            return not_permitted(exc)
        raise
    savepoint.rollback()  # the probe's lock is not wanted; the caller's write failed anyway
    if lockable:
        return None
    visible = connection.execute(select(table.c.id).where(table.c.id == row_id)).first()
    if visible is None:
        return None
    if table.name == "action":
        return NotPermitted(_not_your_action(connection, row_id))
    words = _WORDS.get(table.name, table.name.replace("_", " "))
    return NotPermitted(f"Your login is not permitted to change these {words}.")


def _not_your_action(connection: Connection, action_id: int) -> str:
    ref = connection.execute(
        text('SELECT ref FROM "action" WHERE id = :id'), {"id": action_id}
    ).scalar()
    names = connection.execute(
        text(
            "SELECT lead.name FROM action_lead JOIN lead ON lead.id = action_lead.lead_id "
            "WHERE action_lead.action_id = :id ORDER BY lead.name"
        ),
        {"id": action_id},
    ).scalars()
    which = f"action {ref}" if ref else "this action"
    leads = " and ".join(names)
    led = f"{which} is led by {leads}" if leads else f"{which} has no lead named"
    return f"You can record progress only on actions you lead; {led}."
