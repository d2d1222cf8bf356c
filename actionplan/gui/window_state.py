"""What the main window remembers between sessions: layout, columns, filters, name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from actionplan.gui import settings as prefs

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow


def restore(window: MainWindow) -> None:
    """Put the window back as it was left, within the screen it opens on."""
    stored = window.settings
    geometry = stored.get(prefs.WINDOW_GEOMETRY)
    if geometry:
        window.restoreGeometry(geometry)
    fit_on_screen(window)
    state = stored.get(prefs.WINDOW_STATE)
    if state:
        window.restoreState(state)
    header = window.plan_view.table.horizontalHeader()
    columns = stored.get(prefs.TABLE_HEADER)
    if columns:  # the order and widths the user gave the columns
        header.restoreState(columns)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # plan order at start
    window.plan_view.hide_columns(stored.get(prefs.HIDDEN_COLUMNS))
    window.details_action.setChecked(stored.get(prefs.DETAILS_SHOWN))
    split = stored.get(prefs.NAVIGATOR_SPLIT)
    if split:  # how wide the user made the priorities list
        window.plan_view.splitter.restoreState(split)
    window.plan_view.filter_bar.my_name = stored.get(prefs.MY_NAME)
    window.plan_view.filter_bar.restore(stored.get(prefs.FILTERS))


def remember(window: MainWindow) -> None:
    """Keep the window's layout and choices for next time."""
    stored = window.settings
    stored.set(prefs.WINDOW_GEOMETRY, bytes(window.saveGeometry().data()))
    stored.set(prefs.WINDOW_STATE, bytes(window.saveState().data()))
    stored.set(prefs.HIDDEN_COLUMNS, window.plan_view.hidden_columns())
    stored.set(prefs.DETAILS_SHOWN, window.plan_view.details_shown())
    stored.set(prefs.NAVIGATOR_SPLIT, bytes(window.plan_view.splitter.saveState().data()))
    header = window.plan_view.table.horizontalHeader()
    stored.set(prefs.TABLE_HEADER, bytes(header.saveState().data()))
    stored.set(prefs.FILTERS, window.plan_view.filter_bar.saved())


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
