"""Deleting a row with everything that belongs to it, and putting it all back, each in one
transaction.

Every function takes the Database handle and opens its own session.
"""

from __future__ import annotations

from actionplan.store.database import Database
from actionplan.store.missing import Gone
from actionplan.store.removal import METADATA, Removed, put_back, take_out


def delete_row(db: Database, table: str, row_id: int, what: str) -> Removed:
    """Delete the row of ``table`` with that id and every row that belongs to it; raises
    Gone naming it ``what`` when it is not there. ``restore`` undoes it."""
    with db.writing() as session:
        rows = METADATA.tables[table]
        found = session.connection().execute(rows.select().where(rows.c.id == row_id)).first()
        if found is None:
            raise Gone(what)
        return take_out(session, table, row_id)


def restore(db: Database, removed: Removed) -> None:
    """Put back exactly what a delete took out, with the same ids."""
    with db.writing() as session:
        put_back(session, removed)
