"""What the main window remembers between sessions: layout, columns, filters, name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from actionplan.gui import settings as prefs

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow


def restore(window: MainWindow) -> None:
    """Put the window back as it was left."""
    stored = window.settings
    geometry = stored.get(prefs.WINDOW_GEOMETRY)
    if geometry:
        window.restoreGeometry(geometry)
    state = stored.get(prefs.WINDOW_STATE)
    if state:
        window.restoreState(state)
    header = window.plan_view.table.horizontalHeader()
    columns = stored.get(prefs.TABLE_HEADER)
    if columns:  # the order and widths the user gave the columns
        header.restoreState(columns)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # plan order at start
    window.plan_view.hide_columns(stored.get(prefs.HIDDEN_COLUMNS))
    window.plan_view.filter_bar.my_name = stored.get(prefs.MY_NAME)
    window.plan_view.filter_bar.restore(stored.get(prefs.FILTERS))


def remember(window: MainWindow) -> None:
    """Keep the window's layout and choices for next time."""
    stored = window.settings
    stored.set(prefs.WINDOW_GEOMETRY, bytes(window.saveGeometry().data()))
    stored.set(prefs.WINDOW_STATE, bytes(window.saveState().data()))
    stored.set(prefs.HIDDEN_COLUMNS, window.plan_view.hidden_columns())
    header = window.plan_view.table.horizontalHeader()
    stored.set(prefs.TABLE_HEADER, bytes(header.saveState().data()))
    stored.set(prefs.FILTERS, window.plan_view.filter_bar.saved())
