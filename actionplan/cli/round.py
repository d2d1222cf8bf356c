"""`actionplan round start|status|collect|chase|close`: the quarterly update round."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actionplan.cli.common import EXIT_FAILED, open_database, parse_as_of, today

if TYPE_CHECKING:
    from actionplan.services.workspace import Database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the round command and its steps."""
    parser = commands.add_parser(
        "round", parents=[common], help="ask every lead for an update by a date, then collect"
    )
    steps = parser.add_subparsers(dest="step", metavar="STEP", required=True)
    start = steps.add_parser("start", parents=[common], help="write each lead's return and email")
    start.add_argument("--due", required=True, type=parse_as_of, metavar="YYYY-MM-DD")
    start.add_argument("--board", default="", help='the board it is for, e.g. "Board 20 March"')
    start.add_argument("--message", default="", help="the covering message in each email")
    start.add_argument(
        "--lead", action="append", dest="leads", metavar="NAME", help="ask only this lead (repeat)"
    )
    start.add_argument("--reply-to", default="", metavar="EMAIL", help="your email address")
    start.add_argument("--out", type=Path, metavar="DIR", help="folder for the files")
    start.set_defaults(handler=_start)
    status = steps.add_parser("status", parents=[common], help="who has answered, who is late")
    collect = steps.add_parser("collect", parents=[common], help="receive returned workbooks")
    collect.add_argument("files", metavar="DIR_OR_FILE", type=Path, nargs="+")
    collect.add_argument("--apply", action="store_true", help="merge the changes into the plan")
    chase = steps.add_parser("chase", parents=[common], help="write chase emails for late leads")
    chase.add_argument("--lead", action="append", dest="leads", metavar="NAME")
    close = steps.add_parser("close", parents=[common], help="close the round with a snapshot")
    for step in (status, collect, chase, close):
        step.add_argument("--round", default=None, metavar="NAME", help="default: the newest")
    status.set_defaults(handler=_status)
    collect.set_defaults(handler=_collect)
    chase.set_defaults(handler=_chase)
    close.set_defaults(handler=_close)


def _start(args: argparse.Namespace) -> int:
    from actionplan.services.rounds import RoundStart, start_round

    start = RoundStart(args.due, args.board, args.message, args.leads, args.reply_to)
    out = args.out or Path(start.name)
    with open_database(args) as db:
        round_ = start_round(db, start, out, args.plan, today(args))
        _print_table(db, round_, args)
    print(f"Round '{round_.name}' started: returns and email drafts are in '{out}'.")
    return 0


def _status(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        _print_table(db, _round(db, args), args)
    return 0


def _round(db: Database, args: argparse.Namespace) -> Any:
    from actionplan.services.rounds import find_round

    return find_round(db, args.plan, args.round)


def _print_table(db: Database, round_: Any, args: argparse.Namespace) -> None:
    from actionplan.domain.timescale import format_due
    from actionplan.services.round_progress import status_table

    table = status_table(db, round_, today(args))
    widths = [max(len(row[n]) for row in table) for n in range(len(table[0]))]
    closed = f", closed {format_due(round_.closed_on)}" if round_.closed_on else ""
    print(f"{round_.name} – due {format_due(round_.due)}{closed}")
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _collect(args: argparse.Namespace) -> int:
    from actionplan.services.round_progress import merge_collected
    from actionplan.services.rounds import collect_returns

    files = [
        f for path in args.files for f in (sorted(path.glob("*.xlsx")) if path.is_dir() else [path])
    ]
    receive = merge_collected if args.apply else collect_returns
    with open_database(args) as db:
        items = receive(db, _round(db, args), files, today(args))
    for item in items:
        if item.error:
            continue
        print(item.report.heading())
        for change in item.report.changes:
            if change.kind not in ("unchanged", "already"):
                print(f"  {change.describe()}")
    waiting = sum(item.report.count("change") for item in items)
    if not args.apply and waiting:
        print(f"Received; nothing merged yet: run again with --apply to record {waiting} changes.")
    for item in items:
        if item.error:
            print(f"actionplan: {item.error}", file=sys.stderr)
    return EXIT_FAILED if any(item.error for item in items) else 0


def _chase(args: argparse.Namespace) -> int:
    from actionplan.services.round_progress import chase

    with open_database(args) as db:
        round_ = _round(db, args)
        drafts = chase(db, round_, args.leads, today(args))
    for draft in drafts:
        print(f"Chase email written: {draft}")
    return 0


def _close(args: argparse.Namespace) -> int:
    from actionplan.services.round_progress import close, round_record

    with open_database(args) as db:
        round_ = _round(db, args)
        close(db, round_, today(args))
        record = round_record(db, _round(db, args))
    print(f"Round '{round_.name}' closed; snapshot '{round_.name}' taken. {record.headline}")
    return 0
