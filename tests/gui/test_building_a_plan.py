"""Building a plan in the window: new plan, priorities, actions; deleting; all undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.actions import action_rows
from actionplan.services.editing import add_outcome
from actionplan.services.impact import narrative_for
from actionplan.services.outline import plan_outline
from actionplan.services.plans import list_plans
from actionplan.services.progress import history
from actionplan.services.report import make_report
from actionplan.services.views import NarrativeData
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save, fill_progress, plan_settings_on_screen
from tests.pdf_helpers import pdf_text, squeeze

Opener = Callable[[], MainWindow]
AS_OF = date(2025, 1, 1)


def _texts(window: MainWindow) -> list[str]:
    view = window.plan_view
    return [
        view.filter_model.index(r, ActionTableModel.ACTION).data()
        for r in range(view.filter_model.rowCount())
    ]


def test_a_new_plan_is_built_from_the_welcome_page_and_undone_step_by_step(
    qtbot: QtBot, db: Database, answers: Answers, open_window: Opener
) -> None:
    """Start a plan, add a priority and two actions; Undo takes them back one by one."""
    window = open_window()
    answers.texts += ["Neglect", "Launch the neglect toolkit"]
    qtbot.mouseClick(window.welcome.new_plan_button, Qt.MouseButton.LeftButton)
    click_save(qtbot, plan_settings_on_screen(qtbot, window, "Eastvale Safeguarding Plan 2026"))
    [plan] = list_plans(db)
    assert window.plan_view.empty_hint.isVisible()
    window.commands.new_priority_action.trigger()
    window.commands.new_action_action.trigger()
    [row] = action_rows(db, plan.id, AS_OF)
    assert (row.ref, row.text, row.priority_title) == (
        "1.1",
        "Launch the neglect toolkit",
        "Neglect",
    )
    assert window.plan_view.detail.action_id == row.id  # ready for its leads and timescale
    assert not window.plan_view.empty_hint.isVisible()
    answers.texts.append("Audit neglect cases open to Early Help")
    window.commands.new_action_action.trigger()
    both = ["Launch the neglect toolkit", "Audit neglect cases open to Early Help"]
    assert _texts(window) == both
    assert [node.actions for node in plan_outline(db, plan.id)] == [2]
    window.commands.undo_action.trigger()
    assert _texts(window) == ["Launch the neglect toolkit"]
    window.commands.undo_action.trigger()
    window.commands.undo_action.trigger()
    assert plan_outline(db, plan.id) == [] and _texts(window) == []
    for _ in range(3):
        window.commands.redo_action.trigger()
    assert [r.text for r in action_rows(db, plan.id, AS_OF)] == both


def test_a_new_action_goes_under_the_priority_chosen_in_the_navigator(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Choosing SEND on the left and adding an action puts it in SEND as 2.2."""
    first, send = factory.priority("Neglect"), factory.priority("SEND")
    factory.action(first, "Toolkit")
    factory.action(send, "Audit EHCP timeliness")
    window = open_window()
    window.plan_view.choose_priority(send)
    answers.texts.append("Train SENCOs on the graduated approach")
    window.commands.new_action_action.trigger()
    added = next(r for r in action_rows(db, factory.plan.id, AS_OF) if r.text.startswith("Train"))
    assert (added.priority_id, added.ref) == (send, "2.2")
    assert _texts(window) == ["Audit EHCP timeliness", "Train SENCOs on the graduated approach"]


def test_a_plan_without_priorities_asks_for_one_first(
    db: Database, plan: object, answers: Answers, open_window: Opener
) -> None:
    """No priority yet: the window says what to do instead of asking for the action."""
    window = open_window()
    window.commands.new_action_action.trigger()
    [(kind, text)] = answers.said
    assert kind == "inform" and "New priority" in text
    assert answers.texts == []


def test_deleting_an_action_asks_first_and_undo_brings_back_its_history(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The question names the action and its updates; Undo restores every word."""
    priority = factory.priority("Neglect")
    keep = factory.action(priority, "Toolkit", timescale="2031-32")
    doomed = factory.action(priority, "Dental <neglect> pathway", timescale="2031-32")
    window = open_window()
    fill_progress(window, doomed, "=Pathway agreed with dentists").accept()
    answers.confirms.append(False)
    window.commands.delete_action_action.trigger()
    assert [r.id for r in action_rows(db, factory.plan.id, AS_OF)] == [keep, doomed]
    answers.confirms.append(True)
    window.commands.delete_action_action.trigger()
    assert answers.asked[-1] == (
        'Delete action 1.2 "Dental <neglect> pathway"? Its 1 progress update will be deleted '
        "with it. You can undo this (Ctrl+Z) until you close actionplan."
    )
    assert [r.id for r in action_rows(db, factory.plan.id, AS_OF)] == [keep]
    assert _texts(window) == ["Toolkit"]
    window.commands.undo_action.trigger()
    assert [r.id for r in action_rows(db, factory.plan.id, AS_OF)] == [keep, doomed]
    assert [u.text for u in history(db, doomed)] == ["=Pathway agreed with dentists"]
    assert window.plan_view.detail.action_id == doomed
    window.commands.redo_action.trigger()
    assert [r.id for r in action_rows(db, factory.plan.id, AS_OF)] == [keep]


def test_the_delete_key_in_the_table_deletes_the_selected_action_after_asking(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Delete in the table asks; Delete while typing in the detail panel only edits the text."""
    priority = factory.priority("Neglect")
    keep = factory.action(priority, "Toolkit")
    doomed = factory.action(priority, "Dental pathway")
    window = open_window()
    window.activateWindow()
    window.plan_view.select_action(doomed)
    window.plan_view.detail.text.setFocus()
    qtbot.keyClick(window.plan_view.detail.text, Qt.Key.Key_Delete)
    assert answers.asked == []
    answers.confirms.append(True)
    window.plan_view.table.setFocus()
    qtbot.keyClick(window.plan_view.table, Qt.Key.Key_Delete)
    assert len(answers.asked) == 1
    assert [r.id for r in action_rows(db, factory.plan.id, AS_OF)] == [keep]


def test_a_priority_is_renamed_with_its_champion_and_aim_and_undo_puts_the_old_words_back(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Right-click a priority (or Edit ▸ Edit priority…): title, champion and aim together."""
    priority = factory.priority("Contextual Risk", champion="Ana Novak")
    window = open_window()
    assert window.commands.edit_priority_action in window.plan_view.navigator.actions()
    window.plan_view.choose_priority(priority)
    window.commands.edit_priority_action.trigger()
    dialog = window.plan_edits.priority_dialog
    assert dialog is not None
    assert (dialog.title_edit.text(), dialog.champion_edit.text()) == (
        "Contextual Risk",
        "Ana Novak",
    )
    dialog.title_edit.setText("Exploitation & contextual safeguarding")
    dialog.champion_edit.setText("Marek Dvořák")
    dialog.aim_edit.setPlainText("Children are safer <outside> the home")
    dialog.accept()
    [node] = plan_outline(db, factory.plan.id)
    assert (node.title, node.champion) == ("Exploitation & contextual safeguarding", "Marek Dvořák")
    navigator_text = window.plan_view.navigator_model.item(0).child(0).text()
    assert navigator_text.startswith("1. Exploitation & contextual safeguarding")
    window.commands.undo_action.trigger()
    [node] = plan_outline(db, factory.plan.id)
    assert (node.title, node.champion, node.aim) == ("Contextual Risk", "Ana Novak", "")


def test_deleting_a_priority_asks_with_its_action_count_and_undo_restores_it(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The priority and its actions go; Undo brings them back in place."""
    neglect, send = factory.priority("Neglect"), factory.priority("SEND")
    factory.action(neglect, "Toolkit")
    factory.action(neglect, "Dental pathway")
    factory.action(send, "EHCP audit")
    window = open_window()
    window.plan_view.choose_priority(neglect)
    answers.confirms.append(True)
    window.commands.delete_priority_action.trigger()
    assert answers.asked == [
        'Delete the priority "Neglect"? Its 2 actions will be deleted with it, updates too. '
        "You can undo this (Ctrl+Z) until you close actionplan."
    ]
    assert [node.title for node in plan_outline(db, factory.plan.id)] == ["SEND"]
    assert _texts(window) == ["EHCP audit"]
    window.commands.undo_action.trigger()
    assert [node.title for node in plan_outline(db, factory.plan.id)] == ["Neglect", "SEND"]
    assert window.plan_view.table_model.rowCount() == 3


def test_renaming_and_deleting_a_plan_are_undoable(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """File ▸ Plan settings… and Delete plan…: the plan list follows, Undo brings it back."""
    factory.action(factory.priority("Neglect"), "Toolkit")
    window = open_window()
    window.commands.plan_settings_action.trigger()
    click_save(
        qtbot, plan_settings_on_screen(qtbot, window, "Northbridge Partnership Plan 2025-26")
    )
    assert window.windowTitle() == "Northbridge Partnership Plan 2025-26 — actionplan"
    answers.confirms.append(True)
    window.commands.delete_plan_action.trigger()
    assert answers.asked[-1].startswith('Delete the plan "Northbridge Partnership Plan 2025-26"')
    assert "with its 1 action, every progress update" in answers.asked[-1]
    assert list_plans(db) == []
    assert window.stack.currentWidget() is window.welcome
    window.commands.undo_action.trigger()
    assert [plan.title for plan in list_plans(db)] == ["Northbridge Partnership Plan 2025-26"]
    assert window.stack.currentWidget() is window.plan_view
    assert _texts(window) == ["Toolkit"]
    window.commands.undo_action.trigger()
    assert window.windowTitle() == f"{factory.plan.title} — actionplan"


def test_a_narrative_written_in_the_window_is_printed_in_the_board_pack(
    db: Database, factory: PlanFactory, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """The four headings for a period reach the PDF; Undo takes the narrative back out."""
    neglect = factory.priority("Neglect")
    factory.action(neglect, "Toolkit", timescale="2031-32")
    window = open_window()
    window.plan_view.choose_priority(neglect)
    window.commands.narrative_action.trigger()
    dialog = window.plan_edits.narrative_dialog
    assert dialog is not None
    dialog.period_edit.setText("Q3 2025/26")
    dialog.parts["done"].setPlainText("Toolkit launched with 40 <practitioners> trained")
    dialog.parts["next_steps"].setPlainText("=Audit use of the toolkit in March")
    dialog.accept()
    assert narrative_for(db, neglect) == NarrativeData(
        "Q3 2025/26",
        done="Toolkit launched with 40 <practitioners> trained",
        next_steps="=Audit use of the toolkit in March",
    )
    pdf = make_report(db, tmp_path / "board.pdf", as_of=AS_OF)
    text = squeeze(pdf_text(pdf))
    assert squeeze("Toolkit launched with 40 <practitioners> trained") in text
    assert squeeze("=Audit use of the toolkit in March") in text
    window.commands.undo_action.trigger()
    assert narrative_for(db, neglect) is None
    window.commands.narrative_action.trigger()
    assert window.plan_edits.narrative_dialog.period_edit.text() == ""


def test_outcomes_are_added_and_an_action_is_moved_under_one_in_the_detail_panel(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """New outcome… under a priority; the panel's Outcome box files the action under it."""
    neglect = factory.priority("Neglect")
    action_id = factory.action(neglect, "Toolkit")
    window = open_window()
    window.plan_view.choose_priority(neglect)
    answers.texts.append("Children get help <earlier>")
    window.commands.new_outcome_action.trigger()
    [node] = plan_outline(db, factory.plan.id)
    assert [outcome.title for outcome in node.outcomes] == ["Children get help <earlier>"]
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    assert [detail.outcome.itemText(i) for i in range(detail.outcome.count())] == [
        "No outcome",
        "Children get help <earlier>",
    ]
    detail.outcome.setCurrentIndex(1)
    detail.outcome.activated.emit(1)
    detail.save_button.click()
    [row] = action_rows(db, factory.plan.id, AS_OF)
    assert row.outcome_title == "Children get help <earlier>"
    window.commands.undo_action.trigger()  # the move
    window.commands.undo_action.trigger()  # the outcome
    [row] = action_rows(db, factory.plan.id, AS_OF)
    assert row.outcome_id is None and plan_outline(db, factory.plan.id)[0].outcomes == ()
    answers.texts.append("   ")
    window.commands.new_outcome_action.trigger()  # a blank outcome is not added
    assert plan_outline(db, factory.plan.id)[0].outcomes == ()


def test_an_action_is_moved_to_another_priority_and_undo_puts_it_back_in_its_place(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """The Priority box moves it (to the end there); Undo returns it to its old position."""
    neglect, send = factory.priority("Neglect"), factory.priority("SEND")
    first = factory.action(neglect, "Toolkit")
    moved = factory.action(neglect, "Dental pathway")
    factory.action(neglect, "Strategy refresh")
    factory.action(send, "EHCP audit")
    window = open_window()
    window.plan_view.select_action(moved)
    detail = window.plan_view.detail
    boxes = [detail.priority.itemText(i) for i in range(detail.priority.count())]
    assert boxes == ["1. Neglect", "2. SEND"] and detail.priority.currentIndex() == 0
    detail.priority.setCurrentIndex(1)
    detail.priority.activated.emit(1)
    assert detail.save_button.isEnabled()
    detail.save_button.click()
    order = [(row.priority_title, row.text) for row in action_rows(db, factory.plan.id, AS_OF)]
    assert order == [
        ("Neglect", "Toolkit"),
        ("Neglect", "Strategy refresh"),
        ("SEND", "EHCP audit"),
        ("SEND", "Dental pathway"),
    ]
    shown = [window.plan_view.table_model.row_at(r).text for r in range(4)]
    assert shown == ["Toolkit", "Strategy refresh", "EHCP audit", "Dental pathway"]
    assert [node.actions for node in window.plan_view.outline] == [2, 2]
    assert detail.action_id == moved
    window.commands.undo_action.trigger()
    texts = [row.text for row in action_rows(db, factory.plan.id, AS_OF)]
    assert texts == ["Toolkit", "Dental pathway", "Strategy refresh", "EHCP audit"]
    assert first in [row.id for row in action_rows(db, factory.plan.id, AS_OF)]


def test_alt_up_in_the_table_moves_the_action_up_and_undo_moves_it_back(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Reordering a priority's actions from the keyboard, as in an editor."""
    neglect = factory.priority("Neglect")
    for text in ("Toolkit", "Dental pathway", "Strategy refresh"):
        factory.action(neglect, text)
    window = open_window()
    window.activateWindow()
    window.plan_view.select_action(action_rows(db, factory.plan.id, AS_OF)[2].id)
    window.plan_view.table.setFocus()
    qtbot.keyClick(window.plan_view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(window) == ["Toolkit", "Strategy refresh", "Dental pathway"]
    assert window.plan_view.detail.text.toPlainText() == "Strategy refresh"
    window.commands.move_up_action.trigger()
    window.commands.move_up_action.trigger()  # already first: nothing happens
    assert action_rows(db, factory.plan.id, AS_OF)[0].text == "Strategy refresh"
    window.commands.undo_action.trigger()
    window.commands.undo_action.trigger()
    assert _texts(window) == ["Toolkit", "Dental pathway", "Strategy refresh"]


def test_agencies_typed_for_leads_fill_the_agency_filter_and_undo_clears_them(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Edit ▸ Leads and agencies…: each lead with its count; an agency typed is kept as typed."""
    neglect = factory.priority("Neglect")
    factory.action(neglect, "Toolkit", lead="Health Visiting / Police")
    factory.action(neglect, "Patrols", lead="Police")
    window = open_window()
    window.commands.leads_action.trigger()
    dialog = window.plan_edits.leads_dialog
    assert dialog is not None
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [["Health Visiting", "", "1"], ["Police", "", "2"]]
    assert model.setData(model.index(1, model.AGENCY), "  Northbridge <Police> — شرطة ")
    dialog.accept()
    bar = window.plan_view.filter_bar
    agencies = [bar.agency.itemText(i) for i in range(bar.agency.count())]
    assert "Northbridge <Police> — شرطة" in agencies
    bar.agency.setCurrentIndex(agencies.index("Northbridge <Police> — شرطة"))
    assert window.plan_view.filter_model.rowCount() == 2
    window.commands.undo_action.trigger()
    assert all(not row.agencies for row in action_rows(db, factory.plan.id, AS_OF))


def test_deleting_an_outcome_keeps_its_actions_and_undo_files_them_under_it_again(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The outcome goes after asking; its actions stay in the priority; Undo restores both."""
    neglect = factory.priority("Neglect")
    outcome = add_outcome(db, neglect, "Children get help earlier")
    factory.action(neglect, "Toolkit", outcome_id=outcome)
    window = open_window()
    window.plan_view.choose_outcome(outcome)
    assert _texts(window) == ["Toolkit"]
    answers.confirms.append(True)
    window.commands.delete_outcome_action.trigger()
    assert answers.asked == [
        'Delete the outcome "Children get help earlier"? Its actions stay under the '
        "priority. You can undo this (Ctrl+Z) until you close actionplan."
    ]
    [row] = action_rows(db, factory.plan.id, AS_OF)
    assert row.outcome_id is None and plan_outline(db, factory.plan.id)[0].outcomes == ()
    window.commands.undo_action.trigger()
    [row] = action_rows(db, factory.plan.id, AS_OF)
    assert row.outcome_title == "Children get help earlier"
