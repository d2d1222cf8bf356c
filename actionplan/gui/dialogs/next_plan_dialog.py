"""NextPlanDialog: start next year's plan from this one, choosing which unfinished actions
go with it (all ticked at first)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
)

from actionplan.domain.wording import counted
from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.widgets.date_field import DateField
from actionplan.services.next_plan import NextPlan, NextPlanProposal

ACTION_ID = Qt.ItemDataRole.UserRole + 1


class NextPlanDialog(FormDialog):
    """The new plan's title and period, the actions to carry forward, and the narratives."""

    def __init__(self, proposal: NextPlanProposal, parent: Any = None) -> None:
        super().__init__("Start next year's plan", parent)
        self.proposal = proposal
        chosen = proposal.plan
        self.title = QLineEdit(chosen.title)
        self.start = _date_edit(chosen.period_start)
        self.end = _date_edit(chosen.period_end)
        self.carry_model = QStandardItemModel(self)
        for candidate in proposal.candidates:
            item = QStandardItem(f"{candidate.ref}  {candidate.text}".strip())
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setEditable(False)
            item.setData(candidate.action_id, ACTION_ID)
            self.carry_model.appendRow(item)
        self.list = QListView()
        self.list.setModel(self.carry_model)
        self.list.setAccessibleName("Unfinished actions to carry forward")
        self.narratives = QCheckBox("Copy the narratives too (normally a new year has new words)")
        self._build(proposal)

    def _build(self, proposal: NextPlanProposal) -> None:
        intro = QLabel(
            f"Priorities, outcomes, leads and measures are copied from {proposal.from_title}; "
            "each measure starts from last year's latest reading. Tick the unfinished actions "
            f"to carry forward. {proposal.from_title} is then closed to edits (you can reopen it)."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.addRow("&Title", self.title)
        self.form.addRow("Period &starts", self.start)
        self.form.addRow("Period &ends", self.end)
        heading = counted(len(proposal.candidates), "unfinished action")
        self.form.addRow(QLabel(f"{heading} (untick those to leave behind):"))
        self.form.addRow(self.list)
        self.form.addRow(self.narratives)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = QPushButton("&Start next year's plan")
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def chosen(self) -> NextPlan:
        """What the user chose: title, period, actions left behind, narratives or not."""
        leave = frozenset(
            int(self.carry_model.item(row).data(ACTION_ID))
            for row in range(self.carry_model.rowCount())
            if self.carry_model.item(row).checkState() != Qt.CheckState.Checked
        )
        return replace(
            self.proposal.plan,
            title=self.title.text(),
            period_start=_day(self.start),
            period_end=_day(self.end),
            leave=leave,
            narratives=self.narratives.isChecked(),
        )


def _date_edit(day: date | None) -> DateField:
    return DateField(day, optional=True)  # empty, shown as "Not set": no period known


def _day(edit: DateField) -> date | None:
    return edit.day()
