"""Who last changed a versioned row (a plan, priority, outcome, action, measure or narrative)
and when, as the window tells a user whose unsaved words a colleague's save has overtaken."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlmodel import SQLModel

from actionplan.store.database import Database
from actionplan.store.tables import VERSIONED_TABLES


def last_change(db: Database, table_name: str, row_id: int) -> tuple[str, datetime | None]:
    """Who last changed one row of a versioned table, and when; ("", None) when the row has
    gone or nobody is recorded."""
    if table_name not in VERSIONED_TABLES:
        raise ValueError(f"{table_name} rows carry no version")
    table = SQLModel.metadata.tables[table_name]
    query = select(table.c.changed_by, table.c.changed_at).where(table.c.id == row_id)
    with db.reading() as session:
        found = session.connection().execute(query).first()
    if found is None:
        return "", None
    return str(found.changed_by or ""), found.changed_at
