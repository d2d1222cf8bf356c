"""AddReadingDialog: one period's value of a measure, with an optional note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from actionplan.domain.measures import parse_number
from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.services.views import MeasureRow


class AddReadingDialog(FormDialog):
    """Collects a reading; the caller saves it through the services."""

    def __init__(self, measure: MeasureRow, parent: Any = None) -> None:
        super().__init__("Add a reading", parent)
        form = self.form
        name = QLabel(measure.name)
        name.setTextFormat(Qt.TextFormat.PlainText)  # the measure's name as the user wrote it
        form.addRow(name)
        self.period = QLineEdit()
        self.period.setPlaceholderText("e.g. 2025-26 or Q3 2025/26")
        self.value = QLineEdit()
        self.value.setPlaceholderText(
            f"a number{' (' + measure.unit + ')' if measure.unit else ''}"
        )
        self.note = QLineEdit()
        form.addRow("Period", self.period)
        form.addRow("Value", self.value)
        form.addRow("Note", self.note)
        self.add_save_and_cancel()

    def reading(self) -> tuple[str, float | None, str]:
        """The period, the value (None when not a number) and the note as typed."""
        return self.period.text(), parse_number(self.value.text()), self.note.text()
