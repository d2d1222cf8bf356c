"""Shared fixtures: a fresh database per test and small factories for plan objects.

Every test that wants an empty database gets a copy of one migrated once per run:
copying a file is quick, running every migration for each test is not. The tests
of migration itself open new files with Database.open and keep running Alembic.
"""

from __future__ import annotations

import os
import shutil

# Qt aborts the whole run without a display unless this is set before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from actionplan.private_files import create_private_file, make_private_folder
from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import PlanInfo, create_plan
from actionplan.store.database import Database
from actionplan.store.migrate import current_revision, head_revision

# Hypothesis's per-example deadline is a timing assertion, and shared machines are noisy.
settings.register_profile("actionplan", deadline=None)
settings.load_profile("actionplan")


@pytest.fixture(autouse=True)
def _no_user_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test ever touches the real user's database or settings."""
    monkeypatch.setenv("ACTIONPLAN_DB", str(tmp_path / "user-data" / "actionplan.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's SQLite file lives."""
    return tmp_path / "plan.db"


@pytest.fixture(scope="session")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty database, migrated to the newest schema once for the whole run."""
    path = tmp_path_factory.mktemp("empty-database") / "empty.db"
    database = Database.open(path)
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()
    # Closing the last connection writes the log back into the file and removes it.
    assert not path.with_name(f"{path.name}-wal").exists()
    return path


def copy_empty_database(template: Path, path: Path) -> None:
    """Put a copy of the migrated empty database at path, private as the app makes it."""
    make_private_folder(path.parent)
    if not create_private_file(path):
        raise FileExistsError(f"'{path}' is there already")
    shutil.copyfile(template, path)


@pytest.fixture
def new_database(empty_database_file: Path) -> Iterator[Callable[[Path], Database]]:
    """Opens a new, migrated, empty database at a path, closing it after the test."""
    opened: list[Database] = []

    def open_new(path: Path) -> Database:
        copy_empty_database(empty_database_file, path)
        opened.append(Database.open(path))
        return opened[-1]

    yield open_new
    for database in opened:
        database.close()


@pytest.fixture
def db(db_path: Path, new_database: Callable[[Path], Database]) -> Database:
    """A fresh, migrated, empty database file."""
    return new_database(db_path)


@pytest.fixture
def plan(db: Database) -> PlanInfo:
    """An empty plan."""
    return create_plan(db, "Northbridge Priorities Action Plan 2025-26", "Northbridge SCP")


class PlanFactory:
    """Builds small plans in a test database with as little typing as possible."""

    def __init__(self, db: Database, plan: PlanInfo) -> None:
        self.db = db
        self.plan = plan

    def priority(self, title: str = "Contextual Risk", champion: str = "Ana Novak") -> int:
        """Add a priority and return its id."""
        return add_priority(self.db, self.plan.id, title, champion=champion)

    def action(self, priority_id: int, text: str = "Run a joint audit", **fields: object) -> int:
        """Add an action (any ActionDraft field may be given) and return its id."""
        return add_action(self.db, priority_id, ActionDraft(text=text, **fields))  # type: ignore[arg-type]


@pytest.fixture
def factory(db: Database, plan: PlanInfo) -> PlanFactory:
    """A factory for priorities and actions in the test plan."""
    return PlanFactory(db, plan)


@pytest.fixture
def as_of() -> date:
    """A fixed "today" so overdue and stale never depend on the calendar."""
    return date(2025, 3, 31)
