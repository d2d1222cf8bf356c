"""RecommendationsPage: the register of review recommendations, grouped by review, each with
a status chip and its words, and the buttons to import, add, edit, link, sign off or delete.

It reads the register again after every write the workspace announces: a recommendation's
standing follows its actions, so an update recorded on the Actions tab shows here at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from actionplan.gui.changes import Kind
from actionplan.gui.models.recommendation_tree_model import RecommendationTreeModel
from actionplan.gui.widgets.rag_chip import paint_chip

if TYPE_CHECKING:
    from actionplan.gui.changes import Changes
    from actionplan.gui.workspace import Workspace
    from actionplan.services.recommendations import RecommendationLine

NONE_YET = (
    "<b>No review recommendations yet.</b> Import the register you keep in Excel "
    "(Import…) or add a recommendation (Add…), then link the actions that answer it."
)
# Every write can move a recommendation's standing but these, which change nothing of it.
_NOT_READ_FOR = (Kind.PACK_SETTINGS, Kind.SNAPSHOTS, Kind.NARRATIVES, Kind.MEASURES)


class StandingChipDelegate(QStyledItemDelegate):
    """Paints a recommendation's status as a chip: colour and words together."""

    def paint(  # overrides QStyledItemDelegate.paint
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The selection background, then the chip (a review's row: nothing)."""
        chip = index.data(RecommendationTreeModel.CHIP_ROLE)
        if chip is None:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rag, words = chip
        paint_chip(painter, option.rect, rag, words)

    def sizeHint(  # overrides QStyledItemDelegate.sizeHint
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Room for the chip's words and its margin."""
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 12))


class RecommendationsPage(QWidget):
    """The Recommendations tab."""

    import_requested = Signal()
    add_requested = Signal()
    edit_requested = Signal(object)  # RecommendationLine
    link_requested = Signal(object)
    unlink_requested = Signal(object)
    sign_off_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = None
        self.model = RecommendationTreeModel(self)
        self.tree = self._make_tree()
        self.empty = QLabel(NONE_YET)
        self.empty.setWordWrap(True)
        self.buttons: dict[str, QAction] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._make_buttons())
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self._selection_changed()

    def _make_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.model)
        tree.setAlternatingRowColors(True)
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.chip_delegate = StandingChipDelegate(tree)  # kept: Qt alone would not keep it
        tree.setItemDelegateForColumn(RecommendationTreeModel.CHIP, self.chip_delegate)
        header = tree.header()
        header.setSectionResizeMode(RecommendationTreeModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 150), (2, 270), (3, 80), (4, 240)):
            tree.setColumnWidth(column, width)
        header.setStretchLastSection(False)
        tree.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        tree.doubleClicked.connect(lambda _index: self._ask("edit"))
        return tree

    def _make_buttons(self) -> QToolBar:
        # A tool bar rather than a row of buttons: on a narrow window the last ones fold
        # into its ">>" menu instead of making the whole window wider.
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key, words in (
            ("import", "&Import…"),
            ("add", "&Add…"),
            ("edit", "&Edit…"),
            ("link", "&Link action…"),
            ("unlink", "&Unlink action…"),
            ("sign_off", "&Sign off…"),
            ("delete", "&Delete"),
        ):
            button = QAction(words, self)
            button.triggered.connect(lambda _checked=False, key=key: self._ask(key))
            self.buttons[key] = button
            bar.addAction(button)
        return bar

    def follow(self, workspace: Workspace) -> None:
        """Read the register through this workspace, again after every write that may move it."""
        self._workspace = workspace
        workspace.changed.connect(self._changed)

    def showEvent(self, event: QShowEvent) -> None:  # overrides QWidget.showEvent
        """Read the register as the tab comes into view."""
        super().showEvent(event)
        self.read()

    def _changed(self, changes: Changes) -> None:
        if changes and not (changes.kinds and changes.kinds <= frozenset(_NOT_READ_FOR)):
            self.read()

    def read(self) -> None:
        """Read the register again, keeping the selected recommendation selected."""
        from actionplan.services.recommendations import by_review, recommendation_lines

        workspace = self._workspace
        if workspace is None or not workspace.is_open:
            return
        kept = self.selected()
        groups = by_review(recommendation_lines(workspace.db, workspace.as_of))
        self.model.set_groups(groups)
        for row in range(len(groups)):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.empty.setVisible(not groups)
        if kept is not None:
            self.select(kept.id)
        self._selection_changed()

    def select(self, recommendation_id: int) -> None:
        """Select the recommendation with this id, if shown."""
        for group_row, group in enumerate(self.model.groups):
            for row, line in enumerate(group.lines):
                if line.id == recommendation_id:
                    parent = self.model.index(group_row, 0)
                    self.tree.setCurrentIndex(self.model.index(row, 0, parent))
                    return

    def selected(self) -> RecommendationLine | None:
        """The recommendation selected, if any (a review's row is none)."""
        return self.model.line(self.tree.currentIndex())

    def _selection_changed(self) -> None:
        line = self.selected()
        for key in ("edit", "link", "sign_off", "delete"):
            self.buttons[key].setEnabled(line is not None)
        self.buttons["unlink"].setEnabled(line is not None and bool(line.record.actions))

    def _ask(self, key: str) -> None:
        if key == "import":
            self.import_requested.emit()
        elif key == "add":
            self.add_requested.emit()
        elif (line := self.selected()) is not None:
            getattr(self, f"{key}_requested").emit(line)
