"""Shared fixtures: a fresh database per test and small factories for plan objects.

Every test that wants an empty database gets a copy of one migrated once per run:
copying a file is quick, running every migration for each test is not. The tests
of migration itself open new files with Database.open and keep running Alembic.

The tests under tests/store and tests/services that take ``db`` run on both engines
(ids ending [sqlite] and [postgresql]), and so do those elsewhere marked ``both_engines``
(a window or a command line test of team behaviour); those marked ``sqlite_only`` are about SQLite
files as such and run on SQLite alone. The PostgreSQL side uses the server the
environment names (see tests/server_databases.py); with none it is skipped, or fails
when CI=true.
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
from tests.server_databases import ScratchServer, server_url

# The folders whose database tests must hold on a PostgreSQL server too.
BOTH_ENGINES = ("store", "services")

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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each store and services test that takes ``db`` on SQLite and on PostgreSQL."""
    if "db" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    if metafunc.definition.get_closest_marker("server_only"):
        metafunc.parametrize("db_engine", ["postgresql"], indirect=True)
        return
    folder = metafunc.definition.path.relative_to(Path(__file__).parent).parts[0]
    if folder in BOTH_ENGINES or metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """Which engine this test's ``db`` is: SQLite unless the test is parametrized."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def test_server() -> Iterator[ScratchServer | None]:
    """The PostgreSQL server for the run, its template migrated once; None without one."""
    url = server_url()
    if url is None:
        yield None
        return
    server = ScratchServer(url)
    server.make_template()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def server_database(test_server: ScratchServer | None) -> Iterator[str]:
    """The URL of a fresh, migrated, empty database on the test server, dropped after."""
    if test_server is None:
        reason = "no PostgreSQL server named (ACTIONPLAN_TEST_PG or PGHOST)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI runs every PostgreSQL test: {reason}")
        pytest.skip(reason)
    name = test_server.new_database()
    try:
        yield test_server.url_of(name)
    finally:
        test_server.drop(name)


@pytest.fixture
def db(
    request: pytest.FixtureRequest,
    db_engine: str,
    db_path: Path,
    new_database: Callable[[Path], Database],
) -> Iterator[Database]:
    """A fresh, migrated, empty database: a file, or a database on the test server."""
    if db_engine == "sqlite":
        yield new_database(db_path)
        return
    database = Database.open(request.getfixturevalue("server_database"))
    try:
        yield database
    finally:
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
