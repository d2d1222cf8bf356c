"""The File menu's database items: back up, open another database, open a recent one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers

Opener = Callable[[], MainWindow]


def test_back_up_copies_the_database_with_progress_and_an_open_folder_button(
    qtbot: QtBot, factory: PlanFactory, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """The copy is a whole database holding the plan; the dialog says where it went."""
    factory.action(factory.priority("Neglect"), "Roll out the neglect toolkit")
    window = open_window()
    target = tmp_path / "backups" / "before the board.db"
    target.parent.mkdir()
    answers.save_files.append(target)
    window.databases.backup_action.trigger()
    task = window.databases.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=20_000)
    assert task.message.text() == f"The database was copied to {target}."
    assert task.open_button.isVisibleTo(task) and task.open_button.text() == "Open folder"
    with sqlite3.connect(target) as copy:
        texts = [row[0] for row in copy.execute("SELECT text FROM action")]
    copy.close()
    assert texts == ["Roll out the neglect toolkit"]


def test_back_up_onto_the_database_itself_is_refused(
    qtbot: QtBot, db: Database, db_path: Path, answers: Answers, open_window: Opener
) -> None:
    """One sentence, and the database as it was."""
    window = open_window()
    before = db_path.read_bytes()
    answers.save_files.append(db_path)
    window.databases.backup_action.trigger()
    task = window.databases.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=20_000)
    assert task.error == "The backup must go to a different file from the database itself."
    assert not task.open_button.isVisibleTo(task)
    assert db_path.read_bytes() == before


def test_open_another_database_then_come_back_through_recent(
    qtbot: QtBot, plan: object, db_path: Path, tmp_path: Path, answers: Answers,
    open_window: Opener,
) -> None:  # fmt: skip
    """The window shows the other database's plan; the recent menu brings the first back."""
    other_path = tmp_path / "other.db"
    other = Database.open(other_path)
    create_plan(other, "Eastvale Safeguarding Plan 2026")
    other.close()
    window = open_window()
    first_title = window.windowTitle()
    answers.open_files.append(other_path)
    window.databases.open_action.trigger()
    qtbot.waitUntil(lambda: not window.loading)
    assert window.windowTitle() == "Eastvale Safeguarding Plan 2026 — actionplan"
    assert window.data_label.text() == f"Data: {other_path}"
    recent = [action.text() for action in window.databases.recent_menu.actions()]
    assert recent[:2] == [str(other_path), str(db_path)]
    window.databases.recent_menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: not window.loading)
    assert window.windowTitle() == first_title
    assert window.workspace.db.target == str(db_path)
    window.close_database()


def test_opening_a_file_that_is_not_a_database_keeps_the_one_on_screen(
    qtbot: QtBot, plan: object, db_path: Path, tmp_path: Path, answers: Answers,
    open_window: Opener,
) -> None:  # fmt: skip
    """A spreadsheet picked by mistake: one clear sentence, the window unchanged."""
    window = open_window()
    title = window.windowTitle()
    wrong = tmp_path / "minutes.db"
    wrong.write_text("Board minutes, 3 March\n=IMPORTXML(A1)\n", encoding="utf-8")
    answers.open_files.append(wrong)
    window.databases.open_action.trigger()
    [(kind, text)] = answers.said
    assert kind == "warn" and "minutes.db" in text
    assert window.windowTitle() == title
    assert window.workspace.db.target == str(db_path)
    assert wrong.read_text(encoding="utf-8") == "Board minutes, 3 March\n=IMPORTXML(A1)\n"
