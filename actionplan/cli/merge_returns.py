"""`actionplan merge-returns FILES… [--apply]`: show, then record, the leads' update returns."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actionplan.cli.common import EXIT_FAILED, open_database, today

if TYPE_CHECKING:
    from actionplan.services.returns import ReturnReport


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the merge-returns command."""
    parser = commands.add_parser(
        "merge-returns",
        parents=[common],
        help="show what the leads' update returns would change; --apply records them",
    )
    parser.add_argument("files", metavar="FILE", type=Path, nargs="+", help="returned workbooks")
    parser.add_argument(
        "--apply", action="store_true", help="record the changes as progress updates by each lead"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print each return's changes and conflicts; a return that cannot be read fails the run."""
    from actionplan.services.returns import apply_returns, preview_returns

    merge = apply_returns if args.apply else preview_returns
    with open_database(args) as db:
        reports = merge(db, args.files, plan_name=args.plan, as_of=today(args))
    for report in reports:
        _print(report)
    waiting = sum(r.count("change") for r in reports)
    if not args.apply and waiting:
        print(f"Nothing recorded yet: run again with --apply to record {waiting} changes.")
    failed = [report for report in reports if report.error]
    for report in failed:
        print(f"actionplan: {report.error}", file=sys.stderr)
    return EXIT_FAILED if failed else 0


def _print(report: ReturnReport) -> None:
    if report.error:
        return
    print(report.heading())
    for change in report.changes:
        if change.kind not in ("unchanged", "already"):
            print(f"  {change.describe()}")
