"""MeasureDialog: a measure of impact — what is counted, which way is better, the target."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from actionplan.domain.measures import parse_number
from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.models.measure_table_model import number_text
from actionplan.services.views import MeasureHeading


class MeasureDialog(FormDialog):
    """Collects a measure's definition; the caller saves it through the services."""

    def __init__(
        self,
        title: str,
        priorities: list[tuple[int, str]],
        heading: MeasureHeading,
        parent: Any = None,
    ) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(520)
        self.name = QLineEdit(heading.name)
        self.name.setPlaceholderText("What is counted, e.g. % of ICPCs within 15 working days")
        self.unit = QLineEdit(heading.unit)
        self.unit.setPlaceholderText('e.g. % or "children"')
        self.direction = QComboBox()
        for label, value in (("Higher", "higher"), ("Lower", "lower"), ("Not stated", "")):
            self.direction.addItem(label, value)
        self.direction.setCurrentIndex(max(self.direction.findData(heading.direction), 0))
        self.baseline = QLineEdit(number_text(heading.baseline))
        self.target = QLineEdit(number_text(heading.target))
        self.priority = QComboBox()
        self.priority.addItem("Whole plan", None)
        for priority_id, title in priorities:
            self.priority.addItem(title, priority_id)
        if heading.priority_id is not None:
            self.priority.setCurrentIndex(max(self.priority.findData(heading.priority_id), 0))
        form = self.form
        form.addRow("Measure", self.name)
        form.addRow("Unit", self.unit)
        form.addRow("Better when", self.direction)
        form.addRow("Baseline", self.baseline)
        form.addRow("Target", self.target)
        form.addRow("Priority", self.priority)
        self.add_save_and_cancel()

    def measure(self) -> MeasureHeading:
        """The measure as typed (numbers that are not numbers are left out)."""
        return MeasureHeading(
            self.name.text(),
            self.unit.text(),
            self.direction.currentData() or "",
            parse_number(self.baseline.text()),
            parse_number(self.target.text()),
            self.priority.currentData(),
        )
