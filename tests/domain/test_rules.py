"""Overdue, stale and the suggested RAG, as a board would expect them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from actionplan.domain.rag import Rag
from actionplan.domain.rules import (
    ActionDates,
    is_complete,
    is_overdue,
    is_stale,
    never_updated,
    rag_disagrees,
    stale_reason,
    suggest_for_update,
    suggest_rag,
)
from actionplan.domain.status import Status

AS_OF = date(2025, 3, 31)


def dates(status: Status, due: date | None = None, last: date | None = None) -> ActionDates:
    return ActionDates(status, due, last)


@pytest.mark.parametrize("status", [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DELAYED])
def test_open_action_due_yesterday_is_overdue(status: Status) -> None:
    """An open action due the day before the as-of date is overdue."""
    assert is_overdue(dates(status, AS_OF - timedelta(days=1)), AS_OF)


def test_action_due_today_is_not_yet_overdue() -> None:
    """Due on the as-of date itself is not overdue."""
    assert not is_overdue(dates(Status.IN_PROGRESS, AS_OF), AS_OF)


@pytest.mark.parametrize("status", [Status.COMPLETE, Status.CANCELLED])
def test_closed_action_is_never_overdue_or_stale(status: Status) -> None:
    """Complete and cancelled actions are never chased."""
    action = ActionDates(status, date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 1))
    assert not is_overdue(action, AS_OF)
    assert not is_stale(action, AS_OF)


def test_action_without_due_date_is_not_overdue() -> None:
    """ "Ongoing" actions have no due date and so cannot be overdue."""
    assert not is_overdue(dates(Status.ONGOING), AS_OF)


def test_stale_after_ninety_days_without_update() -> None:
    """Ninety days without an update is fine; ninety-one is stale."""
    assert not is_stale(dates(Status.IN_PROGRESS, last=AS_OF - timedelta(days=90)), AS_OF)
    assert is_stale(dates(Status.IN_PROGRESS, last=AS_OF - timedelta(days=91)), AS_OF)


def test_stale_days_can_be_chosen() -> None:
    """A partnership that meets monthly can use 30 days."""
    action = dates(Status.IN_PROGRESS, last=AS_OF - timedelta(days=31))
    assert is_stale(action, AS_OF, after_days=30)
    assert not is_stale(action, AS_OF, after_days=60)


def test_never_updated_action_counts_as_stale_with_no_update_recorded() -> None:
    """An open action with no update at all counts among "no update for 90 days" at once,
    however recently it was added, and says why in those words."""
    action = ActionDates(Status.NOT_STARTED, None, None)
    assert is_stale(action, AS_OF)
    assert never_updated(action)
    assert stale_reason(action) == "no update recorded"
    assert suggest_rag(action, AS_OF).reason == "no update recorded"


def test_an_undated_update_does_not_make_an_action_look_fresh() -> None:
    """An update whose date the workbook did not give is news, but not proof of recent work."""
    action = ActionDates(Status.IN_PROGRESS, None, None, has_update=True)
    assert is_stale(action, AS_OF)
    assert not never_updated(action)
    assert stale_reason(action) == "latest update not dated"


def test_a_blue_rag_counts_as_complete_whatever_the_status() -> None:
    """Blue is how many partnerships say "done": it is complete, never overdue or stale."""
    blue = ActionDates(Status.NOT_RECORDED, date(2020, 1, 1), None, rag=Rag.BLUE)
    assert is_complete(blue.status, blue.rag)
    assert not is_overdue(blue, AS_OF)
    assert not is_stale(blue, AS_OF)
    assert suggest_rag(blue, AS_OF).rag is Rag.BLUE


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (dates(Status.COMPLETE, date(2020, 1, 1)), Rag.BLUE),
        (dates(Status.CANCELLED), Rag.UNRATED),
        (dates(Status.IN_PROGRESS, date(2025, 3, 1), AS_OF), Rag.RED),
        (dates(Status.DELAYED, date(2025, 9, 1), AS_OF), Rag.AMBER),
        (dates(Status.IN_PROGRESS, date(2025, 9, 1), date(2024, 6, 1)), Rag.AMBER),
        (dates(Status.NOT_STARTED, date(2025, 4, 15), AS_OF), Rag.AMBER),
        (dates(Status.NOT_STARTED, date(2025, 12, 1), AS_OF), Rag.GREEN),
        (dates(Status.NOT_STARTED, None, AS_OF), Rag.UNRATED),
        (dates(Status.IN_PROGRESS, date(2025, 9, 1), AS_OF), Rag.GREEN),
        (dates(Status.ONGOING, None, AS_OF), Rag.GREEN),
    ],
    ids=[
        "complete-is-blue",
        "cancelled-is-unrated",
        "overdue-is-red",
        "delayed-is-amber",
        "stale-is-amber",
        "not-started-due-soon-is-amber",
        "not-started-due-later-is-green",
        "not-started-no-date-is-unrated",
        "in-progress-on-time-is-green",
        "ongoing-updated-is-green",
    ],
)
def test_suggested_rag_follows_dates_and_status(action: ActionDates, expected: Rag) -> None:
    """The suggestion reads the dates and status the way a business manager would."""
    suggestion = suggest_rag(action, AS_OF)
    assert suggestion.rag is expected
    assert suggestion.reason


def test_overdue_suggestion_names_the_due_date() -> None:
    """The reason for a red suggestion says since when."""
    reason = suggest_rag(dates(Status.IN_PROGRESS, date(2025, 1, 31), AS_OF), AS_OF).reason
    assert "31 Jan 2025" in reason


def test_disagreement_ignores_unrated_and_equal_ratings() -> None:
    """Only two real, different ratings count as a disagreement needing a reason."""
    assert rag_disagrees(Rag.GREEN, Rag.RED)
    assert not rag_disagrees(Rag.GREEN, Rag.GREEN)
    assert not rag_disagrees(Rag.UNRATED, Rag.RED)
    assert not rag_disagrees(Rag.AMBER, Rag.UNRATED)


def test_an_update_is_rated_by_its_own_date_and_the_status_it_sets() -> None:
    """The same action suggests Green, Red or Blue as the update's date and status change."""
    due = date(2025, 5, 31)
    on_track = suggest_for_update(Status.IN_PROGRESS, due, date(2025, 5, 1))
    late = suggest_for_update(Status.IN_PROGRESS, due, date(2025, 6, 30))
    done = suggest_for_update(Status.COMPLETE, due, date(2025, 6, 30))
    assert (on_track.rag, on_track.reason) == (Rag.GREEN, "on track")
    assert (late.rag, late.reason) == (Rag.RED, "overdue since 31 May 2025")
    assert (done.rag, done.reason) == (Rag.BLUE, "complete")
    undated = suggest_for_update(Status.IN_PROGRESS, None, date(2025, 6, 30))
    assert undated.rag is Rag.GREEN
