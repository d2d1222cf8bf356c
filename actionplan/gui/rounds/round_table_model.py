"""RoundTableModel: one row per lead of an update round, and how their return stands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from actionplan.domain.timescale import format_due
from actionplan.gui.models.row_table_model import Index, RowTableModel
from actionplan.services.round_progress import LeadStanding

LATE_COLOUR = QColor(170, 30, 30)  # beside the words "3 days late", never instead of them


class RoundTableModel(RowTableModel):
    """The round screen's table: lead, email, sent, returned, actions updated, merged, chased."""

    LEAD, EMAIL, SENT, RETURNED, UPDATED, MERGED, CHASED, STATE = range(8)
    HEADERS = ("Lead", "Email", "Sent", "Returned", "Actions updated", "Merged", "Chased",
               "Where it stands")  # fmt: skip

    def set_rows(self, rows: list[LeadStanding]) -> None:
        """Show these leads' standings."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def standing(self, row: int) -> LeadStanding:
        """The lead shown in a row."""
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid():
            return None
        standing: LeadStanding = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _words(standing)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and standing.days_late:
            return QBrush(LATE_COLOUR)
        return None


def _words(standing: LeadStanding) -> tuple[str, ...]:
    lead = standing.lead
    returned = lead.returned_on is not None
    return (
        lead.lead_name,
        lead.email or "no address",
        format_due(lead.sent_on),
        format_due(lead.returned_on) or "-",
        str(lead.updated) if returned else "-",
        format_due(lead.merged_on) or "-",
        _chased(lead.chased_on, lead.chases),
        standing.state,
    )


def _chased(on: Any, times: int) -> str:
    if on is None:
        return "-"
    return format_due(on) if times < 2 else f"{format_due(on)} ({times} times)"
