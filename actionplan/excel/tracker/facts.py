"""What the tracker works out about each action from the domain rules: due, suggested RAG, flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.domain.plan_data import ActionData, PlanData, UpdateData
from actionplan.domain.rag import Rag
from actionplan.domain.rules import ActionDates, judge
from actionplan.domain.status import Status
from actionplan.domain.timescale import parse_timescale
from actionplan.domain.update_dates import oldest_first


@dataclass(frozen=True)
class ActionFacts:
    """One action as the tracker shows it, beside the words stored for it.
    Separate from ActionRow because the tracker works from a plan read whole, with no
    database ids, and writes the stored words (ActionData) beside what the rules judged.
    """

    key: int
    priority: int
    action: ActionData
    due: date | None
    suggested: Rag
    overdue: bool
    stale: bool
    latest: UpdateData | None
    no_update: bool = False  # open and never updated

    @property
    def rag(self) -> Rag:
        """The lead's own RAG as stored."""
        return self.action.rag

    @property
    def status(self) -> Status:
        """The status as stored."""
        return self.action.status


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
    judged = judge(dates, as_of)
    return ActionFacts(
        key=key,
        priority=priority,
        action=action,
        due=due,
        suggested=judged.suggestion.rag,
        overdue=judged.overdue,
        stale=judged.stale,
        latest=latest,
        no_update=judged.no_update,
    )
