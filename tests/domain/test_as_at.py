"""The rule for an action's RAG and status at the end of a day."""

from __future__ import annotations

from datetime import date

from actionplan.domain.as_at import NOT_RECORDED, ActionState, DatedState, state_as_at, written_by
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status

NOW = ActionState(Rag.BLUE, Status.COMPLETE)
JANUARY = DatedState(date(2025, 1, 15), ActionState(Rag.GREEN, Status.IN_PROGRESS))
MARCH = DatedState(date(2025, 3, 10), ActionState(Rag.AMBER, Status.DELAYED))
MAY = DatedState(date(2025, 5, 20), ActionState(Rag.BLUE, Status.COMPLETE))
END_OF_MARCH = date(2025, 3, 31)


def test_the_newest_update_by_the_day_sets_rag_and_status() -> None:
    """As at the end of March, March's update stands and May's has not happened yet."""
    assert state_as_at(NOW, [JANUARY, MARCH, MAY], [], END_OF_MARCH) == MARCH.state
    assert state_as_at(NOW, [JANUARY, MARCH, MAY], [], date(2025, 3, 10)) == MARCH.state
    assert state_as_at(NOW, [JANUARY, MARCH, MAY], [], date(2025, 3, 9)) == JANUARY.state


def test_with_no_update_after_the_day_the_action_is_as_it_stands() -> None:
    """Nothing dated later has changed it, so a change typed onto the action itself is kept."""
    typed = ActionState(Rag.RED, Status.DELAYED)
    assert state_as_at(typed, [JANUARY, MARCH], [], END_OF_MARCH) is typed
    assert state_as_at(typed, [], [], END_OF_MARCH) is typed


def test_a_board_snapshot_gives_the_state_when_no_update_was_written_by_then() -> None:
    """First updated in May; February's board recorded it Amber, and that is what March shows."""
    february = DatedState(date(2025, 2, 14), ActionState(Rag.AMBER, Status.IN_PROGRESS))
    assert state_as_at(NOW, [MAY], [february], END_OF_MARCH) == february.state


def test_the_newer_of_an_update_and_a_snapshot_wins_and_the_update_on_the_same_day() -> None:
    """A board after January's update saw what was typed since; on one day the update counts."""
    february = DatedState(date(2025, 2, 14), ActionState(Rag.RED, Status.DELAYED))
    assert state_as_at(NOW, [JANUARY, MAY], [february], END_OF_MARCH) == february.state
    same_day = DatedState(JANUARY.day, ActionState(Rag.RED, Status.DELAYED))
    assert state_as_at(NOW, [JANUARY, MAY], [same_day], END_OF_MARCH) == JANUARY.state


def test_nothing_written_by_the_day_is_not_recorded_rather_than_guessed() -> None:
    """Only a May update and no board before: no RAG and no status, not today's values."""
    assert state_as_at(NOW, [MAY], [], END_OF_MARCH) == NOT_RECORDED
    assert NOT_RECORDED.rag is Rag.UNRATED and NOT_RECORDED.status is None


def test_an_undated_update_from_the_workbook_counts_before_any_day() -> None:
    """An update the workbook gave no date is older than every dated one, and always shown."""
    undated = DatedState(None, ActionState(Rag.AMBER, Status.IN_PROGRESS))
    assert state_as_at(NOW, [undated, MAY], [], END_OF_MARCH) == undated.state
    assert state_as_at(NOW, [undated, JANUARY, MAY], [], END_OF_MARCH) == JANUARY.state
    assert written_by(None, END_OF_MARCH)
    assert written_by(END_OF_MARCH, END_OF_MARCH) and not written_by(date(2025, 4, 1), END_OF_MARCH)
