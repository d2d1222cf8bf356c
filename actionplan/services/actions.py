"""Reading a plan's actions as rows people see: leads, dates, RAG beside the suggested RAG."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from actionplan.domain.rules import STALE_AFTER_DAYS
from actionplan.services.as_at import rows_as_at
from actionplan.services.first_look import build_action_rows
from actionplan.services.views import ActionRow
from actionplan.store.database import Database
from actionplan.store.queries import (
    latest_updates,
    leads_by_action,
    snapshot_states,
    update_history,
)
from actionplan.store.quick_read import ACTION_COLUMNS
from actionplan.store.tables import Action, Outcome, Priority

__all__ = ["ActionRow", "action_rows", "action_rows_as_at"]

_ACTION_COLUMNS = tuple(col(getattr(Action, name)) for name in ACTION_COLUMNS)


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
    with db.reading() as session:
        return _rows(session, plan_id, as_of, stale_after_days, limit, action_ids)


def action_rows_as_at(
    db: Database, plan_id: int, day: date, stale_after_days: int = STALE_AFTER_DAYS
) -> list[ActionRow]:
    """The plan's actions as they stood at the end of ``day``: RAG, status and latest update
    from what was written by then, with updates dated later left out."""
    with db.reading() as session:
        return _rows(session, plan_id, day, stale_after_days, None, None, as_at=True)


def _rows(
    session: Session,
    plan_id: int,
    as_of: date,
    stale_days: int,
    limit: int | None,
    action_ids: list[int] | None,
    as_at: bool = False,
) -> list[ActionRow]:
    titles = select(Priority.id, Priority.title).where(Priority.plan_id == plan_id)
    priority_titles = {
        priority_id: title for priority_id, title in session.exec(titles) if priority_id is not None
    }
    query = (
        sa_select(*_ACTION_COLUMNS)
        .join(Priority, col(Priority.id) == Action.priority_id)
        .where(col(Action.plan_id) == plan_id)
        .order_by(col(Priority.position), col(Priority.id), col(Action.position), col(Action.id))
        .limit(limit)
    )
    if action_ids is not None:
        query = query.where(col(Action.id).in_(action_ids))
    actions: Sequence[Sequence[Any]] = session.connection().execute(query).all()
    only = [action[0] for action in actions] if limit is not None or action_ids else None
    if as_at:
        history = update_history(session, plan_id, only)
        snapshots = snapshot_states(session, plan_id, as_of)
        actions, latest = rows_as_at(actions, history, snapshots, as_of)
    else:
        latest = latest_updates(session, plan_id, only)
    # Plain column tuples rather than ORM objects: many times faster on a 24,000-action plan.
    return build_action_rows(
        actions,
        priority_titles,
        _outcome_titles(session, plan_id),
        leads_by_action(session, plan_id, only),
        latest,
        as_of,
        stale_days,
    )


def _outcome_titles(session: Session, plan_id: int) -> dict[int, str]:
    query = (
        select(Outcome.id, Outcome.title)
        .join(Priority, col(Priority.id) == Outcome.priority_id)
        .where(Priority.plan_id == plan_id)
    )
    return {
        outcome_id: title for outcome_id, title in session.exec(query) if outcome_id is not None
    }
