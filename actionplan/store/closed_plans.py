"""A closed plan refuses every write to it until it is reopened.

One watch on the ORM (before each flush) and one check in each Core write path
(``versions.update_row``, ``removal``), so no service can change a closed plan by accident.
A row is traced to its plan through its foreign keys: a progress update to its action, a
reading to its measure, an outcome to its priority.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, event, inspect, select
from sqlalchemy.orm import Session

from actionplan.domain.timescale import format_due
from actionplan.store.errors import StoreError
from actionplan.store.schema import metadata
from actionplan.store.year_tables import PlanClosure

# Not part of what a plan says: the closure itself, the links between years, the log,
# the team's bookkeeping, and the board pack's remembered choices (a closed plan still prints).
EXEMPT = frozenset(
    {
        "plan_closure",
        "carried_action",
        "activity",
        "team_link",
        "team_link_row",
        "pack_settings",
        "schema_compatibility",
        "database_secret",
    }
)

_CLOSURES: Table = PlanClosure.__table__  # type: ignore[attr-defined]
_PLANS: Table = metadata.tables["plan"]


class PlanClosed(StoreError):
    """A write to a plan that is closed; the message names the plan and how to reopen it."""


def closures(connection: Connection) -> dict[int, Mapping[Any, Any]]:
    """Every closed plan's closure row, by plan id (empty when no plan is closed)."""
    rows = connection.execute(select(_CLOSURES)).mappings()
    return {row["plan_id"]: row for row in rows}


def refuse_if_closed(connection: Connection, table: Table, row: Mapping[Any, Any]) -> None:
    """Raise PlanClosed when the row (given by its values) belongs to a closed plan."""
    if table.name in EXEMPT:
        return
    closed = closures(connection)
    if closed:
        _refuse(connection, closed, [(table, row)])


def plan_of(connection: Connection, table: Table, row: Mapping[Any, Any]) -> int | None:
    """The id of the plan a row belongs to, following its foreign keys; None if unknown."""
    if table.name == "plan":
        return row.get("id")
    if row.get("plan_id") is not None and "plan_id" in table.c:
        return int(row["plan_id"])
    for key in table.foreign_keys:
        held = row.get(key.parent.name)
        parent = key.column.table
        if held is None or parent.name in EXEMPT or parent.name == table.name:
            continue
        found = connection.execute(select(parent).where(key.column == held)).mappings().first()
        if found is not None:
            return plan_of(connection, parent, found)
    return None


def _refuse(
    connection: Connection,
    closed: dict[int, Mapping[Any, Any]],
    rows: Iterable[tuple[Table, Mapping[Any, Any]]],
) -> None:
    for table, row in rows:
        plan_id = plan_of(connection, table, row)
        if plan_id in closed:
            raise PlanClosed(closed_sentence(connection, closed[plan_id]))


def closed_sentence(connection: Connection, closure: Mapping[Any, Any]) -> str:
    """The one sentence a write to a closed plan is refused with."""
    title = connection.execute(
        select(_PLANS.c.title).where(_PLANS.c.id == closure["plan_id"])
    ).scalar_one()
    how = ""
    if closure["rolled_to_title"]:
        how = f", rolled forward to {closure['rolled_to_title']} on "
        how += format_due(closure["closed_at"].date())
    return f"{title} is closed{how}: reopen it to change it."


@event.listens_for(Session, "before_flush")
def _refuse_closed(session: Session, _context: Any, _instances: Any) -> None:
    touched = [
        (item.__table__, _values(item))
        for item in (*session.new, *session.dirty, *session.deleted)
        if getattr(item, "__tablename__", None) not in EXEMPT
        and not (getattr(item, "__tablename__", None) == "plan" and item in session.deleted)
    ]
    if not touched:
        return
    connection = session.connection()
    closed = closures(connection)
    if closed:
        _refuse(connection, closed, touched)


def _values(item: Any) -> dict[str, Any]:
    state = inspect(item)
    values = {key: value for key, value in state.dict.items() if not key.startswith("_")}
    if state.identity is not None and "id" not in values:
        values["id"] = state.identity[0]
    return values
