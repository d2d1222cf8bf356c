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

from actionplan.store.database import Database
from actionplan.store.queries import (
    DatedUpdate,
    SnapshotState,
    action_columns,
    latest_updates,
    leads_by_action,
    outcome_titles,
    priority_titles,
    snapshot_states,
    update_history,
)
from actionplan.store.quick_read import LatestUpdate


@dataclass(frozen=True)
class ActionSources:
    """A plan's actions in priority and position order, with what their rows show."""

    actions: Sequence[Sequence[Any]]
    priority_titles: dict[int, str]
    outcome_titles: dict[int, str]
    leads: dict[int, list[tuple[str, str]]]
    latest: dict[int, LatestUpdate] = field(default_factory=dict)
    # For a plan as it stood on a day: every action's updates and snapshot states.
    history: dict[int, list[DatedUpdate]] = field(default_factory=dict)
    snapshots: dict[int, list[SnapshotState]] = field(default_factory=dict)


def action_sources(
    db: Database, plan_id: int, limit: int | None = None, action_ids: list[int] | None = None
) -> ActionSources:
    """The plan's actions (the first ``limit``, or those of ``action_ids``, if given) with
    each one's newest update."""
    with db.reading() as session:
        actions = action_columns(session, plan_id, limit, action_ids)
        only = [action[0] for action in actions] if limit is not None or action_ids else None
        return ActionSources(
            actions,
            priority_titles(session, plan_id),
            outcome_titles(session, plan_id),
            leads_by_action(session, plan_id, only),
            latest=latest_updates(session, plan_id, only),
        )


def action_sources_as_at(db: Database, plan_id: int, day: date) -> ActionSources:
    """All the plan's actions with every update and the snapshot states taken by ``day``."""
    with db.reading() as session:
        return ActionSources(
            action_columns(session, plan_id),
            priority_titles(session, plan_id),
            outcome_titles(session, plan_id),
            leads_by_action(session, plan_id, None),
            history=update_history(session, plan_id, None),
            snapshots=snapshot_states(session, plan_id, day),
        )
