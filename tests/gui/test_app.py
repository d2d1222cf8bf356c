"""Starting the app: an unexpected error is logged and told plainly, and the app goes on."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from actionplan.gui.app import error_hook, start_logging
from actionplan.gui.settings import MY_NAME, Settings
from tests.gui.conftest import Answers

LEAD = "Ana Novak"


def test_unexpected_error_is_logged_and_shown_in_plain_words(
    tmp_path: Path, answers: Answers
) -> None:
    """The user sees what happened and where the log is; the log holds the whole traceback."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    log_path = start_logging(tmp_path / "logs")
    try:
        try:
            raise ZeroDivisionError("the chart had no actions")
        except ZeroDivisionError as exc:
            error_hook(log_path)(type(exc), exc, exc.__traceback__)
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(level)
    [(kind, text)] = answers.said
    assert kind == "warn"
    assert "the chart had no actions" in text and str(log_path) in text
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError" in logged


def test_a_crash_that_ends_the_process_leaves_its_stack_in_the_log(tmp_path: Path) -> None:
    """A window that vanishes (the interpreter aborted) still says why in the log file."""
    log_path = tmp_path / "logs" / "actionplan.log"
    script = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from actionplan.gui.app import record_fatal_errors, start_logging\n"
        "record_fatal_errors(start_logging(Path(sys.argv[1])))\n"
        "def reading_the_plan():\n"
        "    faulthandler._sigabrt()\n"
        "reading_the_plan()\n"
    )
    env = {**os.environ, "PYTHONFAULTHANDLER": ""}
    ended = subprocess.run(
        [sys.executable, "-c", script, str(log_path.parent)], env=env, capture_output=True
    )
    assert ended.returncode != 0
    logged = log_path.read_text(encoding="utf-8")
    assert "Fatal Python error" in logged and "reading_the_plan" in logged


def test_the_log_and_its_folder_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    """The log file is created 0600 in a new 0700 folder."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    log_path = start_logging(tmp_path / "state" / "logs")
    for handler in root.handlers[:]:
        if handler not in handlers:
            handler.close()
            root.removeHandler(handler)
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(log_path.parent.parent.stat().st_mode) == 0o700


def test_the_settings_file_and_its_folder_are_readable_by_their_owner_only(
    tmp_path: Path,
) -> None:
    """The user's name and recent databases are saved 0600 in a new 0700 folder."""
    path = tmp_path / "config" / "actionplan" / "settings.ini"
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.set(MY_NAME, "Sam Carter")
    settings.remember_database(str(tmp_path / "plan.db"))
    del settings
    assert "Sam Carter" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_unexpected_database_error_puts_no_name_or_plan_text_in_the_log_or_message(
    tmp_path: Path, answers: Answers
) -> None:
    """The values a failed statement held (a lead's name) reach neither the log nor the user."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    log_path = start_logging(tmp_path / "logs")
    engine = create_engine(f"sqlite:///{tmp_path / 'scratch.db'}")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE lead (name TEXT UNIQUE)"))
            insert = text("INSERT INTO lead (name) VALUES (:name)")
            connection.execute(insert, {"name": LEAD})
            try:
                connection.execute(insert, {"name": LEAD})
            except IntegrityError as exc:
                error_hook(log_path)(type(exc), exc, exc.__traceback__)
    finally:
        engine.dispose()
        for handler in root.handlers[:]:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(level)
    [(_kind, shown)] = answers.said
    logged = log_path.read_text(encoding="utf-8")
    assert "IntegrityError" in logged and "IntegrityError" in shown
    assert LEAD not in logged and LEAD not in shown
