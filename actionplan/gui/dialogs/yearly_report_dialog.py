"""YearlyReportDialog: the period the progress chapter covers and the partnership's own Word
template, before asking where to save the chapter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from actionplan.gui import prompts
from actionplan.gui.dialogs.form_dialog import SAVE_KEYS
from actionplan.gui.widgets.date_field import DateField, dates_refused

TEMPLATES = "Word documents (*.docx *.dotx);;All files (*)"


@dataclass(frozen=True)
class YearlyChoices:
    """The period the chapter covers, both days included, and the template, if any."""

    start: date
    end: date
    template: Path | None


def _date_edit(day: date, tip: str) -> DateField:
    edit = DateField(day)
    edit.setToolTip(tip)
    return edit


class YearlyReportDialog(QDialog):
    """Asks for the period and the template; the caller then asks where to save and writes."""

    def __init__(
        self, plan_title: str, period: tuple[date, date], template: str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Yearly report")
        self.start = _date_edit(period[0], "The first day of the year the chapter covers")
        self.end = _date_edit(period[1], "The last day of the year the chapter covers")
        self.template = QLineEdit(template)
        self.template.setPlaceholderText("None: a plain Word document")
        self.template.setToolTip(
            "Your partnership's own Word document or template: its styles, logo, headers and "
            "footers are used, and anything written in it comes before the chapter"
        )
        self.browse = QPushButton("&Choose…")
        self.browse.clicked.connect(self._choose_template)
        self._build(plan_title)

    def _build(self, plan_title: str) -> None:
        about = QLabel(
            f"The “Progress against our priorities” chapter of {plan_title}'s yearly report, "
            "as a Word file you can edit: what was planned, done and achieved between the "
            "two dates, and what is still to do."
        )
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)  # the plan's title as typed
        chooser = QHBoxLayout()
        chooser.addWidget(self.template, 1)
        chooser.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("Word template", chooser)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save Word file…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        self.setMinimumWidth(520)

    def _choose_template(self) -> None:
        path = prompts.open_file(self, "Your Word template", TEMPLATES)
        if path is not None:
            self.template.setText(str(path))

    def choices(self) -> YearlyChoices:
        """The choices as made."""
        start: date = self.start.date().toPython()  # type: ignore[assignment]
        end: date = self.end.date().toPython()  # type: ignore[assignment]
        typed = self.template.text().strip()
        return YearlyChoices(start, end, Path(typed) if typed else None)

    def accept(self) -> None:  # overrides QDialog.accept
        """Close when the period runs forwards; otherwise say so and stay open."""
        if dates_refused(self):
            return
        made = self.choices()
        if made.end < made.start:
            prompts.warn(self, "Yearly report", "The period's last day is before its first day.")
            return
        super().accept()
