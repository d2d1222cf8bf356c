"""`actionplan team …`: what a partnership's team does with its shared server.

Each subcommand lives in its own module here with a ``register(commands, common)``
function, listed in ``TEAM_COMMAND_MODULES`` in the order ``--help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from actionplan.cli.common import Parser, UsageError

TEAM_COMMAND_MODULES = (
    "actionplan.cli.team.publish",
    "actionplan.cli.team.checkout",
    "actionplan.cli.team.upgrade",
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the team group and each of its subcommands."""
    parser = commands.add_parser(
        "team",
        parents=[common],
        help="work with the team's shared server (publish, checkout, upgrade…)",
    )
    team_commands = parser.add_subparsers(
        dest="team_command", metavar="TEAM_COMMAND", parser_class=Parser
    )
    for name in TEAM_COMMAND_MODULES:
        importlib.import_module(name).register(team_commands, common)
    parser.set_defaults(handler=_no_subcommand)


def _no_subcommand(_args: argparse.Namespace) -> int:
    raise UsageError(
        "say what to do with the team's server, e.g. 'actionplan team publish' "
        "(see 'actionplan team --help')."
    )
