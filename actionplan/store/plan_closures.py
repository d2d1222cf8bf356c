"""A plan's closure and its carried actions' links: read, reopened, closed again.

Every function takes the Database handle and opens its own session; each write is one
transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import col, select

from actionplan.domain.plan_years import CarriedFrom, CarryCandidate, Closure
from actionplan.store.closed_plans import closures
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.roll_forward import unfinished_actions
from actionplan.store.tables import Plan
from actionplan.store.year_tables import CarriedAction, PlanClosure

_CLOSURES = PlanClosure.__table__  # type: ignore[attr-defined]


def carry_candidates(db: Database, plan_id: int) -> list[CarryCandidate]:
    """The plan's actions still to do (neither complete nor cancelled), in order."""
    with db.reading() as session:
        fetch(session, Plan, plan_id, "plan")
        return [
            CarryCandidate(int(row.id or 0), row.ref, row.text, row.status, row.rag)
            for row in unfinished_actions(session, plan_id)
        ]


def carried_from(db: Database, action_id: int) -> CarriedFrom | None:
    """The action this one was carried forward from, or None for one begun in this plan."""
    with db.reading() as session:
        query = select(CarriedAction).where(col(CarriedAction.action_id) == action_id)
        row = session.scalars(query).first()
        if row is None:
            return None
        return CarriedFrom(row.from_action_id, row.from_plan_id, row.from_plan_title, row.from_ref)


def closure(db: Database, plan_id: int) -> Closure | None:
    """How the plan was closed, or None while it is open."""
    with db.reading() as session:
        row = closures(session.connection()).get(plan_id)
    return None if row is None else _closure(row)


def reopen(db: Database, plan_id: int) -> Closure | None:
    """Open a closed plan to edits again; returns how it was closed (None if it was open)."""
    with db.writing() as session:
        fetch(session, Plan, plan_id, "plan")
        connection = session.connection()
        row = closures(connection).get(plan_id)
        connection.execute(delete(_CLOSURES).where(_CLOSURES.c.plan_id == plan_id))
    return None if row is None else _closure(row)


def close_again(db: Database, closed: Closure) -> None:
    """Close a plan as it was closed before (undoing a reopen)."""
    with db.writing() as session:
        connection = session.connection()
        connection.execute(delete(_CLOSURES).where(_CLOSURES.c.plan_id == closed.plan_id))
        connection.execute(insert(_CLOSURES).values(**closed.__dict__))


def _closure(row: Any) -> Closure:
    at = row["closed_at"]
    return Closure(
        row["plan_id"],
        at if isinstance(at, datetime) else datetime.fromisoformat(str(at)),
        row["closed_by"],
        row["rolled_to_plan_id"],
        row["rolled_to_title"],
    )
