"""`actionplan import FILE.xlsx`: import a partnership's workbook as a new plan."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from actionplan.cli.common import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the import command."""
    parser = commands.add_parser(
        "import",
        parents=[common],
        help="import a workbook (.xlsx, .xls, .ods) or .csv as a new plan; prints what it found",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the workbook to import")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    parser.add_argument(
        "--map",
        metavar="HEADING=field",
        action="append",
        default=[],
        dest="overrides",
        help='correct a column\'s meaning, e.g. --map "Who=lead" or --map "Notes=ignore" '
        "(repeatable)",
    )
    parser.add_argument("--title", metavar="NAME", help="the new plan's title")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the preview, then import it unless this is a dry run."""
    from actionplan.services.importing import (
        import_previewed,
        preview_import,
    )  # loaded only when the command runs

    # Read first: a refused workbook leaves no database made for it.
    preview = preview_import(args.file, args.overrides)
    if args.dry_run:
        print("\n".join(preview.lines()))
        print("Dry run: nothing was written.")
        return 0
    with open_database(args) as db:
        result = import_previewed(db, preview, title=args.title)
        print("\n".join(result.preview.lines()))
        print(
            f"Imported '{result.title}' as a new plan: "
            f"{result.preview.plan.action_count} actions, into {db.shown}."
        )
    return 0
