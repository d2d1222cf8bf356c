"""`actionplan activity`: who changed what in the plan, from what to what, and when."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from actionplan.cli.common import open_database, parse_as_of
from actionplan.domain.wording import counted
from actionplan.services.errors import ServiceError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the activity command."""
    parser = commands.add_parser(
        "activity",
        parents=[common],
        help="show the plan's activity log (who changed what, when), or write it to a file",
    )
    parser.add_argument("--action", metavar="REF", help="only this action's, e.g. 1.2")
    parser.add_argument(
        "--from", dest="since", metavar="YYYY-MM-DD", type=parse_as_of, help="from this day"
    )
    parser.add_argument(
        "--to", dest="until", metavar="YYYY-MM-DD", type=parse_as_of, help="to this day"
    )
    parser.add_argument(
        "--out", metavar="FILE", type=Path, help="write it to FILE.xlsx or FILE.csv instead"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it is there")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the entries newest first, or write them to the file asked for."""
    from actionplan.services.activity import export_activity, plan_activity
    from actionplan.services.plans import chosen_plan

    if args.out is not None and args.out.exists() and not args.out.is_dir() and not args.force:
        raise ServiceError(f"'{args.out}' already exists; add --force to replace it.")
    with open_database(args) as db:
        plan = chosen_plan(db, args.plan)
        entries = plan_activity(
            db, plan.id, since=args.since, until=args.until, action_ref=args.action
        )
    if args.out is not None:
        written = export_activity(entries, args.out, replace=args.force)
        how_many = counted(len(entries), "entry", "entries")
        print(f"Wrote {how_many} of {plan.title}'s activity log to {written}")
        return 0
    if not entries:
        print(f"Nothing in {plan.title}'s activity log matches.")
    for entry in entries:
        change = entry.change.replace("\n", " ⏎ ")
        print(f"{entry.when:%Y-%m-%d %H:%M}  {entry.who or 'someone':<16}  {entry.which}  {change}")
    return 0
