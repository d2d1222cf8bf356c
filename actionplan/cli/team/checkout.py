"""`actionplan team checkout --db URL --plan NAME --to local.db`: a plan into a file, offline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from actionplan.cli.team.wording import counted


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the team checkout command."""
    parser = commands.add_parser(
        "checkout",
        parents=[common],
        help="copy a plan from the team's server into a file to work on offline",
        description="Copy one plan from the team's server into a file, with all that "
        "belongs to it and the review recommendations its actions answer (with their links to "
        "this plan's actions only). Its links to another plan (the plan it was rolled forward "
        "to, or carried actions from) are kept in words only, and the command says so.",
    )
    parser.add_argument(
        "--to",
        dest="to_file",
        metavar="FILE.db",
        type=Path,
        required=True,
        help="the new file (or this plan's earlier checkout, which is kept aside first)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check the plan out and say where it went."""
    from actionplan.services.team import checkout, shown_server  # loaded only when run

    done = checkout(args.db, args.plan, args.to_file)
    print(
        f"Checked out '{done.copied.title}' from {shown_server(args.db)} to {done.file}: "
        f"{counted(done.copied)}; publish it back with "
        f"'actionplan team publish --from {done.file}'."
    )
    for sentence in done.copied.notes:
        print(sentence)
    if done.earlier_kept_as is not None:
        print(f"The earlier checkout was kept as {done.earlier_kept_as}.")
    return 0
