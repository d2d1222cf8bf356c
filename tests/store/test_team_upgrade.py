"""A team's server database is upgraded by its administrator only: opening one that is behind
the app tells the person to ask, and changes nothing; copies of the app upgrading at once take
turns, so exactly one upgrades."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from actionplan.services.plans import create_plan, list_plans
from actionplan.services.schema_upgrade import SchemaUpgrade, upgrade_team_database
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.migrate import current_revision
from actionplan.store.target import SCHEMA_REVISION
from tests.server_databases import ScratchServer, stored_state
from tests.store.schema_steps import set_back_to

OLD = "0008"  # the schema before this version's, as the previous release left it
TITLE = "Northbridge Priorities Action Plan 2025-26"


@pytest.fixture
def old_team_database(server_database: str) -> str:
    """A server database holding one plan, at the previous release's schema."""
    db = Database.open(server_database)
    create_plan(db, TITLE, "Northbridge SCP")
    db.close()
    set_back_to(server_database, OLD)
    return server_database


@pytest.fixture
def empty_team_database(test_server: ScratchServer, server_database: str) -> Iterator[str]:
    """A new, empty database on the test server."""
    name = test_server.new_database(blank=True)
    try:
        yield test_server.url_of(name)
    finally:
        test_server.drop(name)


def _as_it_is(url: str) -> object:
    """Everything the database at the URL holds, read without opening it through the app."""
    database = Database(create_engine(url), url)
    try:
        return stored_state(database)
    finally:
        database.close()


def test_opening_a_team_database_behind_the_app_asks_for_the_administrator_unchanged(
    old_team_database: str,
) -> None:
    """A lead or manager starting a newer app on the team's old database is told, in one
    sentence, whom to ask; not a row or a table changes, the schema included."""
    before = _as_it_is(old_team_database)
    with pytest.raises(StoreError) as told:
        Database.open(old_team_database)
    assert str(told.value) == (
        "The team database needs an upgrade: ask your administrator to run "
        "'actionplan team upgrade'."
    )
    assert _as_it_is(old_team_database) == before


def test_opening_an_empty_team_database_asks_for_the_administrator_and_creates_nothing(
    empty_team_database: str,
) -> None:
    """An empty database on the server gets its tables from the administrator, not from
    whoever opens it first."""
    with pytest.raises(StoreError, match="empty: ask your administrator"):
        Database.open(empty_team_database)
    assert _as_it_is(empty_team_database) == {}


def test_the_administrators_upgrade_keeps_every_plan_and_says_what_it_did(
    old_team_database: str,
) -> None:
    """From the previous schema to this one, once; run again, it is already up to date, and
    everyone can open the database with their plan in it."""
    assert upgrade_team_database(old_team_database).sentence() == (
        f"Upgraded from schema {OLD} to {SCHEMA_REVISION}."
    )
    assert upgrade_team_database(old_team_database).sentence() == "Already up to date."
    db = Database.open(old_team_database)
    try:
        assert [plan.title for plan in list_plans(db)] == [TITLE]
    finally:
        db.close()


def test_the_administrators_upgrade_creates_the_tables_of_an_empty_database(
    empty_team_database: str,
) -> None:
    """What a new team's set-up starts with: the tables, at this app's schema."""
    done = upgrade_team_database(empty_team_database)
    assert done.sentence() == f"Created the database's tables at schema {SCHEMA_REVISION}."
    db = Database.open(empty_team_database)
    try:
        assert current_revision(db.engine) == SCHEMA_REVISION and list_plans(db) == []
    finally:
        db.close()


@pytest.mark.parametrize("start", ["old", "empty"])
def test_four_upgrading_at_once_upgrade_exactly_once(
    start: str, request: pytest.FixtureRequest
) -> None:
    """Four copies of the app upgrading one database at the same moment take turns on the
    upgrade lock: one upgrades, the other three wait and find it done."""
    url = request.getfixturevalue(f"{start}_team_database")
    with ThreadPoolExecutor(4) as pool:
        done: list[SchemaUpgrade] = list(pool.map(lambda _: upgrade_team_database(url), range(4)))
    assert sorted(upgrade.changed for upgrade in done) == [False, False, False, True]
    assert {upgrade.after for upgrade in done} == {SCHEMA_REVISION}


@pytest.fixture
def someone_without_rights(test_server: ScratchServer, old_team_database: str) -> Iterator[str]:
    """The old database's URL for a person who may sign in to it and read it, as a team's
    reader, but owns none of it."""
    name = f"reader_{uuid.uuid4().hex[:8]}"
    database = make_url(old_team_database).database
    with test_server.admin.connect() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'not-the-owner'"))
        connection.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO {name}'))
    owner = create_engine(old_team_database)
    with owner.begin() as connection:
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {name}"))
    owner.dispose()
    try:
        yield (
            make_url(old_team_database)
            .set(username=name, password="not-the-owner")
            .render_as_string(hide_password=False)
        )
    finally:
        test_server.drop(str(database))
        with test_server.admin.connect() as connection:
            connection.execute(text(f"DROP ROLE IF EXISTS {name}"))


def test_someone_who_is_not_the_administrator_is_told_to_ask_and_cannot_upgrade(
    someone_without_rights: str, old_team_database: str
) -> None:
    """Opening says whom to ask; running the upgrade anyway, the server refuses it to anyone
    but the tables' owner, in one sentence; the database stays as it was."""
    before = _as_it_is(old_team_database)
    with pytest.raises(StoreError, match="needs an upgrade: ask your administrator"):
        Database.open(someone_without_rights)
    with pytest.raises(StoreError) as told:
        upgrade_team_database(someone_without_rights)
    assert "not permitted to upgrade" in str(told.value)
    assert "not-the-owner" not in str(told.value)
    assert _as_it_is(old_team_database) == before
