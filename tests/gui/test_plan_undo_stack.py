"""Undo and Redo know which plan each change was made in, show it first and say what they did."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.services.editing import ActionDraft, action_draft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.services.progress import history
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import fill_progress

Opener = Callable[[], MainWindow]
OTHER_PLAN = "Eastbay Business Plan 2025/26"


def _plans(db: Database, factory: PlanFactory) -> tuple[int, int]:
    """An action in the test plan and one in a newer plan (the one the window opens on)."""
    neglect = factory.priority("Neglect")
    factory.action(neglect, "Launch the neglect toolkit")
    toolkit_2 = factory.action(neglect, "Dental pathway")
    other = create_plan(db, OTHER_PLAN)
    priority = add_priority(db, other.id, "Exploitation")
    interviews = add_action(db, priority, ActionDraft(text="Return home interviews"))
    return toolkit_2, interviews


def _choose_plan(window: MainWindow, title: str) -> None:
    window.plan_box.setCurrentIndex(window.plan_box.findText(title))


@pytest.mark.both_engines
def test_ctrl_z_on_another_plan_goes_back_to_the_plan_and_says_what_it_undid(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Progress recorded in one plan, then Ctrl+Z while viewing another: the window shows the
    first plan again, the update is gone and the status bar names it."""
    dental, _interviews = _plans(db, factory)
    window = open_window()
    title = factory.plan.title
    _choose_plan(window, title)
    fill_progress(window, dental, "Pathway agreed with the dental network").accept()
    assert len(history(db, dental)) == 1
    _choose_plan(window, OTHER_PLAN)
    window.activateWindow()
    window.plan_view.table.setFocus()
    qtbot.keyClick(window.plan_view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    plan = window.workspace.current_plan
    assert plan is not None and plan.title == title
    assert window.windowTitle() == f"{title} — actionplan"
    assert history(db, dental) == []
    assert window.statusBar().currentMessage() == f"Undone: record progress on 1.2 in {title}."
    assert window.plan_view.detail.action_id == dental
    _choose_plan(window, OTHER_PLAN)
    window.commands.redo_action.trigger()
    plan = window.workspace.current_plan
    assert plan is not None and plan.title == title
    assert len(history(db, dental)) == 1
    assert window.statusBar().currentMessage() == f"Redone: record progress on 1.2 in {title}."


def test_the_undo_text_names_the_plan_and_the_action(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Edit ▸ Undo says what it will undo, on which action of which plan."""
    dental, _interviews = _plans(db, factory)
    window = open_window()
    title = factory.plan.title
    _choose_plan(window, title)
    fill_progress(window, dental, "Pathway agreed").accept()
    assert window.commands.undo_action.text() == f"&Undo Record progress on 1.2 — {title}"
    assert window.commands.undo_action.isEnabled() and not window.commands.redo_action.isEnabled()
    window.commands.undo_action.trigger()
    assert window.commands.redo_action.text() == f"&Redo Record progress on 1.2 — {title}"
    assert not window.commands.undo_action.isEnabled()
    window.plan_view.select_action(dental)
    window.commands.move_up_action.trigger()
    assert window.commands.undo_action.text() == f"&Undo Move action 1.2 up — {title}"


@pytest.mark.both_engines
def test_undo_with_unsaved_words_in_the_panel_takes_back_those_words_and_redo_restores_them(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Edit ▸ Undo while the panel holds typed words: they are kept as an entry first, so
    Undo takes them back and Redo brings them again; nothing typed is thrown away unasked."""
    dental, _interviews = _plans(db, factory)
    window = open_window()
    _choose_plan(window, factory.plan.title)
    fill_progress(window, dental, "Pathway agreed").accept()
    leads = window.plan_view.detail.leads
    qtbot.keyClicks(leads, "Community Dental Service")
    window.commands.undo_action.trigger()
    assert action_draft(db, dental).lead == ""
    assert len(history(db, dental)) == 1
    assert leads.text() == ""
    message = f"Undone: edit action 1.2 in {factory.plan.title}."
    assert window.statusBar().currentMessage() == message
    window.commands.redo_action.trigger()
    assert action_draft(db, dental).lead == "Community Dental Service"
    assert leads.text() == "Community Dental Service"
