"""RecommendationTreeModel: the register grouped by review; each review's row carries its
count sentence, each recommendation's row its words, standing, actions and sign-off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import Standing

if TYPE_CHECKING:
    from actionplan.services.recommendations import RecommendationLine, ReviewGroup

Index = QModelIndex | QPersistentModelIndex
# A row's internal id: 0 for a review's row, its review's row + 1 for a recommendation's.
_NO_PARENT = 0

# The chip's colour for each standing; its words are always on it too.
STANDING_COLOURS = {
    Standing.NO_ACTION: Rag.RED,
    Standing.IN_PROGRESS: Rag.AMBER,
    Standing.AWAITING_SIGN_OFF: Rag.GREEN,
    Standing.CLOSED: Rag.BLUE,
}
CHIP_WORDS = {
    Standing.NO_ACTION: "No action",
    Standing.IN_PROGRESS: "In progress",
    Standing.AWAITING_SIGN_OFF: "Awaiting sign-off",
    Standing.CLOSED: "Closed",
}


class RecommendationTreeModel(QAbstractItemModel):
    """Reviews at the top level, their recommendations under them."""

    TEXT, CHIP, STANDING, ACTIONS, SIGNED = range(5)
    HEADERS = ("Review / recommendation", "Status", "Where it stands", "Actions", "Signed off")
    LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the RecommendationLine of a row (None: a review)
    CHIP_ROLE = Qt.ItemDataRole.UserRole + 2  # (Rag, words) for the chip

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[ReviewGroup] = []

    def set_groups(self, groups: list[ReviewGroup]) -> None:
        """Replace everything shown."""
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    @property
    def groups(self) -> list[ReviewGroup]:
        """The reviews shown."""
        return self._groups

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 -- Qt's own default
        """Overrides QAbstractItemModel.index."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Overrides QAbstractItemModel.parent."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Overrides QAbstractItemModel.rowCount."""
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()].lines)
        return 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Overrides QAbstractItemModel.columnCount."""
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Overrides QAbstractItemModel.headerData."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def line(self, index: Index) -> RecommendationLine | None:
        """The recommendation of a row; None for a review's row."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._groups[int(index.internalId()) - 1].lines[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid():
            return None
        line = self.line(index)
        if role == self.LINE_ROLE:
            return line
        if line is None:
            return self._review_data(self._groups[index.row()], index.column(), role)
        if role == self.CHIP_ROLE and index.column() == self.CHIP:
            standing = line.state.standing
            return STANDING_COLOURS[standing], CHIP_WORDS[standing]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._line_text(line, index.column(), role)
        return None

    def _review_data(self, group: ReviewGroup, column: int, role: int) -> Any:
        # A review's row spans the columns (the page sets it so): its name, then its count.
        if role == Qt.ItemDataRole.DisplayRole and column == self.TEXT:
            return f"{group.review} ({group.review_type.word}) — {group.sentence}."
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def _line_text(self, line: RecommendationLine, column: int, role: int) -> str | None:
        record = line.record
        if column == self.TEXT:
            if role == Qt.ItemDataRole.ToolTipRole and record.draft.response.strip():
                return f"{record.draft.text}\n\nOur response: {record.draft.response}"
            return record.draft.text
        if column == self.CHIP:
            return CHIP_WORDS[line.state.standing]  # read out; the chip is painted over it
        if column == self.STANDING:
            return line.state.words
        if column == self.ACTIONS:
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(f"{a.ref} {a.text} ({a.plan_title})" for a in record.actions)
            return ", ".join(a.ref or "unnumbered" for a in record.actions)
        if record.signed_off:
            when = f", {record.signed_off_on:%d %b %Y}" if record.signed_off_on else ""
            return f"{record.signed_off_by}{when}"
        return ""
