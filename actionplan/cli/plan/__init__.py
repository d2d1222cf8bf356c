"""`actionplan plan …`: a plan's life across years (roll-forward, reopen).

Each subcommand lives in its own module here with a ``register(commands, common)``
function, listed in ``PLAN_COMMAND_MODULES`` in the order ``--help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from actionplan.cli.common import Parser, UsageError

PLAN_COMMAND_MODULES = (
    "actionplan.cli.plan.roll_forward",
    "actionplan.cli.plan.reopen",
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the plan group and each of its subcommands."""
    parser = commands.add_parser(
        "plan",
        parents=[common],
        help="start next year's plan from this one (roll-forward), reopen a closed plan",
    )
    plan_commands = parser.add_subparsers(
        dest="plan_command", metavar="PLAN_COMMAND", parser_class=Parser
    )
    for name in PLAN_COMMAND_MODULES:
        importlib.import_module(name).register(plan_commands, common)
    parser.set_defaults(handler=_no_subcommand)


def _no_subcommand(_args: argparse.Namespace) -> int:
    raise UsageError(
        "say what to do with the plan, e.g. 'actionplan plan roll-forward --title \"… 2025-26\"' "
        "(see 'actionplan plan --help')."
    )
