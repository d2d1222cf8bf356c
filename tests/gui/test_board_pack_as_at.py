"""The board pack dialog's "Position as at" date: the pack shows the plan as it stood then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers
from tests.pdf_helpers import pdf_text
from tests.services.test_as_at import MARCH_WORDS, MAY_ONLY_WORDS, MAY_WORDS, plan_with_history

Opener = Callable[[], MainWindow]


def test_a_pack_as_at_end_of_march_typed_in_the_dialog_leaves_out_mays_updates(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    factory: PlanFactory,
    answers: Answers,
    open_window: Opener,
) -> None:
    """Typing 31 Mar 2025 as the position date prints March's update and none of May's."""
    plan_with_history(db, factory)
    window = open_window()
    window.files.report_action.trigger()
    dialog = window.files.report_dialog
    assert dialog is not None
    dialog.as_of.setFocus()
    qtbot.keyClick(dialog.as_of.line, Qt.Key.Key_Home)
    qtbot.keyClicks(dialog.as_of.line, "31 Mar 2025")
    assert dialog.choices().as_of == date(2025, 3, 31)
    pdf = tmp_path / "march.pdf"
    answers.save_files.append(pdf)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    assert task.error is None
    text = pdf_text(pdf)
    assert "Position as at 31 Mar 2025" in text
    assert MARCH_WORDS in text
    assert MAY_WORDS not in text and MAY_ONLY_WORDS not in text
