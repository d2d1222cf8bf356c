"""NarrativeDialog: a priority's story for a period, as the board pack prints it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.services.views import NarrativeData

# The board pack's four headings, in its order, with the field each one shows.
HEADINGS = (
    ("What has been done", "done"),
    ("Analysis of progress", "analysis"),
    ("Impact of work", "impact"),
    ("Next steps", "next_steps"),
)


class NarrativeDialog(FormDialog):
    """Collects the four parts of a priority's narrative for one reporting period."""

    def __init__(self, priority: str, narrative: NarrativeData, parent: Any = None) -> None:
        super().__init__(f"Narrative — {priority[:60]}", parent)
        self.setMinimumSize(640, 560)
        self.period_edit = QLineEdit(narrative.period_label)
        self.period_edit.setPlaceholderText('The reporting period, e.g. "Q3 2025/26"')
        self.parts: dict[str, QPlainTextEdit] = {}
        form = self.form
        intro = QLabel(
            "The board pack prints these under the priority. A new period keeps the "
            "earlier one; the same period is rewritten."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow("Period", self.period_edit)
        for heading, name in HEADINGS:
            editor = QPlainTextEdit(getattr(narrative, name))
            self.parts[name] = editor
            form.addRow(heading, editor)
        self.add_save_and_cancel()

    def narrative(self) -> NarrativeData:
        """The narrative as typed."""
        words: dict[str, Any] = {name: box.toPlainText() for name, box in self.parts.items()}
        return NarrativeData(self.period_edit.text().strip(), **words)
