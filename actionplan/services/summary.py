"""The plan at a glance: counts, RAG totals, overdue and stale, per priority."""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.domain.rag import Rag
from actionplan.domain.rules import STALE_AFTER_DAYS, rag_tally, tally
from actionplan.services.actions import ActionRow, action_rows_as_at
from actionplan.services.plans import find_plan
from actionplan.store.database import Database
from actionplan.store.queries import PriorityInfo
from actionplan.store.summary import plan_counts


def _by_word(counts: dict[Rag, int]) -> dict[str, int]:
    """RAG counts keyed by the RAG's word, as the command-line contract writes them."""
    return {rag.value: count for rag, count in counts.items()}


def plan_summary(
    db: Database,
    plan_name: str | None = None,
    as_of: date | None = None,
    stale_after_days: int = STALE_AFTER_DAYS,
) -> dict[str, Any]:
    """The summary object of the command-line contract (``summary --json``), as at ``as_of``.

    A database with no plan gives the same keys with zeros and ``"plan": null``.
    """
    as_of = as_of or date.today()
    plan = find_plan(db, plan_name)
    if plan is None:
        return _empty(as_of)
    counts = plan_counts(db, plan.id)
    rows = action_rows_as_at(db, plan.id, as_of, stale_after_days)
    judged = tally(rows)
    return {
        "plan": plan.title,
        "as_of": as_of.isoformat(),
        "priorities": len(counts.priorities),
        "outcomes": counts.outcomes,
        "actions": len(rows),
        "measures": counts.measures,
        "rag": _by_word(judged.rag),
        "overdue": judged.overdue,
        "stale": judged.stale,
        "no_update": judged.no_update,
        "complete": judged.complete,
        "by_priority": [_priority_entry(p, rows) for p in counts.priorities],
    }


def _priority_entry(priority: PriorityInfo, rows: list[ActionRow]) -> dict[str, Any]:
    judged = tally(row for row in rows if row.priority_id == priority.id)
    return {
        "name": priority.title,
        "champion": priority.champion,
        "actions": judged.actions,
        "rag": _by_word(judged.rag),
        "complete": judged.complete,
    }


def _empty(as_of: date) -> dict[str, Any]:
    return {
        "plan": None,
        "as_of": as_of.isoformat(),
        "priorities": 0,
        "outcomes": 0,
        "actions": 0,
        "measures": 0,
        "rag": _by_word(rag_tally([])),
        "overdue": 0,
        "stale": 0,
        "no_update": 0,
        "complete": 0,
        "by_priority": [],
    }
