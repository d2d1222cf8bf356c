"""`actionplan export OUT.xlsx [--layout tracker|original]` and `export --returns DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from actionplan.cli.common import UsageError, open_database, today
from actionplan.domain.wording import counted
from actionplan.services.errors import ServiceError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the export command."""
    parser = commands.add_parser(
        "export",
        parents=[common],
        help="export the plan as an Excel tracker, back into its own layout, or as update returns",
    )
    parser.add_argument(
        "out", metavar="OUT.xlsx", type=Path, nargs="?", help="the workbook to write"
    )
    parser.add_argument(
        "--layout",
        choices=("tracker", "original"),
        default="tracker",
        help="tracker: the app's tracker workbook (default); original: the workbook the plan "
        "was imported from, with RAG, status and updates filled in",
    )
    parser.add_argument(
        "--returns",
        metavar="DIR",
        type=Path,
        help="write one update return per lead into this folder instead",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace OUT.xlsx if it is already there"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the workbook (or the returns) and say what was written."""
    if args.returns is not None:
        if args.out is not None:
            raise UsageError("give either OUT.xlsx or --returns DIR, not both")
        return _returns(args)
    if args.out is None:
        raise UsageError("give the workbook to write, like 'export plan.xlsx'")
    from actionplan.services.exporting import export_original_layout, export_tracker

    if args.out.exists() and not args.out.is_dir() and not args.force:
        raise ServiceError(f"'{args.out}' already exists; add --force to replace it.")
    export = export_original_layout if args.layout == "original" else export_tracker
    with open_database(args) as db:
        # --as-of shows the plan as it stood that day; without it the tracker holds every update.
        result = export(db, args.out, plan_name=args.plan, as_of=args.as_of, replace=args.force)
    print(f"Exported {result.plan_title} ({result.actions} actions) to {result.path}")
    for note in result.notes:
        print(f"  Note: {note}")
    return 0


def _returns(args: argparse.Namespace) -> int:
    from actionplan.services.returns import export_returns

    with open_database(args) as db:
        result = export_returns(db, args.returns, plan_name=args.plan, as_of=today(args))
    print(f"Wrote {len(result.files)} update returns to {args.returns}:")
    for path in result.files:
        print(f"  {path.name}")
    if result.without_lead:
        print(
            f"  Note: {counted(result.without_lead, 'action')} with no lead named, so no "
            "return covers them.",
            file=sys.stdout,
        )
    return 0
