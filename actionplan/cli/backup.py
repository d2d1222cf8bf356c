"""`actionplan backup OUT.db`: a safe copy of the live database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from actionplan.cli.common import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the backup command."""
    parser = commands.add_parser(
        "backup", parents=[common], help="copy the database safely to a new file"
    )
    parser.add_argument("out", metavar="OUT.db", type=Path, help="the new backup file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Copy the database and say where to."""
    from actionplan.services.backup import backup_database  # loaded only when the command runs

    with open_database(args) as db:
        out = backup_database(db, args.out)
        print(f"Backed up {db.shown} to {out}")
    return 0
