"""The window's workspace says after every write what it changed: edits, undo, redo, a switch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from actionplan.gui import worker
from actionplan.gui.changes import Changes, Kind
from actionplan.gui.main_window import MainWindow
from actionplan.gui.settings import Settings
from actionplan.gui.workspace import Workspace
from actionplan.services.pack_settings import pack_settings
from actionplan.services.snapshots import list_snapshots
from actionplan.services.workspace import open_database
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, fill_progress

Opener = Callable[[], MainWindow]


def _heard(workspace: Workspace) -> list[Changes]:
    said: list[Changes] = []
    workspace.changed.connect(said.append)
    return said


def test_recording_progress_then_undo_and_redo_each_say_which_action_changed(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """Progress recorded, undone and redone: three announcements, each about that action's
    updates, and the table shows the update after each."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    window = open_window()
    said = _heard(window.workspace)
    fill_progress(window, action_id, "Audit booked").accept()
    window.commands.undo_action.trigger()
    window.commands.redo_action.trigger()
    assert [c.touches(Kind.UPDATES) for c in said] == [True, True, True]
    assert {c.action_id for c in said} == {action_id}
    assert window.plan_view.selected_row() is not None


def test_emptying_the_undo_history_tells_the_views_nothing(
    qtbot: QtBot, db: Database, settings: Settings
) -> None:
    """Emptying the history (as a database switch does) changes nothing they show."""
    workspace = Workspace(settings, db)
    said = _heard(workspace)
    workspace.undo_stack.clear()
    workspace.announce(Changes())
    assert said == []


def test_opening_another_database_says_the_whole_database_changed(
    qtbot: QtBot, db: Database, settings: Settings, tmp_path: Path
) -> None:
    """A switch of database is announced once, after the workspace works on the new one."""
    workspace = Workspace(settings, db)
    said = _heard(workspace)
    other = open_database(tmp_path / "other.db")
    try:
        workspace.use_database(other)
        assert [c.touches(Kind.DATABASE) for c in said] == [True]
        assert workspace.db is other and workspace.target == other.target
    finally:
        other.close()


def test_taking_a_snapshot_says_the_plans_snapshots_changed(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """A snapshot named for a meeting is kept, and announced once as about that plan."""
    factory.action(factory.priority(), "Run a joint audit")
    window = open_window()
    said = _heard(window.workspace)
    answers.texts.append("Board 12 March")
    window.files.snapshot_action.trigger()
    assert [snapshot.name for snapshot in list_snapshots(db, factory.plan.id)] == ["Board 12 March"]
    assert [(c.touches(Kind.SNAPSHOTS), c.plan_id) for c in said] == [(True, factory.plan.id)]


def test_keeping_the_board_packs_settings_says_so(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The board's ask kept from the Board pack dialog is announced once, about that plan,
    even when no PDF is then saved."""
    factory.action(factory.priority(), "Run a joint audit")
    window = open_window()
    said = _heard(window.workspace)
    window.files.report_action.trigger()
    dialog = window.files.report_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.messages.drafting, timeout=20_000)
    dialog.board_asked.setPlainText("Agree the neglect audit.")
    answers.save_files.append(None)  # no file chosen: nothing is printed
    dialog.accept()
    qtbot.waitUntil(lambda: not worker._RUNNING, timeout=60_000)
    assert pack_settings(db, factory.plan.id).board_asked == "Agree the neglect audit."
    assert [(c.touches(Kind.PACK_SETTINGS), c.plan_id) for c in said] == [(True, factory.plan.id)]
