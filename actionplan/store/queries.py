"""Queries the store modules share, each taking the session of the read or write it is part of.

Store modules' public functions take the Database and open their own session; the building
blocks here take that session, so one read can be made of several of them.

The first ones are the twins of store/quick_read.py, which answers the same questions with
the standard library's sqlite3 alone while SQLAlchemy loads at start: a twin changed on one
side is changed on the other (tests/store/test_quick_read_twins.py holds them together).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from actionplan.store.quick_read import ACTION_COLUMNS, LatestUpdate
from actionplan.store.tables import (
    Action,
    ActionLead,
    Lead,
    Measure,
    MeasureComparator,
    Outcome,
    Plan,
    Priority,
    ProgressUpdate,
    Snapshot,
    SnapshotEntry,
)

# The quick reader's twins: QuickReader.<same name> gives the same answer.


def plans_newest_first(session: Session) -> list[Plan]:
    """Every plan, the one added last first."""
    return list(session.exec(select(Plan).order_by(col(Plan.id).desc())))


def action_columns(
    session: Session, plan_id: int, limit: int | None = None, action_ids: list[int] | None = None
) -> list[tuple[Any, ...]]:
    """The plan's actions in priority and position order, as ACTION_COLUMNS: only the first
    ``limit`` if given, only those of ``action_ids`` if given."""
    query = (
        sa_select(*(col(getattr(Action, name)) for name in ACTION_COLUMNS))
        .join(Priority, col(Priority.id) == Action.priority_id)
        .where(col(Action.plan_id) == plan_id)
        .order_by(col(Priority.position), col(Priority.id), col(Action.position), col(Action.id))
        .limit(limit)
    )
    if action_ids is not None:
        query = query.where(col(Action.id).in_(action_ids))
    # Plain column tuples rather than ORM objects: many times faster on a 24,000-action plan.
    return [tuple(row) for row in session.connection().execute(query)]


def priority_titles(session: Session, plan_id: int) -> dict[int, str]:
    """Each priority's title by id."""
    query = select(Priority.id, Priority.title).where(Priority.plan_id == plan_id)
    return {priority_id: title for priority_id, title in session.exec(query) if priority_id}


def outcome_titles(session: Session, plan_id: int) -> dict[int, str]:
    """Each outcome's title by id."""
    query = (
        select(Outcome.id, Outcome.title)
        .join(Priority, col(Priority.id) == Outcome.priority_id)
        .where(Priority.plan_id == plan_id)
    )
    return {outcome_id: title for outcome_id, title in session.exec(query) if outcome_id}


def leads_by_action(
    session: Session, plan_id: int, action_ids: list[int] | None = None
) -> dict[int, list[tuple[str, str]]]:
    """For each action of the plan (or of those given), its leads' (name, agency) in order."""
    query = (
        select(ActionLead.action_id, Lead.name, Lead.agency)
        .join(Lead, col(Lead.id) == ActionLead.lead_id)
        .where(Lead.plan_id == plan_id)
        .order_by(col(ActionLead.action_id), col(Lead.id))
    )
    if action_ids is not None:
        query = query.where(col(ActionLead.action_id).in_(action_ids))
    leads: dict[int, list[tuple[str, str]]] = {}
    for action_id, name, agency in session.connection().execute(query):
        leads.setdefault(action_id, []).append((name, agency))
    return leads


def latest_updates(
    session: Session, plan_id: int, action_ids: list[int] | None = None
) -> dict[int, LatestUpdate]:
    """For each action of the plan (or of those given) with updates, its newest one."""
    columns = (ProgressUpdate.text, ProgressUpdate.author, ProgressUpdate.date_precision)
    # Plain column tuples: building ORM objects for every update costs seconds on big plans.
    return {
        action_id: LatestUpdate(when, text, author, precision)
        for action_id, when, text, author, precision in _updates(
            session, plan_id, action_ids, columns
        )
    }


def _updates(
    session: Session, plan_id: int, action_ids: list[int] | None, columns: tuple[Any, ...]
) -> Any:
    """The plan's updates oldest first, as rows of action id, date and the columns asked."""
    query = (
        sa_select(
            col(ProgressUpdate.action_id),
            col(ProgressUpdate.update_date),
            *(col(column) for column in columns),
        )
        .join(Action, col(Action.id) == ProgressUpdate.action_id)
        .where(col(Action.plan_id) == plan_id)
        # Undated updates came from the workbook, before any the app recorded: oldest first
        # (as SQLite sorts them, and the quick reader too).
        .order_by(col(ProgressUpdate.update_date).nulls_first(), col(ProgressUpdate.id))
    )
    if action_ids is not None:
        query = query.where(col(ProgressUpdate.action_id).in_(action_ids))
    return session.connection().execute(query)


# Building blocks of the store modules' other reads.


def priorities_of(session: Session, plan_id: int) -> list[Priority]:
    """A plan's priorities in their order."""
    query = select(Priority).where(Priority.plan_id == plan_id)
    return list(session.exec(query.order_by(col(Priority.position), col(Priority.id))))


@dataclass(frozen=True)
class PriorityInfo:
    """A priority's identity and heading facts."""

    id: int
    number: str
    title: str
    aim: str
    champion: str


def priority_infos(session: Session, plan_id: int) -> list[PriorityInfo]:
    """A plan's priorities in their order, as plain values."""
    return [
        PriorityInfo(p.id or 0, p.number, p.title, p.aim, p.champion)
        for p in priorities_of(session, plan_id)
    ]


def measure_count(session: Session, plan_id: int) -> int:
    """How many measures the whole plan has, whichever priority or action they belong to."""
    query = sa_select(func.count()).select_from(Measure).where(col(Measure.plan_id) == plan_id)
    return int(session.connection().execute(query).scalar_one())


def comparators_of(session: Session, plan_id: int) -> list[MeasureComparator]:
    """Every comparator of the plan's measures, in each measure's order."""
    query = (
        select(MeasureComparator)
        .join(Measure, col(Measure.id) == MeasureComparator.measure_id)
        .where(Measure.plan_id == plan_id)
        .order_by(col(MeasureComparator.position), col(MeasureComparator.id))
    )
    return list(session.exec(query))


@dataclass(frozen=True, slots=True)
class DatedUpdate:
    """A progress update as the plan's state on a past day is worked out from."""

    update_date: date | None
    rag: str
    status: str
    text: str
    author: str
    reason: str
    date_precision: str


@dataclass(frozen=True, slots=True)
class DatedRag:
    """The RAG a progress update gave, with its date."""

    update_date: date | None
    rag: str
    date_precision: str


@dataclass(frozen=True, slots=True)
class SnapshotState:
    """An action's RAG and status words in a snapshot, with the day it was taken."""

    taken_on: date
    rag: str
    status: str


def update_history(
    session: Session, plan_id: int, action_ids: list[int] | None = None
) -> dict[int, list[DatedUpdate]]:
    """Each action's updates oldest first."""
    columns = (
        ProgressUpdate.rag,
        ProgressUpdate.status,
        ProgressUpdate.text,
        ProgressUpdate.author,
        ProgressUpdate.reason,
        ProgressUpdate.date_precision,
    )
    history: dict[int, list[DatedUpdate]] = {}
    for action_id, *values in _updates(session, plan_id, action_ids, columns):
        history.setdefault(action_id, []).append(DatedUpdate(*values))
    return history


def rag_history(session: Session, plan_id: int) -> dict[int, list[DatedRag]]:
    """Each action's updates' RAGs oldest first: the whole plan in one query, for naming
    when each action's RAG last changed."""
    history: dict[int, list[DatedRag]] = {}
    columns = (ProgressUpdate.rag, ProgressUpdate.date_precision)
    for action_id, *values in _updates(session, plan_id, None, columns):
        history.setdefault(action_id, []).append(DatedRag(*values))
    return history


def snapshot_states(session: Session, plan_id: int, until: date) -> dict[int, list[SnapshotState]]:
    """Each action's entries in the plan's snapshots taken by ``until``, oldest first."""
    query = (
        sa_select(
            col(SnapshotEntry.action_id),
            col(Snapshot.taken_on),
            col(SnapshotEntry.rag),
            col(SnapshotEntry.status),
        )
        .join(Snapshot, col(Snapshot.id) == SnapshotEntry.snapshot_id)
        .where(col(Snapshot.plan_id) == plan_id, col(Snapshot.taken_on) <= until)
        .order_by(col(Snapshot.taken_on), col(Snapshot.id))
    )
    states: dict[int, list[SnapshotState]] = {}
    for action_id, taken_on, rag, status in session.connection().execute(query):
        states.setdefault(action_id, []).append(SnapshotState(taken_on, rag, status))
    return states
