"""The Recommendations tab: the register grouped by review with a chip and words, changed
through its buttons and undone, following its actions as progress is recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.main_window import MainWindow
from actionplan.services.recommendations import (
    RecommendationDraft,
    add_recommendation,
    recommendation_lines,
)
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save, fill_progress
from tests.services.test_recommendations import write_register

Opener = Callable[[], MainWindow]


def _rows(window: MainWindow) -> list[list[str]]:
    """What the tab shows, row by row: reviews, then their recommendations indented."""
    model = window.plan_view.recommendations.model
    shown = []
    for g in range(model.rowCount()):
        review = model.index(g, 0)
        shown.append([review.data()])
        for r in range(model.rowCount(review)):
            shown.append(["  " + (model.index(r, c, review).data() or "") for c in range(5)])
    return shown


def _on_tab(window: MainWindow) -> None:
    view = window.plan_view
    view.tabs.setCurrentWidget(view.recommendations)


def test_the_tab_groups_by_review_and_follows_the_actions(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Completing the linked action moves the chip and the review's count at once; the
    action's detail panel names the recommendation it answers."""
    priority = factory.priority("Neglect")
    action = factory.action(priority, "Train staff", ref="1.1")
    add_recommendation(db, RecommendationDraft("Child Q", "Train staff in neglect"), [action])
    add_recommendation(db, RecommendationDraft("Child Q", "Share learning"))
    window = open_window()
    _on_tab(window)
    assert _rows(window) == [
        ["Child Q (Other) — 0 of 2 recommendations from Child Q's review are complete."],
        ["  Train staff in neglect", "  In progress", "  In progress", "  1.1", "  "],
        ["  Share learning", "  No action", "  No action yet", "  ", "  "],
    ]
    chip = window.plan_view.recommendations.model
    first = chip.index(0, chip.CHIP, chip.index(0, 0))
    assert first.data(chip.CHIP_ROLE) == (Rag.AMBER, "In progress")

    dialog = fill_progress(window, action, "Done", rag=Rag.BLUE, status=Status.COMPLETE)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "1 of 2" in _rows(window)[0][0])
    assert _rows(window)[1][2] == "  Actions complete — awaiting sign-off"
    window.plan_view.select_action(action)
    answered = window.plan_view.detail.answered.toPlainText()
    assert "Child Q: Train staff in neglect" in answered


def test_add_sign_off_link_and_delete_through_the_buttons_each_undone(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """Every button's change is one undo step; undo puts the register back as it was."""
    action = factory.action(factory.priority("Neglect"), "Train staff", ref="1.1")
    window = open_window()
    _on_tab(window)
    page, edits = window.plan_view.recommendations, window.recommendation_edits
    undo = window.workspace.undo_stack

    page.buttons["add"].trigger()
    dialog = edits.dialog
    dialog.review_edit.setText("Ofsted JTAI 2024")
    dialog.text_edit.setPlainText("Strengthen the front door — تقييم")
    click_save(qtbot, dialog)
    assert _rows(window)[1][0] == "  Strengthen the front door — تقييم"
    assert page.selected() is not None

    page.buttons["link"].trigger()
    edits.dialog.box.setCurrentIndex(edits.dialog.box.findData(action))
    click_save(qtbot, edits.dialog)
    assert _rows(window)[1][3] == "  1.1"

    page.buttons["sign_off"].trigger()
    edits.dialog.who_edit.setText("Board chair")
    click_save(qtbot, edits.dialog)
    assert _rows(window)[1][1:3] == ["  Closed", "  Closed"]
    assert _rows(window)[1][4].startswith("  Board chair, ")

    undo.undo()
    assert _rows(window)[1][1] == "  In progress"
    undo.undo()
    assert _rows(window)[1][3] == "  "
    answers.confirms.append(True)
    page.select(recommendation_lines(db, window.workspace.as_of)[0].id)
    page.buttons["delete"].trigger()
    assert _rows(window) == []
    assert page.empty.isVisible()
    undo.undo()
    assert _rows(window)[1][0] == "  Strengthen the front door — تقييم"
    undo.undo()
    assert _rows(window) == []


def test_import_asks_a_priority_for_actions_the_plan_lacks(
    qtbot: QtBot,
    db: Database,
    factory: PlanFactory,
    open_window: Opener,
    answers: Answers,
    tmp_path: Path,
) -> None:
    """Import… reads the workbook, asks where new actions go, and says what it did; undo
    takes the recommendations and the new action away, redo brings them back."""
    priority = factory.priority("Neglect")
    factory.action(priority, "Train staff", ref="1.1")
    book = write_register(
        tmp_path / "recs.xlsx",
        [
            ["Child Q", "CSPR", "", "Train staff", "", "1.1", "", "", ""],
            [None, None, None, "Audit referrals", "", "Audit neglect referrals", "", "", ""],
        ],
    )
    window = open_window()
    _on_tab(window)
    answers.open_files.append(book)
    window.plan_view.recommendations.buttons["import"].trigger()
    dialog = window.recommendation_edits.dialog
    assert dialog.box.currentData() == priority
    click_save(qtbot, dialog)
    assert _rows(window)[0] == [
        "Child Q (Child safeguarding practice review) — "
        "0 of 2 recommendations from Child Q's review are complete."
    ]
    assert _rows(window)[2][3] == "  1.2"
    table = window.plan_view.table_model
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    texts = [table.index(r, table.ACTION).data() for r in range(table.rowCount())]
    assert texts[1] == "Audit neglect referrals"
    window.workspace.undo_stack.undo()
    assert _rows(window) == []
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    window.workspace.undo_stack.redo()
    assert _rows(window)[2][3] == "  1.2"
    qtbot.waitUntil(lambda: table.rowCount() == 2)


def test_a_hostile_workbook_is_one_sentence_and_nothing_imported(
    db: Database, factory: PlanFactory, open_window: Opener, answers: Answers, tmp_path: Path
) -> None:
    """A file that is no workbook: one warning, nothing in the register."""
    factory.action(factory.priority("Neglect"), "Train staff", ref="1.1")
    bad = tmp_path / "minutes.xlsx"
    bad.write_bytes(b"<html><script>alert(1)</script></html>")
    window = open_window()
    answers.open_files.append(bad)
    window.plan_view.recommendations.buttons["import"].trigger()
    assert len(answers.said) == 1 and answers.said[0][0] == "warn"
    assert "minutes.xlsx" in answers.said[0][1]
    assert recommendation_lines(db, window.workspace.as_of) == []
    assert window.plan_view.recommendations.model.rowCount() == 0
