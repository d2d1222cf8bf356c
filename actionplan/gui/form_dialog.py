"""FormDialog: what every small dialog of labelled fields shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout


class FormDialog(QDialog):
    """A titled dialog whose fields sit in ``self.form``, ending in Save and Cancel."""

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)

    def add_save_and_cancel(self) -> None:
        """End the form with Save (accepts) and Cancel (rejects)."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
