"""MeasureDialog: a new measure of impact — what is counted, which way is better, the target."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from actionplan.domain.measures import parse_number
from actionplan.gui.form_dialog import FormDialog


@dataclass(frozen=True)
class NewMeasure:
    """A measure as typed."""

    name: str
    unit: str
    direction: str
    baseline: float | None
    target: float | None
    priority_id: int | None


class MeasureDialog(FormDialog):
    """Collects a new measure; the caller saves it through the services."""

    def __init__(
        self, priorities: list[tuple[int, str]], chosen: int | None, parent: Any = None
    ) -> None:
        super().__init__("New measure", parent)
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.name.setPlaceholderText("What is counted, e.g. % of ICPCs within 15 working days")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText('e.g. % or "children"')
        self.direction = QComboBox()
        for label, value in (("Higher", "higher"), ("Lower", "lower"), ("Not stated", "")):
            self.direction.addItem(label, value)
        self.baseline = QLineEdit()
        self.target = QLineEdit()
        self.priority = QComboBox()
        self.priority.addItem("Whole plan", None)
        for priority_id, title in priorities:
            self.priority.addItem(title, priority_id)
        if chosen is not None:
            self.priority.setCurrentIndex(max(self.priority.findData(chosen), 0))
        form = self.form
        form.addRow("Measure", self.name)
        form.addRow("Unit", self.unit)
        form.addRow("Better when", self.direction)
        form.addRow("Baseline", self.baseline)
        form.addRow("Target", self.target)
        form.addRow("Priority", self.priority)
        self.add_save_and_cancel()

    def measure(self) -> NewMeasure:
        """The measure as typed (numbers that are not numbers are left out)."""
        return NewMeasure(
            self.name.text(),
            self.unit.text(),
            self.direction.currentData() or "",
            parse_number(self.baseline.text()),
            parse_number(self.target.text()),
            self.priority.currentData(),
        )
