"""ReportDialog: the choices for a board pack — as at when, which priorities, marking, appendix."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit

from actionplan.gui.form_dialog import FormDialog

MARKINGS = ("", "OFFICIAL", "OFFICIAL-SENSITIVE")


@dataclass(frozen=True)
class ReportChoices:
    """What the board pack is to cover and carry."""

    as_of: date
    priority: str | None
    marking: str
    appendix: bool


class ReportDialog(FormDialog):
    """Collects the board pack's choices; the caller asks where to save it and writes it."""

    def __init__(
        self, as_of: date, priorities: list[str], marking: str, parent: Any = None
    ) -> None:
        super().__init__("Board pack", parent)
        self.setMinimumWidth(460)
        self.as_of = QDateEdit(QDate(as_of.year, as_of.month, as_of.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("d MMM yyyy")
        self.as_of.setToolTip(
            "The plan as it stood at the end of this day: updates dated later are left out"
        )
        self.priority = QComboBox()
        self.priority.addItem("All priorities", None)
        for title in priorities:
            self.priority.addItem(title, title)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(list(MARKINGS))
        self.marking.setCurrentText(marking)
        self.marking.setToolTip("Printed at the top and foot of every page; leave blank for none")
        self.appendix = QCheckBox("Add an appendix listing every action in full")
        self.form.addRow("Position as at", self.as_of)
        self.form.addRow("Priorities", self.priority)
        self.form.addRow("Protective marking", self.marking)
        self.form.addRow("", self.appendix)
        self.add_save_and_cancel()

    def choices(self) -> ReportChoices:
        """The choices as made."""
        chosen: date = self.as_of.date().toPython()  # type: ignore[assignment]
        return ReportChoices(
            chosen,
            self.priority.currentData(),
            self.marking.currentText().strip(),
            self.appendix.isChecked(),
        )
