"""One person's own saves, progress, undo and redo never meet a conflict with themselves;
a colleague's save made since the panel showed the action is refused, the words kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actionplan.gui.main_window import MainWindow
from actionplan.services.editing import (
    ActionDraft,
    PriorityHeading,
    action_draft,
    edit_action,
    priority_heading,
)
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, fill_progress

Opener = Callable[[], MainWindow]

# A team's server keeps the same promise as one person's file.
pytestmark = pytest.mark.both_engines


def _type(window: MainWindow, words: str) -> None:
    detail = window.plan_view.detail
    detail.text.setPlainText(words)
    detail.save_button.click()


def test_saves_in_a_row_progress_undo_and_redo_never_conflict(
    db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """Three saves from the detail panel, progress recorded between them, everything undone
    and redone: every step lands and no warning is shown."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Launch the neglect toolkit", lead="Health")
    window = open_window()
    window.plan_view.select_action(action_id)
    _type(window, "Launch the toolkit in schools")
    fill_progress(window, action_id, "Launched at the forum").accept()
    _type(window, "Launch the toolkit in schools and GP surgeries")
    _type(window, "Launch the toolkit everywhere")
    assert action_draft(db, action_id).text == "Launch the toolkit everywhere"
    for _ in range(4):
        window.commands.undo_action.trigger()
    assert action_draft(db, action_id).text == "Launch the neglect toolkit"
    for _ in range(4):
        window.commands.redo_action.trigger()
    assert action_draft(db, action_id).text == "Launch the toolkit everywhere"
    _type(window, "Launch the toolkit everywhere, again")
    assert action_draft(db, action_id).text == "Launch the toolkit everywhere, again"
    assert answers.said == []


def test_editing_a_priority_twice_and_undoing_never_conflicts(
    db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """A priority's heading saved, saved again, undone and redone lands every time."""
    priority = factory.priority("Neglect")
    window = open_window()
    first = priority_heading(db, priority)
    window.plan_edits._save_priority(priority, first, PriorityHeading("Neglect and abuse"))
    second = priority_heading(db, priority)
    window.plan_edits._save_priority(priority, second, PriorityHeading("Neglect, abuse"))
    window.commands.undo_action.trigger()
    window.commands.undo_action.trigger()
    assert priority_heading(db, priority).title == "Neglect"
    window.commands.redo_action.trigger()
    window.commands.redo_action.trigger()
    assert priority_heading(db, priority).title == "Neglect, abuse"
    assert answers.said == []


def test_a_colleagues_save_since_the_panel_showed_the_action_keeps_the_words_typed(
    db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """A colleague saves the action after the panel showed it: the user's save shows both,
    naming the colleague; the words typed stay in the panel, the colleague's stay stored."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Launch the neglect toolkit", lead="Health")
    window = open_window()
    window.plan_view.select_action(action_id)
    colleague = Database.open(db.target, user="Sam Patel")
    try:
        theirs = action_draft(colleague, action_id)
        edit_action(colleague, action_id, ActionDraft("Their words", version=theirs.version))
    finally:
        colleague.close()
    _type(window, "My words")
    assert answers.said == []
    dialog = window.edits.conflicts.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.message.text().startswith("Sam Patel saved ")
    assert window.plan_view.detail.text.toPlainText() == "My words"
    assert action_draft(db, action_id).text == "Their words"
