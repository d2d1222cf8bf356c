"""The window greys out what the connected team member may not do, saying why, and still
tells a refusal the server makes as "not permitted", never as a colleague's conflict."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.gui.settings import Settings
from actionplan.services.progress import history
from tests.gui.conftest import Answers, fill_progress
from tests.team_helpers import Team, team

__all__ = ["team"]  # the fixture, used by name below

Opener = Callable[[str], MainWindow]


@pytest.fixture
def window_as(qtbot: QtBot, team: Team, settings: Settings) -> Opener:
    """Opens the window on the team database as the member with that role."""

    def opened(role: str) -> MainWindow:
        window = MainWindow(team.open_as(role), settings=settings)
        qtbot.addWidget(window)
        window.start()
        qtbot.waitUntil(lambda: not window.loading)
        return window

    return opened


def test_a_reader_sees_every_edit_greyed_out_with_the_reason(
    team: Team, window_as: Opener, answers: Answers
) -> None:
    """The board's login reads the plan; editing, adding, importing and recording progress
    are all greyed out, and each says why in its tooltip."""
    window = window_as("reader")
    window.plan_view.select_action(team.own_action)
    made, detail = window.commands, window.plan_view.detail
    greyed = [
        made.new_action_action, made.new_priority_action, made.plan_settings_action,
        made.delete_action_action, made.record_action, window.files.import_action,
    ]  # fmt: skip
    assert [action.isEnabled() for action in greyed] == [False] * len(greyed)
    assert not detail.text.isEnabled() and not detail.record_button.isEnabled()
    assert "can read and print the plan, not change it" in made.new_action_action.toolTip()
    assert not window.welcome.new_plan_button.isEnabled()
    assert window.files.report_action.isEnabled()  # the board pack prints
    assert answers.said == []


def test_a_lead_records_progress_on_their_own_action_only(
    team: Team, window_as: Opener, answers: Answers
) -> None:
    """Ana may record on 1.1, which she leads; on 1.2 the command is greyed out and says who
    may; the plan's own words stay greyed out on both."""
    window = window_as("lead")
    made, detail = window.commands, window.plan_view.detail
    window.plan_view.select_action(team.others_action)
    assert not made.record_action.isEnabled() and not detail.record_button.isEnabled()
    assert "only on actions you lead (as Ana Novak)" in made.record_action.toolTip()
    window.plan_view.select_action(team.own_action)
    assert made.record_action.isEnabled() and detail.record_button.isEnabled()
    assert not detail.text.isEnabled() and not made.new_action_action.isEnabled()
    fill_progress(window, team.own_action, "Audit started in two schools").accept()
    assert [u.text for u in history(window.workspace.db, team.own_action)] == [
        "Audit started in two schools"
    ]
    assert answers.said == []


def test_the_manager_sees_nothing_greyed_out(team: Team, window_as: Opener) -> None:
    """The business manager's login changes the plan: every command is on."""
    window = window_as("manager")
    window.plan_view.select_action(team.others_action)
    made = window.commands
    assert made.record_action.isEnabled() and made.new_action_action.isEnabled()
    assert window.plan_view.detail.text.isEnabled()


def test_a_refusal_by_the_server_is_told_as_not_permitted_keeping_the_words(
    team: Team, window_as: Opener, answers: Answers
) -> None:
    """Were the command reached anyway (rights changed since the window opened), the
    server's refusal is one sentence naming the action's lead, not a conflict; the dialog
    stays open with the words typed."""
    window = window_as("lead")
    dialog = fill_progress(window, team.others_action, "Trained forty staff")
    dialog.accept()
    assert answers.said == [
        ("warn", "You can record progress only on actions you lead; action 1.2 is led by "
         "Ben Okafor.")
    ]  # fmt: skip
    assert dialog.isVisible() and dialog.text_edit.toPlainText() == "Trained forty staff"
    assert history(window.workspace.db, team.others_action) == []
