"""Words typed in the detail panel are saved when the user moves on, never lost, never
saved into an action of a plan that is not on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.actions import action_rows
from actionplan.services.editing import ActionDraft, action_draft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save, plan_settings_on_screen

Opener = Callable[[], MainWindow]
AS_OF = date(2025, 1, 1)
OTHER_PLAN = "Eastbay Business Plan 2025/26"


def _two_actions(factory: PlanFactory) -> tuple[int, int]:
    neglect = factory.priority("Neglect")
    send = factory.priority("SEND")
    toolkit = factory.action(neglect, "Launch the neglect toolkit", lead="Health")
    audit = factory.action(send, "Audit EHCP timeliness", lead="SEND Lead")
    return toolkit, audit


def _other_plan(db: Database) -> int:
    """A second plan (the newer, so the window opens on it) with one action."""
    plan = create_plan(db, OTHER_PLAN)
    priority = add_priority(db, plan.id, "Exploitation")
    return add_action(db, priority, ActionDraft(text="Return home interviews", lead="Police"))


def _choose_plan(window: MainWindow, title: str) -> None:
    window.plan_box.setCurrentIndex(window.plan_box.findText(title))


def _click_row(qtbot: QtBot, window: MainWindow, action_id: int) -> None:
    view = window.plan_view
    number = view.table_model.row_of(action_id)
    assert number is not None
    source = view.table_model.index(number, ActionTableModel.ACTION)
    rect = view.table.visualRect(view.filter_model.mapFromSource(source))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _type_lead(qtbot: QtBot, window: MainWindow, words: str) -> None:
    leads = window.plan_view.detail.leads
    leads.end(False)
    qtbot.keyClicks(leads, words)


def _lead_of(db: Database, action_id: int) -> str:
    return action_draft(db, action_id).lead


def test_switching_plan_clears_the_detail_panel_and_save_cannot_reach_the_hidden_plan(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The panel follows the plan on screen: after a switch it no longer shows the other
    plan's action, and a save asked for that action changes nothing."""
    toolkit, _audit = _two_actions(factory)
    _other_plan(db)
    window = open_window()
    _choose_plan(window, factory.plan.title)
    window.plan_view.select_action(toolkit)
    detail = window.plan_view.detail
    assert detail.action_id == toolkit
    _choose_plan(window, OTHER_PLAN)
    assert detail.action_id is None
    assert detail.heading.text() == "Select an action to see its details."
    assert not detail.leads.isEnabled() and not detail.save_button.isEnabled()
    window.edits.save_action_edit(toolkit, ActionDraft(text="Words for the wrong plan"))
    assert action_draft(db, toolkit).text == "Launch the neglect toolkit"
    assert window.workspace.undo_stack.count() == 0
    assert len(answers.said) == 1 and answers.said[0][0] == "warn"


def test_typing_then_clicking_another_row_saves_the_words_and_undo_reverts_them(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Choosing another action saves what was typed as one "Edit action" entry."""
    toolkit, audit = _two_actions(factory)
    window = open_window()
    _click_row(qtbot, window, toolkit)
    _type_lead(qtbot, window, " / Education")
    _click_row(qtbot, window, audit)
    assert _lead_of(db, toolkit) == "Health / Education"
    assert window.plan_view.detail.action_id == audit
    assert window.selected_row() is not None and window.selected_row().id == audit
    assert window.workspace.undo_stack.count() == 1
    assert window.commands.undo_action.text().startswith("&Undo Edit action 1.1")
    window.commands.undo_action.trigger()
    assert _lead_of(db, toolkit) == "Health"


def test_typing_then_choosing_another_priority_in_the_navigator_saves_the_words(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """The navigator hides the row being edited; its words are saved first."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    view = window.plan_view
    view.select_action(toolkit)
    detail = view.detail
    detail.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(detail.text, " in every school")
    send = view.navigator_model.item(0).child(1)
    rect = view.navigator.visualRect(send.index())
    qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.filter_model.rowCount() == 1
    assert action_draft(db, toolkit).text == "Launch the neglect toolkit in every school"


def test_typing_then_switching_plan_saves_the_words_in_the_action_they_were_typed_for(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Words typed for an action of one plan land in that action, not in the plan shown next."""
    toolkit, _audit = _two_actions(factory)
    interviews = _other_plan(db)
    window = open_window()
    _choose_plan(window, factory.plan.title)
    window.plan_view.select_action(toolkit)
    _type_lead(qtbot, window, " / Early Help")
    _choose_plan(window, OTHER_PLAN)
    assert _lead_of(db, toolkit) == "Health / Early Help"
    assert _lead_of(db, interviews) == "Police"
    assert window.plan_view.detail.action_id is None


def test_ctrl_s_saves_the_panel_and_is_offered_only_with_something_to_save(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Edit ▸ Save changes (Ctrl+S) saves the typed words where the user is."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    window.activateWindow()
    window.plan_view.select_action(toolkit)
    assert not window.commands.save_changes_action.isEnabled()
    leads = window.plan_view.detail.leads
    leads.setFocus()
    _type_lead(qtbot, window, "; Schools")
    assert window.commands.save_changes_action.isEnabled()
    qtbot.keyClick(leads, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _lead_of(db, toolkit) == "Health; Schools"
    assert not window.commands.save_changes_action.isEnabled()
    assert window.plan_view.detail.action_id == toolkit


def test_a_save_that_fails_keeps_the_words_and_says_why(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """An action emptied of words cannot be saved: moving on says so and keeps the panel."""
    toolkit, audit = _two_actions(factory)
    window = open_window()
    view = window.plan_view
    view.select_action(toolkit)
    view.detail.text.clear()
    _type_lead(qtbot, window, " / Education")
    _click_row(qtbot, window, audit)
    assert answers.said == [("warn", "An action needs some words saying what will be done.")]
    assert view.detail.action_id == toolkit
    assert view.detail.leads.text() == "Health / Education"
    assert view.detail.save_button.isEnabled()
    assert window.selected_row() is not None and window.selected_row().id == toolkit
    assert action_draft(db, toolkit).text == "Launch the neglect toolkit"


def test_closing_the_window_saves_what_was_typed(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Words typed just before closing are in the database afterwards."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    window.plan_view.select_action(toolkit)
    _type_lead(qtbot, window, " / Police")
    window.close()
    assert _lead_of(db, toolkit) == "Health / Police"


def test_a_filter_that_hides_the_row_saves_what_was_typed_first(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Searching for something else hides the row being edited, and its words are kept."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    view = window.plan_view
    view.select_action(toolkit)
    _type_lead(qtbot, window, " / Dental")
    qtbot.keyClicks(view.search, "EHCP")
    assert view.filter_model.rowCount() == 1
    assert _lead_of(db, toolkit) == "Health / Dental"
    assert view.detail.action_id != toolkit
    assert [row.lead_text for row in action_rows(db, factory.plan.id, AS_OF)] == [
        "Health; Dental",
        "SEND Lead",
    ]


def test_words_are_saved_when_the_focus_leaves_the_panel(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Typing, then going to the search box: the words are saved, the row stays chosen."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    window.activateWindow()
    view = window.plan_view
    view.select_action(toolkit)
    view.detail.leads.setFocus()
    _type_lead(qtbot, window, " / Youth Service")
    view.search.setFocus()
    assert _lead_of(db, toolkit) == "Health / Youth Service"
    assert view.detail.action_id == toolkit and not view.detail.save_button.isEnabled()
    assert window.commands.undo_action.text().startswith("&Undo Edit action 1.1")


def test_words_that_cannot_be_saved_as_the_focus_leaves_stay_and_the_status_bar_says_why(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """An emptied action going out of focus is not saved; nothing pops up, nothing is lost."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    window.activateWindow()
    view = window.plan_view
    view.select_action(toolkit)
    view.detail.text.setFocus()
    view.detail.text.clear()
    view.search.setFocus()
    assert window.statusBar().currentMessage() == (
        "Not saved yet: An action needs some words saying what will be done."
    )
    assert answers.said == []
    assert view.detail.save_button.isEnabled() and view.detail.text.toPlainText() == ""
    assert action_draft(db, toolkit).text == "Launch the neglect toolkit"
    view.detail.revert_button.click()  # the user thinks better of it
    assert view.detail.text.toPlainText() == "Launch the neglect toolkit"


def test_a_new_plan_saves_the_words_typed_and_opens_with_an_empty_panel(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """File ▸ New plan while an action is being edited: its words are kept in its own plan."""
    toolkit, _audit = _two_actions(factory)
    window = open_window()
    window.plan_view.select_action(toolkit)
    _type_lead(qtbot, window, " / Public Health")
    window.commands.new_plan_action.trigger()
    click_save(qtbot, plan_settings_on_screen(qtbot, window, "Ealdham SCP Plan 2026"))
    plan = window.workspace.current_plan
    assert plan is not None and plan.title == "Ealdham SCP Plan 2026"
    assert _lead_of(db, toolkit) == "Health / Public Health"
    assert window.plan_view.detail.action_id is None


def test_a_plan_switch_that_cannot_save_the_words_stays_on_their_plan(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Choosing another plan with an emptied action: the user is told, and nothing moves."""
    toolkit, _audit = _two_actions(factory)
    _other_plan(db)
    window = open_window()
    _choose_plan(window, factory.plan.title)
    view = window.plan_view
    view.select_action(toolkit)
    view.detail.text.clear()
    _choose_plan(window, OTHER_PLAN)
    assert answers.said == [("warn", "An action needs some words saying what will be done.")]
    assert window.plan_box.currentText() == factory.plan.title
    assert window.windowTitle() == f"{factory.plan.title} — actionplan"
    assert view.detail.action_id == toolkit and view.detail.text.toPlainText() == ""
    view.detail.revert_button.click()


def test_opening_another_database_saves_the_words_and_empties_the_panel(
    qtbot: QtBot, db: Database, factory: PlanFactory, tmp_path: Path, answers: Answers,
    open_window: Opener,
) -> None:  # fmt: skip
    """The other database's plan has the same number inside: the panel still starts empty."""
    toolkit, _audit = _two_actions(factory)
    other_path = tmp_path / "other.db"
    other = Database.open(other_path)
    _other_plan(other)
    other.close()
    window = open_window()
    window.plan_view.select_action(toolkit)
    _type_lead(qtbot, window, " / Housing")
    answers.open_files.append(other_path)
    window.databases.open_action.trigger()
    qtbot.waitUntil(lambda: not window.loading)
    assert window.windowTitle() == f"{OTHER_PLAN} — actionplan"
    assert window.plan_view.detail.action_id is None
    assert not window.commands.undo_action.isEnabled()
    window.close_database()
    assert _lead_of(db, toolkit) == "Health / Housing"


def test_clicking_a_row_further_down_while_typing_lands_on_that_row(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """The words are saved as the click takes the focus, without scrolling the table back
    to the row being edited: the row clicked is the row chosen."""
    neglect = factory.priority("Neglect")
    ids = [factory.action(neglect, f"Visit family hub {n}", lead="Health") for n in range(80)]
    window = open_window()
    window.activateWindow()
    view = window.plan_view
    view.select_action(ids[0])
    view.detail.leads.setFocus()
    _type_lead(qtbot, window, " / Early Help")
    view.table.scrollToBottom()
    _click_row(qtbot, window, ids[-1])
    assert window.selected_row() is not None and window.selected_row().id == ids[-1]
    assert view.detail.action_id == ids[-1]
    assert _lead_of(db, ids[0]) == "Health / Early Help"
    qtbot.waitUntil(lambda: view.table_model.row_at(0).lead_text == "Health; Early Help")
