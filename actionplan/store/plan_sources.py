"""The workbooks plans were imported from, and which actions have moved on since.

Like every store module, its public functions take the Database and open their own
session: each one read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from actionplan.store.database import Database
from actionplan.store.tables import Action, PlanSource, ProgressUpdate


@dataclass(frozen=True)
class KeptSource:
    """The workbook a plan was imported from, as kept: its bytes, layout and column map."""

    filename: str
    layout: str
    mapping_json: str
    content: bytes
    imported_at: datetime


def latest_source(db: Database, plan_id: int) -> KeptSource | None:
    """The workbook the plan was last imported from; None when it was not imported."""
    query = (
        select(PlanSource).where(PlanSource.plan_id == plan_id).order_by(col(PlanSource.id).desc())
    )
    with db.reading() as session:
        source = session.exec(query).first()
        if source is None:
            return None
        return KeptSource(
            source.filename, source.layout, source.mapping_json, source.content, source.imported_at
        )


def actions_updated_since(db: Database, plan_id: int, since: datetime) -> set[int]:
    """The plan's actions with a progress update recorded after ``since``."""
    query = (
        select(ProgressUpdate.action_id)
        .join(Action, col(Action.id) == ProgressUpdate.action_id)
        .where(Action.plan_id == plan_id, col(ProgressUpdate.recorded_at) > since)
        .distinct()
    )
    with db.reading() as session:
        return set(session.exec(query))
