"""ActionFilterModel: search, RAG, status, priority, overdue and stale filters over the actions.

An action just changed that no longer matches stays in view, in italics, until the filter
changes: a lead who rates a red action green sees it turn green rather than vanish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.views import ActionRow


@dataclass
class ActionFilter:
    """What the user has chosen to see; empty means everything."""

    text: str = ""
    rags: set[Rag] = field(default_factory=set)
    statuses: set[Status] = field(default_factory=set)
    lead: str = ""
    agency: str = ""
    priority_id: int | None = None
    outcome_id: int | None = None
    overdue_only: bool = False
    stale_only: bool = False

    def in_place(self, row: ActionRow) -> bool:
        """True when the row sits under the priority and outcome chosen (if any)."""
        return (self.priority_id is None or row.priority_id == self.priority_id) and (
            self.outcome_id is None or row.outcome_id == self.outcome_id
        )

    def accepts(self, row: ActionRow, search_text: str) -> bool:
        """True when the row passes every chosen filter."""
        checks = (
            not self.rags or row.rag in self.rags,
            not self.statuses or row.status in self.statuses,
            self.in_place(row),
            not self.overdue_only or row.overdue,
            not self.stale_only or row.stale,
            not self.lead or self.lead in row.leads,
            not self.agency or self.agency in row.agencies,
        )
        return all(checks) and all(word in search_text for word in self.text.casefold().split())


NO_LONGER_MATCHES = "No longer matches the filters: kept in view until you change them."


class ActionFilterModel(QSortFilterProxyModel):
    """Sorts by each column's sort key and shows only the rows the filter accepts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = ActionFilter()
        self._accepted: list[bool] = []
        self._kept: set[int] = set()  # ids of actions changed while in view
        self._generation = -1
        self.setSortRole(ActionTableModel.SORT_ROLE)

    @property
    def current_filter(self) -> ActionFilter:
        """The filter in force."""
        return self._filter

    def set_filter(self, chosen: ActionFilter) -> None:
        """Apply a new filter: judge every row in one Python pass, then let Qt re-filter.

        A filter that differs from the one in force lets go of the actions kept in view."""
        self.beginFilterChange()
        if chosen != self._filter:
            self._kept = set()
        self._filter = chosen
        self._accepted = self._judge_all()
        self.endFilterChange()

    def _judge_all(self) -> list[bool]:
        source = self.sourceModel()
        if not isinstance(source, ActionTableModel):
            return []
        self._rejudge(source)
        return self._accepted

    def _rejudge(self, source: ActionTableModel) -> None:
        accepts = self._filter.accepts
        self._accepted = [accepts(row, text) for row, text in source.rows_with_search_text()]
        self._generation = source.generation

    def setSourceModel(self, source: Any) -> None:  # overrides QSortFilterProxyModel
        """Follow the actions model, including rows it changes in place."""
        super().setSourceModel(source)
        if isinstance(source, ActionTableModel):
            source.rows_replaced.connect(self._rejudge_rows)

    def _rejudge_rows(self, positions: list[int]) -> None:
        source = self.sourceModel()
        if not isinstance(source, ActionTableModel) or source.generation != self._generation:
            return  # judged in full on the next look
        accepts = self._filter.accepts
        for number in positions:
            if number < len(self._accepted):
                self._accepted[number] = accepts(source.row_at(number), source.search_text(number))

    def keep_in_view(self, action_ids: list[int]) -> None:
        """Keep these actions shown, whatever they become, until the filter changes."""
        self._kept.update(action_ids)

    def forget_kept(self) -> None:
        """Let go of the actions kept in view (another database's ids mean nothing here)."""
        self.beginFilterChange()
        self._kept = set()
        self.endFilterChange()

    def no_longer_matches(self, source_row: int) -> bool:
        """True when the row is shown only because it was kept in view."""
        source = self.sourceModel()
        if not self._kept or not isinstance(source, ActionTableModel):
            return False
        self._judge_if_stale(source)
        matches = self._accepted[source_row] if source_row < len(self._accepted) else True
        return not matches and source.row_at(source_row).id in self._kept

    def hidden_count(self) -> int:
        """How many actions of the place chosen the other filters hide."""
        source = self.sourceModel()
        if not isinstance(source, ActionTableModel):
            return 0
        self._judge_if_stale(source)
        in_place = self._filter.in_place
        return sum(
            1
            for row, accepted in zip(source.all_rows(), self._accepted, strict=False)
            if not accepted and row.id not in self._kept and in_place(row)
        )

    def kept_count(self) -> int:
        """How many actions are shown only because they were kept in view."""
        source = self.sourceModel()
        if not self._kept or not isinstance(source, ActionTableModel):
            return 0
        self._judge_if_stale(source)
        kept = self._kept
        return sum(
            1
            for row, accepted in zip(source.all_rows(), self._accepted, strict=False)
            if not accepted and row.id in kept
        )

    def _judge_if_stale(self, source: ActionTableModel) -> None:
        if source.generation != self._generation:
            self._rejudge(source)

    def data(  # overrides QSortFilterProxyModel.data
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Mark an action kept in view though it no longer matches: italics and a tooltip."""
        value = super().data(index, role)
        if not self._kept or role not in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole):
            return value
        if not self.no_longer_matches(self.mapToSource(index).row()):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{NO_LONGER_MATCHES}\n\n{value}" if value else NO_LONGER_MATCHES
        font = QFont(value) if isinstance(value, QFont) else QFont()
        font.setItalic(True)
        return font

    def invalidate_rows(self) -> None:
        """Re-judge every row after the source rows changed."""
        self.set_filter(self._filter)

    def sort(  # overrides QSortFilterProxyModel.sort
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        """Let the source model sort itself; the proxy only filters (and keeps its order)."""
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)
            self.invalidate_rows()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """Overrides QSortFilterProxyModel.filterAcceptsRow."""
        # Rows are judged in one pass when the filter or the rows change; a lookup here keeps
        # filtering 24,000 rows quick.
        source = self.sourceModel()
        if not isinstance(source, ActionTableModel):
            return True
        self._judge_if_stale(source)
        accepted = self._accepted
        if source_row >= len(accepted) or accepted[source_row]:
            return True
        return bool(self._kept) and source.row_at(source_row).id in self._kept
