"""Progress updates: written with the action's new RAG and status, listed, taken back.

Every function takes the Database handle and opens its own session; each write is one
transaction, so an update and its action's RAG are saved together or not at all. An
action or update that is not there raises ``missing.Gone``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, select

from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.status import Status, status_from_word
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.server_time import restamp
from actionplan.store.tables import Action, IssuedReturn, ProgressUpdate


class NotNewest(ValueError):
    """The update is not its action's newest, so it cannot be taken back."""


@dataclass(frozen=True)
class Rating:
    """An action's RAG, status and due date as stored."""

    rag: Rag
    status: Status
    due_date: date | None


@dataclass(frozen=True)
class StoredUpdate:
    """One update as stored, with the return it was merged from (if any)."""

    id: int
    update_date: date | None
    author: str
    text: str
    rag: Rag
    status: Status
    suggested_rag: Rag | None
    reason: str
    recorded_at: datetime
    precision: str
    issued_to: str = ""  # the lead the return was issued to; "" when typed in
    issued_on: date | None = None


def rating(db: Database, action_id: int) -> Rating:
    """An action's RAG, status and due date now."""
    with db.reading() as session:
        return _rating_of(fetch(session, Action, action_id, "action"))


def _rating_of(action: Action) -> Rating:
    return Rating(rag_from_word(action.rag), status_from_word(action.status), action.due_date)


def add_update(db: Database, entry: ProgressEntry, suggest: Callable[[Rating], Rag]) -> int:
    """Write the update and set its action's RAG and status; returns the update's id.

    ``suggest`` gives the RAG the action's dates suggest from its rating as it stands, read
    in the same transaction (so a team's server is asked once, not twice); whatever it
    raises leaves everything as it was. Updates are only ever added, so two leads recording
    progress at once both land: the action is locked while its RAG and status are set, and
    the second waits for the first.
    """
    with db.writing() as session:
        action = fetch(session, Action, entry.action_id, "action", locked=True)
        suggested = suggest(_rating_of(action))
        update = ProgressUpdate(
            action_id=entry.action_id,
            update_date=entry.update_date,
            author=entry.author,
            text=entry.text,
            rag=entry.rag.value,
            status=entry.status.value,
            suggested_rag=suggested.value,
            reason=entry.reason,
            issued_return_id=entry.issued_return_id,
        )
        session.add(update)
        action.rag, action.status = entry.rag.value, entry.status.value
        restamp(action, "updated_at")
        session.add(action)
        session.flush()
        assert update.id is not None
        return update.id


def updates_of(db: Database, action_id: int) -> list[StoredUpdate]:
    """An action's updates, newest first."""
    query = (
        select(ProgressUpdate, IssuedReturn)
        .outerjoin(IssuedReturn, col(IssuedReturn.id) == ProgressUpdate.issued_return_id)
        .where(ProgressUpdate.action_id == action_id)
        .order_by(
            col(ProgressUpdate.update_date).desc().nulls_last(), col(ProgressUpdate.id).desc()
        )
    )
    with db.reading() as session:
        return [_stored(update, issued) for update, issued in session.exec(query)]


def _stored(update: ProgressUpdate, issued: IssuedReturn | None) -> StoredUpdate:
    assert update.id is not None
    return StoredUpdate(
        id=update.id,
        update_date=update.update_date,
        author=update.author,
        text=update.text,
        rag=Rag(update.rag),
        status=status_from_word(update.status),
        suggested_rag=Rag(update.suggested_rag) if update.suggested_rag else None,
        reason=update.reason,
        recorded_at=update.recorded_at,
        precision=update.date_precision,
        issued_to=issued.lead_name if issued else "",
        issued_on=issued.issued_on if issued else None,
    )


def remove_update(db: Database, update_id: int, rag: Rag, status: Status) -> None:
    """Remove an action's newest update and set its RAG and status back to these.

    Raises NotNewest for any older update, so history is never rewritten.
    """
    with db.writing() as session:
        update = fetch(session, ProgressUpdate, update_id, "update")
        newest = session.exec(
            select(ProgressUpdate.id)
            .where(ProgressUpdate.action_id == update.action_id)
            .order_by(col(ProgressUpdate.recorded_at).desc(), col(ProgressUpdate.id).desc())
        ).first()
        if newest != update_id:
            raise NotNewest(update_id)
        action = fetch(session, Action, update.action_id, "action", locked=True)
        action.rag, action.status = rag.value, status.value
        restamp(action, "updated_at")
        session.add(action)
        session.delete(update)
