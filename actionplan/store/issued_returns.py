"""The database's record of the update returns it issued, the key that signs them, and the
actions as they are now for comparing with a filled-in return.

Each action of a return is recorded with its revision (moved on by changes a lead would
notice) and its row version (moved on by every write, with who wrote it and when).

Like every store module, its public functions take the Database and open their own
session: one read, or one write transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from actionplan.domain.return_signature import IssuedEntry, IssuedRecord
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.tables import (
    Action,
    DatabaseSecret,
    IssuedReturn,
    IssuedReturnAction,
    Lead,
    ProgressUpdate,
)

_KEY_NAME = "returns"


def signing_key(session: Session) -> bytes:
    """The database's key for signing returns (made once, when the schema was upgraded)."""
    secret = session.get(DatabaseSecret, _KEY_NAME)
    if secret is None:
        raise StoreError("This database has no key to sign update returns; it may be damaged.")
    return secret.value


def issue_return(
    db: Database,
    plan_id: int,
    lead_name: str,
    issued_on: date,
    action_ids: list[int],
    first_row: int,
) -> tuple[IssuedRecord, bytes]:
    """Record a return issued to a lead for these actions, in sheet order; with the key."""
    with db.writing() as session:
        lead_id = _lead_id(session, plan_id, lead_name)
        issued = IssuedReturn(
            plan_id=plan_id, lead_id=lead_id, lead_name=lead_name, issued_on=issued_on
        )
        session.add(issued)
        session.flush()
        assert issued.id is not None
        counts = _counts(session, action_ids)
        entries = tuple(
            IssuedEntry(first_row + offset, action_id, *counts[action_id])
            for offset, action_id in enumerate(action_ids)
        )
        for entry in entries:
            session.add(IssuedReturnAction(
                issued_return_id=issued.id, action_id=entry.action_id, row=entry.row,
                revision=entry.revision, action_version=entry.version,
            ))  # fmt: skip
        record = IssuedRecord(issued.id, plan_id, lead_id, lead_name, issued_on, entries)
        return record, signing_key(session)


def issued_record(db: Database, return_id: int) -> tuple[IssuedRecord | None, bytes]:
    """The record of an issued return (None when this database issued no such return)."""
    with db.reading() as session:
        key = signing_key(session)
        issued = session.get(IssuedReturn, return_id)
        if issued is None:
            return None, key
        query = select(IssuedReturnAction).where(IssuedReturnAction.issued_return_id == return_id)
        rows = sorted(session.exec(query), key=lambda entry: entry.row)
        entries = tuple(
            IssuedEntry(entry.row, entry.action_id, entry.revision, entry.action_version)
            for entry in rows
        )
        record = IssuedRecord(
            return_id, issued.plan_id, issued.lead_id, issued.lead_name, issued.issued_on, entries
        )
        return record, key


@dataclass(frozen=True)
class LastRecorded:
    """The progress update recorded last on an action, with its RAG and status words."""

    update_date: date | None
    text: str
    author: str
    rag: str
    status: str


@dataclass(frozen=True)
class ActionNow:
    """An action as it stands now: its plan, words, revision, RAG and status words, the
    update recorded on it last (None when it has none), and its row version with who last
    wrote the row and when (in this computer's local time).
    Separate from ActionRow because merging a return needs the revision, the version and the
    last update recorded, and nothing judged from dates.
    """

    plan_id: int
    ref: str
    text: str
    revision: int
    rag: str
    status: str
    last_recorded: LastRecorded | None
    version: int = 0
    changed_by: str = ""
    changed_at: datetime | None = None


def action_now(db: Database, action_id: int) -> ActionNow | None:
    """The action as it stands now; None when it is no longer in the database."""
    query = (
        select(ProgressUpdate)
        .where(ProgressUpdate.action_id == action_id)
        .order_by(col(ProgressUpdate.id).desc())
    )
    with db.reading() as session:
        action = session.get(Action, action_id)
        if action is None:
            return None
        last = session.exec(query).first()
        recorded = (
            LastRecorded(last.update_date, last.text, last.author, last.rag, last.status)
            if last is not None
            else None
        )
        return ActionNow(
            action.plan_id, action.ref, action.text, action.revision, action.rag, action.status,
            recorded, action.version, action.changed_by, action.changed_at,
        )  # fmt: skip


def _counts(session: Session, action_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Each action's revision and row version now; a deleted action is missing."""
    query = select(Action.id, Action.revision, Action.version).where(col(Action.id).in_(action_ids))
    return {
        action_id: (revision, version)
        for action_id, revision, version in session.exec(query)
        if action_id
    }


def _lead_id(session: Session, plan_id: int, name: str) -> int:
    query = select(Lead.id, Lead.name).where(Lead.plan_id == plan_id).order_by(col(Lead.id))
    for lead_id, lead_name in session.exec(query):
        if lead_id is not None and lead_name.casefold() == name.casefold():
            return lead_id
    raise StoreError(f"The lead '{name}' is no longer in this plan.")
