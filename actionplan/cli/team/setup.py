"""`actionplan team setup`: create a team database's roles and rights on its server."""

from __future__ import annotations

import argparse
from typing import Any

from actionplan.cli.team import open_team_database, server_target


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the setup subcommand."""
    parser = commands.add_parser(
        "setup",
        parents=[common],
        help="create the manager, lead and reader roles and what each may do",
        description="Run as the database's owner. Safe to run again: rights are made afresh.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Set the team up (an empty database gets its tables first) and name its group roles."""
    from actionplan.services.schema_upgrade import upgrade_team_database
    from actionplan.services.team_members import set_up  # loaded only when the command runs

    upgrade = upgrade_team_database(server_target(args))
    if upgrade.changed:
        print(upgrade.sentence())
    with open_team_database(args) as db:
        groups = set_up(db)
        print(
            f"Team roles set up on {db.shown}: managers in {groups['manager']}, "
            f"leads in {groups['lead']}, readers in {groups['reader']}."
        )
    return 0
