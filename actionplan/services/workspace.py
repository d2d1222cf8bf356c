"""Opening the database a window or command works on, without either knowing the store."""

from __future__ import annotations

import os

from actionplan.store.database import Database
from actionplan.store.engine import default_database_path, resolve_target

__all__ = ["Database", "default_database_path", "describe_target", "open_database"]


def open_database(target: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating and migrating as needed) the database at the target."""
    return Database.open(target)


def describe_target(target: str | os.PathLike[str] | None = None) -> str:
    """Where the data lives, for the title bar and About box."""
    return resolve_target(target)
