"""PlanView: navigator, filter bar, actions table and the detail panel side by side."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.gui.action_detail_panel import ActionDetailPanel
from actionplan.gui.models.action_filter_model import ActionFilter, ActionFilterModel
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.rag_chip import RagChipDelegate
from actionplan.services.actions import ActionRow
from actionplan.services.outline import PriorityNode

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class PlanView(QWidget):
    """The working view of one plan."""

    action_selected = Signal(object)  # ActionRow or None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table_model = ActionTableModel(self)
        self.filter_model = ActionFilterModel(self)
        self.filter_model.setSourceModel(self.table_model)
        self.navigator_model = QStandardItemModel(self)
        self.navigator = self._make_navigator()
        self.table = self._make_table()
        self.detail = ActionDetailPanel(self)
        self._build_layout()

    def _make_navigator(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.navigator_model)
        tree.setHeaderHidden(True)
        tree.setMinimumWidth(220)
        tree.selectionModel().selectionChanged.connect(self._navigator_changed)
        return tree

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.filter_model)
        table.setSortingEnabled(True)
        table.sortByColumn(ActionTableModel.REF, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setItemDelegateForColumn(
            ActionTableModel.RAG, RagChipDelegate(ActionTableModel.RAG_ROLE, table)
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(ActionTableModel.ACTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 56), (2, 180), (3, 150), (4, 96), (5, 100), (6, 100), (7, 96)):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._table_changed)
        return table

    def _build_layout(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search actions, leads, updates…")
        self.search.setClearButtonEnabled(True)
        self.rag_filter = QComboBox()
        self.rag_filter.addItem("Any RAG", None)
        for rag in RAG_ORDER:
            self.rag_filter.addItem(rag.word, rag)
        self.overdue_only = QCheckBox("Overdue")
        self.stale_only = QCheckBox("No recent update")
        self.count_label = QLabel()
        for signal in (
            self.search.textChanged,
            self.rag_filter.currentIndexChanged,
            self.overdue_only.toggled,
            self.stale_only.toggled,
        ):
            signal.connect(self.apply_filter)
        bar = QHBoxLayout()
        for widget in (self.search, self.rag_filter, self.overdue_only, self.stale_only):
            bar.addWidget(widget)
        bar.addWidget(self.count_label)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(bar)
        centre_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(centre)
        splitter.addWidget(self.detail)
        splitter.setSizes([240, 900, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.splitter = splitter

    def show_plan(self, title: str, outline: list[PriorityNode], rows: list[ActionRow]) -> None:
        """Fill the navigator and the table for a plan."""
        self.navigator_model.clear()
        root = QStandardItem(f"{title} ({len(rows)})")
        root.setData("plan", _KIND_ROLE)
        for node in outline:
            item = QStandardItem(f"{node.number}. {node.title} ({node.actions})")
            item.setData("priority", _KIND_ROLE)
            item.setData(node.id, _ID_ROLE)
            item.setToolTip(f"{node.title}\nExecutive champion: {node.champion or '—'}")
            for outcome in node.outcomes:
                child = QStandardItem(f"{outcome.title[:80]} ({outcome.actions})")
                child.setData("outcome", _KIND_ROLE)
                child.setData(outcome.id, _ID_ROLE)
                child.setToolTip(outcome.title)
                item.appendRow(child)
            root.appendRow(item)
        for item in [root]:
            item.setEditable(False)
        self.navigator_model.appendRow(root)
        self.navigator.expand(root.index())
        self.set_rows(rows)

    def set_rows(self, rows: list[ActionRow]) -> None:
        """Replace the actions, keeping the selected one selected where it still exists."""
        keep = self.detail.action_id
        self.table_model.set_rows(rows)
        self._update_count()
        if keep is not None:
            self.select_action(keep)

    def select_action(self, action_id: int) -> bool:
        """Select an action's row in the table; False when it is filtered out or gone."""
        source_row = self.table_model.row_of(action_id)
        if source_row is None:
            return False
        index = self.filter_model.mapFromSource(self.table_model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def apply_filter(self) -> None:
        """Read the filter bar and navigator and filter the table."""
        chosen = ActionFilter(
            text=self.search.text(),
            rags={Rag(self.rag_filter.currentData())} if self.rag_filter.currentData() else set(),
            overdue_only=self.overdue_only.isChecked(),
            stale_only=self.stale_only.isChecked(),
            priority_id=self._navigator_choice("priority"),
            outcome_id=self._navigator_choice("outcome"),
        )
        self.filter_model.set_filter(chosen)
        self._update_count()

    def _navigator_choice(self, kind: str) -> int | None:
        indexes = self.navigator.selectionModel().selectedIndexes()
        if not indexes:
            return None
        index = indexes[0]
        if kind == "priority" and index.data(_KIND_ROLE) == "outcome":
            return index.parent().data(_ID_ROLE)
        return index.data(_ID_ROLE) if index.data(_KIND_ROLE) == kind else None

    def _navigator_changed(self, *_: QItemSelection) -> None:
        self.apply_filter()

    def _update_count(self) -> None:
        shown, total = self.filter_model.rowCount(), self.table_model.rowCount()
        self.count_label.setText(f"{shown} of {total} actions")

    def _table_changed(self, *_: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(ActionTableModel.ROW_ROLE) if rows else None
        self.action_selected.emit(row)
