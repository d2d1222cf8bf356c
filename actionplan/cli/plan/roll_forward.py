"""`actionplan plan roll-forward --title "… 2025-26"`: start next year's plan from this one."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from actionplan.cli.common import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the roll-forward subcommand."""
    parser = commands.add_parser(
        "roll-forward",
        parents=[common],
        help="start next year's plan from this one, carrying what is not complete; "
        "this one is then closed",
    )
    parser.add_argument(
        "--title",
        metavar="TITLE",
        help='the new plan\'s title (default: "… 2025-26" from "… 2024-25")',
    )
    parser.add_argument(
        "--leave",
        metavar="REFS",
        default="",
        help="references of unfinished actions to leave behind, e.g. 1.2,3.4",
    )
    parser.add_argument(
        "--narratives", action="store_true", help="copy the priorities' narratives too"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Roll the plan forward and say what the new plan holds."""
    from actionplan.services import next_plan  # loaded only when the command runs
    from actionplan.services.plans import chosen_plan

    with open_database(args) as db:
        old = chosen_plan(db, args.plan)
        proposal = next_plan.propose_next_plan(db, old.id)
        leave = next_plan.leave_by_refs(db, old.id, args.leave.split(","))
        chosen = replace(proposal.plan, leave=leave, narratives=args.narratives)
        if args.title:
            chosen = replace(chosen, title=args.title)
        made = next_plan.start_next_plan(db, old.id, chosen)
    print(next_plan.started_sentence(old.title, made))
    return 0
