"""ActionTableModel: the plan's actions as rows of a Qt table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal

from actionplan.domain.rag import Rag
from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.gui.models.row_table_model import Index, RowTableModel
from actionplan.gui.plain import plain_tip
from actionplan.services.views import ActionRow


class ActionTableModel(RowTableModel):
    """One row per action; the RAG column carries the Rag for the chip delegate."""

    REF, ACTION, LEADS, TIMESCALE, DUE, STATUS, RAG, UPDATED = range(8)
    HEADERS = ("Ref", "Action", "Leads", "Timescale", "Due", "Status", "RAG", "Last update")

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    RAG_ROLE = Qt.ItemDataRole.UserRole + 2
    ROW_ROLE = Qt.ItemDataRole.UserRole + 3
    SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4

    rows_replaced = Signal(list)  # positions of rows changed in place

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ActionRow] = []
        self._search: list[str] = []
        self.generation = 0  # bumped whenever rows change, so filters know to judge again

    def set_rows(self, rows: list[ActionRow]) -> None:
        """Replace every row (after a load or a change)."""
        self.beginResetModel()
        self.generation += 1
        self._rows = rows
        self._search = [_search_text(row) for row in rows]
        self.endResetModel()

    def replace_rows(self, rows: list[ActionRow]) -> bool:
        """Put changed rows in place of the ones with their ids; False if one is not here."""
        positions = {row.id: number for number, row in enumerate(self._rows)}
        if any(row.id not in positions for row in rows):
            return False
        changed = [positions[row.id] for row in rows]
        for number, row in zip(changed, rows, strict=True):
            self._rows[number] = row
            self._search[number] = _search_text(row)
        # Filters judge those rows again before the views ask them (not all 24,000 rows).
        self.rows_replaced.emit(changed)
        last = len(self.HEADERS) - 1
        for number in changed:
            self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        return True

    def sort(  # overrides QAbstractItemModel.sort
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        """Sort the rows in Python with one key per row: far quicker than pairwise compares."""
        self.layoutAboutToBeChanged.emit()
        old_ids = [row.id for row in self._rows]
        paired = sorted(
            zip(self._rows, self._search, strict=True),
            key=lambda pair: self._sort_key(pair[0], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.generation += 1
        self._rows = [row for row, _ in paired]
        self._search = [text for _, text in paired]
        new_positions = {row.id: number for number, row in enumerate(self._rows)}
        for index in self.persistentIndexList():
            moved = new_positions[old_ids[index.row()]]
            self.changePersistentIndex(index, self.index(moved, index.column()))
        self.layoutChanged.emit()

    def rows_with_search_text(self) -> list[tuple[ActionRow, str]]:
        """Every row with the lower-case text searches look in, in model order."""
        return list(zip(self._rows, self._search, strict=True))

    def all_rows(self) -> list[ActionRow]:
        """Every row, in model order."""
        return list(self._rows)

    def search_text(self, row: int) -> str:
        """The lower-case text searches look in for a row."""
        return self._search[row]

    def row_at(self, row: int) -> ActionRow:
        """The action shown in a row."""
        return self._rows[row]

    def row_of(self, action_id: int) -> int | None:
        """The row showing an action, if it is in the model."""
        for number, row in enumerate(self._rows):
            if row.id == action_id:
                return number
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == self.SORT_ROLE:
            return self._sort_key(row, index.column())
        if role == self.RAG_ROLE:
            return row.rag
        if role == self.ROW_ROLE:
            return row
        if role == self.SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, index.column())
            return plain_tip(tip) if tip else None
        return None

    def _display(self, row: ActionRow, column: int) -> str:
        values = {
            self.REF: row.ref,
            self.ACTION: " ".join(row.text.split()),
            self.LEADS: row.lead_text,
            self.TIMESCALE: _timescale_text(row),
            self.DUE: format_due(row.due_date),
            self.STATUS: row.status.word,
            self.RAG: row.rag.word,
            self.UPDATED: row.latest_update_when,
        }
        return values[column]

    def _sort_key(self, row: ActionRow, column: int) -> Any:
        if column == self.REF:
            return _ref_key(row.ref)
        if column == self.DUE:
            return row.due_date.toordinal() if row.due_date else 10**7
        if column == self.UPDATED:
            return row.latest_update_date.toordinal() if row.latest_update_date else 0
        if column == self.RAG:
            return -row.rag.severity
        return self._display(row, column).casefold()

    def _tooltip(self, row: ActionRow, column: int) -> str | None:
        if column == self.ACTION:
            return row.text
        if column == self.RAG:
            suggested = f"{row.suggested_rag.word} ({row.suggestion_reason})"
            return f"RAG: {row.rag.word}. Suggested: {suggested}."
        if column == self.DUE and row.overdue:
            return "Overdue"
        return None


def _timescale_text(row: ActionRow) -> str:
    # The words as written; a real Excel date (kept as ISO text) reads as a UK date.
    return parse_timescale(row.timescale_raw).label


def _ref_key(ref: str) -> tuple[tuple[int, Any], ...]:
    parts = ref.replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p.casefold()) for p in parts)


def _search_text(row: ActionRow) -> str:
    words = [
        row.ref,
        row.text,
        row.lead_text,
        row.timescale_raw,
        row.latest_update,
        row.priority_title,
    ]
    return " ".join(words).casefold()


def rag_of(index: Index) -> Rag | None:
    """The RAG of the row at a (source or proxy) index."""
    value = index.data(ActionTableModel.RAG_ROLE)
    try:
        return Rag(str(value)) if value is not None else None
    except ValueError:
        return None
