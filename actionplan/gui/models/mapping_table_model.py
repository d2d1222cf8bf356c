"""MappingTableModel: one sheet's columns and the plan field each feeds, editable in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from actionplan.services.import_fields import FIELD_CHOICES, column_letter

Index = QModelIndex | QPersistentModelIndex
LABELS = dict(FIELD_CHOICES)


class MappingTableModel(QAbstractTableModel):
    """Rows are the sheet's headed columns; the second column is the field, chosen from a list."""

    HEADING, FIELD = range(2)
    FIELD_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sheet: Any = None  # a SheetMapping from the import preview
        self._columns: list[int] = []

    @property
    def sheet(self) -> Any:
        """The sheet mapping as edited."""
        return self._sheet

    def set_sheet(self, sheet: Any) -> None:
        """Show one sheet's mapping."""
        self.beginResetModel()
        self._sheet = sheet
        self._columns = sorted(set(sheet.headers) | set(sheet.columns.values())) if sheet else []
        self.endResetModel()

    def field_of(self, column: int) -> str:
        """The field a column feeds, or "ignore"."""
        for name, number in self._sheet.columns.items():
            if number == column:
                return str(name)
        return "ignore"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override with a default index
        """Overrides QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override with a default index
        """Overrides QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else 2

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Overrides QAbstractItemModel.headerData."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Column in the workbook", "Becomes")[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Overrides QAbstractItemModel.flags: the field column is editable."""
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.FIELD else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid():
            return None
        column = self._columns[index.row()]
        if index.column() == self.HEADING and role == Qt.ItemDataRole.DisplayRole:
            heading = self._sheet.headers.get(column, "") or "(no heading)"
            return f"{heading}  ({column_letter(column)})"
        if index.column() == self.FIELD and role in (Qt.ItemDataRole.DisplayRole, self.FIELD_ROLE):
            name = self.field_of(column)
            return name if role == self.FIELD_ROLE else LABELS.get(name, name)
        return None

    def setData(
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:  # Qt override
        """Overrides QAbstractItemModel.setData: move a field to this column."""
        if not index.isValid() or index.column() != self.FIELD or value not in LABELS:
            return False
        column = self._columns[index.row()]
        current = self.field_of(column)
        sheet = self._sheet.with_field(current, None) if current != "ignore" else self._sheet
        if value != "ignore":
            sheet = sheet.with_field(value, column)
        self._sheet = sheet
        last = self.index(self.rowCount() - 1, self.FIELD)
        self.dataChanged.emit(self.index(0, self.FIELD), last)
        return True
