"""DashboardPage: RAG per priority as a chart, and the overdue and stale actions one click away."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.rag import Rag
from actionplan.domain.rules import NO_UPDATE, STALE_AFTER_DAYS, stale_heading, tally
from actionplan.domain.wording import counted
from actionplan.gui.models.action_filter_model import ActionFilter, ActionFilterModel
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.widgets.rag_chart import ChartRow, RagChartWidget
from actionplan.gui.widgets.rag_chip import RagChipDelegate
from actionplan.services.views import ActionRow

LIST_WIDTHS = {
    ActionTableModel.REF: 56,
    ActionTableModel.LEADS: 150,
    ActionTableModel.DUE: 100,
    ActionTableModel.RAG: 96,
}


class DashboardPage(QWidget):
    """The plan at a glance for a business manager preparing the board."""

    action_chosen = Signal(int)

    def __init__(self, source: ActionTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.chart = RagChartWidget()
        self._delegates: list[RagChipDelegate] = []
        self.overdue_view, self.overdue_model = self._list(ActionFilter(overdue_only=True))
        self.stale_view, self.stale_model = self._list(ActionFilter(stale_only=True))
        self.overdue_box = self._group("Overdue", self.overdue_view)
        self.stale_box = self._group(stale_heading(), self.stale_view)
        lists = QHBoxLayout()
        lists.addWidget(self.overdue_box)
        lists.addWidget(self.stale_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self._group("RAG by priority", self.chart))
        layout.addLayout(lists, 1)
        source.modelReset.connect(self.refresh)
        source.dataChanged.connect(self.refresh)

    def _list(self, chosen: ActionFilter) -> tuple[QTableView, ActionFilterModel]:
        model = ActionFilterModel(self)
        model.setSourceModel(self.source)
        model.set_filter(chosen)
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().hide()
        for column in (
            ActionTableModel.STATUS,
            ActionTableModel.UPDATED,
            ActionTableModel.TIMESCALE,
        ):
            view.hideColumn(column)
        # The action's words take what room is left; the due date and RAG always show.
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in LIST_WIDTHS.items():
            view.setColumnWidth(column, width)
        header.setSectionResizeMode(ActionTableModel.ACTION, QHeaderView.ResizeMode.Stretch)
        chips = RagChipDelegate(ActionTableModel.RAG_ROLE, view)
        view.setItemDelegateForColumn(ActionTableModel.RAG, chips)
        self._delegates.append(chips)  # held here: a delegate known only to Qt is collected
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.activated.connect(self._chosen)  # Enter on a row
        view.clicked.connect(self._chosen)  # one click away from the action
        return view, model

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _chosen(self, index: QModelIndex) -> None:
        row = index.data(ActionTableModel.ROW_ROLE)
        if isinstance(row, ActionRow):
            self.action_chosen.emit(row.id)

    def refresh(self, *_: Any) -> None:
        """Recount from the actions model."""
        rows = [self.source.row_at(i) for i in range(self.source.rowCount())]
        counts = tally(rows)
        totals = counts.rag
        self.headline.setText(
            f"<b>{counted(counts.actions, 'action')}</b> — {totals[Rag.RED]} red, "
            f"{totals[Rag.AMBER]} amber, {totals[Rag.GREEN]} green, "
            f"{totals[Rag.BLUE]} blue, {totals[Rag.UNRATED]} not rated; "
            f"<b>{counts.complete}</b> complete (status or Blue). <b>{counts.overdue}</b> overdue, "
            f"<b>{counts.stale}</b> with no update for {STALE_AFTER_DAYS} days "
            f"({counts.no_update} with {NO_UPDATE})."
        )
        self.chart.set_rows(_chart_rows(rows))
        self.overdue_box.setTitle(f"Overdue ({counts.overdue})")
        self.stale_box.setTitle(f"{stale_heading()} ({counts.stale})")


def _chart_rows(rows: list[ActionRow]) -> list[ChartRow]:
    titles: dict[int, str] = {}
    counts: Counter[tuple[int, Rag]] = Counter()
    for row in rows:
        titles.setdefault(row.priority_id, row.priority_title)
        counts[row.priority_id, row.rag] += 1
    return [
        ChartRow(title, {rag: counts[key, rag] for rag in Rag if counts[key, rag]})
        for key, title in titles.items()
    ]
