"""MeasureTableModel: a plan's measures with latest reading, target, status and trend."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from actionplan.gui.models.row_table_model import Index, RowTableModel
from actionplan.gui.plain import plain_tip
from actionplan.services.views import MeasureRow


def number_text(value: float | None, unit: str = "") -> str:
    """A reading as people write it: 84, 84.5, 84%; blank when missing."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit.strip() == "%" else text


class MeasureTableModel(RowTableModel):
    """One row per measure."""

    NAME, PRIORITY, BASELINE, LATEST, TARGET, DIRECTION, STATUS, TREND = range(8)
    HEADERS = (
        "Measure",
        "Priority",
        "Baseline",
        "Latest",
        "Target",
        "Better when",
        "Status",
        "Trend",
    )
    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeasureRow] = []

    def set_rows(self, rows: list[MeasureRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> MeasureRow:
        """The measure shown in a row."""
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NAME:
            return plain_tip(row.name)  # the whole name, when the column cuts it short
        return None

    def _display(self, row: MeasureRow, column: int) -> str:
        direction = {"higher": "Higher", "lower": "Lower"}.get(row.direction.value, "Not stated")
        values = {
            self.NAME: row.name,
            self.PRIORITY: row.priority_title or "Whole plan",
            self.BASELINE: number_text(row.baseline, row.unit),
            self.LATEST: number_text(row.latest, row.unit),
            self.TARGET: number_text(row.target, row.unit),
            self.DIRECTION: direction,
            self.STATUS: row.status.word,
            self.TREND: row.trend.word,
        }
        return values[column]
