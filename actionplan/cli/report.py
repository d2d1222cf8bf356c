"""`actionplan report OUT.pdf`: print the board pack (executive summary) as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from actionplan.cli.common import open_database, today


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the report command."""
    parser = commands.add_parser(
        "report",
        parents=[common],
        help="print the board pack: an executive summary PDF of the plan",
    )
    parser.add_argument("out", metavar="OUT.pdf", type=Path, help="the PDF file to write")
    parser.add_argument(
        "--priority", metavar="NAME", help="only this priority (its title, part of it, or number)"
    )
    parser.add_argument(
        "--marking",
        metavar="TEXT",
        help='protective marking printed on every page, e.g. "OFFICIAL-SENSITIVE" '
        "(default: the plan's own, from Plan settings)",
    )
    parser.add_argument(
        "--appendix", action="store_true", help="add an appendix listing every action in full"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the PDF and say where."""
    from actionplan.services.report import make_report  # reportlab loads only when printing

    with open_database(args) as db:
        out = make_report(
            db,
            args.out,
            plan_name=args.plan,
            as_of=today(args),
            priority=args.priority,
            marking=args.marking,
            appendix=args.appendix,
        )
    print(f"Wrote the board pack to {out}")
    return 0
