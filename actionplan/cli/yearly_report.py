"""`actionplan yearly-report OUT.docx --from --to`: the yearly report's progress chapter in Word."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from actionplan.cli.common import open_database, parse_as_of


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the yearly-report command."""
    parser = commands.add_parser(
        "yearly-report",
        parents=[common],
        help="write the yearly report's 'Progress against our priorities' chapter as a "
        "Word file (.docx) covering a period",
    )
    parser.add_argument("out", metavar="OUT.docx", type=Path, help="the Word file to write")
    parser.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        type=parse_as_of,
        required=True,
        help="the first day of the period, e.g. 2024-04-01",
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="YYYY-MM-DD",
        type=parse_as_of,
        required=True,
        help="the last day of the period, e.g. 2025-03-31",
    )
    parser.add_argument(
        "--template",
        metavar="THEIRS.docx",
        type=Path,
        help="the partnership's own Word template: its styles, logo, headers and footers "
        "are used, and anything written in it is kept before the chapter",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the chapter and say where."""
    from actionplan.services.yearly_report import make_yearly_report  # python-docx loads here

    with open_database(args) as db:
        out = make_yearly_report(
            db, args.out, args.start, args.end, plan_name=args.plan, template=args.template
        )
    print(f"Wrote the yearly report chapter to {out}")
    return 0
