"""Starting the window on a database file, as the app does: first rows at once, the rest after."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import FIRST_ROWS, MainWindow
from actionplan.gui.settings import Settings
from actionplan.services.errors import USER_ERRORS
from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database
from tests.gui.conftest import Answers
from tests.plan_helpers import long_plan

FIRST_PAINT = """
import sys
from actionplan.gui.app import prepare_application
from actionplan.gui.main_window import MainWindow

app = prepare_application()
window = MainWindow(target=sys.argv[1])
window.start()
rows = window.plan_view.table_model.rowCount()
loaded = sorted(name for name in ("sqlalchemy", "sqlmodel", "openpyxl", "reportlab")
                if name in sys.modules)
print(rows, window.isVisible(), ",".join(loaded) or "-")
"""


def _started(qtbot: QtBot, settings: Settings, target: Path) -> MainWindow:
    window = MainWindow(settings=settings, target=str(target))
    qtbot.addWidget(window)
    window.start()
    return window


def test_a_long_plan_shows_its_first_rows_at_once_then_all_of_it(
    qtbot: QtBot, db: Database, db_path: Path, settings: Settings
) -> None:
    """The first screenful is on screen when start returns; the rest arrives without a click."""
    save_plan_data(db, long_plan(230))
    db.close()
    window = _started(qtbot, settings, db_path)
    assert window.isVisible()
    assert window.windowTitle() == "Long plan — actionplan"
    assert window.plan_view.table_model.rowCount() == FIRST_ROWS
    assert window.loading
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert window.plan_view.table_model.rowCount() == 233
    assert window.plan_view.navigator_model.rowCount() > 0
    assert window.workspace.db.target == str(db_path)
    window.close()
    window.close_database()
    # Nothing is left beside the file once the window has closed it.
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith("plan.db")) == [
        "plan.db"
    ]


def test_the_first_rows_are_painted_before_the_database_layer_loads(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """What makes the start quick: no SQLAlchemy, openpyxl or reportlab before the first rows."""
    save_plan_data(db, long_plan(230))
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(FIRST_ROWS), "True", "-"]


def test_an_empty_database_file_shows_the_welcome_page(
    qtbot: QtBot, db: Database, db_path: Path, settings: Settings
) -> None:
    """A database with no plan yet: the three ways to begin, and the database opens after."""
    db.close()
    window = _started(qtbot, settings, db_path)
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "actionplan"
    assert not window.commands.record_action.isEnabled()
    qtbot.waitUntil(lambda: window.workspace.db.target == str(db_path))
    window.close_database()


def test_a_new_file_is_created_and_welcomed(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    """No database yet: the store creates it before the window shows."""
    target = tmp_path / "first start" / "actionplan.db"
    window = _started(qtbot, settings, target)
    assert target.is_file()
    assert window.stack.currentWidget() is window.welcome
    window.close_database()


def test_a_file_that_is_not_a_database_is_refused_before_anything_shows(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    """One clear sentence, no window, and the file as it was."""
    target = tmp_path / "budget.db"
    target.write_text("=SUM(A1:A9)\n<table>not a database</table>\n", encoding="utf-8")
    before = target.read_bytes()
    window = MainWindow(settings=settings, target=str(target))
    qtbot.addWidget(window)
    with pytest.raises(USER_ERRORS) as refused:
        window.start()
    assert "budget.db" in str(refused.value)
    assert not window.isVisible()
    assert target.read_bytes() == before


def test_a_database_spoiled_after_the_first_look_is_told_plainly_and_the_window_closes(
    qtbot: QtBot, db: Database, db_path: Path, settings: Settings, answers: Answers
) -> None:
    """The first rows show; the file is then overwritten; the opening says so in one sentence."""
    save_plan_data(db, long_plan(30))
    db.close()
    window = _started(qtbot, settings, db_path)
    assert window.plan_view.table_model.rowCount() == 33  # the long plan's 30 and 3 more
    for leftover in db_path.parent.glob("plan.db-*"):
        leftover.unlink()
    db_path.write_bytes(b"not a database any more" * 100)
    qtbot.waitUntil(lambda: bool(answers.said), timeout=20_000)
    [(kind, text)] = answers.said
    assert kind == "warn" and "plan.db" in text
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_change_to_a_big_plan_shows_a_screenful_at_once_and_the_rest_from_a_worker(
    qtbot: QtBot, db: Database, db_path: Path, settings: Settings, answers: Answers
) -> None:
    """Deleting the 221st action: the table comes back at once, whole a moment later, and
    Undo brings the action back selected even though it is past the first screenful."""
    save_plan_data(db, long_plan(230))
    db.close()
    window = _started(qtbot, settings, db_path)
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    doomed = window.plan_view.table_model.row_at(220)
    window.plan_view.select_action(doomed.id)
    answers.confirms.append(True)
    window.commands.delete_action_action.trigger()
    assert window.plan_view.table_model.rowCount() == FIRST_ROWS
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert window.plan_view.table_model.rowCount() == 232
    window.commands.undo_action.trigger()
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert window.plan_view.table_model.rowCount() == 233
    assert window.plan_view.detail.action_id == doomed.id
    window.close_database()
