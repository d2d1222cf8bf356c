"""The main window driven as a user would: welcome page, a plan, filters, recording progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan import __version__
from actionplan.domain.rag import Rag
from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.plans import create_plan, list_plans
from actionplan.services.progress import history
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save, fill_progress, plan_settings_on_screen

Opener = Callable[[], MainWindow]


@pytest.fixture
def window(open_window: Opener) -> MainWindow:
    """The window on the test database, shown and loaded."""
    return open_window()


def _plan_with_actions(factory: PlanFactory) -> list[int]:
    risk = factory.priority("Contextual Risk", champion="Ana Novak")
    send = factory.priority("SEND", champion="Julie Hart")
    return [
        factory.action(
            risk, "Map exploitation hotspots", lead="Police", rag="R", timescale="May 2025"
        ),
        factory.action(
            risk, "Train taxi drivers", lead="Licensing", rag="G", timescale="Q3 2030/31"
        ),
        factory.action(
            send, "Audit EHCP timeliness", lead="SEND Lead", rag="A", timescale="2030-31"
        ),
    ]


def test_empty_database_shows_the_welcome_page(window: MainWindow) -> None:
    """A first start offers the three ways to begin."""
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.new_plan_button.text() == "Start a new plan"


def test_start_a_new_plan_from_the_welcome_page(
    qtbot: QtBot, window: MainWindow, db: Database, answers: Answers
) -> None:
    """ "Start a new plan" asks for its settings and opens the empty plan."""
    qtbot.mouseClick(window.welcome.new_plan_button, Qt.MouseButton.LeftButton)
    click_save(qtbot, plan_settings_on_screen(qtbot, window, "Ealdham SCP Plan 2026"))
    assert [p.title for p in list_plans(db)] == ["Ealdham SCP Plan 2026"]
    assert window.stack.currentWidget() is window.plan_view
    assert "Ealdham SCP Plan 2026" in window.windowTitle()


def test_plan_opens_with_navigator_and_actions(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """An existing plan opens straight away with its priorities and actions."""
    _plan_with_actions(factory)
    window = open_window()
    assert window.plan_view.table_model.rowCount() == 3
    view = window.plan_view
    root = view.navigator_model.item(0)
    assert root.rowCount() == 2 and root.child(0).text().startswith("1. Contextual Risk")
    assert view.count_label.text() == "3 of 3 actions"
    rag_index = view.filter_model.index(0, ActionTableModel.RAG)
    assert rag_index.data() in {"Red", "Green", "Amber"}


def test_typing_in_search_filters_the_table(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Search narrows the actions to those whose words match, and the count says so."""
    _plan_with_actions(factory)
    window = open_window()
    assert window.plan_view.table_model.rowCount() == 3
    qtbot.keyClicks(window.plan_view.search, "taxi")
    assert window.plan_view.filter_model.rowCount() == 1
    assert window.plan_view.count_label.text() == "1 of 3 actions — 2 hidden by filters"
    window.plan_view.search.clear()
    bar = window.plan_view.filter_bar
    bar.rag_items[Rag.RED].trigger()
    assert window.plan_view.filter_model.rowCount() == 1


def test_choosing_a_priority_in_the_navigator_shows_its_actions(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Clicking a priority shows only that priority's actions."""
    _plan_with_actions(factory)
    window = open_window()
    assert window.plan_view.table_model.rowCount() == 3
    send = window.plan_view.navigator_model.item(0).child(1)
    window.plan_view.navigator.setCurrentIndex(send.index())
    assert window.plan_view.filter_model.rowCount() == 1


def test_record_progress_with_a_disagreeing_rag_asks_for_a_reason(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Green on an overdue action asks why; the reason is kept with the update."""
    first = _plan_with_actions(factory)[0]
    window = open_window()
    assert window.plan_view.table_model.rowCount() == 3
    assert window.plan_view.select_action(first)
    assert window.plan_view.detail.action_id == first
    dialog = fill_progress(window, first, "Hotspot map agreed with police")
    assert dialog.reason_edit.isVisible()
    dialog.reason_edit.setText("New date agreed at the March board")
    dialog.accept()
    [update] = history(db, first)
    assert (update.text, update.rag, update.reason) == (
        "Hotspot map agreed with police",
        Rag.GREEN,
        "New date agreed at the March board",
    )
    assert update.update_date == date(2025, 6, 30)
    assert "Hotspot map agreed" in window.plan_view.detail.facts.toPlainText()


def test_saving_without_the_reason_keeps_the_dialog_open_and_saves_nothing(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Without a reason the update is not recorded, and the words typed stay in the dialog."""
    first = _plan_with_actions(factory)[0]
    window = open_window()
    assert window.plan_view.table_model.rowCount() == 3
    dialog = fill_progress(window, first, "Hotspot map agreed with police")
    dialog.accept()
    assert history(db, first) == []
    assert dialog.isVisible()
    assert dialog.text_edit.toPlainText() == "Hotspot map agreed with police"


def test_find_goes_to_the_search_box_and_about_says_where_the_data_is(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Ctrl+F from the dashboard comes back to the actions with the search words selected."""
    _plan_with_actions(factory)
    window = open_window()
    view = window.plan_view
    view.search.setText("hotspots")
    view.tabs.setCurrentIndex(1)
    window.commands.find_action.trigger()
    assert view.tabs.currentIndex() == 0
    assert view.search.selectedText() == "hotspots"
    window.commands.about_action.trigger()
    [(kind, text)] = answers.said
    assert kind == "inform" and f"Data: {db.target}" in text and f"actionplan {__version__}" in text


def test_the_window_reopens_on_the_plan_last_shown(
    db: Database, settings: object, open_window: Opener
) -> None:
    """Two plans: the older one chosen, the window closed; next time it opens on that one."""
    create_plan(db, "Northbridge Business Plan 2025/26")
    create_plan(db, "Northbridge Priorities 2025-26")
    first = open_window()
    assert first.windowTitle() == "Northbridge Priorities 2025-26 — actionplan"  # the newest
    first.plan_box.setCurrentIndex(first.plan_box.findText("Northbridge Business Plan 2025/26"))
    first.close()
    second = open_window()
    assert second.windowTitle() == "Northbridge Business Plan 2025/26 — actionplan"
