"""`actionplan team upgrade --db URL`: the administrator upgrades the team database's schema."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the team upgrade command."""
    parser = commands.add_parser(
        "upgrade",
        parents=[common],
        help="upgrade the database to this version's schema (or create its tables when empty)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Upgrade, say what was done, and give the team's roles their rights on what it added."""
    from actionplan.cli.team import is_server, open_team_database
    from actionplan.services.schema_upgrade import upgrade_team_database
    from actionplan.services.team_members import grant_after_upgrade

    # A database file upgrades the same way (it upgrades itself on opening as well).
    upgrade = upgrade_team_database(args.db)
    print(upgrade.sentence())
    if upgrade.changed and upgrade.before is not None and is_server(args):
        with open_team_database(args) as db:
            if grant_after_upgrade(db):
                print("The team's roles were given their rights on what the upgrade added.")
    return 0
