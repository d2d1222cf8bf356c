"""FormDialog: what every small dialog of labelled fields shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit

from actionplan.gui.widgets.date_field import dates_refused

# Ctrl+Enter saves from anywhere in the form, even from inside a box of several lines.
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class FormDialog(QDialog):
    """A titled dialog whose fields sit in ``self.form``, ending in Save and Cancel."""

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)

    def accept(self) -> None:  # overrides QDialog.accept
        """Close, unless a date field holds words that are not a date (it says so)."""
        if dates_refused(self):
            return
        super().accept()

    def add_save_and_cancel(self) -> None:
        """End the form with Save (accepts) and Cancel (rejects), both reachable by keyboard.

        Tab in a box of several lines moves on to the next field rather than typing a tab,
        so the whole form can be filled in and saved without the mouse.
        """
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        for box in self.findChildren(QPlainTextEdit):
            box.setTabChangesFocus(True)
