"""TeamBanner: a quiet line across the top of the window while the team database is away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

LOST_WORDS = "Lost touch with the team database — reconnecting…"


class TeamBanner(QLabel):
    """Says the window is reconnecting; hidden while all is well. Nothing typed is touched."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(LOST_WORDS, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(8, 4, 8, 4)
        # The palette's own tooltip colours: quiet, readable in light and dark themes alike.
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self.hide()

    def above(self, below: QWidget) -> QWidget:
        """This banner across the top of ``below`` (the welcome page or the plan), in one widget."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self)
        layout.addWidget(below, 1)
        return holder

    def show_lost(self) -> None:
        """Show that the window is out of touch and reconnecting."""
        self.show()

    def clear(self) -> None:
        """Hide the banner: in touch again."""
        self.hide()
