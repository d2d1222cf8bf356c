"""RecordProgressDialog: a lead records the date, RAG, status and words of an update."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.rules import Suggestion, rag_disagrees, suggest_for_update
from actionplan.domain.status import Status
from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.widgets.date_field import DateField, dates_refused
from actionplan.services.views import ActionRow, ProgressEntry

# Wide enough for a sentence a line; long action words wrap rather than stretch the dialog.
WIDTH = 560
# The action is named, not read, here: its first few lines say which one it is.
PREVIEW_CHARS = 300


class RecordProgressDialog(FormDialog):
    """Collects one progress update; the caller records it through the services.

    The suggested RAG follows the date and status chosen, and when the lead's RAG differs
    from it a "Why this RAG?" box appears and must be filled in before the update saves.
    """

    def __init__(self, row: ActionRow, author: str = "", parent: Any = None) -> None:
        super().__init__(f"Record progress — {row.ref}", parent)
        self._row = row
        self._reason_demanded = False
        self.action_label = _action_label(row)
        self.date_edit = DateField(date.today())
        self.status_box = _choices([(status.choice, status) for status in Status], row.status)
        self.rag_box = _choices([(rag.word, rag) for rag in RAG_ORDER], row.rag)
        self.suggestion = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("What makes this rating right?")
        self.reason_hint = QLabel()
        self.reason_hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("What has happened since the last update?")
        self.author_edit = QLineEdit(author)
        self.author_edit.setPlaceholderText("Your name")
        self._lay_out()
        for changed in (
            self.date_edit.dateChanged,
            self.status_box.currentIndexChanged,
            self.rag_box.currentIndexChanged,
        ):
            changed.connect(self._show_suggestion)
        self._show_suggestion()
        self.resize(WIDTH, self.form.totalHeightForWidth(WIDTH))

    def _lay_out(self) -> None:
        form = self.form
        form.addRow(self.action_label)
        form.addRow("&Date", self.date_edit)
        form.addRow("S&tatus", self.status_box)
        form.addRow("&RAG", self.rag_box)
        form.addRow("", self.suggestion)
        form.addRow("W&hy this RAG?", self.reason_edit)
        form.addRow("", self.reason_hint)
        form.addRow("&Update", self.text_edit)
        form.addRow("&By", self.author_edit)
        self.add_save_and_cancel()

    def chosen_date(self) -> date:
        """The day the update is dated."""
        return self.date_edit.date().toPython()  # type: ignore[return-value]

    def chosen_rag(self) -> Rag:
        """The lead's RAG."""
        # Qt hands enum values back as plain strings.
        return Rag(self.rag_box.currentData())

    def chosen_status(self) -> Status:
        """The status the update sets."""
        return Status(self.status_box.currentData())

    def suggested(self) -> Suggestion:
        """The RAG the chosen date and status point to, by the rule the save checks against."""
        return suggest_for_update(self.chosen_status(), self._row.due_date, self.chosen_date())

    def reason_needed(self) -> bool:
        """True while the lead's RAG differs from the suggestion, so a reason must be given."""
        return self._reason_demanded or rag_disagrees(self.chosen_rag(), self.suggested().rag)

    def _show_suggestion(self) -> None:
        suggestion = self.suggested()
        self.suggestion.setText(f"Suggested: {suggestion.rag.word} ({suggestion.reason})")
        needed = self.reason_needed()
        if needed and not self._reason_demanded:
            self.reason_hint.setText(
                f"{self.chosen_rag().word} differs from the suggested {suggestion.rag.word} "
                f"({suggestion.reason}): say why, so the board can see it."
            )
        self.form.setRowVisible(self.reason_edit, needed)
        self.form.setRowVisible(self.reason_hint, needed)

    def require_reason(self, why: str) -> None:
        """Ask for a reason the saved plan demands though this dialog's dates did not.

        That happens when a colleague changed the action's due date while the lead typed.
        """
        self._reason_demanded = True
        self.reason_hint.setText(why)
        self._show_suggestion()
        self.reason_edit.setFocus()

    def accept(self) -> None:
        """Close to be saved (overrides QDialog.accept), unless a needed reason is missing."""
        if dates_refused(self):
            return
        if self.reason_needed() and not self.reason_edit.text().strip():
            self.reason_edit.setFocus()
            return
        super().accept()

    def entry(self) -> ProgressEntry:
        """The update as typed, with the reason when one is asked for."""
        return ProgressEntry(
            self._row.id,
            self.chosen_date(),
            self.chosen_rag(),
            self.chosen_status(),
            self.text_edit.toPlainText(),
            self.author_edit.text(),
            self.reason_edit.text() if self.reason_needed() else "",
        )


def _action_label(row: ActionRow) -> QLabel:
    """The action's reference and first words, shown exactly as written and wrapped."""
    text = row.text
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"
    label = QLabel(f"{row.ref} {text}")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _choices(items: list[tuple[str, Any]], current: Any) -> QComboBox:
    box = QComboBox()
    for word, value in items:
        box.addItem(word, value)
    box.setCurrentIndex(box.findData(current))
    return box
