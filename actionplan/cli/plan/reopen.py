"""`actionplan plan reopen`: open a closed plan to edits again."""

from __future__ import annotations

import argparse
from typing import Any

from actionplan.cli.common import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the reopen subcommand."""
    parser = commands.add_parser(
        "reopen",
        parents=[common],
        help="open a closed plan (one rolled forward) to edits again; name it with --plan",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Reopen the plan and say so."""
    from actionplan.services.next_plan import reopen_plan  # loaded only when the command runs
    from actionplan.services.plans import chosen_plan

    with open_database(args) as db:
        plan = chosen_plan(db, args.plan)
        was = reopen_plan(db, plan.id)
    print(f"{plan.title} is open to edits again." if was else f"{plan.title} was already open.")
    return 0
