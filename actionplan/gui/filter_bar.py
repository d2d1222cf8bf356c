"""FilterBar: search, lead, agency, RAG, status, overdue, stale and "my actions" in one row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.status import Status
from actionplan.gui.flow_layout import FlowLayout
from actionplan.gui.models.action_filter_model import ActionFilter
from actionplan.services.views import ActionRow


class FilterBar(QWidget):
    """The choices that narrow the actions table; emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.my_name = ""
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search actions, leads, updates…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.lead = self._combo("Any lead")
        self.agency = self._combo("Any agency")
        self.rag = self._combo("Any RAG", [(r.word, r.value) for r in RAG_ORDER])
        self.status = self._combo("Any status", [(s.word, s.value) for s in Status])
        self.overdue = QCheckBox("Overdue")
        self.stale = QCheckBox("No recent update")
        self.mine = QCheckBox("My actions")
        self.mine.setToolTip("Only the actions of the lead chosen as you (Edit ▸ Who am I…)")
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        choices = FlowLayout()  # wraps onto a second line on a small screen
        for widget in (self.lead, self.agency, self.rag, self.status):
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(10)
            choices.addWidget(widget)
        for check in (self.overdue, self.stale, self.mine):
            choices.addWidget(check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(choices)
        self.search.textChanged.connect(lambda _text: self.changed.emit())
        for check in (self.overdue, self.stale, self.mine):
            check.toggled.connect(lambda _on: self.changed.emit())

    def _combo(self, anything: str, items: list[tuple[str, str]] | None = None) -> QComboBox:
        box = QComboBox()
        box.addItem(anything, "")
        for label, value in items or []:
            box.addItem(label, value)
        box.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return box

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
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def current(self) -> ActionFilter:
        """The filter the bar shows."""
        lead = self.my_name if self.mine.isChecked() and self.my_name else self.lead.currentData()
        return ActionFilter(
            text=self.search.text(),
            rags={Rag(self.rag.currentData())} if self.rag.currentData() else set(),
            statuses={Status(self.status.currentData())} if self.status.currentData() else set(),
            lead=lead or "",
            agency=self.agency.currentData() or "",
            overdue_only=self.overdue.isChecked(),
            stale_only=self.stale.isChecked(),
        )

    def saved(self) -> dict[str, Any]:
        """The choices as plain values, to remember between sessions."""
        return {
            "text": self.search.text(),
            "lead": self.lead.currentData(),
            "agency": self.agency.currentData(),
            "rag": self.rag.currentData(),
            "status": self.status.currentData(),
            "overdue": self.overdue.isChecked(),
            "stale": self.stale.isChecked(),
            "mine": self.mine.isChecked(),
        }

    def restore(self, saved: dict[str, Any]) -> None:
        """Bring back remembered choices (unknown values are ignored)."""
        self.search.setText(str(saved.get("text", "")))
        for box, key in ((self.lead, "lead"), (self.agency, "agency")):
            if saved.get(key) and box.findData(saved[key]) < 0:
                box.addItem(str(saved[key]), saved[key])
        for box, key in (
            (self.lead, "lead"),
            (self.agency, "agency"),
            (self.rag, "rag"),
            (self.status, "status"),
        ):
            box.setCurrentIndex(max(box.findData(saved.get(key) or ""), 0))
        self.overdue.setChecked(bool(saved.get("overdue")))
        self.stale.setChecked(bool(saved.get("stale")))
        self.mine.setChecked(bool(saved.get("mine")))

    def clear(self) -> None:
        """Show every action again."""
        self.restore({})
