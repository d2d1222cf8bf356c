"""`actionplan team upgrade`: the administrator upgrades the team's server database, and the
others are told to ask for it rather than upgrading it themselves."""

from __future__ import annotations

import json

from sqlalchemy.engine import make_url

from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from actionplan.store.target import SCHEMA_REVISION
from actionplan.store.team_roles import group_names
from tests.e2e.test_cli import run
from tests.e2e.test_cli_at_once import _at_once
from tests.server_databases import ScratchServer
from tests.store.schema_steps import column_values, set_back_to

OLD = "0008"
BEFORE_ROUNDS = "0012"  # the update round's tables are added by the step after it


def _old_team_database(url: str) -> str:
    db = Database.open(url)
    create_plan(db, "Northbridge Priorities Action Plan 2025-26", "Northbridge SCP")
    db.close()
    set_back_to(url, OLD)
    return url


def test_a_command_on_a_team_database_behind_the_app_says_to_ask_the_administrator(
    server_database: str,
) -> None:
    """One line, no traceback, and a failure exit; the password is not shown."""
    url = _old_team_database(server_database)
    result = run("summary", "--json", "--db", url)
    assert result.returncode == 1
    assert result.stderr == (
        "actionplan: The team database needs an upgrade: ask your administrator to run "
        "'actionplan team upgrade'.\n"
    )


def test_four_administrators_upgrading_at_once_upgrade_once_and_the_others_find_it_done(
    server_database: str,
) -> None:
    """Started together, one prints the upgrade, three that it was already done; then the
    plan is there for everyone."""
    url = _old_team_database(server_database)
    results = _at_once(*[["team", "upgrade", "--db", url]] * 4)
    assert [result.stderr for result in results] == [""] * 4
    said = sorted(result.stdout.strip() for result in results)
    assert said == [
        "Already up to date.",
        "Already up to date.",
        "Already up to date.",
        f"Upgraded from schema {OLD} to {SCHEMA_REVISION}.",
    ]
    summary = run("summary", "--json", "--db", url)
    assert json.loads(summary.stdout)["plan"] == "Northbridge Priorities Action Plan 2025-26"


def test_team_upgrade_names_itself_in_the_help() -> None:
    """The administrator finds the command under `actionplan team --help`."""
    result = run("team", "--help")
    assert result.returncode == 0
    assert "upgrade" in result.stdout


def test_team_setup_on_an_empty_database_creates_its_tables_then_its_roles(
    test_server: ScratchServer | None, server_database: str
) -> None:
    """An administrator's first command on a new server database needs nothing before it."""
    assert test_server is not None  # server_database has failed or skipped the test otherwise
    name = test_server.new_database(blank=True)
    try:
        result = run("team", "setup", "--db", test_server.url_of(name))
        assert result.returncode == 0, result.stderr
        lines = result.stdout.strip().splitlines()
        assert lines[0] == f"Created the database's tables at schema {SCHEMA_REVISION}."
        assert lines[1].startswith("Team roles set up on ")
    finally:
        test_server.drop(name)


def test_an_upgrade_gives_the_team_its_rights_on_the_tables_it_adds(server_database: str) -> None:
    """The update round's tables came after 0012: once a team set up before them upgrades,
    its people may read them and its manager run a round, without setup run again."""
    assert run("team", "setup", "--db", server_database).returncode == 0
    set_back_to(server_database, BEFORE_ROUNDS)
    result = run("team", "upgrade", "--db", server_database)
    assert result.stdout.strip().splitlines() == [
        f"Upgraded from schema {BEFORE_ROUNDS} to {SCHEMA_REVISION}.",
        "The team's roles were given their rights on what the upgrade added.",
    ]
    groups = group_names(make_url(server_database).database or "")
    rights = column_values(
        server_database,
        f"SELECT has_table_privilege('{groups['manager']}', 'update_round', 'INSERT'), "
        f"has_table_privilege('{groups['lead']}', 'round_lead', 'SELECT'), "
        f"has_table_privilege('{groups['reader']}', 'update_round', 'INSERT')",
    )
    assert rights == [(True, True, False)]
