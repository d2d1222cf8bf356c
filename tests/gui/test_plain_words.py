"""The user's own words show exactly as typed: tooltips, labels and messages never read them
as HTML, so "<b>all</b>" is not made bold and a "<script>" note keeps every word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui import prompts
from actionplan.gui.dialogs.task_dialog import TaskDialog
from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.models.measure_table_model import MeasureTableModel
from actionplan.gui.plain import plain_tip
from actionplan.services.impact import add_measure
from actionplan.services.progress import record_progress
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import label_shows, shown

Opener = Callable[[], MainWindow]
BOLD = "<b>all</b>"
SCRIPT = "<script>alert(1)</script> keep these words"
AWKWARD = [BOLD, SCRIPT, "Tom & Jerry  <i>two spaces</i>\nand a second line", " lead"]


def _awkward_plan(db: Database, factory: PlanFactory) -> int:
    priority = factory.priority(BOLD, champion=SCRIPT)
    action_id = factory.action(priority, BOLD, lead=SCRIPT, ref="1.1")
    entry = ProgressEntry(action_id, date(2025, 3, 1), Rag.GREEN, Status.IN_PROGRESS, SCRIPT)
    record_progress(db, entry)
    add_measure(db, factory.plan.id, SCRIPT, "%", "Higher", 70.0, 80.0, priority)
    return action_id


@pytest.mark.parametrize("words", AWKWARD)
def test_a_tooltip_shows_the_words_as_typed(words: str) -> None:
    """Tags, ampersands, double spaces, line breaks and a leading space all survive."""
    assert shown(plain_tip(words)) == words


def test_navigator_and_table_tooltips_show_the_users_words(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Hovering a priority or an action shows its title, champion and words literally."""
    _awkward_plan(db, factory)
    view = open_window().plan_view
    priority = view.navigator_model.item(0).child(0)
    assert shown(priority.toolTip()) == f"{BOLD}\nExecutive champion: {SCRIPT}"
    action = view.filter_model.index(0, ActionTableModel.ACTION)
    assert shown(action.data(Qt.ItemDataRole.ToolTipRole)) == BOLD
    measure = view.measures.model.index(0, MeasureTableModel.NAME)
    assert shown(measure.data(Qt.ItemDataRole.ToolTipRole)) == SCRIPT


def test_undo_names_the_users_words_whole_in_its_tooltip_and_menu(open_window: Opener) -> None:
    """Undo's tooltip shows a title with tags as typed, and an "&" stays in the menu."""
    window = open_window()
    window.workspace.undo_stack.push(QUndoCommand(f"Import '{BOLD}'"))
    assert shown(window.commands.undo_action.toolTip()) == f"Undo Import '{BOLD}'"
    window.workspace.undo_stack.push(QUndoCommand("Import 'Tom & Jerry'"))
    undo = window.commands.undo_action
    assert undo.text().replace("&&", "&").lstrip("&") == "Undo Import 'Tom & Jerry'"


def test_dialog_labels_show_the_users_words(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Record progress and Add a reading name the action and measure in the user's words."""
    action_id = _awkward_plan(db, factory)
    window = open_window()
    window.plan_view.select_action(action_id)
    window.record_progress()
    progress = window.edits.progress_dialog
    assert progress is not None
    assert any(label_shows(label) == f"1.1 {BOLD}" for label in progress.findChildren(QLabel))
    measures = window.plan_view.measures
    measures.table.selectRow(0)
    measures.add_button.click()
    reading = window.edits.reading_dialog
    assert reading is not None
    assert SCRIPT in [label_shows(label) for label in reading.findChildren(QLabel)]


def test_a_finished_task_says_the_users_words_as_typed(qtbot: QtBot) -> None:
    """A plan title in the message after loading or exporting shows literally."""
    task = TaskDialog("Sample plans", "Loading…", lambda _p, _c: BOLD, None, lambda r: f"'{r}'")
    qtbot.addWidget(task)
    task.run()
    qtbot.waitUntil(lambda: task.finished_work)
    assert label_shows(task.message) == f"'{BOLD}'"


@pytest.mark.parametrize("words", [BOLD, SCRIPT])
def test_message_boxes_show_the_users_words_as_typed(qtbot: QtBot, words: str) -> None:
    """A message quoting the user (a plan title, a file name) shows every character."""
    box = prompts.message_box(None, QMessageBox.Icon.Warning, "Delete plan", f"Delete '{words}'?")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"Delete '{words}'?"
