"""Snapshots: the plan's RAG and status frozen at a board meeting, and what moved since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert
from sqlmodel import col, select

from actionplan.domain.movement import Movement, movement
from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.rules import is_complete
from actionplan.domain.status import status_from_word
from actionplan.services.as_at import words_as_at
from actionplan.services.errors import ServiceError
from actionplan.services.plans import resolve_plan
from actionplan.store.database import Database
from actionplan.store.queries import snapshot_states, update_history
from actionplan.store.tables import Action, Snapshot, SnapshotEntry


@dataclass(frozen=True)
class SnapshotInfo:
    """A snapshot's name, date and size."""

    id: int
    name: str
    taken_on: date
    actions: int


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
    with db.writing() as session:
        plan = resolve_plan(session, plan_name)
        assert plan is not None and plan.id is not None
        taken = session.exec(select(Snapshot.name).where(Snapshot.plan_id == plan.id)).all()
        if any(existing.casefold() == name.casefold() for existing in taken):
            raise ServiceError(f"The plan already has a snapshot called '{name}'.")
        snapshot = Snapshot(plan_id=plan.id, name=name, taken_on=as_of or date.today())
        session.add(snapshot)
        session.flush()
        query = select(Action.id, Action.rag, Action.status).where(Action.plan_id == plan.id)
        # A snapshot dated in the past freezes the plan as it stood that day, not as it is now.
        history = update_history(session, plan.id)
        earlier = snapshot_states(session, plan.id, snapshot.taken_on)
        entries = []
        for a_id, rag, status in session.exec(query):
            assert a_id is not None
            rag, status = words_as_at(a_id, rag, status, history, earlier, snapshot.taken_on)
            entries.append(
                {"snapshot_id": snapshot.id, "action_id": a_id, "rag": rag, "status": status}
            )
        if entries:
            session.execute(insert(SnapshotEntry), entries)
        assert snapshot.id is not None
        return snapshot.id


def list_snapshots(db: Database, plan_id: int) -> list[SnapshotInfo]:
    """The plan's snapshots, oldest first."""
    sizes = (
        select(SnapshotEntry.snapshot_id, func.count(col(SnapshotEntry.action_id)))
        .join(Snapshot, col(Snapshot.id) == SnapshotEntry.snapshot_id)
        .where(Snapshot.plan_id == plan_id)
        .group_by(col(SnapshotEntry.snapshot_id))
    )
    query = (
        select(Snapshot)
        .where(Snapshot.plan_id == plan_id)
        .order_by(col(Snapshot.taken_on), col(Snapshot.id))
    )
    with db.reading() as session:
        counts = dict(session.exec(sizes).all())
        return [
            SnapshotInfo(s.id, s.name, s.taken_on, counts.get(s.id, 0))
            for s in session.exec(query)
            if s.id is not None
        ]


def baseline_before(db: Database, plan_id: int, as_of: date) -> SnapshotBaseline | None:
    """The latest snapshot taken before ``as_of`` with its RAGs; None when there is none."""
    earlier = [s for s in list_snapshots(db, plan_id) if s.taken_on < as_of]
    if not earlier:
        return None
    info = earlier[-1]
    with db.reading() as session:
        query = select(SnapshotEntry.action_id, SnapshotEntry.rag, SnapshotEntry.status).where(
            SnapshotEntry.snapshot_id == info.id
        )
        entries = session.exec(query).all()
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
