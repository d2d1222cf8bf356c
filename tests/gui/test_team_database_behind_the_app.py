"""The window on a team database older than the app: one sentence naming whom to ask, before
anything shows or instead of switching, and the database left exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine

from actionplan.gui.main_window import MainWindow
from actionplan.gui.settings import Settings
from actionplan.services.errors import USER_ERRORS
from actionplan.services.plans import PlanInfo, create_plan
from actionplan.store.database import Database
from tests.gui.conftest import Answers
from tests.server_databases import stored_state
from tests.store.schema_steps import set_back_to

NEEDS_UPGRADE = (
    "The team database needs an upgrade: ask your administrator to run 'actionplan team upgrade'."
)


@pytest.fixture
def old_team_database(server_database: str) -> str:
    """A team database holding a plan, at the previous release's schema."""
    db = Database.open(server_database)
    create_plan(db, "Northbridge Priorities Action Plan 2025-26", "Northbridge SCP")
    db.close()
    set_back_to(server_database, "0008")
    return server_database


def _as_it_is(url: str) -> object:
    database = Database(create_engine(url), url)
    try:
        return stored_state(database)
    finally:
        database.close()


def test_starting_on_a_team_database_behind_the_app_is_refused_in_one_sentence(
    qtbot: QtBot, settings: Settings, old_team_database: str
) -> None:
    """The app's start says whom to ask (the app shows it in its message box); no window."""
    before = _as_it_is(old_team_database)
    window = MainWindow(settings=settings, target=old_team_database)
    qtbot.addWidget(window)
    with pytest.raises(USER_ERRORS) as refused:
        window.start()
    assert str(refused.value) == NEEDS_UPGRADE
    assert not window.isVisible()
    assert _as_it_is(old_team_database) == before


def test_switching_to_a_team_database_behind_the_app_warns_and_keeps_the_plan_on_screen(
    open_window: Callable[[], MainWindow],
    plan: PlanInfo,
    answers: Answers,
    old_team_database: str,
    db_path: Path,
) -> None:
    """From the person's own file, the team database is refused with the same sentence and
    the window goes on showing the file's plan."""
    window = open_window()
    window.databases.switch(old_team_database)
    assert answers.said == [("warn", NEEDS_UPGRADE)]
    assert window.workspace.db.path == db_path
    assert window.plan_box.currentText() == plan.title
