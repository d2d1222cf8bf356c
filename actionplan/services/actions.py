"""Reading a plan's actions as rows people see: leads, dates, RAG beside the suggested RAG."""

from __future__ import annotations

from datetime import date

from actionplan.domain.rules import STALE_AFTER_DAYS
from actionplan.services.as_at import rows_as_at
from actionplan.services.first_look import build_action_rows
from actionplan.services.views import ActionRow
from actionplan.store.action_rows import action_sources, action_sources_as_at
from actionplan.store.database import Database

__all__ = ["ActionRow", "action_rows", "action_rows_as_at"]


def action_rows(
    db: Database,
    plan_id: int,
    as_of: date,
    stale_after_days: int = STALE_AFTER_DAYS,
    limit: int | None = None,
    action_ids: list[int] | None = None,
) -> list[ActionRow]:
    """The plan's actions in priority and position order: only the first ``limit`` if given,
    only those of ``action_ids`` if given (to show a change without reading the whole plan)."""
    found = action_sources(db, plan_id, limit, action_ids)
    return build_action_rows(
        found.actions,
        found.priority_titles,
        found.outcome_titles,
        found.leads,
        found.latest,
        as_of,
        stale_after_days,
    )


def action_rows_as_at(
    db: Database, plan_id: int, day: date, stale_after_days: int = STALE_AFTER_DAYS
) -> list[ActionRow]:
    """The plan's actions as they stood at the end of ``day``: RAG, status and latest update
    from what was written by then, with updates dated later left out."""
    found = action_sources_as_at(db, plan_id, day)
    actions, latest = rows_as_at(found.actions, found.history, found.snapshots, day)
    return build_action_rows(
        actions,
        found.priority_titles,
        found.outcome_titles,
        found.leads,
        latest,
        day,
        stale_after_days,
    )
