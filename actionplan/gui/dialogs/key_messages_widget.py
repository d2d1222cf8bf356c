"""KeyMessagesWidget: page 1's key messages as boxes to rewrite, drafted from the figures."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from actionplan.gui.worker import Job, Worker, start
from actionplan.services.key_messages import MOST_MESSAGES

BOX_LINES = 3  # a key message is a sentence or two: three lines show it whole


def tidy(messages: Iterable[str]) -> list[str]:
    """The messages with spaces trimmed and blank ones left out."""
    return [text.strip() for text in messages if text.strip()]


class KeyMessagesWidget(QWidget):
    """Five boxes for the key messages and a button that puts the drafts back in them.

    The drafts are made on a worker (a large plan takes a moment); while the boxes hold
    the previous drafts untouched, new drafts replace them, and never what was written.
    """

    drafted = Signal()  # new drafts arrived (and are in the boxes if these were untouched)
    edited = Signal()  # a message was changed, by the user or by drafting

    def __init__(self, make_job: Callable[[], Job], parent: Any = None) -> None:
        """``make_job()`` gives the work that drafts the messages for the choices now."""
        super().__init__(parent)
        self._make_job = make_job
        self.drafts: list[str] | None = None  # None until the first drafts arrive
        self._worker: Worker | None = None
        self.boxes = [self._box(number) for number in range(1, MOST_MESSAGES + 1)]
        self.again = QPushButton("&Draft again from the figures")
        self.again.setToolTip("Replace the messages above with the drafts made from the figures")
        self.again.clicked.connect(self.restore_drafts)
        self.again.setEnabled(False)
        self.note = QLabel("Drafting from the figures…")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self._build_layout()

    def _box(self, number: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setPlaceholderText(f"Key message {number} (leave empty for none)")
        box.setAccessibleName(f"Key message {number}")
        lines = box.fontMetrics().lineSpacing() * BOX_LINES
        box.setFixedHeight(lines + 2 * round(box.document().documentMargin()) + 4)
        box.textChanged.connect(self.edited)
        return box

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for box in self.boxes:
            layout.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.again)
        layout.addLayout(row)

    def messages(self) -> list[str]:
        """The messages as written, blank boxes left out."""
        return tidy(box.toPlainText() for box in self.boxes)

    def set_messages(self, messages: Sequence[str]) -> None:
        """Put these messages in the boxes, in order, emptying the rest."""
        given = list(messages)[:MOST_MESSAGES]
        for index, box in enumerate(self.boxes):
            box.setPlainText(given[index] if index < len(given) else "")

    def restore_drafts(self) -> None:
        """Put the drafts back in the boxes, over whatever was written."""
        if self.drafts is not None:
            self.set_messages(self.drafts)

    @property
    def drafting(self) -> bool:
        """True while drafts for the latest choices are being made."""
        return self._worker is not None

    def redraft(self) -> None:
        """Draft the messages again for the choices as they stand (the latest ask wins)."""
        self.abandon()
        worker = Worker(self._make_job())
        worker.signals.succeeded.connect(self._drafted)
        worker.signals.failed.connect(self._not_drafted)
        self._worker = worker
        self.again.setEnabled(False)
        self.note.setText("Drafting from the figures…")
        start(worker)

    def abandon(self) -> None:
        """Stop listening to drafts still being made: they are no longer wanted."""
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.signals.succeeded.disconnect()
            worker.signals.failed.disconnect()

    def _drafted(self, drafts: list[str]) -> None:
        untouched = self.messages() == tidy(self.drafts or [])
        self._worker, self.drafts = None, list(drafts)
        if untouched:
            self.set_messages(self.drafts)
        self.again.setEnabled(True)
        self.note.setText("" if self.drafts else "The figures give nothing to draft from.")
        self.drafted.emit()

    def _not_drafted(self, _exc: BaseException) -> None:
        # The boxes stay as they are; the pack itself will say what is wrong when printed.
        self._worker = None
        self.note.setText("No drafts could be made from the figures.")
