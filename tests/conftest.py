"""Shared fixtures: a fresh database per test and small factories for plan objects."""

from __future__ import annotations

import os

# Qt aborts the whole run without a display unless this is set before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import PlanInfo, create_plan
from actionplan.store.database import Database

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


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated, empty database file."""
    database = Database.open(db_path)
    yield database
    database.close()


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
