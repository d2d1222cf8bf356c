"""A colleague's save in another program appears in the window within two seconds, unasked;
a save rolled back shows nothing; the window's own saves refresh it once; a dropped server
connection shows a quiet banner, comes back, and later saves arrive again."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from actionplan.gui.changes import Changes
from actionplan.gui.main_window import MainWindow
from actionplan.gui.widgets.team_banner import LOST_WORDS
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.colleague import Colleague
from tests.gui.conftest import Answers
from tests.server_databases import ScratchServer

Opener = Callable[[], MainWindow]

pytestmark = pytest.mark.both_engines


def _from_elsewhere(changes: Changes) -> bool:
    return changes.elsewhere


def _listening(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.live.listener is not None)


def _words_in_table(window: MainWindow) -> list[str]:
    return [row.text for row in window.plan_view.table_model.all_rows()]


def test_a_colleagues_save_in_another_program_shows_within_two_seconds(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """The other program commits; the workspace announces it within 2 s and the table shows
    the colleague's words, with the user's selection kept."""
    priority = factory.priority("Neglect")
    first = factory.action(priority, "Launch the neglect toolkit")
    second = factory.action(priority, "Train every health visitor")
    window = open_window()
    window.plan_view.select_action(first)
    _listening(qtbot, window)
    with Colleague(db.target) as colleague:
        with qtbot.waitSignal(
            window.workspace.changed, timeout=2000, check_params_cb=_from_elsewhere
        ):
            colleague.save(second, "Train every health visitor and school nurse")
    assert "Train every health visitor and school nurse" in _words_in_table(window)
    assert window.plan_view.selected_row().id == first  # type: ignore[union-attr]
    assert answers.said == []


def test_a_save_rolled_back_in_another_program_shows_nothing(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """The other program writes and then fails before committing: no refresh is announced
    and the table keeps the stored words."""
    action_id = factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    window = open_window()
    _listening(qtbot, window)
    with Colleague(db.target) as colleague:
        with qtbot.assertNotEmitted(window.live.heard, wait=1500):
            colleague.save_and_roll_back(action_id, "Words never saved")
    assert _words_in_table(window) == ["Launch the neglect toolkit"]


def test_the_windows_own_save_is_not_announced_again_as_a_colleagues(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """Saving from the detail panel refreshes the window once, from its own write: the
    listener hears nothing of it afterwards."""
    action_id = factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    window = open_window()
    window.plan_view.select_action(action_id)
    _listening(qtbot, window)
    with qtbot.assertNotEmitted(window.live.heard, wait=1500):
        window.plan_view.detail.text.setPlainText("Launch the toolkit in schools")
        window.plan_view.detail.save_button.click()
    assert _words_in_table(window) == ["Launch the toolkit in schools"]
    assert answers.said == []


def test_words_being_typed_stay_while_a_colleagues_change_arrives(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """The user is typing in the detail panel when a colleague's save of the same action
    arrives: the table shows the colleague's words, the panel keeps the user's, and saving
    them then shows the colleague's change beside them instead of overwriting it."""
    action_id = factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    window = open_window()
    window.plan_view.select_action(action_id)
    window.plan_view.detail.text.setPlainText("My words, not yet saved")
    _listening(qtbot, window)
    with Colleague(db.target) as colleague:
        with qtbot.waitSignal(window.live.heard, timeout=2000):
            colleague.save(action_id, "Their words")
    assert _words_in_table(window) == ["Their words"]
    assert window.plan_view.detail.text.toPlainText() == "My words, not yet saved"
    window.plan_view.detail.save_button.click()
    dialog = window.edits.conflicts.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.message.text().startswith("Sam Patel saved action")
    dialog.reject()  # back to the panel, every word kept
    assert answers.said == []
    assert window.plan_view.detail.text.toPlainText() == "My words, not yet saved"
    window.plan_view.detail.revert_button.click()  # the window may close without asking


def _restart_server(test_server: ScratchServer | None, db: Database) -> None:
    """Restart the test server for real where the cluster allows it, else cut every
    connection to the database as a restart would."""
    if os.environ.get("PG_CLUSTER_CONF_ROOT"):
        done = subprocess.run(
            ["pg_ctlcluster", "15", "regress", "restart"], capture_output=True, check=False
        )
        if done.returncode == 0:
            if test_server is not None:
                test_server.admin.dispose()  # its connections died with the server
            return
    with db.engine.connect() as connection:
        connection.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.mark.server_only
@pytest.mark.restarts_server
def test_after_the_server_restarts_the_window_reconnects_and_hears_again(
    qtbot: QtBot,
    db: Database,
    factory: PlanFactory,
    open_window: Opener,
    request: pytest.FixtureRequest,
) -> None:
    """The listening connection drops: a quiet banner says so, it reconnects by itself and
    clears, and a colleague's save made after that still arrives."""
    action_id = factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    window = open_window()
    _listening(qtbot, window)
    _restart_server(request.getfixturevalue("test_server"), db)
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert window.banner.text() == LOST_WORDS
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15000)
    with Colleague(db.target) as colleague:
        with qtbot.waitSignal(window.live.heard, timeout=2000):
            colleague.save(action_id, "Saved after the restart")
    assert _words_in_table(window) == ["Saved after the restart"]


def test_the_open_plan_deleted_by_a_colleague_gives_way_to_another_with_one_sentence(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """A colleague deletes the plan on screen: the window says so in the status bar and
    shows the other plan, with no message box in the way."""
    from actionplan.services.plans import create_plan, delete_plan

    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    other = create_plan(db, "Northbridge Business Plan 2024-25", "Northbridge SCP")
    window = open_window()
    shown = window.workspace.current_plan
    assert shown is not None
    _listening(qtbot, window)
    colleague = Database.open(db.target, user="Sam Patel")
    try:
        with qtbot.waitSignal(window.live.heard, timeout=2000):
            delete_plan(colleague, shown.id)
    finally:
        colleague.close()
    qtbot.waitUntil(lambda: not window.loading)
    remaining = window.workspace.current_plan
    assert remaining is not None and remaining.id != shown.id
    assert [plan.id for plan in window.workspace.plans] == [remaining.id]
    assert other.id in (shown.id, remaining.id)
    assert f"A colleague deleted the plan '{shown.title}'." == window.statusBar().currentMessage()
    assert answers.said == []
