"""`actionplan team …`: a team's database on a server: set up, upgraded, published to.

Each subcommand lives in its own module here with a ``register(commands, common)``
function, as the top-level commands do; ``TEAM_COMMANDS`` lists them in the order
``actionplan team --help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from actionplan.cli.common import Parser, UsageError, open_database
from actionplan.services.workspace import resolve_target, shown_target

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

TEAM_COMMANDS = (
    "actionplan.cli.team.setup",
    "actionplan.cli.team.add_user",
    "actionplan.cli.team.upgrade",
    "actionplan.cli.team.publish",
    "actionplan.cli.team.checkout",
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the team group and each of its subcommands."""
    parser = commands.add_parser(
        "team",
        parents=[common],
        help="a team's database on a PostgreSQL server: setup, add-user, upgrade, publish…",
        description="Commands for a team's database on a server: its administrator sets it "
        "up, adds people and upgrades it; anyone moves a plan to it and back.",
    )
    team = parser.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", parser_class=Parser)
    for name in TEAM_COMMANDS:
        importlib.import_module(name).register(team, common)
    parser.set_defaults(handler=_no_subcommand)


def _no_subcommand(_args: argparse.Namespace) -> int:
    names = ", ".join(name.rsplit(".", 1)[1].replace("_", "-") for name in TEAM_COMMANDS)
    raise UsageError(f"say what to do with the team: {names} (see 'actionplan team --help').")


def is_server(args: argparse.Namespace) -> bool:
    """True when --db names a server database rather than a file."""
    return resolve_target(args.db).startswith("postgresql")


def server_target(args: argparse.Namespace) -> str:
    """The team's server database named by --db; a file is refused before it is touched."""
    target = resolve_target(args.db)
    if not target.startswith("postgresql"):
        raise UsageError(
            f"team commands work on a team's PostgreSQL database "
            f"(--db postgresql+psycopg://…), and '{shown_target(target)}' is not one."
        )
    return target


@contextmanager
def open_team_database(args: argparse.Namespace) -> Iterator[Database]:
    """The team's server database named by --db, open; a file is refused untouched."""
    server_target(args)
    with open_database(args) as db:
        yield db
