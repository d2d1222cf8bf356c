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
        "--appendix",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add (or leave out) an appendix listing every action in full "
        "(default: as last saved in the window's Board pack dialog, else left out)",
    )
    parser.add_argument(
        "--cover",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="start (or not) with a full-page cover before the summary "
        "(default: as last saved in the window, else the summary on page 1)",
    )
    parser.add_argument(
        "--partnership",
        metavar="TEXT",
        help="the partnership's name, printed on the pack; kept with the plan for later packs "
        '(also in Plan settings); "" clears it',
    )
    parser.add_argument(
        "--prepared-by",
        metavar="TEXT",
        help='who prepared the pack, e.g. "Business Unit"; kept with the plan for later packs '
        '(also in Plan settings); "" clears it',
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Keep any names given with the plan, write the PDF and say where."""
    from actionplan.services.pack_names import keep_pack_names, put_back
    from actionplan.services.report import make_report  # reportlab loads only when printing

    with open_database(args) as db:
        kept = keep_pack_names(db, args.plan, args.partnership, args.prepared_by)
        try:
            out = make_report(
                db,
                args.out,
                plan_name=args.plan,
                as_of=today(args),
                priority=args.priority,
                marking=args.marking,
                appendix=args.appendix,
                cover=args.cover,
            )
        except BaseException:
            if kept is not None:  # a pack that was not written changes nothing
                put_back(db, kept)
            raise
    print(f"Wrote the board pack to {out}")
    if kept is not None:
        print(f"{_names_kept(args)} kept with the plan for later packs.")
    return 0


def _names_kept(args: argparse.Namespace) -> str:
    """ "The partnership name is", '"Prepared by" is', or both "are"."""
    if args.partnership is not None and args.prepared_by is not None:
        return 'The partnership name and "prepared by" are'
    return "The partnership name is" if args.partnership is not None else '"Prepared by" is'
