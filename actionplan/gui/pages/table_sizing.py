"""Sizing the actions table's columns so refs show whole and the actions' words stay readable."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.views import ActionRow

ACTION_LEAST = 220  # the Action column's width below which the table scrolls sideways
_REF_PADDING, _REF_MOST = 16, 160  # room around a ref in its cell; the widest worth giving


def fit_refs(table: QTableView, rows: list[ActionRow]) -> None:
    """Widen the Ref column so a big plan's refs ("12.1.10") show whole; never narrow it."""
    longest = max((len(row.ref) for row in rows), default=0)
    metrics = table.fontMetrics()
    # Only the longest few are measured: a 24,000-action plan is read in one go.
    widths = {metrics.horizontalAdvance(r.ref) for r in rows if len(r.ref) >= longest - 2}
    needed = min(max(widths, default=0) + _REF_PADDING, _REF_MOST)
    if table.columnWidth(ActionTableModel.REF) < needed:
        table.setColumnWidth(ActionTableModel.REF, needed)


def other_columns_width(table: QTableView) -> int:
    """The width of the shown columns other than Action."""
    header = table.horizontalHeader()
    return sum(
        header.sectionSize(column)
        for column in range(header.count())
        if column != ActionTableModel.ACTION and not header.isSectionHidden(column)
    )


def width_for_every_column(table: QTableView) -> int:
    """The width that shows every column, the actions' words readable."""
    bar = table.verticalScrollBar().sizeHint().width()
    return other_columns_width(table) + ACTION_LEAST + bar + 2 * table.frameWidth()


def keep_actions_readable(table: QTableView) -> None:
    """Let Action take the room the others leave, but on a narrow table keep enough of it
    to read and let the table scroll sideways instead."""
    header = table.horizontalHeader()
    action = ActionTableModel.ACTION
    roomy = table.viewport().width() - other_columns_width(table) >= ACTION_LEAST
    mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
    if header.sectionResizeMode(action) != mode:
        header.setSectionResizeMode(action, mode)
        if not roomy:
            header.resizeSection(action, ACTION_LEAST)
