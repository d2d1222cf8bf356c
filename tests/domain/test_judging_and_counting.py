"""One judgement per action and one count over many: what every output's totals come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from actionplan.domain.rag import Rag
from actionplan.domain.rules import (
    ActionDates,
    days_overdue,
    days_since,
    judge,
    tally,
)
from actionplan.domain.status import Status

AS_OF = date(2025, 3, 31)


@dataclass(frozen=True)
class Counted:
    """An action as the counts see it."""

    rag: Rag
    status: Status = Status.IN_PROGRESS
    overdue: bool = False
    stale: bool = False
    no_update: bool = False


def test_an_action_due_today_is_judged_not_overdue_and_suggested_by_its_status() -> None:
    """Due on the as-at day itself: not overdue yet; begun is Green, not begun is Amber."""
    begun = judge(ActionDates(Status.IN_PROGRESS, AS_OF, AS_OF), AS_OF)
    waiting = judge(ActionDates(Status.NOT_STARTED, AS_OF, AS_OF), AS_OF)
    assert (begun.overdue, begun.suggestion.rag) == (False, Rag.GREEN)
    assert (waiting.overdue, waiting.suggestion.rag) == (False, Rag.AMBER)


def test_the_day_after_the_due_date_the_action_is_overdue_and_suggested_red() -> None:
    """Due yesterday and still open: overdue, Red, one day late."""
    judged = judge(ActionDates(Status.IN_PROGRESS, AS_OF - timedelta(days=1), AS_OF), AS_OF)
    assert (judged.overdue, judged.suggestion.rag) == (True, Rag.RED)
    assert days_overdue(AS_OF - timedelta(days=1), judged.overdue, AS_OF) == 1


def test_a_not_started_action_due_in_thirty_days_is_amber_and_in_thirty_one_green() -> None:
    """Thirty days ahead is "due soon"; one day further is not."""
    soon = ActionDates(Status.NOT_STARTED, AS_OF + timedelta(days=30), AS_OF)
    later = ActionDates(Status.NOT_STARTED, AS_OF + timedelta(days=31), AS_OF)
    assert judge(soon, AS_OF).suggestion.rag is Rag.AMBER
    assert judge(later, AS_OF).suggestion.rag is Rag.GREEN


def test_the_stale_boundary_day_is_the_same_in_the_judgement_as_in_the_rule() -> None:
    """Ninety days since the last update is fresh, ninety-one stale and suggested Amber."""
    fresh = judge(ActionDates(Status.IN_PROGRESS, None, AS_OF - timedelta(days=90)), AS_OF)
    stale = judge(ActionDates(Status.IN_PROGRESS, None, AS_OF - timedelta(days=91)), AS_OF)
    assert (fresh.stale, stale.stale) == (False, True)
    assert stale.suggestion.rag is Rag.AMBER


def test_an_action_never_updated_is_judged_stale_and_without_an_update() -> None:
    """No update at all: stale and "no update recorded"; once closed, neither."""
    open_ = judge(ActionDates(Status.IN_PROGRESS, None, None), AS_OF)
    closed = judge(ActionDates(Status.COMPLETE, None, None), AS_OF)
    assert (open_.stale, open_.no_update) == (True, True)
    assert (closed.stale, closed.no_update) == (False, False)


def test_days_overdue_is_nought_unless_overdue_and_days_since_needs_a_dated_update() -> None:
    """Not overdue counts 0 days late; no dated update has no count of days since."""
    assert days_overdue(date(2025, 1, 1), False, AS_OF) == 0
    assert days_overdue(None, True, AS_OF) == 0
    assert days_overdue(date(2025, 3, 1), True, AS_OF) == 30
    assert days_since(None, AS_OF) is None
    assert days_since(date(2025, 3, 1), AS_OF) == 30
    assert days_since(AS_OF, AS_OF) == 0


def test_the_tally_counts_each_rag_in_order_and_each_flag() -> None:
    """RAGs in the fixed order; a Blue RAG or the Complete status each count as complete."""
    counts = tally(
        [
            Counted(Rag.RED, overdue=True, stale=True),
            Counted(Rag.RED, stale=True, no_update=True),
            Counted(Rag.BLUE),
            Counted(Rag.UNRATED, status=Status.COMPLETE),
        ]
    )
    assert list(counts.rag.items()) == [
        (Rag.RED, 2),
        (Rag.AMBER, 0),
        (Rag.GREEN, 0),
        (Rag.BLUE, 1),
        (Rag.UNRATED, 1),
    ]
    assert (counts.actions, counts.overdue, counts.stale, counts.no_update, counts.complete) == (
        4,
        1,
        2,
        1,
        2,
    )


def test_the_tally_of_no_actions_is_all_noughts() -> None:
    """An empty plan or priority: every count is 0, every RAG still listed."""
    counts = tally([])
    assert counts.actions == counts.overdue == counts.stale == counts.complete == 0
    assert set(counts.rag.values()) == {0} and len(counts.rag) == 5
