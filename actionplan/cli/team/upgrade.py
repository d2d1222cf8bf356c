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
    """Upgrade, and say what was done."""
    from actionplan.services.schema_upgrade import upgrade_team_database

    print(upgrade_team_database(args.db).sentence())
    return 0
