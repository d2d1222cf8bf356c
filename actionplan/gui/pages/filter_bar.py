"""FilterBar: search, lead, agency, RAG, status, overdue, stale and "my actions" in two rows.

It also says how many actions the filters hide, with a one-click Clear filters beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.wording import counted
from actionplan.gui.models.action_filter_model import ActionFilter
from actionplan.gui.widgets.rag_filter_button import RagFilterButton
from actionplan.services.views import ActionRow

CLEAR_TIP = (
    "Show every action again: clears the search and every choice in this bar. "
    "The priority chosen on the left stays."
)
HIDDEN_TIP = "The filters above hide some actions. Clear filters shows them all."


class FilterBar(QWidget):
    """The choices that narrow the actions table; emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.my_name = ""
        self._quiet = False  # while restoring: one ``changed`` at the end, not one per choice
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search actions, leads, updates…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.lead = self._combo("Any lead")
        self.agency = self._combo("Any agency")
        self.rag = RagFilterButton()
        self.rag_items = self.rag.items
        self.status = self._combo("Any status", [(s.choice, s.value) for s in Status])
        self.overdue = QCheckBox("Overdue")
        self.stale = QCheckBox("No recent update")
        self.mine = QCheckBox("My actions")
        self.mine.setToolTip("Only the actions of the lead chosen as you (Edit ▸ Who am I…)")
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.clear_button = self._clear_button()
        self.no_match, self.no_match_text, self.no_match_clear = self._no_match_row()
        self._lay_out()
        self.search.textChanged.connect(self._edited)
        self.rag.changed.connect(self._edited)
        for check in (self.overdue, self.stale, self.mine):
            check.toggled.connect(self._edited)
        self._show_clear_state()

    def _combo(self, anything: str, items: list[tuple[str, str]] | None = None) -> QComboBox:
        box = QComboBox()
        box.addItem(anything, "")
        for label, value in items or []:
            box.addItem(label, value)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        box.currentIndexChanged.connect(self._edited)
        return box

    def _clear_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("Clear filters")
        button.setToolTip(CLEAR_TIP)
        button.clicked.connect(self.clear)
        return button

    def _no_match_row(self) -> tuple[QWidget, QLabel, QToolButton]:
        # Shown in place of a blank table, so an empty list never looks like a lost plan.
        row = QWidget()
        text = QLabel("No action matches the filters.")
        button = self._clear_button()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(text)
        layout.addWidget(button)
        layout.addStretch(1)
        row.hide()
        return row, text, button

    def _lay_out(self) -> None:
        # Two rows, to fit beside the navigator in a 1024-pixel-wide window.
        choices = QHBoxLayout()
        choices.addWidget(self.search, 1)
        for widget in (self.lead, self.agency, self.rag, self.status):
            choices.addWidget(widget)
        ticks = QHBoxLayout()
        for check in (self.overdue, self.stale, self.mine):
            ticks.addWidget(check)
        ticks.addStretch(1)
        ticks.addWidget(self.count, 10)
        ticks.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choices)
        layout.addLayout(ticks)
        layout.addWidget(self.no_match)

    def _edited(self, *_: Any) -> None:
        if not self._quiet:
            self._show_clear_state()
            self.changed.emit()

    def _show_clear_state(self) -> None:
        self.clear_button.setEnabled(self.is_set())

    def is_set(self) -> bool:
        """True when any choice in the bar narrows the actions."""
        return self.saved() != _NOTHING_CHOSEN

    def offer_choices(self, rows: list[ActionRow]) -> None:
        """Fill the lead and agency lists from the plan's actions, keeping current choices."""
        leads = sorted({lead for row in rows for lead in row.leads}, key=str.casefold)
        agencies = sorted({a for row in rows for a in row.agencies}, key=str.casefold)
        for box, values in ((self.lead, leads), (self.agency, agencies)):
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value, value)
            if current and box.findData(current) < 0:
                # Still in force, so still shown: a choice hiding rows must never look like "Any".
                box.addItem(current, current)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def current(self) -> ActionFilter:
        """The filter the bar shows."""
        lead = self.my_name if self.mine.isChecked() and self.my_name else self.lead.currentData()
        return ActionFilter(
            text=self.search.text(),
            rags=set(self.rag.chosen()),
            statuses={Status(self.status.currentData())} if self.status.currentData() else set(),
            lead=lead or "",
            agency=self.agency.currentData() or "",
            overdue_only=self.overdue.isChecked(),
            stale_only=self.stale.isChecked(),
        )

    def show_count(self, shown: int, total: int, hidden: int, kept: int) -> None:
        """Say how many actions show, how many the filters hide and how many no longer match."""
        notes = []
        if hidden:
            notes.append(f"{hidden:,} hidden by filters")
        if kept:
            verb = "matches" if kept == 1 else "match"
            filters = "them" if hidden else "the filters"
            notes.append(f"{kept:,} no longer {verb} {filters} (in italics)")
        text = f"{shown:,} of {counted(total, 'action')}"
        self.count.setText(f"{text} — {'; '.join(notes)}" if notes else text)
        self.count.setToolTip(HIDDEN_TIP if notes else "")
        font = self.count.font()
        font.setBold(bool(notes))
        self.count.setFont(font)
        self.no_match.setVisible(shown == 0 and hidden > 0)
        self._show_clear_state()

    def saved(self) -> dict[str, Any]:
        """The choices as plain values, to remember between sessions."""
        return {
            "text": self.search.text(),
            "lead": self.lead.currentData(),
            "agency": self.agency.currentData(),
            "rags": [rag.value for rag in self.rag.chosen()],
            "status": self.status.currentData(),
            "overdue": self.overdue.isChecked(),
            "stale": self.stale.isChecked(),
            "mine": self.mine.isChecked(),
        }

    def restore(self, saved: dict[str, Any]) -> None:
        """Bring back remembered choices (unknown values are ignored); one ``changed`` after."""
        self._quiet = True
        try:
            self._restore_choices(saved)
        finally:
            self._quiet = False
        self._edited()

    def _restore_choices(self, saved: dict[str, Any]) -> None:
        self.search.setText(str(saved.get("text") or ""))
        for box, key in ((self.lead, "lead"), (self.agency, "agency")):
            if saved.get(key) and box.findData(saved[key]) < 0:
                box.addItem(str(saved[key]), saved[key])
        for box, key in (
            (self.lead, "lead"),
            (self.agency, "agency"),
            (self.status, "status"),
        ):
            box.setCurrentIndex(max(box.findData(saved.get(key) or ""), 0))
        self.rag.choose(_saved_rags(saved))
        self.overdue.setChecked(bool(saved.get("overdue")))
        self.stale.setChecked(bool(saved.get("stale")))
        self.mine.setChecked(bool(saved.get("mine")))

    def clear(self) -> None:
        """Show every action again (the navigator's choice is not the bar's to clear)."""
        self.restore({})


_NOTHING_CHOSEN: dict[str, Any] = {
    "text": "",
    "lead": "",
    "agency": "",
    "rags": [],
    "status": "",
    "overdue": False,
    "stale": False,
    "mine": False,
}


def _saved_rags(saved: dict[str, Any]) -> list[Rag]:
    # Before several could be chosen, one rating was kept under "rag".
    values = saved.get("rags")
    if not isinstance(values, list):
        values = [saved["rag"]] if saved.get("rag") else []
    return [Rag(value) for value in values if value in {rag.value for rag in Rag}]
