"""File ▸ Yearly report (Word)…: choose the year and a template, save, and the chapter is
written off the window's thread; a wrong template is said in one sentence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.dialogs.yearly_report_dialog import YearlyReportDialog
from actionplan.gui.main_window import MainWindow
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save
from tests.reports.docx_helpers import all_text, headings, opened

Opener = Callable[[], MainWindow]


@pytest.fixture
def window(db: Database, factory: PlanFactory, open_window: Opener) -> MainWindow:
    """The window on a plan with one action completed in 2024-25."""
    neglect = factory.priority("Neglect")
    audit = factory.action(neglect, "Audit strategy meetings", lead="Police")
    record_progress(
        db, ProgressEntry(audit, date(2024, 9, 1), Rag.BLUE, Status.COMPLETE, "Audit done")
    )
    shown = open_window()
    shown.workspace.set_as_of(date(2025, 6, 30))
    return shown


def _open(window: MainWindow) -> YearlyReportDialog:
    window.files.yearly_action.trigger()
    dialog = window.files.yearly_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _wait(qtbot: QtBot, window: MainWindow) -> str | None:
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    return task.error


def test_the_last_financial_year_is_offered_and_the_chapter_is_saved(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, answers: Answers
) -> None:
    """With today in June 2025 the dialog offers 1 Apr 2024 to 31 Mar 2025; saving writes
    the chapter with the year's completion in it."""
    dialog = _open(window)
    made = dialog.choices()
    assert (made.start, made.end, made.template) == (date(2024, 4, 1), date(2025, 3, 31), None)
    out = tmp_path / "chapter.docx"
    answers.save_files.append(out)
    click_save(qtbot, dialog)
    assert _wait(qtbot, window) is None
    document = opened(out)
    assert headings(document)[0] == ("Heading 1", "Progress against our priorities")
    assert "“Audit done”" in all_text(document)


def test_a_template_that_is_not_a_word_file_is_said_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, answers: Answers
) -> None:
    """The template chosen is a picture: the task says so in one sentence, no file."""
    picture = tmp_path / "logo.docx"
    picture.write_bytes(b"\x89PNG\r\n")
    dialog = _open(window)
    answers.open_files.append(picture)
    dialog.browse.click()
    assert dialog.choices().template == picture
    out = tmp_path / "chapter.docx"
    answers.save_files.append(out)
    click_save(qtbot, dialog)
    assert _wait(qtbot, window) == (
        "'logo.docx' is not a Word document (.docx), so it cannot be used."
    )
    assert not out.exists()


def test_a_period_the_wrong_way_round_keeps_the_dialog_open(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    """A last day before the first is said, and nothing is asked or written."""
    dialog = _open(window)
    dialog.end.setDate(dialog.start.date().addDays(-1))
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert answers.said == [("warn", "The period's last day is before its first day.")]
    assert window.files.task is None
