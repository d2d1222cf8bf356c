"""Counts read as English ("1 action") and a finished task's message shows every line."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from tests.conftest import PlanFactory

Opener = Callable[[], MainWindow]


def test_a_plan_with_one_action_says_1_action(factory: PlanFactory, open_window: Opener) -> None:
    """The count beside the search and the dashboard's headline say "1 action"."""
    factory.action(factory.priority("Neglect"), "Audit neglect referrals")
    view = open_window().plan_view
    assert view.count_label.text() == "1 of 1 action"
    assert view.dashboard.headline.text().startswith("<b>1 action</b> — ")


def test_sample_plans_message_lists_each_plan_on_its_own_line_in_full(
    qtbot: QtBot, open_window: Opener
) -> None:
    """After loading the samples the message names every plan, and no line is cut off."""
    window = open_window()
    window.welcome.samples_button.click()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    message = task.message
    lines = message.text().splitlines()
    assert lines[0] == "Loaded the sample plans:" and len(lines) == 4
    assert all(line.startswith("• ") and line.endswith(" actions)") for line in lines[1:])
    assert message.height() >= message.heightForWidth(message.width())
    assert task.rect().contains(message.geometry())
