"""TaskDialog: long work (import, export, report) on a worker with a progress bar and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from actionplan.gui.worker import Job, Worker, start
from actionplan.services.errors import USER_ERRORS


class TaskDialog(QDialog):
    """Shows one job's progress; when done says so, with an Open button for what it made."""

    succeeded = Signal(object)

    def __init__(
        self,
        title: str,
        doing: str,
        job: Job,
        parent: Any = None,
        describe: Callable[[Any], str] | None = None,
        *,
        open_folder: bool = False,
    ) -> None:
        """``open_folder``: the Open button shows the folder holding the file made."""
        super().__init__(parent)
        self._open_folder = open_folder
        self._describe = describe or describe_result
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.result: Any = None
        self.error: str | None = None
        self.message = QLabel(doing)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # plan titles and file names as typed
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton("Cancel")
        self.open_button = QPushButton("Open folder" if open_folder else "Open")
        self.open_button.hide()
        self.close_button = QPushButton("Close")
        self.close_button.hide()
        self._opens: Path | None = None
        self._build_layout()
        self.worker = Worker(job)
        self.worker.signals.progressed.connect(self._progressed)
        self.worker.signals.succeeded.connect(self._succeeded)
        self.worker.signals.failed.connect(self._failed)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)
        self.open_button.clicked.connect(self._open)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.close_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)

    def run(self) -> None:
        """Show the dialog and start the work."""
        self.open()
        start(self.worker)

    @property
    def finished_work(self) -> bool:
        """True once the job has succeeded, failed or been cancelled."""
        return self.close_button.isVisible() or self.result is not None or self.error is not None

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._finish(self._describe(result))
        opens = result if isinstance(result, Path) else getattr(result, "path", None)
        if isinstance(opens, Path):
            self._opens = opens.parent if self._open_folder else opens
            self.open_button.show()
        self.succeeded.emit(result)

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, USER_ERRORS) else f"Something went wrong: {exc}"
        self.error = message
        self._finish(message)

    def _finish(self, message: str) -> None:
        self.message.setText(message)
        self.adjustSize()  # taller for a longer message, so no line of it is cut off
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        # Cancel kept the keyboard focus once hidden, so Enter went on cancelling a finished
        # job: disable it, and make Close the button that Enter presses.
        self.cancel_button.setEnabled(False)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _cancel(self) -> None:
        if self.finished_work:  # too late: what was saved stays saved
            return
        self.worker.cancel()
        self.message.setText("Cancelling… nothing will be saved.")
        self.cancel_button.setEnabled(False)

    def _open(self) -> None:
        if self._opens is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._opens)))


def describe_result(result: Any) -> str:
    """A sentence for what a finished job made."""
    if isinstance(result, Path):
        return f"Done: {result.name} is saved in {result.parent}."
    summary = getattr(result, "summary", None)
    if callable(summary):
        return str(summary())
    return "Done."
