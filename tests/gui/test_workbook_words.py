"""The window shows every word the partnership's workbook held about an action and its priority."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from actionplan.gui.main_window import MainWindow
from actionplan.services.actions import action_rows
from actionplan.services.importing import import_workbook
from actionplan.store.database import Database
from tests.services.test_every_word_printed import AIM, CHAMPION, HOW_WE_KNOW, OUTCOMES, words_book

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
