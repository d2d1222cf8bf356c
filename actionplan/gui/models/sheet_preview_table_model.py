"""SheetPreviewTableModel: a sheet's first rows as read, each column headed by its field."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from actionplan.services.import_fields import IGNORE
from actionplan.services.import_sheets import PreviewColumn, PreviewSheet

Index = QModelIndex | QPersistentModelIndex

SHOWN_CHARS = 120  # a cell longer than this is cut with "…"; the tooltip has the rest
TOOLTIP_CHARS = 2_000  # a tooltip taller than the screen helps nobody; the import keeps it all
HEADING_CHARS = 40
_NOT_IMPORTED_GREY = QColor(128, 128, 128)


class SheetPreviewTableModel(QAbstractTableModel):
    """Rows are the sheet's first rows; each heading reads "Field" over the workbook's heading."""

    FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # on a heading: the field name ("ignore")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sheet: PreviewSheet | None = None

    @property
    def sheet(self) -> PreviewSheet | None:
        """The sheet shown."""
        return self._sheet

    def set_sheet(self, sheet: PreviewSheet | None) -> None:
        """Show one sheet (None: nothing)."""
        self.beginResetModel()
        self._sheet = sheet
        self.endResetModel()

    def column(self, section: int) -> PreviewColumn | None:
        """The workbook column behind a grid column."""
        if self._sheet is None or not 0 <= section < len(self._sheet.columns):
            return None
        return self._sheet.columns[section]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override with a default index
        """Overrides QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() or self._sheet is None else len(self._sheet.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override with a default index
        """Overrides QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() or self._sheet is None else len(self._sheet.columns)

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Overrides QAbstractItemModel.headerData: the field over the heading; row numbers."""
        if self._sheet is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            rows = self._sheet.rows
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(rows):
                return str(rows[section][0])  # the row number Excel shows
            return None
        column = self.column(section)
        if column is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{column.label}\n{_cut(column.heading, HEADING_CHARS) or column.letter}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _heading_tip(column, self._sheet.editable)
        if role == self.FIELD_ROLE:
            return column.field
        if role == Qt.ItemDataRole.ForegroundRole and column.field == IGNORE:
            return QBrush(_NOT_IMPORTED_GREY)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data: each cell's words as plain text."""
        if not index.isValid() or self._sheet is None:
            return None
        text = self._sheet.rows[index.row()][1][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cut(" ".join(text.split()), SHOWN_CHARS)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text) if text else None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self._sheet.columns[index.column()].field == IGNORE
        ):
            return QBrush(_NOT_IMPORTED_GREY)  # the words are there but will not be imported
        return None


def _cut(text: str, most: int) -> str:
    """Text no longer than ``most`` characters, ending "…" when cut."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def plain_tooltip(text: str) -> str:
    """A tooltip showing the text exactly as typed: markup is shown, never obeyed."""
    more = len(text) - TOOLTIP_CHARS
    shown = text if more <= 0 else f"{text[:TOOLTIP_CHARS]}… ({more:,} more characters)"
    # Qt reads any tooltip that looks like markup as markup, so give it escaped markup.
    return f"<p style='white-space:pre-wrap'>{escape(shown, quote=False)}</p>"


def _heading_tip(column: PreviewColumn, editable: bool) -> str:
    heading = f"headed “{column.heading}”" if column.heading else "with no heading"
    where = f"Column {column.letter}, {heading}, is read as {column.label}."
    return plain_tooltip(where + (" Click to change." if editable else ""))
