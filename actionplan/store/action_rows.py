"""What a plan's action rows are built from, read in one session: the actions' columns
(``quick_read.ACTION_COLUMNS`` order), titles, leads and updates.

Every function takes the Database handle and opens its own session. Plain column tuples
rather than ORM objects: many times faster on a 24,000-action plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from actionplan.store.database import Database
from actionplan.store.queries import (
    latest_updates,
    leads_by_action,
    snapshot_states,
    update_history,
)
from actionplan.store.quick_read import ACTION_COLUMNS, LatestUpdate
from actionplan.store.tables import Action, Outcome, Priority

_ACTION_COLUMNS = tuple(col(getattr(Action, name)) for name in ACTION_COLUMNS)


@dataclass(frozen=True)
class ActionSources:
    """A plan's actions in priority and position order, with what their rows show."""

    actions: Sequence[Sequence[Any]]
    priority_titles: dict[int, str]
    outcome_titles: dict[int, str]
    leads: dict[int, list[tuple[str, str]]]
    latest: dict[int, LatestUpdate] = field(default_factory=dict)
    # For a plan as it stood on a day: every action's updates and snapshot states.
    history: dict[int, list[Any]] = field(default_factory=dict)
    snapshots: dict[int, list[Any]] = field(default_factory=dict)


def action_sources(
    db: Database, plan_id: int, limit: int | None = None, action_ids: list[int] | None = None
) -> ActionSources:
    """The plan's actions (the first ``limit``, or those of ``action_ids``, if given) with
    each one's newest update."""
    with db.reading() as session:
        actions = _actions(session, plan_id, limit, action_ids)
        only = [action[0] for action in actions] if limit is not None or action_ids else None
        return ActionSources(
            actions,
            _priority_titles(session, plan_id),
            _outcome_titles(session, plan_id),
            leads_by_action(session, plan_id, only),
            latest=latest_updates(session, plan_id, only),
        )


def action_sources_as_at(db: Database, plan_id: int, day: date) -> ActionSources:
    """All the plan's actions with every update and the snapshot states taken by ``day``."""
    with db.reading() as session:
        return ActionSources(
            _actions(session, plan_id, None, None),
            _priority_titles(session, plan_id),
            _outcome_titles(session, plan_id),
            leads_by_action(session, plan_id, None),
            history=update_history(session, plan_id, None),
            snapshots=snapshot_states(session, plan_id, day),
        )


def _actions(
    session: Session, plan_id: int, limit: int | None, action_ids: list[int] | None
) -> Sequence[Sequence[Any]]:
    query = (
        sa_select(*_ACTION_COLUMNS)
        .join(Priority, col(Priority.id) == Action.priority_id)
        .where(col(Action.plan_id) == plan_id)
        .order_by(col(Priority.position), col(Priority.id), col(Action.position), col(Action.id))
        .limit(limit)
    )
    if action_ids is not None:
        query = query.where(col(Action.id).in_(action_ids))
    return session.connection().execute(query).all()


def _priority_titles(session: Session, plan_id: int) -> dict[int, str]:
    titles = select(Priority.id, Priority.title).where(Priority.plan_id == plan_id)
    return {
        priority_id: title for priority_id, title in session.exec(titles) if priority_id is not None
    }


def _outcome_titles(session: Session, plan_id: int) -> dict[int, str]:
    query = (
        select(Outcome.id, Outcome.title)
        .join(Priority, col(Priority.id) == Outcome.priority_id)
        .where(Priority.plan_id == plan_id)
    )
    return {
        outcome_id: title for outcome_id, title in session.exec(query) if outcome_id is not None
    }
