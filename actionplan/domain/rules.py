"""The one definition of complete, overdue, stale and the suggested RAG, used everywhere.

The window, the summary, the tracker workbook and the board pack all judge actions here,
so a board never reads two different answers to "how many are overdue?".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.status import Status

STALE_AFTER_DAYS = 90
DUE_SOON_DAYS = 30
NO_UPDATE = "no update recorded"
UNDATED_UPDATE = "latest update not dated"


def stale_heading(after_days: int = STALE_AFTER_DAYS) -> str:
    """The heading of the count of stale actions, in the words every output uses."""
    return f"No update for {after_days} days"


@dataclass(frozen=True)
class ActionDates:
    """What the rules need to know about one action.
    Separate from ActionRow and ActionData because the rules judge stored actions, actions
    read from a workbook and an update being recorded alike, from these five facts alone.
    """

    status: Status
    due: date | None
    last_update: date | None
    rag: Rag = Rag.UNRATED
    # An update whose date the workbook did not give: there is news, but not how fresh it is.
    has_update: bool | None = None

    @property
    def updated(self) -> bool:
        """True when the action has had at least one progress update, dated or not."""
        return self.has_update if self.has_update is not None else self.last_update is not None


@dataclass(frozen=True)
class Suggestion:
    """A suggested RAG and the plain-words reason for it."""

    rag: Rag
    reason: str


@dataclass(frozen=True)
class Judgement:
    """Everything the rules say about one action on one day."""

    suggestion: Suggestion
    overdue: bool
    stale: bool
    no_update: bool  # open and never updated


class Judged(Protocol):
    """An action as counted: its RAG and status, and what the rules said about it."""

    @property
    def rag(self) -> Rag: ...

    @property
    def status(self) -> Status: ...

    @property
    def overdue(self) -> bool: ...

    @property
    def stale(self) -> bool: ...

    @property
    def no_update(self) -> bool: ...


@dataclass(frozen=True)
class Tally:
    """How many actions, how many of each RAG, and how many overdue, stale, never updated
    and complete: the counts the window, the summary, the tracker and the pack all show."""

    actions: int
    rag: dict[Rag, int]
    overdue: int
    stale: int
    no_update: int
    complete: int


def tally(actions: Iterable[Judged]) -> Tally:
    """The counts over some actions."""
    listed = list(actions)
    return Tally(
        actions=len(listed),
        rag=rag_tally(a.rag for a in listed),
        overdue=sum(a.overdue for a in listed),
        stale=sum(a.stale for a in listed),
        no_update=sum(a.no_update for a in listed),
        complete=sum(is_complete(a.status, a.rag) for a in listed),
    )


def judge(action: ActionDates, as_of: date, stale_after_days: int = STALE_AFTER_DAYS) -> Judgement:
    """The suggested RAG, overdue, stale and never-updated of one action on ``as_of``."""
    return Judgement(
        suggestion=suggest_rag(action, as_of, stale_after_days),
        overdue=is_overdue(action, as_of),
        stale=is_stale(action, as_of, stale_after_days),
        no_update=never_updated(action),
    )


def days_overdue(due: date | None, overdue: bool, as_of: date) -> int:
    """Days past the due date at ``as_of``; 0 when the action is not overdue."""
    return max(0, (as_of - due).days) if overdue and due is not None else 0


def days_since(day: date | None, as_of: date) -> int | None:
    """Days from a dated update to ``as_of`` (never below 0); None when there is no dated
    update."""
    return max(0, (as_of - day).days) if day is not None else None


def rag_tally(rags: Iterable[Rag]) -> dict[Rag, int]:
    """How many of each RAG, in the fixed order red, amber, green, blue, unrated."""
    counted = Counter(rags)
    return {rag: counted.get(rag, 0) for rag in RAG_ORDER}


def is_complete(status: Status, rag: Rag) -> bool:
    """Complete by its status or by a Blue RAG: either is how a partnership says "done"."""
    return status is Status.COMPLETE or rag is Rag.BLUE


def is_closed(action: ActionDates) -> bool:
    """No more work expected: complete (status or Blue) or cancelled."""
    return action.status.is_closed or is_complete(action.status, action.rag)


def is_overdue(action: ActionDates, as_of: date) -> bool:
    """Due before the as-of date and not yet complete or cancelled."""
    return action.due is not None and action.due < as_of and not is_closed(action)


def is_stale(action: ActionDates, as_of: date, after_days: int = STALE_AFTER_DAYS) -> bool:
    """Open and with no dated update in the last ``after_days`` days.

    An action never updated, or whose only news carries no date, counts: nothing shows
    it has moved, and leaving it out would make the count reassure falsely.
    """
    if is_closed(action):
        return False
    last = action.last_update
    return last is None or (as_of - last) > timedelta(days=after_days)


def never_updated(action: ActionDates) -> bool:
    """Open and without a single progress update: "no update recorded"."""
    return not action.updated and not is_closed(action)


def stale_reason(action: ActionDates, after_days: int = STALE_AFTER_DAYS) -> str:
    """Why an action counts as stale, in the words the window and the pack show."""
    if not action.updated:
        return NO_UPDATE
    if action.last_update is None:
        return UNDATED_UPDATE
    return f"no update for over {after_days} days"


def suggest_rag(
    action: ActionDates, as_of: date, stale_after_days: int = STALE_AFTER_DAYS
) -> Suggestion:
    """The RAG the dates and status point to; shown beside the lead's own, never replacing it."""
    if is_complete(action.status, action.rag):
        return Suggestion(Rag.BLUE, "complete")
    if action.status is Status.CANCELLED:
        return Suggestion(Rag.UNRATED, "cancelled")
    if is_overdue(action, as_of):
        return Suggestion(Rag.RED, f"overdue since {action.due:%d %b %Y}")
    if action.status is Status.DELAYED:
        return Suggestion(Rag.AMBER, "delayed")
    if is_stale(action, as_of, stale_after_days):
        return Suggestion(Rag.AMBER, stale_reason(action, stale_after_days))
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
    if not action.status.is_known:
        return Suggestion(Rag.UNRATED, "no status recorded")
    return Suggestion(Rag.GREEN, "on track")


def rag_disagrees(own: Rag, suggested: Rag) -> bool:
    """True when the lead's RAG differs from the suggested one and both are real ratings."""
    return own is not suggested and Rag.UNRATED not in (own, suggested)
