"""PlanSettingsDialog: a plan's title, partnership, period, author and protective marking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.dialogs.report_dialog import MARKINGS
from actionplan.gui.widgets.date_field import DateField, dates_refused
from actionplan.services.views import PlanSettings


class PeriodDateEdit(DateField):
    """A date of the plan's period that may be left unset, ticked on and off by its label.

    Unticked, the field is empty and shows "Not set". The period's end takes its start,
    so that ticking it offers a year on from the start.
    """

    def __init__(self, label: str, day: date | None, start: PeriodDateEdit | None = None) -> None:
        super().__init__(day, optional=True)
        self.start = start
        self.label = QCheckBox(label)
        self.label.setToolTip("Untick when the plan does not say this date")
        self.label.setChecked(day is not None)
        self._show(day is not None)
        self.label.toggled.connect(self._ticked)

    def _ticked(self, on: bool) -> None:
        self._show(on)
        if on:
            self.setFocus()

    def _show(self, on: bool) -> None:
        self.setEnabled(on)
        if not on:
            self.clear()
        elif super().day() is None:
            self.setDate(self._suggested())

    def _suggested(self) -> QDate:
        # A UK partnership's year runs April to March: offer that year, or a year on from
        # the start for the end, and let the user change it.
        if self.start is not None and self.start.day() is not None:
            return self.start.date().addYears(1).addDays(-1)
        today = date.today()
        first = QDate(today.year if today.month >= 4 else today.year - 1, 4, 1)
        return first if self.start is None else first.addYears(1).addDays(-1)

    def day(self) -> date | None:
        """The date chosen, or None when not set."""
        return super().day() if self.label.isChecked() else None


class PlanSettingsDialog(FormDialog):
    """Collects a plan's settings; Save hands them to ``save``, which says if they were kept.

    When ``save`` refuses them (and has said why), the dialog stays open with every word
    as typed, so nothing is lost.
    """

    def __init__(
        self,
        title: str,
        settings: PlanSettings,
        save: Callable[[PlanSettings], bool],
        parent: Any = None,
    ) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(640)  # a long plan title shows whole
        self._save = save
        self._period_raw = settings.period_raw
        self._period = (settings.period_start, settings.period_end)
        self.title_edit = self._line(settings.title, "e.g. Priorities Action Plan 2025-27")
        self.partnership_edit = self._line(
            settings.partnership, "e.g. Westmoor Safeguarding Children Partnership"
        )
        self.start_edit = PeriodDateEdit("Period &from", settings.period_start)
        self.end_edit = PeriodDateEdit("Period t&o", settings.period_end, self.start_edit)
        self.prepared_by_edit = self._line(settings.prepared_by, "e.g. Partnership Business Unit")
        self.marking_box = self._marking_box(settings.marking)
        self._lay_out()

    def _lay_out(self) -> None:
        form = self.form
        form.addRow(self._buddy("&Title", self.title_edit), self.title_edit)
        form.addRow(self._buddy("&Partnership", self.partnership_edit), self.partnership_edit)
        form.addRow(self.start_edit.label, self.start_edit)
        form.addRow(self.end_edit.label, self.end_edit)
        if self._period_raw.strip():
            form.addRow("", self._period_note())
        form.addRow(self._buddy("Prepared &by", self.prepared_by_edit), self.prepared_by_edit)
        form.addRow(self._buddy("Protective &marking", self.marking_box), self.marking_box)
        self.add_save_and_cancel()
        self.title_edit.setFocus()

    @staticmethod
    def _line(text: str, hint: str) -> QLineEdit:
        line = QLineEdit(text)
        line.setPlaceholderText(hint)
        line.setCursorPosition(0)
        return line

    @staticmethod
    def _buddy(text: str, field: Any) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def _marking_box(self, marking: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.addItems(list(MARKINGS))
        box.setCurrentText(marking)
        box.setToolTip("Printed at the top and foot of every page of the board pack")
        return box

    def _period_note(self) -> QLabel:
        note = QLabel(
            f'The workbook gave the period as "{self._period_raw}": the board pack prints '
            "these words until you change the dates."
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        return note

    def settings(self) -> PlanSettings:
        """The settings as typed."""
        period = (self.start_edit.day(), self.end_edit.day())
        return PlanSettings(
            title=self.title_edit.text(),
            partnership=self.partnership_edit.text(),
            period_start=period[0],
            period_end=period[1],
            prepared_by=self.prepared_by_edit.text(),
            marking=self.marking_box.currentText(),
            # The workbook's words describe the dates they came with, not new ones.
            period_raw=self._period_raw if period == self._period else "",
        )

    def accept(self) -> None:  # overrides QDialog.accept
        """Close only once the settings are saved; a refusal leaves everything as typed."""
        if dates_refused(self):
            return
        if self._save(self.settings()):
            super().accept()

    def close_saved(self) -> None:
        """Close as saved, without saving again (the settings were saved another way)."""
        super().accept()
