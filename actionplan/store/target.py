"""Where the data lives: the --db value, ACTIONPLAN_DB or the user's data folder.

Kept free of SQLAlchemy so the window can find its database before the database
code has loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

ENV_VAR = "ACTIONPLAN_DB"
APP_NAME = "actionplan"

# The newest revision in migrations/versions. Opening an up-to-date database checks this
# with one query and never imports Alembic, which keeps the app's start quick; a test
# keeps it equal to Alembic's own head.
SCHEMA_REVISION = "0018"


def default_database_path() -> Path:
    """The SQLite file in the user's data folder, used when no --db is given."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "actionplan.db"


def resolve_target(target: str | os.PathLike[str] | None) -> str:
    """The --db value, else ACTIONPLAN_DB, else the default file, as text."""
    if target:
        return os.fspath(target)
    from_env = os.environ.get(ENV_VAR, "").strip()
    return from_env or str(default_database_path())


def is_url(target: str) -> bool:
    """True when the target looks like an SQLAlchemy URL rather than a file path."""
    return "://" in target


def shown_target(target: str) -> str:
    """The target as it may be shown or logged: a server URL's password is masked."""
    if not is_url(target):
        return target
    parts = urlsplit(target)
    if parts.password is None:
        return target
    user, _, host = parts.netloc.rpartition("@")
    name = user.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{name}:***@{host}"))
