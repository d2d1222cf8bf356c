"""The tables of a plan's life across years: a plan closed when next year's plan was started
from it, and each carried action's link back to the action it continues.

Kept beside ``tables.py`` (whose naming convention they share) so neither grows too long;
``removal.py`` imports them, so a deletion and its undo follow their links too.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from actionplan.store.server_time import stamp_column
from actionplan.store.tables import metadata

__all__ = ["CarriedAction", "PlanClosure", "metadata"]


class PlanClosure(SQLModel, table=True):
    """A plan closed to edits, usually when next year's plan was started from it; reopening
    the plan deletes the row."""

    __tablename__ = "plan_closure"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", unique=True, index=True, ondelete="CASCADE")
    closed_at: datetime = Field(default=None, sa_column=stamp_column())
    closed_by: str = ""
    rolled_to_plan_id: int | None = Field(default=None, foreign_key="plan.id", ondelete="SET NULL")
    rolled_to_title: str = ""  # kept in words, so the sentence outlives the new plan


class CarriedAction(SQLModel, table=True):
    """An action carried forward into next year's plan, and the action it continues; its
    progress updates stay on the old one."""

    __tablename__ = "carried_action"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="action.id", unique=True, index=True, ondelete="CASCADE")
    from_action_id: int | None = Field(
        default=None, foreign_key="action.id", index=True, ondelete="SET NULL"
    )
    from_plan_id: int | None = Field(default=None, foreign_key="plan.id", ondelete="SET NULL")
    from_plan_title: str = ""  # in words too, so the link is still read if the old plan goes
    from_ref: str = ""
