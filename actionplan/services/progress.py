"""Recording progress: a dated update that sets an action's RAG and status in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from actionplan.domain.rag import Rag
from actionplan.domain.rules import Suggestion, rag_disagrees, suggest_for_update
from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.services.errors import ReasonNeeded, ServiceError
from actionplan.services.row_sentences import in_sentences
from actionplan.services.views import ProgressEntry, UpdateView
from actionplan.store import progress
from actionplan.store.database import Database
from actionplan.store.progress import StoredUpdate

__all__ = [
    "MAX_UPDATE_LENGTH",
    "ProgressEntry",
    "current_rating",
    "history",
    "record_progress",
    "suggestion_for",
    "withdraw_update",
]

MAX_UPDATE_LENGTH = 32_000


def suggestion_for(
    db: Database, action_id: int, as_of: date, status: Status | None = None
) -> Suggestion:
    """The RAG the action's dates suggest as at ``as_of`` (for a status about to be set)."""
    with in_sentences():
        stored = progress.rating(db, action_id)
    return _suggested(stored, as_of, status)


def _suggested(stored: progress.Rating, as_of: date, status: Status | None) -> Suggestion:
    return suggest_for_update(status or stored.status, stored.due_date, as_of)


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
    tidy = replace(entry, text=text, author=entry.author.strip(), reason=entry.reason.strip())

    def suggest(stored: progress.Rating) -> Rag:
        # Judged on the action as the write finds it, in the same transaction.
        suggested = _suggested(stored, tidy.update_date, tidy.status)
        if rag_disagrees(entry.rag, suggested.rag) and not tidy.reason:
            raise ReasonNeeded(entry.rag, suggested.rag, suggested.reason)
        return suggested.rag

    with in_sentences():
        return progress.add_update(db, tidy, suggest)


def history(db: Database, action_id: int) -> list[UpdateView]:
    """An action's updates, newest first."""
    return [_view(update) for update in progress.updates_of(db, action_id)]


def _view(update: StoredUpdate) -> UpdateView:
    source = ""
    if update.issued_on is not None:
        source = f"return issued to {update.issued_to} on {format_due(update.issued_on)}"
    return UpdateView(
        id=update.id,
        update_date=update.update_date,
        author=update.author,
        text=update.text,
        rag=update.rag,
        status=update.status,
        suggested_rag=update.suggested_rag,
        reason=update.reason,
        recorded_at=update.recorded_at,
        precision=update.precision,
        from_return=source,
    )


def withdraw_update(db: Database, update_id: int, rag: Rag, status: Status) -> None:
    """Take back the update just recorded (Undo), setting the action's RAG and status back.

    Only an action's newest update can be withdrawn, so history is never rewritten.
    """
    try:
        with in_sentences(gone={"update": "That update has already been taken back."}):
            progress.remove_update(db, update_id, rag, status)
    except progress.NotNewest:
        raise ServiceError("Only the newest update of an action can be taken back.") from None


def current_rating(db: Database, action_id: int) -> tuple[Rag, Status]:
    """An action's RAG and status now."""
    with in_sentences():
        stored = progress.rating(db, action_id)
    return stored.rag, stored.status
