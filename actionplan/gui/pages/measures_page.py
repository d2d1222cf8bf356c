"""MeasuresPage: the plan's measures, one measure's readings and trend, and adding a reading."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from actionplan.gui.changes import Changes, Kind
from actionplan.gui.models.measure_table_model import MeasureTableModel, number_text
from actionplan.gui.widgets.trend_chart import TrendChartWidget
from actionplan.services.views import MeasureRow

if TYPE_CHECKING:
    from actionplan.gui.workspace import Workspace

# Writes after which the measures are read again: theirs, or a change of the plan's shape
# (a priority a measure belongs to may have gone or come back).
READ_AGAIN = (Kind.MEASURES, Kind.OUTLINE)


class MeasuresPage(QWidget):
    """How we know we are making a difference."""

    add_reading_requested = Signal(int)
    new_measure_requested = Signal()
    delete_measure_requested = Signal(int)
    edit_measure_requested = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = MeasureTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((0, 150, 70, 70, 70, 84, 96, 84)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.heading = QLabel("Select a measure to see its readings.")
        self.heading.setWordWrap(True)
        self.chart = TrendChartWidget()
        self.readings = QTextBrowser()
        self.add_button = QPushButton("Add a reading…")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(lambda: self._request(self.add_reading_requested))
        self.new_button = QPushButton("New measure…")
        self.new_button.clicked.connect(self.new_measure_requested)
        self.edit_button = QPushButton("Edit measure…")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(lambda: self._request(self.edit_measure_requested))
        self.delete_button = QPushButton("Delete measure…")
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(lambda: self._request(self.delete_measure_requested))
        self.empty = QLabel(
            "This plan has no measures yet: add one with New measure…, or import a plan "
            "with an indicators sheet."
        )
        self.empty.setWordWrap(True)  # one line would hold the window wider than a laptop
        self._build_layout()

    def _build_layout(self) -> None:
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.chart, 2)
        detail_layout.addWidget(self.readings, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        detail_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([820, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter)

    def follow(self, workspace: Workspace) -> None:
        """Read the plan's measures again whenever a write changes them."""
        self._workspace = workspace
        workspace.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        from actionplan.services.measure_rows import measure_rows

        plan = self._workspace.current_plan
        if plan is None or not changes.touches(*READ_AGAIN):
            return
        keep = changes.measure_id if changes.touches(Kind.MEASURES) else None
        self.set_rows(measure_rows(self._workspace.db, plan.id), keep=keep)

    def set_rows(self, rows: list[MeasureRow], keep: int | None = None) -> None:
        """Show the plan's measures, keeping the chosen one selected."""
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        # A plan whose measures all belong to the whole plan gives the names the room.
        everyone = not any(row.priority_title for row in rows)
        self.table.setColumnHidden(MeasureTableModel.PRIORITY, everyone)
        for number, row in enumerate(rows):
            if row.id == keep:
                self.table.selectRow(number)
                return
        self._show(None)

    @property
    def selected(self) -> MeasureRow | None:
        """The measure chosen."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(MeasureTableModel.ROW_ROLE) if rows else None

    def _selected(self, *_: QItemSelection) -> None:
        self._show(self.selected)

    def _show(self, measure: MeasureRow | None) -> None:
        self.chart.show_measure(measure)
        self.add_button.setEnabled(measure is not None)
        self.delete_button.setEnabled(measure is not None)
        self.edit_button.setEnabled(measure is not None)
        if measure is None:
            self.heading.setText("Select a measure to see its readings.")
            self.readings.clear()
            return
        better = {"higher": "higher is better", "lower": "lower is better"}.get(
            measure.direction.value, ""
        )
        self.heading.setText(f"<b>{escape(measure.name)}</b> {better and f'({better})'}")
        self.readings.setHtml(_readings_html(measure))

    def _request(self, signal: Any) -> None:
        # Ask for something to be done with the measure chosen.
        measure = self.selected
        if measure is not None:
            signal.emit(measure.id)


def _readings_html(measure: MeasureRow) -> str:
    lines = "".join(
        f"<tr><td>{escape(r.period_label)}</td>"
        f"<td align='right'>{number_text(r.value, measure.unit)}</td>"
        f"<td>{escape(r.note)}</td></tr>"
        for r in measure.readings
    )
    return (
        f"<p>Status: <b>{measure.status.word}</b> — trend: <b>{measure.trend.word}</b></p>"
        f"<table cellpadding='3'><tr><th>Period</th><th>Value</th><th>Note</th></tr>{lines}</table>"
        + _comparators_html(measure)
    )


def _comparators_html(measure: MeasureRow) -> str:
    # Benchmarks sit apart from the readings: they are others' figures, not this measure's.
    if not measure.comparators:
        return ""
    lines = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{escape(c.period_label)}</td>"
        f"<td align='right'>{escape(c.value_raw) or number_text(c.value, measure.unit)}</td></tr>"
        for c in measure.comparators
    )
    return f"<p><b>Compared with</b></p><table cellpadding='3'>{lines}</table>"
