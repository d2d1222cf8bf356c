"""`actionplan team setup` and `team add-user` as an administrator runs them, on a real server:
the password comes from standard input (never the command line), and the new login then
works the plan as its role allows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sqlalchemy.engine import make_url

from actionplan.store.team_roles import group_names
from tests.e2e.test_cli import _one_line_failure
from tests.team_helpers import PASSWORD, Team, team

__all__ = ["team"]  # the fixture, used by name below


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``actionplan ARGS`` in a new process, with ``stdin`` as its standard input."""
    return subprocess.run(
        [sys.executable, "-m", "actionplan", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


def test_setup_then_add_user_gives_a_lead_a_login_that_works(team: Team) -> None:
    """Setting up again is harmless; a new lead's login, its password read from standard
    input, reads the plan's summary as that person."""
    again = run("team", "setup", "--db", team.url)
    assert again.returncode == 0, again.stderr
    assert group_names(team.name)["lead"] in again.stdout
    login = f"{team.name}_ben"
    team.logins["ben"] = login
    added = run(
        "team", "add-user", login, "--role", "lead", "--lead", "ben okafor", "--db", team.url,
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == (
        f"{login} is a lead of {make_url(team.url).render_as_string()} tied to the lead "
        "'ben okafor' in 1 plan."
    )
    assert PASSWORD not in added.stdout + added.stderr
    summary = run("summary", "--json", "--db", team.url_as("ben"))
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["actions"] == 2


def test_add_user_failures_are_one_line_and_change_nothing(team: Team) -> None:
    """A lead with no name in the plan, a missing password, a file instead of a server, or
    a login that is not the owner's: one clear line each, and the login is not made."""
    login = f"{team.name}_cara"
    team.logins["cara"] = login
    for args, stdin in (
        (["--role", "lead", "--lead", "Cara Ngata"], f"{PASSWORD}\n"),
        (["--role", "reader"], ""),
    ):
        line = _one_line_failure(
            run("team", "add-user", login, *args, "--db", team.url, stdin=stdin)
        )
        assert "Cara Ngata" in line or "password" in line
    refused = _one_line_failure(run("team", "setup", "--db", "plan.db"))
    assert "PostgreSQL" in refused
    not_owner = _one_line_failure(run("team", "setup", "--db", team.url_as("manager")))
    assert "owner" in not_owner
    no_login = _one_line_failure(run("summary", "--db", team.url_as("cara")))
    assert no_login.startswith("actionplan:")


def test_publish_and_checkout_help_say_what_travels_with_a_plan() -> None:
    """A manager reading --help learns that the years' links and the recommendations go too,
    and what happens to a link whose other end stays behind."""
    publish = run("team", "publish", "--help")
    checkout = run("team", "checkout", "--help")
    assert publish.returncode == checkout.returncode == 0
    said = " ".join(publish.stdout.split())
    assert "carried from last year's plan" in said and "kept in words" in said
    assert "review recommendations, those linked to no action too" in said
    assert "recommendations its actions answer" in " ".join(checkout.stdout.split())
