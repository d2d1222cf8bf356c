"""Opening the database a window or command works on, without either knowing the store.

Light to import: the database layer itself loads when a database is opened.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from actionplan.store.target import default_database_path, resolve_target, shown_target

if TYPE_CHECKING:
    from actionplan.store.database import Database

__all__ = [
    "Database",
    "default_database_path",
    "describe_target",
    "open_database",
    "resolve_target",
    "shown_target",
]


def __getattr__(name: str) -> object:
    """``Database`` for a module that names the type at run time, loaded only when asked."""
    if name == "Database":
        from actionplan.store.database import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_database(target: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating and migrating as needed) the database at the target."""
    from actionplan.store.database import Database

    return Database.open(target)


def describe_target(target: str | os.PathLike[str] | None = None) -> str:
    """Where the data lives, for the title bar and About box (a password masked)."""
    return shown_target(resolve_target(target))
