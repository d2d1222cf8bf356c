"""`actionplan recommendations …`: the register of review recommendations, listed or imported."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from actionplan.cli.common import Parser, UsageError, open_database, today


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the recommendations group with its list and import subcommands."""
    parser = commands.add_parser(
        "recommendations",
        parents=[common],
        help="list or import the review recommendations and where each stands",
    )
    subcommands = parser.add_subparsers(
        dest="recommendations_command", metavar="WHAT", parser_class=Parser
    )
    listing = subcommands.add_parser(
        "list", parents=[common], help="list them by review, with status"
    )
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(handler=run_list)
    importing = subcommands.add_parser(
        "import", parents=[common], help="import a recommendations workbook (.xlsx, .csv)"
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "--priority",
        metavar="N",
        help="the priority (number or title) of --plan to add actions the plan lacks under",
    )
    importing.set_defaults(handler=run_import)
    parser.set_defaults(handler=_no_subcommand)


def _no_subcommand(_args: argparse.Namespace) -> int:
    raise UsageError("say 'list' or 'import FILE' (see 'actionplan recommendations --help').")


def run_list(args: argparse.Namespace) -> int:
    """Print each review's sentence and its recommendations, or all of it as JSON."""
    from actionplan.services.recommendations import by_review, recommendation_lines

    with open_database(args) as db:
        groups = by_review(recommendation_lines(db, today(args)))
    if args.json:
        print(json.dumps(_as_json(groups, args), ensure_ascii=False, indent=1))
        return 0
    if not groups:
        print("There are no review recommendations yet.")
    for group in groups:
        print(f"{group.review} ({group.review_type.word}): {group.sentence}.")
        for line in group.lines:
            refs = ", ".join(action.ref or "?" for action in line.record.actions)
            print(
                f"  - {line.record.draft.text}  [{line.state.words}]"
                + (f"  actions {refs}" if refs else "")
            )
    return 0


def _as_json(groups: list[Any], args: argparse.Namespace) -> dict[str, Any]:
    return {
        "as_of": today(args).isoformat(),
        "reviews": [
            {
                "review": group.review,
                "type": group.review_type.word,
                "sentence": group.sentence,
                "recommendations": [_line_json(line) for line in group.lines],
            }
            for group in groups
        ],
    }


def _line_json(line: Any) -> dict[str, Any]:
    record = line.record
    return {
        "id": record.id,
        "recommendation": record.draft.text,
        "response": record.draft.response,
        "review_date": record.draft.review_date.isoformat() if record.draft.review_date else None,
        "status": line.state.standing.value,
        "status_words": line.state.words,
        "overdue": list(line.state.overdue),
        "signed_off_by": record.signed_off_by,
        "signed_off_on": record.signed_off_on.isoformat() if record.signed_off_on else None,
        "actions": [
            {
                "plan": action.plan_title,
                "ref": action.ref,
                "text": action.text,
                "status": action.status.word,
            }
            for action in record.actions
        ],
    }


def run_import(args: argparse.Namespace) -> int:
    """Import the workbook into the register; print what it did."""
    from actionplan.services.plans import chosen_plan
    from actionplan.services.recommendation_import import import_recommendations

    with open_database(args) as db:
        plan = chosen_plan(db, args.plan)
        priority = _priority(db, plan.id, args.priority) if args.priority else None
        result = import_recommendations(db, args.file, plan.id, today(args), priority)
    print(result.sentence)
    return 0


def _priority(db: Any, plan_id: int, name: str) -> int:
    from actionplan.services.outline import plan_outline

    wanted = name.strip().casefold()
    for node in plan_outline(db, plan_id):
        if wanted in (node.number.casefold(), node.title.casefold()):
            return node.id
    raise UsageError(f"The plan has no priority numbered or called '{name}'.")
