"""The window shows every word the partnership's workbook held about an action and its priority."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.services.actions import action_rows
from actionplan.services.importing import import_workbook
from actionplan.store.database import Database
from tests.excel.import_books import book
from tests.excel.word_books import (
    AIM,
    CHAMPION,
    HOW_WE_KNOW,
    OUTCOMES,
    measures_book,
    words_book,
)

Opener = Callable[[], MainWindow]


def test_detail_panel_shows_the_priority_aim_champion_outcome_and_how_we_know(
    db: Database, tmp_path: Path, open_window: Opener
) -> None:
    """Choosing an imported action shows its outcome, how we will know, and its priority's
    aim and executive champion, each as the workbook wrote them."""
    result = import_workbook(db, words_book(tmp_path / "plan.xlsx"))
    second = action_rows(db, result.plan_id, date(2025, 3, 31))[1]
    window = open_window()
    window.plan_view.select_action(second.id)
    detail = window.plan_view.detail
    assert detail.how_we_know.toPlainText() == HOW_WE_KNOW[1]
    assert detail.outcome.currentText() == OUTCOMES[1]
    facts = detail.facts.toPlainText()
    assert f"Priority aim: {AIM}" in facts
    assert f"Executive champion: {CHAMPION}" in facts


def test_measures_page_shows_each_comparator_apart_from_the_readings(
    db: Database, tmp_path: Path, open_window: Opener
) -> None:
    """A measure's comparators are listed under "Compared with", not among its readings."""
    import_workbook(db, measures_book(tmp_path / "plan.xlsx"))
    page = open_window().plan_view.measures
    page.table.selectRow(0)
    assert page.chart.points() == [("2018/19", 21.5), ("2019/20", 18.25)]
    readings, _, compared = " ".join(page.readings.toPlainText().split()).partition("Compared with")
    assert compared.strip() == "Statistical neighbours 19.75 London 16.5 England 22.625"
    assert "London" not in readings


def test_import_preview_notes_name_the_columns_left_unused(
    qtbot: QtBot, tmp_path: Path, open_window: Opener
) -> None:
    """The window's preview says which columns will not be imported, not only the grid."""
    path = book(
        tmp_path / "tracker.xlsx",
        {"Actions": [["Ref", "Action", "Budget code"], ["1.1", "Train staff", "BC-114"]]},
    )
    window = open_window()
    window.files.open_wizard(path)
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy.isVisible())
    assert "Sheet 'Actions': not used: 'Budget code' (column C)" in wizard.notes.toPlainText()
