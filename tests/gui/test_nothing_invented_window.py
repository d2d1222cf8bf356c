"""The window shows what a workbook did not say as unknown: no status, no date, no day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.domain.status import Status
from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.progress import history
from actionplan.store.database import Database
from tests.gui.conftest import Answers
from tests.services.test_nothing_invented import business_plan, imported, rag_tracker

Opener = Callable[[], MainWindow]


def _column(window: MainWindow, column: int) -> list[str]:
    model = window.plan_view.filter_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_table_shows_no_status_and_the_month_of_an_update(
    db: Database, tmp_path: Path, open_window: Opener
) -> None:
    """A business plan with no Status column: each row's status is a dash, never "Not
    started"; "Update August 2020" shows as Aug 2020 in the table and the history."""
    imported(db, business_plan(tmp_path / "business.xlsx"))
    window = open_window()
    assert _column(window, ActionTableModel.STATUS) == ["—", "—", "—"]
    assert _column(window, ActionTableModel.UPDATED) == ["", "Aug 2020", ""]
    rows = [window.plan_view.table_model.row_at(n) for n in range(3)]
    window.plan_view.select_action(rows[1].id)
    facts = window.plan_view.detail.facts.toPlainText()
    assert "Aug 2020" in facts
    assert "1 Aug 2020" not in facts
    assert "Not started" not in facts


def test_an_undated_update_shows_date_not_given(
    db: Database, tmp_path: Path, open_window: Opener
) -> None:
    """An update the workbook gave no date reads "date not given" in the table and history."""
    imported(db, rag_tracker(tmp_path / "tracker.xlsx"))
    window = open_window()
    assert _column(window, ActionTableModel.UPDATED) == ["date not given", "date not given", ""]
    audit = window.plan_view.table_model.row_at(1)
    window.plan_view.select_action(audit.id)
    assert "date not given" in window.plan_view.detail.facts.toPlainText()


def test_not_recorded_can_be_filtered_and_is_kept_by_record_progress(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """The status filter offers "Not recorded"; Record progress starts from it and, left as
    it is, records the update without inventing a status."""
    imported(db, business_plan(tmp_path / "business.xlsx"))
    window = open_window()
    bar = window.plan_view.filter_bar
    bar.status.setCurrentIndex(bar.status.findText("Not recorded"))
    assert window.plan_view.filter_model.rowCount() == 3
    bar.status.setCurrentIndex(bar.status.findData(Status.NOT_STARTED.value))
    assert window.plan_view.filter_model.rowCount() == 0
    bar.status.setCurrentIndex(0)
    first = window.plan_view.table_model.row_at(0)
    window.plan_view.select_action(first.id)
    window.record_progress()
    dialog = window.edits.progress_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.status_box.currentText() == "Not recorded"
    dialog.text_edit.setFocus()
    qtbot.keyClicks(dialog.text_edit, "Police briefed")
    qtbot.keyClick(dialog.author_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(history(db, first.id)))
    [update] = history(db, first.id)
    assert (update.text, update.status) == ("Police briefed", Status.NOT_RECORDED)
    assert _column(window, ActionTableModel.STATUS)[0] == "—"
