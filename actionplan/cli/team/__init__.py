"""`actionplan team …`: looking after a team's shared database on a server.

Each subcommand lives in its own module here with a ``register(commands, common)`` function;
``TEAM_COMMAND_MODULES`` lists them in the order ``actionplan team --help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from actionplan.cli.common import Parser

TEAM_COMMAND_MODULES = ("actionplan.cli.team.upgrade",)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the team command and its subcommands."""
    parser = commands.add_parser(
        "team", parents=[common], help="look after a team's database on a server (administrator)"
    )
    subcommands = parser.add_subparsers(
        dest="team_command", metavar="TEAM_COMMAND", required=True, parser_class=Parser
    )
    for name in TEAM_COMMAND_MODULES:
        importlib.import_module(name).register(subcommands, common)
