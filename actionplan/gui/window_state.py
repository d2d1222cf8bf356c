"""What the main window remembers between sessions: layout, columns, each database's filters."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from actionplan.gui import settings as prefs

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.settings import Settings


def restore(window: QMainWindow, stored: Settings, view: PlanView, details: QAction) -> None:
    """Put the window back as it was left, within the screen it opens on."""
    geometry = stored.get(prefs.WINDOW_GEOMETRY)
    if geometry:
        window.restoreGeometry(geometry)
    fit_on_screen(window)
    state = stored.get(prefs.WINDOW_STATE)
    if state:
        window.restoreState(state)
    header = view.table.horizontalHeader()
    columns = stored.get(prefs.TABLE_HEADER)
    if columns:  # the order and widths the user gave the columns
        header.restoreState(columns)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # plan order at start
    view.hide_columns(stored.get(prefs.HIDDEN_COLUMNS))
    details.setChecked(stored.get(prefs.DETAILS_SHOWN))
    split = stored.get(prefs.NAVIGATOR_SPLIT)
    if split:  # how wide the user made the priorities list
        view.splitter.restoreState(split)
    view.filter_bar.my_name = stored.get(prefs.MY_NAME)


def remember(window: QMainWindow, stored: Settings, view: PlanView) -> None:
    """Keep the window's layout and choices for next time (the filters: ``keep_filters``)."""
    stored.set(prefs.WINDOW_GEOMETRY, bytes(window.saveGeometry().data()))
    stored.set(prefs.WINDOW_STATE, bytes(window.saveState().data()))
    stored.set(prefs.HIDDEN_COLUMNS, view.hidden_columns())
    stored.set(prefs.DETAILS_SHOWN, view.details_shown())
    stored.set(prefs.NAVIGATOR_SPLIT, bytes(view.splitter.saveState().data()))
    header = view.table.horizontalHeader()
    stored.set(prefs.TABLE_HEADER, bytes(header.saveState().data()))


def restore_filters(stored: Settings, target: str, view: PlanView) -> None:
    """Bring back the filters last used on the database (none for one new to it)."""
    remembered = _filters_by_database(stored).get(_key(target), {})
    view.filter_model.forget_kept()
    view.filter_bar.restore(remembered)


def keep_filters(stored: Settings, target: str, view: PlanView) -> None:
    """Remember the filters in use for the database, forgetting the oldest others."""
    remembered = _filters_by_database(stored)
    remembered.pop(_key(target), None)
    remembered[_key(target)] = view.filter_bar.saved()
    latest = list(remembered.items())[-prefs.MAX_FILTERED_DATABASES :]
    stored.set(prefs.FILTERS_BY_DATABASE, dict(latest))


def _filters_by_database(stored: prefs.Settings) -> dict[str, dict[str, Any]]:
    remembered = {
        target: saved
        for target, saved in stored.get(prefs.FILTERS_BY_DATABASE).items()
        if isinstance(saved, dict)
    }
    legacy = stored.get(prefs.LEGACY_FILTERS)
    if legacy:
        # They were the filters of the database open last, which heads the recent list.
        recent = stored.get(prefs.RECENT_DATABASES)
        if recent and _key(recent[0]) not in remembered:
            remembered[_key(recent[0])] = legacy
            stored.set(prefs.FILTERS_BY_DATABASE, remembered)
        stored.remove(prefs.LEGACY_FILTERS)
    return remembered


def _key(target: str) -> str:
    # One file reached from two folders ("plan.db", "../work/plan.db") is one database.
    return target if "://" in target else os.path.abspath(target)


def fit_on_screen(window: QWidget) -> None:
    """Bring the window, frame and all, within its screen's free area.

    A size kept from a bigger monitor, or the first start's default, would otherwise
    leave the right-hand side of the window off a laptop's screen.
    """
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    free = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    edges = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    room = (free.size() - edges).expandedTo(window.minimumSizeHint())
    if inner.width() > room.width() or inner.height() > room.height():
        window.resize(inner.size().boundedTo(room))
    _move_within(window, free)


def _move_within(window: QWidget, free: QRect) -> None:
    frame = window.frameGeometry()
    left = min(max(frame.left(), free.left()), max(free.right() + 1 - frame.width(), free.left()))
    top = min(max(frame.top(), free.top()), max(free.bottom() + 1 - frame.height(), free.top()))
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)
