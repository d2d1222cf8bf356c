"""ActivityListModel: one action's activity log, an entry a row, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:  # the entries' module loads the store, which the window loads after painting
    from actionplan.services.activity import ActivityEntry

Index = QModelIndex | QPersistentModelIndex


class ActivityListModel(QAbstractListModel):
    """Each entry as its sentence ("12 Mar 2025 14:02 · Ana Novak · Status: … → …")."""

    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[ActivityEntry] = []

    def set_entries(self, entries: list[ActivityEntry]) -> None:
        """Replace every entry."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override with a default index
        """Overrides QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.sentence
        if role == self.ENTRY_ROLE:
            return entry
        return None
