"""Backing up the database to a file the user chooses."""

from __future__ import annotations

from pathlib import Path

from actionplan.services.errors import ServiceError
from actionplan.store.backup import backup_sqlite_file
from actionplan.store.database import Database


def backup_database(db: Database, destination: Path) -> Path:
    """Copy the open database to ``destination`` safely, even while it is in use."""
    source = db.path
    if source is None:
        raise ServiceError(
            "Only a database file can be backed up from here; use the server's own backup tools."
        )
    if destination.expanduser().resolve() == source.resolve():
        raise ServiceError("The backup must go to a different file from the database itself.")
    return backup_sqlite_file(source, destination)
