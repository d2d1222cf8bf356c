"""PriorityDialog: a priority's title, executive champion and aim, edited together."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.services.views import PriorityHeading


class PriorityDialog(FormDialog):
    """Collects a priority's heading; the caller saves it through the services."""

    def __init__(self, heading: PriorityHeading, parent: Any = None) -> None:
        super().__init__(f"Priority — {heading.title[:60]}", parent)
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit(heading.title)
        self.champion_edit = QLineEdit(heading.champion)
        self.champion_edit.setPlaceholderText("Who answers for this priority at the board")
        self.aim_edit = QPlainTextEdit(heading.aim)
        self.aim_edit.setPlaceholderText("The impact we aspire to achieve")
        for line in (self.title_edit, self.champion_edit):
            line.setCursorPosition(0)
        form = self.form
        form.addRow("Title", self.title_edit)
        form.addRow("Executive champion", self.champion_edit)
        form.addRow("Aim", self.aim_edit)
        self.add_save_and_cancel()

    def heading(self) -> PriorityHeading:
        """The heading as typed."""
        return PriorityHeading(
            self.title_edit.text(), self.champion_edit.text(), self.aim_edit.toPlainText()
        )
