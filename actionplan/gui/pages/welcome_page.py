"""WelcomePage: what a first start on an empty database offers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Three clear ways to begin: the sample plans, a workbook, or a new plan."""

    samples_requested = Signal()
    import_requested = Signal()
    new_plan_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(14)
        title = QLabel("<h1>Welcome to actionplan</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            "Keep your partnership's priorities, actions, leads and progress in one place,\n"
            "and print the board pack when it is due. How would you like to start?"
        )
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.samples_button = self._button("Open the sample plans", self.samples_requested)
        self.import_button = self._button("Import a workbook…", self.import_requested)
        self.new_plan_button = self._button("Start a new plan", self.new_plan_requested)
        for button in (self.samples_button, self.import_button, self.new_plan_button):
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)

    def _button(self, text: str, signal: Any) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(280, 44)
        button.clicked.connect(signal.emit)
        return button
