"""Recording progress: a dated update that sets an action's RAG and status in one transaction."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import col, select

from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.rules import Suggestion, rag_disagrees, suggest_for_update
from actionplan.domain.status import Status, status_from_word
from actionplan.domain.timescale import format_due
from actionplan.services.errors import ReasonNeeded, ServiceError
from actionplan.services.views import ProgressEntry, UpdateView
from actionplan.store.database import Database
from actionplan.store.tables import Action, IssuedReturn, ProgressUpdate

MAX_UPDATE_LENGTH = 32_000


def suggestion_for(
    db: Database, action_id: int, as_of: date, status: Status | None = None
) -> Suggestion:
    """The RAG the action's dates suggest as at ``as_of`` (for a status about to be set)."""
    with db.reading() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise ServiceError("The action no longer exists (it may have been deleted).")
        return suggest_for_update(status or status_from_word(action.status), action.due_date, as_of)


def record_progress(db: Database, entry: ProgressEntry) -> int:
    """Add the update and set the action's RAG and status, together or not at all.

    When the RAG differs from the suggested one a reason is required, so the board can
    see why the lead rated it so.
    """
    text = entry.text.strip()
    if len(text) > MAX_UPDATE_LENGTH:
        raise ServiceError(
            f"The update is too long: keep it under {MAX_UPDATE_LENGTH:,} characters."
        )
    suggested = suggestion_for(db, entry.action_id, entry.update_date, entry.status)
    if rag_disagrees(entry.rag, suggested.rag) and not entry.reason.strip():
        raise ReasonNeeded(entry.rag, suggested.rag, suggested.reason)
    with db.writing() as session:
        action = session.get(Action, entry.action_id)
        if action is None:
            raise ServiceError("The action no longer exists (it may have been deleted).")
        update = ProgressUpdate(
            action_id=entry.action_id,
            update_date=entry.update_date,
            author=entry.author.strip(),
            text=text,
            rag=entry.rag.value,
            status=entry.status.value,
            suggested_rag=suggested.rag.value,
            reason=entry.reason.strip(),
            issued_return_id=entry.issued_return_id,
        )
        session.add(update)
        action.rag, action.status = entry.rag.value, entry.status.value
        action.updated_at = datetime.now()
        session.add(action)
        session.flush()
        assert update.id is not None
        return update.id


def history(db: Database, action_id: int) -> list[UpdateView]:
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
        return [_view(update, issued) for update, issued in session.exec(query)]


def _view(update: ProgressUpdate, issued: IssuedReturn | None = None) -> UpdateView:
    assert update.id is not None
    source = ""
    if issued is not None:
        source = f"return issued to {issued.lead_name} on {format_due(issued.issued_on)}"
    return UpdateView(
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
        from_return=source,
    )


def withdraw_update(db: Database, update_id: int, rag: Rag, status: Status) -> None:
    """Take back the update just recorded (Undo), setting the action's RAG and status back.

    Only an action's newest update can be withdrawn, so history is never rewritten.
    """
    with db.writing() as session:
        update = session.get(ProgressUpdate, update_id)
        if update is None:
            raise ServiceError("That update has already been taken back.")
        newest = session.exec(
            select(ProgressUpdate.id)
            .where(ProgressUpdate.action_id == update.action_id)
            .order_by(col(ProgressUpdate.recorded_at).desc(), col(ProgressUpdate.id).desc())
        ).first()
        if newest != update_id:
            raise ServiceError("Only the newest update of an action can be taken back.")
        action = session.get(Action, update.action_id)
        assert action is not None
        action.rag, action.status = rag.value, status.value
        action.updated_at = datetime.now()
        session.add(action)
        session.delete(update)


def current_rating(db: Database, action_id: int) -> tuple[Rag, Status]:
    """An action's RAG and status now."""
    with db.reading() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise ServiceError("The action no longer exists (it may have been deleted).")
        return rag_from_word(action.rag), status_from_word(action.status)
