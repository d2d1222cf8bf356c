"""The plan as it stood at the end of a day, for the as-at board pack, summary and tracker.

Updates dated after the day are left out, and each action's RAG and status are those the
updates and snapshots written by then give it (see ``domain.as_at``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from actionplan.domain.as_at import ActionState, DatedState, state_as_at, written_by
from actionplan.domain.plan_data import ActionData, PlanData
from actionplan.domain.rag import rag_from_word
from actionplan.domain.status import status_from_word
from actionplan.store.database import Database
from actionplan.store.queries import DatedUpdate, SnapshotState
from actionplan.store.quick_read import ACTION_COLUMNS, LatestUpdate
from actionplan.store.snapshots import snapshot_states_by

_RAG, _STATUS = ACTION_COLUMNS.index("rag"), ACTION_COLUMNS.index("status")


def _stored(rag: str, status: str) -> ActionState:
    return ActionState(rag_from_word(rag), status_from_word(status))


def _updates(rows: Sequence[DatedUpdate]) -> list[DatedState]:
    return [DatedState(row.update_date, _stored(row.rag, row.status)) for row in rows]


def _snapshots(rows: Sequence[SnapshotState]) -> list[DatedState]:
    return [DatedState(row.taken_on, _stored(row.rag, row.status)) for row in rows]


def rows_as_at(
    actions: Sequence[Sequence[Any]],
    history: dict[int, list[DatedUpdate]],
    snapshots: dict[int, list[SnapshotState]],
    day: date,
) -> tuple[list[Sequence[Any]], dict[int, LatestUpdate]]:
    """The action columns with RAG and status as at ``day``, and each one's newest update then."""
    shown, latest = [], {}
    for action in actions:
        state = _changed_state(action[0], action[_RAG], action[_STATUS], history, snapshots, day)
        shown.append(action if state is None else _with_state(action, state))
        written = [u for u in history.get(action[0], []) if written_by(u.update_date, day)]
        if written:
            newest = written[-1]
            latest[action[0]] = LatestUpdate(
                newest.update_date, newest.text, newest.author, newest.date_precision
            )
    return shown, latest


def words_as_at(
    action_id: int,
    rag: str,
    status: str,
    history: dict[int, list[DatedUpdate]],
    snapshots: dict[int, list[SnapshotState]],
    day: date,
) -> tuple[str, str]:
    """The stored RAG and status words of the action as at ``day`` (for a snapshot of then)."""
    state = _changed_state(action_id, rag, status, history, snapshots, day)
    return (rag, status) if state is None else (state.rag.value, _status_word(state))


def _changed_state(
    action_id: int,
    rag: str,
    status: str,
    history: dict[int, list[DatedUpdate]],
    snapshots: dict[int, list[SnapshotState]],
    day: date,
) -> ActionState | None:
    """The action's state as at ``day``, or None when that is the state it has now."""
    rows = history.get(action_id, [])
    if all(written_by(row.update_date, day) for row in rows):
        return None  # the common case on a big plan, settled without building anything
    current = _stored(rag, status)
    earlier = _snapshots(snapshots.get(action_id, []))
    state = state_as_at(current, _updates(rows), earlier, day)
    return None if state is current else state


def _with_state(action: Sequence[Any], state: ActionState) -> tuple[Any, ...]:
    columns = list(action)
    columns[_RAG] = state.rag.value
    columns[_STATUS] = _status_word(state)
    return tuple(columns)


def _status_word(state: ActionState) -> str:
    # The word stored for an action whose status nobody gave, read back as such wherever shown.
    return state.status.value if state.status is not None else ""


def plan_as_at(
    db: Database, plan_id: int, data: PlanData, action_ids: list[int], day: date
) -> PlanData:
    """The whole plan as at ``day``: ``action_ids`` are its actions' ids in plan order."""
    snapshots = snapshot_states_by(db, plan_id, day)
    ids = iter(action_ids)
    priorities = [
        replace(p, actions=[_action_as_at(a, snapshots.get(next(ids), []), day) for a in p.actions])
        for p in data.priorities
    ]
    return replace(data, priorities=priorities)


def _action_as_at(action: ActionData, snapshots: Sequence[SnapshotState], day: date) -> ActionData:
    current = ActionState(action.rag, action.status)
    updates = [DatedState(u.update_date, ActionState(u.rag, u.status)) for u in action.updates]
    state = state_as_at(current, updates, _snapshots(snapshots), day)
    if state is current:
        return action
    return replace(
        action,
        rag=state.rag,
        rag_raw="",
        status=status_from_word(_status_word(state)),
        status_raw="",
        updates=[u for u in action.updates if written_by(u.update_date, day)],
    )
