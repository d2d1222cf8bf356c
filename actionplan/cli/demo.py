"""`actionplan demo`: load the sample plans into the database."""

from __future__ import annotations

import argparse
from typing import Any

from actionplan.cli.common import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the demo command."""
    parser = commands.add_parser(
        "demo", parents=[common], help="load the sample plans (skips any already loaded)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Import each sample workbook not loaded yet and say what happened to each."""
    from actionplan.services.sample_plans import (
        load_sample_plans,
    )  # loaded only when the command runs

    with open_database(args) as db:
        loads = load_sample_plans(db)
        for load in loads:
            what = "Loaded" if load.loaded else "Already loaded"
            print(
                f"{what} '{load.title}' from {load.path.name}: "
                f"{load.priorities} priorities, {load.actions} actions."
            )
        if not loads:
            print("No sample plans were found.")
    return 0
