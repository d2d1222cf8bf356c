"""StartRoundDialog: the deadline, the board, the covering message and the leads to ask."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from actionplan.gui import prompts
from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.widgets.date_field import DateField
from actionplan.services.rounds import RoundStart


class StartRoundDialog(FormDialog):
    """Asks what a new update round needs; ``choice()`` gives it once accepted."""

    def __init__(self, leads: list[str], today: date, parent: Any = None) -> None:
        super().__init__("Start an update round", parent)
        self.resize(620, 640)
        due = today + timedelta(days=14)
        self.due = DateField(due)
        self.board = QLineEdit()
        self.board.setPlaceholderText("e.g. Board 20 March")
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText("A few words for the leads, put in each email")
        self.reply_to = QLineEdit()
        self.reply_to.setPlaceholderText("your email address, for the leads to reply to")
        self.leads = QStandardItemModel(self)
        for lead in leads:
            item = QStandardItem(lead)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setEditable(False)
            self.leads.appendRow(item)
        lead_list = QListView()
        lead_list.setModel(self.leads)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("where the returns and email drafts are written")
        self.form.addRow("&Deadline:", self.due)
        self.form.addRow("&Board:", self.board)
        self.form.addRow("&Message:", self.message)
        self.form.addRow("&Reply to:", self.reply_to)
        self.form.addRow("&Leads to ask:", lead_list)
        self.form.addRow("&Folder:", self._folder_row())
        self.add_save_and_cancel()

    def _folder_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        choose = QPushButton("C&hoose…")
        choose.clicked.connect(self._choose_folder)
        layout.addWidget(self.folder)
        layout.addWidget(choose)
        return row

    def _choose_folder(self) -> None:
        folder = prompts.choose_folder(self, "Folder for the round's returns and emails")
        if folder is not None:
            self.folder.setText(str(folder))

    def chosen_leads(self) -> list[str]:
        """The leads ticked."""
        items = (self.leads.item(row) for row in range(self.leads.rowCount()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def choice(self) -> tuple[RoundStart, Path | None]:
        """The round as chosen, and the folder (None when none was given)."""
        due = self.due.date().toPython()
        assert isinstance(due, date)
        start = RoundStart(
            due, self.board.text(), self.message.toPlainText(), self.chosen_leads(),
            self.reply_to.text().strip(),
        )  # fmt: skip
        folder = self.folder.text().strip()
        return start, Path(folder) if folder else None
