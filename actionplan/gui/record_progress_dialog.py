"""RecordProgressDialog: a lead records the date, RAG, status and words of an update."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.status import Status
from actionplan.gui.form_dialog import FormDialog
from actionplan.services.views import ActionRow, ProgressEntry


class RecordProgressDialog(FormDialog):
    """Collects one progress update; the caller records it through the services."""

    def __init__(self, row: ActionRow, author: str = "", parent: Any = None) -> None:
        super().__init__(f"Record progress — {row.ref}", parent)
        self._row = row
        form = self.form
        form.addRow(QLabel(f"<b>{escape(row.ref)}</b> {escape(row.text[:200])}"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.rag_box = QComboBox()
        for rag in RAG_ORDER:
            self.rag_box.addItem(rag.word, rag)
        self.rag_box.setCurrentIndex(RAG_ORDER.index(row.rag))
        self.status_box = QComboBox()
        for status in Status:
            self.status_box.addItem(status.word, status)
        self.status_box.setCurrentIndex(list(Status).index(row.status))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("What has happened since the last update?")
        self.author_edit = QLineEdit(author)
        self.author_edit.setPlaceholderText("Your name")
        self.suggestion = QLabel(
            f"Suggested RAG: {row.suggested_rag.word} ({row.suggestion_reason})"
        )
        form.addRow("Date", self.date_edit)
        form.addRow("RAG", self.rag_box)
        form.addRow("", self.suggestion)
        form.addRow("Status", self.status_box)
        form.addRow("Update", self.text_edit)
        form.addRow("By", self.author_edit)
        self.add_save_and_cancel()

    def entry(self, reason: str = "") -> ProgressEntry:
        """The update as typed."""
        chosen: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        # Qt hands enum values back as plain strings.
        rag = Rag(self.rag_box.currentData())
        status = Status(self.status_box.currentData())
        return ProgressEntry(
            self._row.id,
            chosen,
            rag,
            status,
            self.text_edit.toPlainText(),
            self.author_edit.text(),
            reason,
        )
