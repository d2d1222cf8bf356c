"""The window fits a laptop's screen: small sizes, kept sizes, a steady toolbar, whole refs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.settings import Settings
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, fill_progress

Opener = Callable[[], MainWindow]
SMALL_SCREENS = [(1024, 700), (1280, 720)]


def _plan(factory: PlanFactory) -> int:
    risk = factory.priority("Contextual Risk", champion="Ana Novak")
    factory.action(risk, "Train taxi drivers", lead="Licensing", rag="G", ref="1.2")
    return factory.action(
        risk, "Map exploitation hotspots", lead="Police", rag="R", timescale="May 2025", ref="1.1"
    )


def _place(window: MainWindow, widget: QWidget) -> QRect:
    """Where a widget sits, in the window's own coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _in_view(window: MainWindow, widget: QWidget) -> bool:
    """Shown, not squeezed below its smallest sensible size, and wholly inside the window."""
    place = _place(window, widget)
    wide_enough = widget.width() >= widget.minimumSizeHint().width()
    return widget.isVisible() and wide_enough and window.rect().contains(place)


def _view_menu_action(window: MainWindow, text: str) -> QAction:
    [view] = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    [found] = [a for a in view.actions() if a.text().replace("&", "") == text]
    return found


def test_window_can_be_made_as_small_as_a_small_laptop_screen(open_window: Opener) -> None:
    """The window asks for no more than 1024×700, so it never opens wider than the screen."""
    window = open_window()
    for smallest in (window.minimumSizeHint(), window.minimumSize()):
        assert smallest.width() <= 1024 and smallest.height() <= 700


@pytest.mark.parametrize("size", SMALL_SCREENS)
def test_filters_table_and_details_all_show_on_a_small_laptop_screen(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener, size: tuple[int, int]
) -> None:
    """At 1024×700 and 1280×720 every filter, the table and the details are in view, whole."""
    action_id = _plan(factory)
    window = open_window()
    window.resize(*size)
    QApplication.processEvents()
    assert window.size().toTuple() == size
    view = window.plan_view
    view.select_action(action_id)
    bar = view.filter_bar
    filters = [bar.search, bar.count, bar.lead, bar.agency, bar.rag, bar.status]
    for widget in [*filters, bar.overdue, bar.stale, bar.mine, view.table]:
        assert _in_view(window, widget), widget
    assert view.table.width() >= 400 and view.table.height() >= 150
    for action in window.toolbar.actions():  # none hidden behind the toolbar's » menu
        button = window.toolbar.widgetForAction(action)
        assert button is None or _in_view(window, button) or action.isSeparator(), action.text()
    assert view.table.columnWidth(ActionTableModel.ACTION) >= 200  # the actions' words show
    shown = view.detail.visibleRegion().boundingRect()
    assert shown.width() >= 250 and shown.height() >= 150
    assert window.rect().contains(QRect(view.detail.mapTo(window, shown.topLeft()), shown.size()))
    assert view.detail.action_id == action_id


def test_details_sit_below_the_table_on_a_laptop_and_beside_it_on_a_big_monitor(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """A laptop's window gives the table its whole width, with the details underneath;
    a big monitor has room for them beside it."""
    _plan(factory)
    window = open_window()
    view = window.plan_view
    window.resize(1024, 700)
    QApplication.processEvents()
    assert _place(window, view.detail).top() >= _place(window, view.table).bottom()
    window.resize(1920, 1080)
    QApplication.processEvents()
    assert _place(window, view.detail).left() >= _place(window, view.table).right()


def test_details_panel_can_be_hidden_from_the_view_menu_and_stays_hidden_next_time(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """View ▸ Details panel (with a shortcut) hides the details; the window remembers it."""
    _plan(factory)
    window = open_window()
    toggle = _view_menu_action(window, "Details panel")
    assert not toggle.shortcut().isEmpty()
    assert toggle.isChecked() and window.plan_view.detail.isVisible()
    toggle.trigger()
    assert not window.plan_view.detail.isVisible()
    window.close()
    again = open_window()
    assert not _view_menu_action(again, "Details panel").isChecked()
    assert not again.plan_view.detail.isVisible()
    _view_menu_action(again, "Details panel").trigger()
    assert again.plan_view.detail.isVisible()


def test_a_new_window_opens_inside_the_screen(open_window: Opener) -> None:
    """The first start picks a size that fits the screen's free area."""
    window = open_window()
    assert window.screen().availableGeometry().contains(window.frameGeometry())


def test_a_window_remembered_larger_than_the_screen_opens_inside_it(
    qtbot: QtBot, open_window: Opener, settings: Settings
) -> None:
    """A size kept from a bigger monitor is brought within the laptop's screen."""
    window = open_window()
    window.setGeometry(0, 0, 4000, 3000)
    window.close()
    again = open_window()
    assert again.screen().availableGeometry().contains(again.frameGeometry())


def test_toolbar_buttons_stay_put_when_undo_names_what_it_would_undo(
    qtbot: QtBot, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Recording progress changes the Undo tooltip, never the toolbar's buttons or places."""
    action_id = _plan(factory)
    window = open_window()
    toolbar = window.toolbar
    buttons = {a: toolbar.widgetForAction(a) for a in toolbar.actions()}
    before = {a: w.geometry() for a, w in buttons.items() if w is not None}
    dialog = fill_progress(window, action_id, "Hotspot map agreed with the police")
    dialog.reason_edit.setText("Agreed at the March board")  # if the RAG asks for a reason
    dialog.accept()
    QApplication.processEvents()
    assert window.commands.undo_action.isEnabled()
    assert {a: w.geometry() for a, w in buttons.items() if w is not None} == before
    undo_button = toolbar.widgetForAction(window.commands.undo_action)
    assert undo_button.text() == "Undo"
    assert "Record progress" in undo_button.toolTip()


def test_ref_column_shows_a_big_plans_refs_whole(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """A ref like 12.1.10 is shown in full, not cut to "12.1…"."""
    priority = factory.priority("Neglect")
    factory.action(priority, "Audit neglect referrals", ref="12.1.10")
    window = open_window()
    table = window.plan_view.table
    width = table.columnWidth(ActionTableModel.REF)
    assert width >= table.fontMetrics().horizontalAdvance("12.1.10")
    assert width >= table.sizeHintForColumn(ActionTableModel.REF)


def test_every_column_shows_without_scrolling_on_a_1280_wide_window(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """On a 1920×1080 laptop at 150 % the RAG and last update are in view beside the words."""
    _plan(factory)
    window = open_window()
    window.resize(1280, 720)
    QApplication.processEvents()
    table = window.plan_view.table
    last = ActionTableModel.UPDATED
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.columnWidth(ActionTableModel.ACTION) >= 200


def test_the_priorities_list_keeps_the_width_the_user_gave_it(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """Narrowing the list of priorities on a small screen is remembered for next time."""
    _plan(factory)
    window = open_window()
    splitter = window.plan_view.splitter
    splitter.setSizes([170, splitter.width() - 170])
    window.close()
    again = open_window()
    assert again.plan_view.navigator.width() == 170
