"""The action's activity log in the window: a new entry shows after an edit, a progress
update and an undo, without a click; File ▸ Export activity log… writes it out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, fill_progress
from tests.pc_zone import pc_in_zone

Opener = Callable[[], MainWindow]


def _shown(window: MainWindow) -> list[str]:
    model = window.plan_view.detail.activity.model
    return [model.index(row).data() for row in range(model.rowCount())]


@pytest.mark.both_engines
def test_the_activity_log_shows_each_edit_progress_and_undo_newest_first(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Adding the action is its first entry; saving new words adds "Action: old → new" by
    the user at the top; recording progress adds "Progress recorded"; Undo adds an "Undone"
    entry and keeps the others."""
    db.user = "Ana Novak"
    action_id = factory.action(factory.priority("Neglect"), "Launch the toolkit")
    window = open_window()
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    [added] = _shown(window)
    assert added.endswith(" · Ana Novak · Added action 1.1: Launch the toolkit")
    detail.text.setPlainText("Launch the toolkit in all schools — تقييم")
    detail.save_button.click()
    edit, _added = _shown(window)
    assert edit.endswith(
        " · Ana Novak · Action: Launch the toolkit → Launch the toolkit in all schools — تقييم"
    )
    assert detail.activity.empty.isHidden()
    fill_progress(window, action_id, "Toolkit launched").accept()
    assert _shown(window)[-2:] == [edit, added]
    assert "Progress recorded: Toolkit launched" in [s.split(" · ")[-1] for s in _shown(window)]
    window.commands.undo_action.trigger()
    newest = _shown(window)[0].split(" · ")[-1]
    assert newest.startswith("Undone")
    assert _shown(window)[-2:] == [edit, added]


def test_export_activity_log_from_the_file_menu(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    factory: PlanFactory,
    answers: Answers,
    open_window: Opener,
) -> None:
    """File ▸ Export activity log… writes the plan's log to the workbook chosen and says
    how many entries it holds."""
    action_id = factory.action(factory.priority("Neglect"), "=1+1 toolkit")
    window = open_window()
    window.plan_view.select_action(action_id)
    window.plan_view.detail.text.setPlainText("@toolkit for schools")
    window.plan_view.detail.save_button.click()
    out = tmp_path / "log.xlsx"
    answers.save_files.append(out)
    window.files.activity_action.trigger()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=30_000)
    assert task.error is None
    assert task.message.text().startswith("Wrote ")
    rows = list(load_workbook(out)["Activity"].iter_rows(values_only=True))
    assert ("=1+1 toolkit", "@toolkit for schools") in [(row[4], row[5]) for row in rows]


@pytest.mark.both_engines
def test_the_activity_log_shows_a_change_at_this_pcs_local_time(
    db: Database, factory: PlanFactory, open_window: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a PC fourteen hours ahead of UTC, the entry for an action just added shows the day
    and time this PC's clock showed, though the database keeps the server's UTC."""
    with pc_in_zone(monkeypatch, "Pacific/Kiritimati"):
        before = datetime.now().replace(second=0, microsecond=0)
        action_id = factory.action(factory.priority("Neglect"), "Launch the toolkit")
        window = open_window()
        window.plan_view.select_action(action_id)
        [added] = _shown(window)
        shown = datetime.strptime(added.split(" · ")[0], "%d %b %Y %H:%M")
        assert before <= shown <= datetime.now()
