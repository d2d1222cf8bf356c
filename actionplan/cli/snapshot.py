"""`actionplan snapshot NAME`: freeze the plan's RAG and status as at a board meeting."""

from __future__ import annotations

import argparse
from typing import Any

from actionplan.cli.common import UsageError, open_database, today


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the snapshot command."""
    parser = commands.add_parser(
        "snapshot",
        parents=[common],
        help='freeze the plan\'s RAG and status (e.g. "Board 12 March"); --list shows them',
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help='e.g. "Board 12 March"')
    parser.add_argument("--list", action="store_true", help="list the plan's snapshots")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Take a snapshot, or list them."""
    from actionplan.services.plans import find_plan  # loaded only when the command runs
    from actionplan.services.snapshots import take_snapshot

    if args.list:
        return _list(args)
    if not args.name:
        raise UsageError("give the snapshot a name, e.g. 'Board 12 March' (or use --list).")
    with open_database(args) as db:
        take_snapshot(db, args.name, args.plan, today(args))
        plan = find_plan(db, args.plan)
    title = plan.title if plan else "the plan"
    print(f"Snapshot '{' '.join(args.name.split())}' of {title} taken as at {today(args)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from actionplan.services.plans import find_plan
    from actionplan.services.snapshots import list_snapshots

    with open_database(args) as db:
        plan = find_plan(db, args.plan)
        snapshots = list_snapshots(db, plan.id) if plan else []
    if not snapshots:
        print("The plan has no snapshots yet.")
    for snapshot in snapshots:
        print(f"{snapshot.taken_on}  {snapshot.name}  ({snapshot.actions} actions)")
    return 0
