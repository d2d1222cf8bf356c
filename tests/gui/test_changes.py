"""What a write changed, as the window's views are told it."""

from __future__ import annotations

from actionplan.gui.changes import NOTHING, Kind, changed, item_changes


def test_a_write_that_changed_nothing_is_not_worth_telling() -> None:
    """An edit the window has shown already changes nothing more on screen."""
    assert not NOTHING
    assert changed(Kind.ACTIONS, action_id=3)


def test_a_merge_of_several_returns_names_every_action_it_touched_once() -> None:
    """The updates of a merge, taken together, name each action in the order recorded."""
    first = changed(Kind.UPDATES, action_id=4)
    merged = first | changed(Kind.UPDATES, action_id=9) | changed(Kind.UPDATES, action_id=4)
    assert merged.action_ids == (4, 9)
    assert merged.touches(Kind.UPDATES) and not merged.touches(Kind.MEASURES)


def test_adding_or_deleting_a_part_of_a_plan_changes_what_that_part_shows_in() -> None:
    """A plan changes the list of plans; an action, the plan's shape; a measure, the measures."""
    assert item_changes("plan", 2).touches(Kind.PLAN_LIST)
    assert item_changes("plan", 2).plan_id == 2
    assert item_changes("action", 7).touches(Kind.OUTLINE, Kind.ACTIONS)
    assert item_changes("action", 7).action_id == 7
    assert item_changes("priority", 5).touches(Kind.OUTLINE)
    assert item_changes("priority", 5).action_id is None  # a priority's id is no action's
    assert item_changes("measure", 1).measure_id == 1
