"""A plan's first screenful read with the standard library's sqlite3 alone.

The window shows a plan's first actions while SQLAlchemy is still loading: this reader
opens the SQLite file read-only, and only when it is an up-to-date actionplan database
that the full store will open as it is. Anything else (a new file, an older schema, a
server URL, a damaged file) gives None, and the window takes the ordinary path.

Each query has a twin of the same name in store/queries.py, which the ordinary path runs:
the two must give the same answers, so a change to one is made to the other.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.store.target import SCHEMA_REVISION, is_url

# The action columns a table row is built from, in this order, whichever reader reads them.
ACTION_COLUMNS = (
    "id",
    "priority_id",
    "outcome_id",
    "ref",
    "text",
    "lead_raw",
    "timescale_raw",
    "due_date",
    "status",
    "rag",
    "how_we_know",
)
_DUE = ACTION_COLUMNS.index("due_date")

PLAN_COLUMNS = (
    "id",
    "title",
    "partnership",
    "period_start",
    "period_end",
    "period_raw",
    "prepared_by",
    "marking",
)


# What reading an unexpected file can raise inside a quick_reader block (a column of the wrong
# type, a date that is not one): the caller then takes the ordinary path.
READ_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, ValueError, TypeError)


@dataclass(frozen=True)
class LatestUpdate:
    """The newest progress update of an action; its date is None when none was given."""

    update_date: date | None
    text: str
    author: str
    precision: str = "day"  # "month" when only the month is known


class QuickReader:
    """Read-only queries on an up-to-date SQLite database, each returning plain values; each
    method is the twin of the function of the same name in store/queries.py."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def plans_newest_first(self) -> list[tuple]:
        """Every plan's heading columns (PLAN_COLUMNS), the one added last first."""
        rows = self._db.execute(f"SELECT {', '.join(PLAN_COLUMNS)} FROM plan ORDER BY id DESC")
        return [(*row[:3], _day(row[3]), _day(row[4]), *row[5:]) for row in rows]

    def action_columns(self, plan_id: int, limit: int) -> list[tuple]:
        """The plan's first actions in priority and position order, as ACTION_COLUMNS."""
        columns = ", ".join(f"action.{name}" for name in ACTION_COLUMNS)
        query = (
            f"SELECT {columns} FROM action JOIN priority ON priority.id = action.priority_id "
            "WHERE action.plan_id = ? "
            "ORDER BY priority.position, priority.id, action.position, action.id LIMIT ?"
        )
        rows = []
        for row in self._db.execute(query, (plan_id, limit)):
            values = list(row)
            values[_DUE] = _day(values[_DUE])
            rows.append(tuple(values))
        return rows

    def priority_titles(self, plan_id: int) -> dict[int, str]:
        """Each priority's title by id."""
        query = "SELECT id, title FROM priority WHERE plan_id = ?"
        return dict(self._db.execute(query, (plan_id,)).fetchall())

    def outcome_titles(self, plan_id: int) -> dict[int, str]:
        """Each outcome's title by id."""
        query = (
            "SELECT outcome.id, outcome.title FROM outcome "
            "JOIN priority ON priority.id = outcome.priority_id WHERE priority.plan_id = ?"
        )
        return dict(self._db.execute(query, (plan_id,)).fetchall())

    def leads_by_action(
        self, plan_id: int, action_ids: list[int]
    ) -> dict[int, list[tuple[str, str]]]:
        """For each of the actions, its leads' (name, agency) in order."""
        query = (
            "SELECT action_lead.action_id, lead.name, lead.agency FROM action_lead "
            "JOIN lead ON lead.id = action_lead.lead_id "
            f"WHERE lead.plan_id = ? AND action_lead.action_id IN ({_marks(action_ids)}) "
            "ORDER BY action_lead.action_id, lead.id"
        )
        leads: dict[int, list[tuple[str, str]]] = {}
        for action_id, name, agency in self._db.execute(query, (plan_id, *action_ids)):
            leads.setdefault(action_id, []).append((name, agency))
        return leads

    def latest_updates(self, plan_id: int, action_ids: list[int]) -> dict[int, LatestUpdate]:
        """For each of the actions with updates, its newest one."""
        query = (
            "SELECT progress_update.action_id, progress_update.update_date, "
            "progress_update.text, progress_update.author, progress_update.date_precision "
            "FROM progress_update "
            "JOIN action ON action.id = progress_update.action_id "
            f"WHERE action.plan_id = ? AND progress_update.action_id IN ({_marks(action_ids)}) "
            "ORDER BY progress_update.update_date, progress_update.id"
        )
        rows = self._db.execute(query, (plan_id, *action_ids))
        return {
            action_id: LatestUpdate(_day(when), text, author, precision)
            for action_id, when, text, author, precision in rows
        }


@contextmanager
def quick_reader(target: str) -> Iterator[QuickReader | None]:
    """A reader on the target, or None when the ordinary store must open it instead.

    Read errors inside the block are the caller's to catch (READ_ERRORS).
    """
    path = _usable_file(target)
    if path is None:
        yield None
        return
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        yield None
        return
    with closing(connection):
        yield QuickReader(connection) if _is_current(connection) else None


def _usable_file(target: str) -> Path | None:
    # Only a file the full store would open without creating, upgrading or refusing it.
    # Looked at without opening it: the system drops all of this process's SQLite locks on
    # a file when any descriptor of it closes, so a database this process already has open
    # would lose its guard, and another program could delete its -wal and -shm files under
    # it. Whether it is a database at all is SQLite's to say, on its read-only connection.
    if is_url(target):
        return None
    path = Path(target).expanduser()
    try:
        usable = path.is_file() and os.access(path, os.R_OK | os.W_OK)
    except OSError:
        return None
    return path if usable else None


def _is_current(connection: sqlite3.Connection) -> bool:
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    return rows == [(SCHEMA_REVISION,)]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _marks(values: list[int]) -> str:
    return ", ".join("?" * len(values))
