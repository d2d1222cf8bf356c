"""ActionDetailPanel: the selected action's facts and its dated history."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from actionplan.domain.rag import Rag
from actionplan.services.actions import ActionRow
from actionplan.services.progress import UpdateView


def _chip(rag: Rag) -> str:
    text = "#1B1B1B" if rag is Rag.AMBER else "#FFFFFF"
    return (
        f'<span style="background:{rag.colour}; color:{text}; font-weight:bold;">'
        f"&nbsp;{rag.word}&nbsp;</span>"
    )


class ActionDetailPanel(QWidget):
    """Shows one action; asks for progress to be recorded through a signal."""

    record_progress_requested = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._row: ActionRow | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel("Select an action to see its details.")
        self.heading.setWordWrap(True)
        self.facts = QTextBrowser()
        self.record_button = QPushButton("Record progress…")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self._request)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts, 1)
        layout.addWidget(self.record_button)

    @property
    def action_id(self) -> int | None:
        """The action shown, if any."""
        return self._row.id if self._row else None

    def show_action(self, row: ActionRow | None, updates: list[UpdateView]) -> None:
        """Show an action and its history, or nothing."""
        self._row = row
        self.record_button.setEnabled(row is not None)
        if row is None:
            self.heading.setText("Select an action to see its details.")
            self.facts.clear()
            return
        self.heading.setText(f"<h3>{escape(row.ref)} {escape(row.priority_title)}</h3>")
        self.facts.setHtml(_facts_html(row) + _history_html(updates))

    def _request(self) -> None:
        if self._row is not None:
            self.record_progress_requested.emit(self._row.id)


def _facts_html(row: ActionRow) -> str:
    due = row.due_date.strftime("%d %b %Y") if row.due_date else "no date"
    overdue = " <b>(overdue)</b>" if row.overdue else ""
    parts = [
        f"<p>{escape(row.text)}</p>",
        f"<p><b>Leads:</b> {escape(row.lead_text) or '—'}</p>",
        f"<p><b>Timescale:</b> {escape(row.timescale_raw) or '—'} (due {due}){overdue}</p>",
        f"<p><b>Status:</b> {row.status.word} &nbsp; <b>RAG:</b> {_chip(row.rag)} &nbsp; "
        f"<b>Suggested:</b> {_chip(row.suggested_rag)} <i>{escape(row.suggestion_reason)}</i></p>",
    ]
    if row.outcome_title:
        parts.insert(1, f"<p><b>Outcome:</b> {escape(row.outcome_title)}</p>")
    if row.how_we_know:
        parts.append(f"<p><b>How we will know:</b> {escape(row.how_we_know)}</p>")
    return "".join(parts)


def _history_html(updates: list[UpdateView]) -> str:
    if not updates:
        return "<h4>History</h4><p>No progress recorded yet.</p>"
    items = []
    for update in updates:
        who = f" — {escape(update.author)}" if update.author else ""
        reason = f"<br><i>Reason: {escape(update.reason)}</i>" if update.reason else ""
        items.append(
            f"<p><b>{update.update_date:%d %b %Y}</b>{who} {_chip(update.rag)} "
            f"{update.status.word}<br>{escape(update.text)}{reason}</p>"
        )
    return "<h4>History</h4>" + "".join(items)
