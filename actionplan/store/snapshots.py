"""Snapshots kept in the database: the plan's RAG and status as frozen at a board meeting.

Like every store module, its public functions take the Database and open their own
session: one read, or one write transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from actionplan.store.database import Database
from actionplan.store.queries import DatedUpdate, SnapshotState, snapshot_states, update_history
from actionplan.store.tables import Action, Snapshot, SnapshotEntry

# (action id, RAG word, status word, update history, earlier snapshots) -> the words to freeze
WordsAsAt = Callable[
    [int, str, str, dict[int, list[DatedUpdate]], dict[int, list[SnapshotState]]], tuple[str, str]
]


@dataclass(frozen=True)
class SnapshotInfo:
    """A snapshot's name, date and size."""

    id: int
    name: str
    taken_on: date
    actions: int


def save_snapshot(
    db: Database, plan_id: int, name: str, taken_on: date, words_as_at: WordsAsAt
) -> int | None:
    """Freeze every action's RAG and status words, as ``words_as_at`` gives them, in one
    transaction; returns the new snapshot's id, or None when the plan already has a snapshot
    of that name (ignoring case) and nothing was written."""
    with db.writing() as session:
        taken = session.exec(select(Snapshot.name).where(Snapshot.plan_id == plan_id)).all()
        if any(existing.casefold() == name.casefold() for existing in taken):
            return None
        snapshot = Snapshot(plan_id=plan_id, name=name, taken_on=taken_on)
        session.add(snapshot)
        session.flush()
        assert snapshot.id is not None
        entries = _entries(session, plan_id, snapshot.id, taken_on, words_as_at)
        if entries:
            session.execute(insert(SnapshotEntry), entries)
        return snapshot.id


def _entries(
    session: Session, plan_id: int, snapshot_id: int, taken_on: date, words_as_at: WordsAsAt
) -> list[dict[str, Any]]:
    """One entry row per action of the plan, with the words it is frozen with."""
    history = update_history(session, plan_id)
    earlier = snapshot_states(session, plan_id, taken_on)
    query = select(Action.id, Action.rag, Action.status).where(Action.plan_id == plan_id)
    entries = []
    for action_id, rag, status in session.exec(query):
        assert action_id is not None
        rag, status = words_as_at(action_id, rag, status, history, earlier)
        entries.append(
            {"snapshot_id": snapshot_id, "action_id": action_id, "rag": rag, "status": status}
        )
    return entries


def snapshot_states_by(db: Database, plan_id: int, day: date) -> dict[int, list[SnapshotState]]:
    """Each action's states in the plan's snapshots taken by ``day``, oldest first."""
    with db.reading() as session:
        return snapshot_states(session, plan_id, day)


def snapshots_of(db: Database, plan_id: int) -> list[SnapshotInfo]:
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


def snapshot_entries(db: Database, snapshot_id: int) -> list[tuple[int, str, str]]:
    """The snapshot's entries as (action id, RAG word, status word)."""
    query = select(SnapshotEntry.action_id, SnapshotEntry.rag, SnapshotEntry.status).where(
        SnapshotEntry.snapshot_id == snapshot_id
    )
    with db.reading() as session:
        return [(action_id, rag, status) for action_id, rag, status in session.exec(query)]
