"""`actionplan summary [--json]`: the plan at a glance."""

from __future__ import annotations

import argparse
import json
from typing import Any

from actionplan.cli.common import open_database, today
from actionplan.domain.rules import NO_UPDATE, stale_heading


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the summary command."""
    parser = commands.add_parser(
        "summary", parents=[common], help="print the plan at a glance (counts, RAG, overdue)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary as JSON or as lines for people."""
    from actionplan.services.summary import plan_summary  # loaded only when the command runs

    with open_database(args) as db:
        result = plan_summary(db, args.plan, today(args))
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else as_text(result))
    return 0


def as_text(result: dict[str, Any]) -> str:
    """The summary as a few lines a person reads at a glance."""
    if result["plan"] is None:
        return "The database holds no plan yet. Import a workbook or load the sample plans."
    rag = result["rag"]
    lines = [
        f"{result['plan']} — position as at {result['as_of']}",
        f"{result['priorities']} priorities, {result['outcomes']} outcomes, "
        f"{result['actions']} actions, {result['measures']} measures",
        f"RAG: {rag['red']} red, {rag['amber']} amber, {rag['green']} green, "
        f"{rag['blue']} blue, {rag['unrated']} not rated; "
        f"complete (status or Blue): {result['complete']}",
        f"Overdue: {result['overdue']}   {stale_heading()}: {result['stale']} "
        f"({result['no_update']} with {NO_UPDATE})",
    ]
    for entry in result["by_priority"]:
        counts = entry["rag"]
        lines.append(
            f"  {entry['name']}: {entry['actions']} actions (R {counts['red']}, "
            f"A {counts['amber']}, G {counts['green']}, B {counts['blue']}, "
            f"not rated {counts['unrated']})"
        )
    return "\n".join(lines)
