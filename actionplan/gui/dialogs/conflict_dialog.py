"""ConflictDialog: a save met a colleague's newer change; the two are shown side by side.

Field by field, only where they differ: the user's draft, the colleague's words and what the
form held when the user opened it. Keep theirs, Apply mine on top, or Copy mine (the dialog
stays open); Escape or Cancel goes back to the form with every typed word still there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from actionplan.gui.conflict_fields import EMPTY, FieldClash, draft_as_text, kind_of
from actionplan.services.conflicts import EditConflict


class ConflictDialog(QDialog):
    """Shows the user's draft beside a colleague's newer save and asks which to keep."""

    theirs_kept = Signal()  # the colleague's words stay; the draft is on the clipboard
    mine_applied = Signal()  # save the user's changed fields over the colleague's row

    def __init__(
        self,
        conflict: EditConflict,
        clashes: list[FieldClash],
        names: dict[str, dict[Any, str]] | None = None,
        parent: Any = None,
    ) -> None:
        """``clashes``: the fields that differ, in words; ``names`` words ids for Copy mine."""
        super().__init__(parent)
        self.conflict, self.clashes, self._names = conflict, clashes, names
        kind = kind_of(conflict.yours)
        self.setWindowTitle(f"Someone else changed this {kind}")
        self.setMinimumWidth(760)
        self.message = _plain(_headline(conflict, kind), bold=True)
        self.advice = _plain(ADVICE)
        self.copy_button = QPushButton("&Copy mine")
        self.copy_button.setToolTip("Put your words on the clipboard; this stays open")
        self.keep_button = QPushButton("&Keep theirs")
        self.keep_button.setToolTip("Leave their words saved; yours go on the clipboard")
        self.apply_button = QPushButton("&Apply mine on top")
        self.apply_button.setToolTip(
            "Save the fields you changed over theirs; the fields you did not change keep theirs"
        )
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Go back to your words without saving (Esc)")
        self._lay_out()
        self.copy_button.clicked.connect(self.copy_mine)
        self.keep_button.clicked.connect(self._keep_theirs)
        self.apply_button.clicked.connect(self._apply_mine)
        self.cancel_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        self.fields_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._table())
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        for button in (self.keep_button, self.apply_button, self.cancel_button):
            buttons.addWidget(button)
        self.apply_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.advice)
        layout.addWidget(scroll, 1)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def _table(self) -> QWidget:
        table = QWidget()
        self._grid = grid = QGridLayout(table)
        who = self.conflict.changed_by or "your colleague"
        heads = ["", "Your draft", f"Saved by {who}"]
        with_start = any(clash.started is not None for clash in self.clashes)
        if with_start:
            heads.append("When you opened it")
        for column, head in enumerate(heads):
            grid.addWidget(_plain(head, bold=True), 0, column)
        for row, clash in enumerate(self.clashes, start=1):
            grid.addWidget(_plain(clash.label, bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
            values = [clash.yours, clash.theirs] + ([clash.started or ""] if with_start else [])
            for column, value in enumerate(values, start=1):
                grid.addWidget(_value(value), row, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        if with_start:
            grid.setColumnStretch(3, 2)
        grid.setRowStretch(len(self.clashes) + 1, 1)
        return table

    def fit_fields(self) -> None:
        """As tall as the fields need at this width, up to what fits a small laptop's screen."""
        needed = self._grid.totalHeightForWidth(self.fields_area.viewport().width())
        self.fields_area.setMinimumHeight(min(needed + 4, 420))
        self.resize(self.width(), self.minimumSizeHint().height())

    def showEvent(self, event: Any) -> None:  # overrides QWidget.showEvent
        """Open at the height the fields need."""
        super().showEvent(event)
        self.fit_fields()

    def mine_as_text(self) -> str:
        """The user's draft as plain text, labelled by field."""
        return draft_as_text(self.conflict.yours, self._names)

    def copy_mine(self) -> None:
        """Put the user's words on the clipboard; the dialog stays open."""
        QGuiApplication.clipboard().setText(self.mine_as_text())
        self.copy_button.setText("Copied ✓")

    def _keep_theirs(self) -> None:
        QGuiApplication.clipboard().setText(self.mine_as_text())  # never silently lost
        self.accept()
        self.theirs_kept.emit()

    def _apply_mine(self) -> None:
        self.accept()
        self.mine_applied.emit()


ADVICE = (
    "Nothing of yours is saved yet. Where your words and theirs differ, they are side by side "
    "below: keep theirs (yours go on the clipboard), or apply yours on top (the fields you did "
    "not change keep theirs)."
)


def _headline(conflict: EditConflict, kind: str) -> str:
    who = conflict.changed_by or "Someone else"
    return f"{who} saved {_name(conflict, kind)}{_when(conflict.changed_at)}, after you opened it."


def _name(conflict: EditConflict, kind: str) -> str:
    ref = getattr(conflict.yours, "ref", "")
    return f"action {ref}" if kind == "action" and ref else f"this {kind}"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    day = "today" if moment.date() == datetime.now().date() else f"on {moment:%d %b %Y}"
    return f" at {moment:%H:%M} {day}"


def _plain(text: str, *, bold: bool = False) -> QLabel:
    # Plain text: the words are the user's and a colleague's, shown exactly as typed.
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def _value(text: str) -> QLabel:
    label = _plain(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(4)
    if text == EMPTY:
        label.setEnabled(False)  # greyed: nothing there
    return label
