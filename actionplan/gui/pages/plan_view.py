"""PlanView: navigator, tabs (actions, dashboard, measures, recommendations) and the action's
details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from actionplan.gui.models.action_filter_model import ActionFilterModel
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.pages.action_detail_panel import ActionDetailPanel
from actionplan.gui.pages.dashboard_page import DashboardPage
from actionplan.gui.pages.filter_bar import FilterBar
from actionplan.gui.pages.measures_page import MeasuresPage
from actionplan.gui.pages.recommendations_page import RecommendationsPage
from actionplan.gui.pages.table_sizing import (
    fit_refs,
    keep_actions_readable,
    width_for_every_column,
)
from actionplan.gui.plain import plain_tip
from actionplan.gui.widgets.rag_chip import RagChipDelegate
from actionplan.services.views import ActionRow, PriorityNode

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2
EMPTY_PLAN = (
    "<b>No actions yet.</b> Add the plan's priorities with Edit ▸ New priority…, then "
    "their actions with Edit ▸ New action… (Ctrl+Shift+N). Or import a workbook "
    "(Ctrl+I) to bring in a plan you already keep in Excel."
)
_WIDTHS = {0: 48, 2: 150, 3: 110, 4: 88, 5: 88, 6: 84, 7: 88}


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
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self.apply_filter)
        self.table = self._make_table()
        self.empty_hint = QLabel(EMPTY_PLAN)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        self.detail = ActionDetailPanel(self)
        self.dashboard = DashboardPage(self.table_model)
        self.dashboard.action_chosen.connect(self.show_action_in_table)
        self.measures = MeasuresPage()
        self.recommendations = RecommendationsPage()
        self.outline: list[PriorityNode] = []
        self.tabs = QTabWidget()
        self._details_placed = False
        self._build_layout()

    @property
    def search(self) -> Any:
        """The search box (kept for shortcuts and tests)."""
        return self.filter_bar.search

    @property
    def count_label(self) -> Any:
        """The "N of M actions" label."""
        return self.filter_bar.count

    def _make_navigator(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.navigator_model)
        tree.setHeaderHidden(True)
        tree.setMinimumWidth(160)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.selectionModel().selectionChanged.connect(self._navigator_changed)
        return tree

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.filter_model)
        table.setSortingEnabled(True)
        # Rows arrive in plan order (priority, then position): no sort until a header is clicked.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Keep a Python reference: a delegate known only to Qt would be collected.
        self.rag_delegate = RagChipDelegate(ActionTableModel.RAG_ROLE, table)
        table.setItemDelegateForColumn(ActionTableModel.RAG, self.rag_delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(ActionTableModel.ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column, width in _WIDTHS.items():
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._table_changed)
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(lambda *_: keep_actions_readable(self.table))
        return table

    def _build_layout(self) -> None:
        # The details share the Actions tab with the table: beside it on a wide window,
        # below it on a narrow one, and they scroll rather than push the window wider.
        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_area.setWidget(self.detail)
        bar = self.detail_area.verticalScrollBar().sizeHint().width()
        self.detail_area.setMinimumWidth(self.detail.minimumSizeHint().width() + bar)
        self.work = QSplitter()
        self.work.setChildrenCollapsible(False)
        self.work.addWidget(self.table)
        self.work.addWidget(self.detail_area)
        self.work.setStretchFactor(0, 1)
        self.work.installEventFilter(self)
        actions_page = QWidget()
        page_layout = QVBoxLayout(actions_page)
        page_layout.addWidget(self.filter_bar)
        page_layout.addWidget(self.empty_hint)
        page_layout.addWidget(self.work, 1)
        self.tabs.addTab(actions_page, "Actions")
        self.tabs.addTab(self.dashboard, "Dashboard")
        self.tabs.addTab(self.measures, "Measures")
        self.tabs.addTab(self.recommendations, "Recommendations")
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.splitter = splitter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # overrides QObject.eventFilter
        """Place the details beside or below the table as the room for them changes."""
        if watched is self.work and event.type() == QEvent.Type.Resize:
            self._place_details()
        elif watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            keep_actions_readable(self.table)
        return super().eventFilter(watched, event)

    def _place_details(self) -> None:
        # Beside the table only while the table still shows every column it has shown.
        details = self.detail_area.minimumWidth() + self.work.handleWidth()
        wide = self.work.width() >= width_for_every_column(self.table) + details
        beside = Qt.Orientation.Horizontal
        wanted = beside if wide else Qt.Orientation.Vertical
        if self.work.orientation() == wanted and self._details_placed:
            return
        self._details_placed = True
        self.work.setOrientation(wanted)
        # Beside, a wider window widens the table; below, the two share the height.
        self.work.setStretchFactor(1, 0 if wanted == beside else 2)
        self.work.setStretchFactor(0, 1 if wanted == beside else 3)
        room = self.work.width() if wanted == beside else self.work.height()
        details = self.detail_area.minimumWidth() + 20 if wanted == beside else room * 2 // 5
        self.work.setSizes([max(room - details, 1), details])

    def set_details_shown(self, shown: bool) -> None:
        """Show or hide the action's details (View ▸ Details panel)."""
        self.detail_area.setVisible(shown)

    def details_shown(self) -> bool:
        """True unless the user has hidden the details."""
        return not self.detail_area.isHidden()

    def _column_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for column, title in enumerate(ActionTableModel.HEADERS):
            action = QAction(title, menu, checkable=True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != ActionTableModel.ACTION)
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
            menu.addAction(action)
        menu.popup(self.table.horizontalHeader().mapToGlobal(point))
        self.column_menu = menu

    def hidden_columns(self) -> list[int]:
        """The columns the user has hidden."""
        return [c for c in range(len(ActionTableModel.HEADERS)) if self.table.isColumnHidden(c)]

    def hide_columns(self, columns: list[int]) -> None:
        """Hide the given columns (never the Action column)."""
        for column in range(len(ActionTableModel.HEADERS)):
            hide = column in columns and column != ActionTableModel.ACTION
            self.table.setColumnHidden(column, hide)

    def show_plan(self, title: str, outline: list[PriorityNode], rows: list[ActionRow]) -> None:
        """Fill the navigator and the table for a plan."""
        self.show_outline(title, outline)
        self.set_rows(rows)

    def show_outline(self, title: str, outline: list[PriorityNode]) -> None:
        """Fill the navigator with the plan's priorities and outcomes, keeping the choice."""
        kept = self._navigator_item()
        self.outline = outline
        self.navigator.selectionModel().blockSignals(True)
        self.navigator_model.clear()
        root = QStandardItem(f"{title} ({sum(node.actions for node in outline)})")
        root.setData("plan", _KIND_ROLE)
        root.setToolTip(plain_tip(title))
        for node in outline:
            root.appendRow(_priority_item(node))
        self.navigator_model.appendRow(root)
        self.navigator.expand(root.index())
        self._choose_in_navigator(kept)
        self.navigator.selectionModel().blockSignals(False)
        self.apply_filter()

    def _navigator_item(self) -> tuple[str, int] | None:
        indexes = self.navigator.selectionModel().selectedIndexes()
        if not indexes or indexes[0].data(_KIND_ROLE) == "plan":
            return None
        return indexes[0].data(_KIND_ROLE), indexes[0].data(_ID_ROLE)

    def _choose_in_navigator(self, item: tuple[str, int] | None) -> None:
        if item is None:
            return
        model = self.navigator_model
        for match in model.match(
            model.index(0, 0), _ID_ROLE, item[1], -1, Qt.MatchFlag.MatchRecursive
        ):
            if match.data(_KIND_ROLE) == item[0]:
                self.navigator.setCurrentIndex(match)
                return

    def outcome_title(self, outcome_id: int) -> str:
        """An outcome's title as the navigator knows it."""
        for node in self.outline:
            for outcome in node.outcomes:
                if outcome.id == outcome_id:
                    return outcome.title
        return ""

    def choose_outcome(self, outcome_id: int) -> None:
        """Choose an outcome in the navigator (its actions fill the table)."""
        self._choose_in_navigator(("outcome", outcome_id))

    def choose_priority(self, priority_id: int) -> None:
        """Choose a priority in the navigator (its actions fill the table)."""
        self._choose_in_navigator(("priority", priority_id))

    def chosen_place(self) -> tuple[int | None, int | None]:
        """The priority and outcome chosen in the navigator (None where none is)."""
        return self._navigator_choice("priority"), self._navigator_choice("outcome")

    def set_rows(self, rows: list[ActionRow]) -> None:
        """Replace the actions, keeping the selected one selected where it still exists."""
        keep = self.detail.action_id
        self.table_model.set_rows(rows)
        fit_refs(self.table, rows)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:  # the order the user chose by a heading
            self.filter_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.filter_bar.offer_choices(rows)
        self._update_count()
        if keep is not None:
            self.select_action(keep)

    def refresh_rows(self, rows: list[ActionRow]) -> None:
        """Show the actions read again after someone else's change: changed rows in place
        when the plan keeps its rows and order, else every row, scrolled where it was."""
        shown = self.table_model.all_rows()
        if [row.id for row in shown] == [row.id for row in rows]:
            changed = [new for old, new in zip(shown, rows, strict=True) if old != new]
            if changed:
                self.replace_rows(changed)
            return
        scrolled = self.table.verticalScrollBar().value()
        self.set_rows(rows)
        self.table.verticalScrollBar().setValue(scrolled)

    def selected_row(self) -> ActionRow | None:
        """The action selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ActionTableModel.ROW_ROLE) if rows else None

    def show_selected(self) -> None:
        """Say again which action is selected (or none), so its details are read afresh."""
        self.action_selected.emit(self.selected_row())

    def moved(self, row: ActionRow) -> bool:
        """True when the action now sits under another priority or outcome than shown."""
        number = self.table_model.row_of(row.id)
        if number is None:
            return False
        shown = self.table_model.row_at(number)
        return (shown.priority_id, shown.outcome_id) != (row.priority_id, row.outcome_id)

    def replace_rows(self, rows: list[ActionRow]) -> bool:
        """Show changed actions in place; False when one is not in the table (read it all).

        Those in view stay in view until the filter changes, even if they no longer match."""
        self.filter_model.keep_in_view([row.id for row in rows if self._in_view(row.id)])
        if not self.table_model.replace_rows(rows):
            return False
        fit_refs(self.table, rows)
        self.filter_bar.offer_choices(self.table_model.all_rows())
        self._update_count()
        return True

    def _in_view(self, action_id: int) -> bool:
        source_row = self.table_model.row_of(action_id)
        if source_row is None:
            return False
        return self.filter_model.mapFromSource(self.table_model.index(source_row, 0)).isValid()

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

    def show_action_in_table(self, action_id: int) -> None:
        """Go to the Actions tab with the action selected, clearing filters that hide it."""
        self.tabs.setCurrentIndex(0)
        if not self.select_action(action_id):
            self.navigator.clearSelection()
            self.filter_bar.clear()
            self.select_action(action_id)

    def apply_filter(self) -> None:
        """Read the filter bar and navigator and filter the table."""
        chosen = self.filter_bar.current()
        chosen.priority_id = self._navigator_choice("priority")
        chosen.outcome_id = self._navigator_choice("outcome")
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
        model = self.filter_model
        shown, total = model.rowCount(), self.table_model.rowCount()
        self.filter_bar.show_count(shown, total, model.hidden_count(), model.kept_count())
        self.empty_hint.setVisible(total == 0)

    def _table_changed(self, *_: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(ActionTableModel.ROW_ROLE) if rows else None
        self.action_selected.emit(row)


def _priority_item(node: PriorityNode) -> QStandardItem:
    item = QStandardItem(f"{node.number}. {node.title} ({node.actions})")
    item.setData("priority", _KIND_ROLE)
    item.setData(node.id, _ID_ROLE)
    item.setToolTip(plain_tip(f"{node.title}\nExecutive champion: {node.champion or '—'}"))
    for outcome in node.outcomes:
        child = QStandardItem(f"{outcome.title[:80]} ({outcome.actions})")
        child.setData("outcome", _KIND_ROLE)
        child.setData(outcome.id, _ID_ROLE)
        child.setToolTip(plain_tip(outcome.title))
        item.appendRow(child)
    return item
