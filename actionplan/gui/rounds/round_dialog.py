"""RoundDialog: the round screen, one row per lead; returned workbooks are dropped onto it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from actionplan.domain.timescale import format_due
from actionplan.gui.rounds.round_table_model import RoundTableModel
from actionplan.services.round_progress import LeadStanding
from actionplan.services.rounds import RoundInfo

RETURN_SUFFIXES = {".xlsx"}


def dropped_returns(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The workbooks (.xlsx) being dragged, if every file dragged is one."""
    mime = event.mimeData()
    urls = mime.urls() if mime.hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    if not paths or len(paths) != len(urls):
        return []
    return paths if all(p.suffix.lower() in RETURN_SUFFIXES for p in paths) else []


class RoundDialog(QDialog):
    """Who has been sent a return, who answered, who is late; buttons for each next step."""

    returns_dropped = Signal(list)  # the workbook paths to collect
    collect_requested = Signal()
    remake_requested = Signal(object)  # the lead's standing
    chase_requested = Signal(list)  # the standings of the leads to chase
    close_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Update round")
        self.resize(1000, 520)
        self.setAcceptDrops(True)
        self.round: RoundInfo | None = None
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.model = RoundTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RoundTableModel.LEAD, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.hint = QLabel("Drag returned workbooks onto this window to collect them.")
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.table, self.hint):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open return")
        self.folder_button = QPushButton("Open &folder")
        self.remake_button = QPushButton("Re-make &email")
        self.chase_button = QPushButton("C&hase")
        self.chase_all_button = QPushButton("Chase &all late")
        self.collect_button = QPushButton("&Collect returns…")
        self.close_round_button = QPushButton("Close the &round…")
        self.open_button.clicked.connect(self._open_return)
        self.folder_button.clicked.connect(self._open_folder)
        self.remake_button.clicked.connect(self._remake)
        self.chase_button.clicked.connect(self._chase_selected)
        self.chase_all_button.clicked.connect(self._chase_all)
        self.collect_button.clicked.connect(self.collect_requested)
        self.close_round_button.clicked.connect(self.close_requested)
        for button in (
            self.open_button, self.folder_button, self.remake_button, self.chase_button,
            self.chase_all_button,
            self.collect_button, self.close_round_button,
        ):  # fmt: skip
            row.addWidget(button)
        return row

    def show_round(self, round_: RoundInfo, standings: list[LeadStanding]) -> None:
        """Show the round and each lead's standing."""
        self.round = round_
        self.setWindowTitle(f"Update round – {round_.name}")
        answered = sum(1 for s in standings if s.lead.returned_on)
        late = sum(1 for s in standings if s.days_late)
        state = f"closed {format_due(round_.closed_on)}" if round_.closed_on else "open"
        self.heading.setText(
            f"{round_.name}: returns due {format_due(round_.due)} ({state}). "
            f"{answered} of {len(standings)} leads have answered; {late} late. "
            f"The returns and email drafts are in the folder '{Path(round_.folder).name}'."
        )
        self.folder_button.setToolTip(f"Open {round_.folder}")
        self.model.set_rows(standings)
        is_open = round_.closed_on is None
        for button in (
            self.chase_button, self.chase_all_button, self.collect_button,
            self.close_round_button,
        ):  # fmt: skip
            button.setEnabled(is_open)
        self.chase_all_button.setEnabled(is_open and late > 0)

    def selected(self) -> list[LeadStanding]:
        """The leads selected in the table."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.standing(row) for row in rows]

    def return_path(self, standing: LeadStanding) -> Path:
        """Where the lead's return was written."""
        assert self.round is not None
        return Path(self.round.folder) / standing.lead.return_file

    def _open_return(self) -> None:
        for standing in self.selected()[:1]:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.return_path(standing))))

    def _open_folder(self) -> None:
        if self.round is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.round.folder))

    def _remake(self) -> None:
        for standing in self.selected():
            self.remake_requested.emit(standing)

    def _chase_selected(self) -> None:
        late = [standing for standing in self.selected() if standing.days_late]
        self.chase_requested.emit(late)

    def _chase_all(self) -> None:
        rows = range(self.model.rowCount())
        self.chase_requested.emit([s for s in map(self.model.standing, rows) if s.days_late])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # overrides QWidget
        """Accept returned workbooks dragged over the round screen."""
        if self.round is not None and self.round.closed_on is None and dropped_returns(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # overrides QWidget
        """Collect the returned workbooks dropped."""
        paths = dropped_returns(event)
        if paths:
            event.acceptProposedAction()
            self.returns_dropped.emit(paths)
