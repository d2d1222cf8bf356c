"""A plan's first screenful, read before the database layer has loaded.

The window calls this at start: it reads the plans and the chosen plan's first actions
with the store's quick reader and builds the same rows ``action_rows`` gives, so the
window can show them at once and open the database properly just after. None means
the database needs the ordinary path (new, older schema, server, damaged).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from actionplan.domain.rag import rag_from_word
from actionplan.domain.rules import (
    STALE_AFTER_DAYS,
    ActionDates,
    judge,
)
from actionplan.domain.status import status_from_word
from actionplan.services.views import ActionRow, PlanInfo
from actionplan.store.quick_read import READ_ERRORS, LatestUpdate, quick_reader


@dataclass(frozen=True)
class FirstLook:
    """The plans (newest first), which one to show, and its first rows."""

    plans: list[PlanInfo]
    chosen: int
    rows: list[ActionRow]


def first_look(target: str, wanted: str | None, as_of: date, limit: int) -> FirstLook | None:
    """The plans and the first ``limit`` rows of the wanted plan (or the newest)."""
    with quick_reader(target) as reader:
        if reader is None:
            return None
        try:
            plans = [PlanInfo(*columns) for columns in reader.plans_newest_first()]
            if not plans:
                return FirstLook(plans, -1, [])
            chosen = pick_plan(plans, wanted)
            plan_id = plans[chosen].id
            actions = reader.action_columns(plan_id, limit)
            ids = [action[0] for action in actions]
            rows = build_action_rows(
                actions,
                reader.priority_titles(plan_id),
                reader.outcome_titles(plan_id),
                reader.leads_by_action(plan_id, ids),
                reader.latest_updates(plan_id, ids),
                as_of,
            )
        except READ_ERRORS:
            # Anything unexpected in the file: the ordinary path opens it and says what is wrong.
            return None
    return FirstLook(plans, chosen, rows)


def pick_plan(plans: Sequence[PlanInfo], wanted: str | None) -> int:
    """Which plan to show: the one whose whole title is ``wanted`` ignoring case, else the
    first whose title contains it, else the newest (the first)."""
    words = (wanted or "").strip().casefold()
    if not words:
        return 0
    titles = [plan.title.casefold() for plan in plans]
    if words in titles:
        return titles.index(words)
    return next((number for number, title in enumerate(titles) if words in title), 0)


def build_action_rows(
    actions: Iterable[Sequence],
    priority_titles: dict[int, str],
    outcome_titles: dict[int, str],
    leads: dict[int, list[tuple[str, str]]],
    updates: dict[int, LatestUpdate],
    as_of: date,
    stale_days: int = STALE_AFTER_DAYS,
) -> list[ActionRow]:
    """Table rows from action columns (the store's ACTION_COLUMNS order) and their context."""
    rows = []
    for (
        action_id,
        priority_id,
        outcome_id,
        ref,
        text,
        lead_raw,
        timescale_raw,
        due_date,
        status_word,
        rag_word,
        how_we_know,
    ) in actions:
        latest = updates.get(action_id)
        named = leads.get(action_id, [])
        status = status_from_word(status_word)
        last = latest.update_date if latest else None
        rag = rag_from_word(rag_word)
        dates = ActionDates(status, due_date, last, rag, latest is not None)
        judged = judge(dates, as_of, stale_days)
        rows.append(
            ActionRow(
                id=action_id,
                priority_id=priority_id,
                priority_title=priority_titles[priority_id],
                outcome_id=outcome_id,
                outcome_title=outcome_titles.get(outcome_id or -1, ""),
                ref=ref,
                text=text,
                leads=tuple(name for name, _agency in named),
                agencies=tuple(dict.fromkeys(agency for _name, agency in named if agency)),
                lead_raw=lead_raw,
                timescale_raw=timescale_raw,
                due_date=due_date,
                status=status,
                rag=rag,
                suggested_rag=judged.suggestion.rag,
                suggestion_reason=judged.suggestion.reason,
                overdue=judged.overdue,
                stale=judged.stale,
                latest_update=latest.text if latest else "",
                latest_update_date=last,
                latest_update_author=latest.author if latest else "",
                how_we_know=how_we_know,
                has_update=latest is not None,
                no_update=judged.no_update,
                latest_update_precision=latest.precision if latest else "day",
            )
        )
    return rows
