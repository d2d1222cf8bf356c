"""What the tracker works out about each action from the domain rules: due, suggested RAG, flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.domain.plan_data import ActionData, PlanData, UpdateData
from actionplan.domain.rag import Rag
from actionplan.domain.rules import (
    ActionDates,
    is_complete,
    is_overdue,
    is_stale,
    rag_tally,
    suggest_rag,
)
from actionplan.domain.timescale import parse_timescale
from actionplan.domain.update_dates import oldest_first


@dataclass(frozen=True)
class ActionFacts:
    """One action as the tracker shows it, beside the words stored for it."""

    key: int
    priority: int
    action: ActionData
    due: date | None
    suggested: Rag
    overdue: bool
    stale: bool
    latest: UpdateData | None


@dataclass(frozen=True)
class Counts:
    """RAG, overdue and stale counts for a priority or the whole plan."""

    actions: int
    rag: dict[Rag, int]
    overdue: int
    stale: int
    complete: int = 0


def latest_update(updates: list[UpdateData]) -> UpdateData | None:
    """The most recent update (the later one written when two share a date; undated count
    as the oldest, as the app's own lists sort them)."""
    if not updates:
        return None
    return max(enumerate(updates), key=lambda pair: (oldest_first(pair[1].update_date), pair[0]))[1]


def action_facts(plan: PlanData, as_of: date) -> list[ActionFacts]:
    """Facts for every action in plan order."""
    facts: list[ActionFacts] = []
    for index, priority in enumerate(plan.priorities):
        for action in priority.actions:
            facts.append(_facts(len(facts), index, action, as_of))
    return facts


def _facts(key: int, priority: int, action: ActionData, as_of: date) -> ActionFacts:
    due = parse_timescale(action.timescale_raw).due
    latest = latest_update(action.updates)
    last = latest.update_date if latest else None
    dates = ActionDates(action.status, due, last, action.rag, latest is not None)
    return ActionFacts(
        key=key,
        priority=priority,
        action=action,
        due=due,
        suggested=suggest_rag(dates, as_of).rag,
        overdue=is_overdue(dates, as_of),
        stale=is_stale(dates, as_of),
        latest=latest,
    )


def count(facts: list[ActionFacts]) -> Counts:
    """The counts over some actions."""
    return Counts(
        actions=len(facts),
        rag=rag_tally(fact.action.rag for fact in facts),
        overdue=sum(fact.overdue for fact in facts),
        stale=sum(fact.stale for fact in facts),
        complete=sum(is_complete(fact.action.status, fact.action.rag) for fact in facts),
    )
