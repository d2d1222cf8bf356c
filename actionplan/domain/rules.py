"""Pure rules about an action's dates: overdue, stale, and the RAG the dates suggest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status

STALE_AFTER_DAYS = 90
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class ActionDates:
    """What the rules need to know about one action."""

    status: Status
    due: date | None
    last_update: date | None
    added: date | None = None


@dataclass(frozen=True)
class Suggestion:
    """A suggested RAG and the plain-words reason for it."""

    rag: Rag
    reason: str


def is_overdue(action: ActionDates, as_of: date) -> bool:
    """Due before the as-of date and not yet complete or cancelled."""
    return action.due is not None and action.due < as_of and not action.status.is_closed


def is_stale(action: ActionDates, as_of: date, after_days: int = STALE_AFTER_DAYS) -> bool:
    """Open and with no update for more than ``after_days`` days.

    An action that has never been updated is judged from the day it was added to the plan.
    """
    if action.status.is_closed:
        return False
    last = action.last_update or action.added
    return last is not None and (as_of - last) > timedelta(days=after_days)


def suggest_rag(
    action: ActionDates, as_of: date, stale_after_days: int = STALE_AFTER_DAYS
) -> Suggestion:
    """The RAG the dates and status point to; shown beside the lead's own, never replacing it."""
    if action.status is Status.COMPLETE:
        return Suggestion(Rag.BLUE, "complete")
    if action.status is Status.CANCELLED:
        return Suggestion(Rag.UNRATED, "cancelled")
    if is_overdue(action, as_of):
        return Suggestion(Rag.RED, f"overdue since {action.due:%d %b %Y}")
    if action.status is Status.DELAYED:
        return Suggestion(Rag.AMBER, "delayed")
    if is_stale(action, as_of, stale_after_days):
        return Suggestion(Rag.AMBER, f"no update for over {stale_after_days} days")
    return _suggest_on_time(action, as_of)


def suggest_for_update(status: Status, due: date | None, update_date: date) -> Suggestion:
    """The RAG an update dated ``update_date`` that sets ``status`` points to.

    The one rule both the Record progress dialog and the check for a reason use. The update
    being recorded is the action's newest as of its own date, so it is never stale.
    """
    return suggest_rag(ActionDates(status, due, update_date), update_date)


def _suggest_on_time(action: ActionDates, as_of: date) -> Suggestion:
    due_soon = action.due is not None and (action.due - as_of).days <= DUE_SOON_DAYS
    if action.status is Status.NOT_STARTED:
        if due_soon:
            return Suggestion(Rag.AMBER, "due within 30 days and not started")
        if action.due is None:
            return Suggestion(Rag.UNRATED, "not started and no due date")
        return Suggestion(Rag.GREEN, "not started, due date still ahead")
    return Suggestion(Rag.GREEN, "on track")


def rag_disagrees(own: Rag, suggested: Rag) -> bool:
    """True when the lead's RAG differs from the suggested one and both are real ratings."""
    return own is not suggested and Rag.UNRATED not in (own, suggested)
