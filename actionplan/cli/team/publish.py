"""`actionplan team publish --from FILE.db --db URL [--plan NAME]`: plans to the server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from actionplan.cli.common import EXIT_FAILED
from actionplan.cli.team.wording import counted


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the team publish command."""
    parser = commands.add_parser(
        "publish",
        parents=[common],
        help="copy plans from a file to the team's server, merging what changed offline",
        description="Copy every plan of the file (or the one --plan names) to the team's "
        "server with all that belongs to it: priorities, outcomes, leads, actions and their "
        "progress, measures, narratives, snapshots, update rounds and issued returns; a plan's "
        "closure and the actions carried from last year's plan, linked to the other plan when "
        "it is on the server or published too (else kept in words, and said); and the file's "
        "review recommendations, those linked to no action too, with their links to the "
        "published plans' actions. A plan published or checked out before is merged field by "
        "field: a field changed on both sides keeps the server's value and is told.",
    )
    parser.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE.db",
        type=Path,
        required=True,
        help="the actionplan file whose plans to publish (all of them unless --plan names one)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Publish, say what was added and changed, and list each conflict on its own line."""
    from actionplan.services.team import publish, shown_server  # loaded only when run

    results = publish(args.from_file, args.db, args.plan)
    where = shown_server(args.db)
    conflicts = 0
    for result in results:
        verb = "Merged" if result.merged else "Published"
        print(f"{verb} '{result.title}' to {where}: {counted(result)}.")
        for sentence in result.notes:
            print(sentence)
        for sentence in result.conflicts:
            print(f"actionplan: {sentence}", file=sys.stderr)
        conflicts += len(result.conflicts)
    return EXIT_FAILED if conflicts else 0
