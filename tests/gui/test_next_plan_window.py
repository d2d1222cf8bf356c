"""Plan ▸ Start next year's plan…: the dialog proposes the next title and period with every
unfinished action ticked; starting it shows the new plan, the old one closed with a quiet bar
and its editing greyed until Reopen; a carried action names the one it continues; Undo takes
each step back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.gui.dialogs.next_plan_dialog import NextPlanDialog
from actionplan.gui.main_window import MainWindow
from actionplan.services.next_plan import plan_closure
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import list_plans
from actionplan.store.database import Database
from tests.gui.conftest import Answers
from tests.services.test_next_plan import OLD_TITLE, _year_plan

Opener = Callable[[], MainWindow]
NEW_TITLE = "Northbridge Business Plan 2025-26"


def _dialog(qtbot: QtBot, window: MainWindow) -> NextPlanDialog:
    window.commands.next_year_action.trigger()
    dialog = window.years.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _wait_for(qtbot: QtBot, window: MainWindow, title: str) -> None:
    qtbot.waitUntil(lambda: window.plan_box.currentText() == title and not window.loading)


def test_the_dialog_proposes_next_year_with_every_unfinished_action_ticked(
    qtbot: QtBot, db: Database, open_window: Opener
) -> None:
    """ "… 2025-26", 1 Apr 2025 to 31 Mar 2026, and 1.2 and 2.2 both ticked."""
    save_plan_data(db, _year_plan())
    window = open_window()
    dialog = _dialog(qtbot, window)
    assert dialog.title.text() == NEW_TITLE
    assert (dialog.start.text(), dialog.end.text()) == ("1 Apr 2025", "31 Mar 2026")
    model = dialog.carry_model
    rows = [model.item(row) for row in range(model.rowCount())]
    assert [item.text() for item in rows] == ["1.2  Action 1.2", "2.2  Action 2.2"]
    assert all(item.checkState() == Qt.CheckState.Checked for item in rows)
    dialog.reject()


def test_starting_next_year_closes_the_old_plan_until_reopened_and_undo_takes_it_back(
    qtbot: QtBot, db: Database, open_window: Opener, answers: Answers
) -> None:
    """Unticking 2.2 carries only 1.2; the new plan is shown, its 1.2 says where it came
    from and opens the old plan, which shows the closed bar with editing greyed; Reopen
    lifts it, and Undo twice puts everything back as it was."""
    old_id = save_plan_data(db, _year_plan())
    window = open_window()
    dialog = _dialog(qtbot, window)
    dialog.carry_model.item(1).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    _wait_for(qtbot, window, NEW_TITLE)
    assert answers.said == []
    assert "Started Northbridge Business Plan 2025-26" in window.statusBar().currentMessage()
    view = window.plan_view
    assert view.table_model.rowCount() == 1 and not window.closed_watch.bar.isVisible()
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.carried.isVisible())
    assert view.detail.carried.text().startswith(f"Carried forward from {OLD_TITLE} (1.2)")
    view.detail.carried.linkActivated.emit("open")
    _wait_for(qtbot, window, OLD_TITLE)
    qtbot.waitUntil(lambda: view.detail.ref.text() == "1.2")  # the old 1.2, its history below
    assert view.selected_row() is not None and view.selected_row().ref == "1.2"
    assert "32 schools signed up" in view.detail.facts.toPlainText()
    assert not view.detail.text.isEnabled()  # shown, not edited: the plan is closed
    bar = window.closed_watch.bar
    assert bar.isVisible()
    assert bar.words.text().startswith(f"This plan is closed (rolled forward to {NEW_TITLE} on ")
    assert not window.commands.record_action.isEnabled()
    assert not window.commands.new_action_action.isEnabled()
    assert not view.measures.new_button.isEnabled()
    qtbot.mouseClick(bar.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible() and not window.loading)
    assert window.commands.record_action.isEnabled() and plan_closure(db, old_id) is None
    window.commands.undo_action.trigger()  # the reopen
    qtbot.waitUntil(lambda: bar.isVisible() and not window.loading)
    assert plan_closure(db, old_id) is not None
    window.commands.undo_action.trigger()  # the roll-forward
    qtbot.waitUntil(lambda: len(list_plans(db)) == 1 and not bar.isVisible())
    assert plan_closure(db, old_id) is None and window.commands.record_action.isEnabled()
    assert window.plan_box.count() == 1


def test_a_title_in_use_is_told_and_the_dialog_stays_with_the_choices(
    qtbot: QtBot, db: Database, open_window: Opener, answers: Answers
) -> None:
    """Nothing is written; the dialog opens again with what was typed."""
    save_plan_data(db, _year_plan())
    window = open_window()
    dialog = _dialog(qtbot, window)
    dialog.title.setText(OLD_TITLE)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers.said))
    assert "already called" in answers.said[0][1]
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.title.text() == OLD_TITLE and len(list_plans(db)) == 1
    assert dialog.start.text() == "1 Apr 2025"
    dialog.reject()


def test_a_carried_action_names_an_old_title_with_markup_as_typed(
    qtbot: QtBot, db: Database, open_window: Opener
) -> None:
    """The old plan's title is shown as words, never read as markup."""
    from dataclasses import replace

    from actionplan.services.next_plan import propose_next_plan, start_next_plan

    old_id = save_plan_data(db, replace(_year_plan(), title="<b>Ours</b> & theirs 2024-25"))
    start_next_plan(db, old_id, propose_next_plan(db, old_id).plan)
    window = open_window()
    window.plan_view.table.selectRow(0)
    label = window.plan_view.detail.carried
    qtbot.waitUntil(label.isVisible)
    assert "&lt;b&gt;Ours&lt;/b&gt; &amp; theirs 2024-25 (1.2)" in label.text()
    assert window.plan_box.currentText() == "<b>Ours</b> & theirs 2025-26"
