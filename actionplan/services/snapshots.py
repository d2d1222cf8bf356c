"""Snapshots: the plan's RAG and status frozen at a board meeting, and what moved since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from actionplan.domain.movement import Movement, movement
from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.rules import is_complete
from actionplan.domain.status import status_from_word
from actionplan.services.as_at import words_as_at
from actionplan.services.errors import ServiceError
from actionplan.services.plans import chosen_plan
from actionplan.store.database import Database
from actionplan.store.snapshots import SnapshotInfo, save_snapshot, snapshot_entries, snapshots_of

__all__ = [
    "SnapshotBaseline",
    "SnapshotInfo",
    "baseline_before",
    "list_snapshots",
    "movements",
    "take_snapshot",
]


@dataclass(frozen=True)
class SnapshotBaseline:
    """The snapshot a report compares with, and each action's RAG in it."""

    info: SnapshotInfo
    rags: dict[int, Rag]
    complete: frozenset[int] = frozenset()  # the actions complete (or Blue) when it was taken

    def movement_of(self, action_id: int, now: Rag) -> Movement:
        """How the action's RAG moved since the snapshot (NEW when it was not in it)."""
        return movement(self.rags.get(action_id), now)


def take_snapshot(
    db: Database, name: str, plan_name: str | None = None, as_of: date | None = None
) -> int:
    """Freeze every action's RAG and status as at the date (today unless given), under a name;
    returns its id."""
    name = " ".join(name.split())
    if not name:
        raise ServiceError("A snapshot needs a name, such as 'Board 12 March'.")
    plan = chosen_plan(db, plan_name)
    day = as_of or date.today()
    # A snapshot dated in the past freezes the plan as it stood that day, not as it is now.
    frozen = save_snapshot(db, plan.id, name, day, partial(words_as_at, day=day))
    if frozen is None:
        raise ServiceError(f"The plan already has a snapshot called '{name}'.")
    return frozen


def list_snapshots(db: Database, plan_id: int) -> list[SnapshotInfo]:
    """The plan's snapshots, oldest first."""
    return snapshots_of(db, plan_id)


def baseline_before(db: Database, plan_id: int, as_of: date) -> SnapshotBaseline | None:
    """The latest snapshot taken before ``as_of`` with its RAGs; None when there is none."""
    earlier = [s for s in list_snapshots(db, plan_id) if s.taken_on < as_of]
    if not earlier:
        return None
    info = earlier[-1]
    entries = snapshot_entries(db, info.id)
    rags = {action_id: rag_from_word(rag) for action_id, rag, _ in entries}
    complete = frozenset(
        action_id
        for action_id, rag, status in entries
        if is_complete(status_from_word(status), rag_from_word(rag))
    )
    return SnapshotBaseline(info, rags, complete)


def movements(db: Database, plan_id: int, as_of: date, now: dict[int, Rag]) -> dict[int, Movement]:
    """Each action's movement since the latest snapshot before ``as_of`` (empty when none)."""
    baseline = baseline_before(db, plan_id, as_of)
    if baseline is None:
        return {}
    return {action_id: baseline.movement_of(action_id, rag) for action_id, rag in now.items()}
