"""DateField: a date typed as words, read whole, or chosen from a calendar beside it.

Qt's own date edit reads typing a section at a time, so what it ends on depends on the
date it started from and where the cursor was. This field keeps the words as typed and
reads them only when the user leaves the field or presses Enter, with the reader the
plan's own dates use ("31 Mar 2025", "31/03/2025", "2025-03-31", "31 March 2025").
Words that are not one date are kept and said to be so; they never become another date.
"""

from __future__ import annotations

from datetime import date as Day

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.timescale import TimescaleKind, format_due, parse_timescale

NOT_SET = "Not set"
_EXAMPLE = "31 Mar 2025"
_SHOWN_WORDS = 40  # a long paste is named by its start in the sentence, never in full
_BAD_FRAME = "QLineEdit { border: 1px solid #b00020; }"


def read_day(words: str) -> Day | None:
    """The one day the words name, or None when they name none or something else.

    Only a plain date counts: a month, a quarter, a year or a date with a status is not
    one day a user meant to type here.
    """
    read = parse_timescale(words)
    if read.kind is not TimescaleKind.DATE or read.status or read.recurrence:
        return None
    return read.due


def _qdate(day: Day | QDate | None) -> QDate:
    if day is None:
        return QDate()
    if isinstance(day, QDate):
        return QDate(day)
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> Day:
    return Day(day.year(), day.month(), day.day())


def not_a_date(words: str) -> str:
    """The one sentence said when the words typed are not a date."""
    shown = " ".join(words.split())
    if not shown:
        return f"Type a date, like {_EXAMPLE}."
    if len(shown) > _SHOWN_WORDS:
        shown = shown[:_SHOWN_WORDS].rstrip() + "…"
    return f"'{shown}' is not a date; type one like {_EXAMPLE}."


class DateField(QWidget):
    """A date field: typed words read whole, a calendar button, Up and Down for a day.

    ``optional`` fields may be left empty, shown as "Not set", and then ``date()`` is a
    null QDate and ``day()`` None. Words that are not a date leave ``date()`` at the last
    good date and ``problem()`` saying so; dialogs refuse to save while it does.
    """

    dateChanged = Signal(QDate)

    def __init__(
        self,
        day: Day | QDate | None = None,
        *,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        self._date = _qdate(day)
        self._problem = ""
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(NOT_SET if optional else _EXAMPLE)
        self.line.installEventFilter(self)
        self.line.editingFinished.connect(self._read)
        self.line.textEdited.connect(self._typing)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip("Choose the date from a calendar")
        self.button.setAccessibleName("Choose the date from a calendar")
        self.button.clicked.connect(self.show_calendar)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self._popup = QFrame(self, Qt.WindowType.Popup)
        self._popup.setFrameShape(QFrame.Shape.Box)
        self._calendar = QCalendarWidget(self._popup)
        self._calendar.setGridVisible(True)
        self._calendar.clicked.connect(self._chosen)
        self._calendar.activated.connect(self._chosen)
        QVBoxLayout(self._popup).addWidget(self._calendar)
        self._lay_out()
        self.setFocusProxy(self.line)
        self._show_date()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)

    # --- what callers read and set ---------------------------------------------------------

    def date(self) -> QDate:
        """The date shown, after reading any words typed; null when an optional one is not set.

        Words that are not a date leave the last good date: ``problem()`` says so.
        """
        self._read()
        return QDate(self._date)

    def day(self) -> Day | None:
        """The date as a Python date, or None when not set."""
        chosen = self.date()
        return _pydate(chosen) if chosen.isValid() else None

    def setDate(self, day: Day | QDate | None) -> None:
        """Show this date (None clears an optional field), replacing any words typed."""
        chosen = _qdate(day)
        if not chosen.isValid() and not self._optional:
            return
        self._set_problem("")
        self._commit(chosen)

    def clear(self) -> None:
        """Leave an optional field not set."""
        self.setDate(None)

    def text(self) -> str:
        """The words the field shows: as typed, or "Not set" for an empty optional field."""
        typed = self.line.text()
        return typed if typed or not self._optional else NOT_SET

    def problem(self) -> str:
        """The sentence saying the words typed are not a date, after reading them; or ""."""
        self._read()
        return self._problem

    def calendarWidget(self) -> QCalendarWidget:
        """The calendar the button opens; choosing a day in it sets the date."""
        return self._calendar

    def show_calendar(self) -> None:
        """Open the calendar under the field at the date shown (or today)."""
        self._read()
        self._calendar.setSelectedDate(self._date if self._date.isValid() else QDate.currentDate())
        self._popup.adjustSize()
        self._popup.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self._popup.show()
        self._calendar.setFocus()

    # --- reading what is typed ---------------------------------------------------------------

    def _read(self) -> None:
        words = self.line.text()
        if words == self._shown_words():
            return
        if not words.strip() and self._optional:
            self._set_problem("")
            self._commit(QDate())
            return
        day = read_day(words)
        if day is None:
            self._set_problem(not_a_date(words))
            return
        self._set_problem("")
        self._commit(_qdate(day))

    def _shown_words(self) -> str:
        return format_due(_pydate(self._date)) if self._date.isValid() else ""

    def _commit(self, chosen: QDate) -> None:
        changed = chosen != self._date
        self._date = chosen
        self._show_date()
        if changed:
            self.dateChanged.emit(QDate(chosen))

    def _show_date(self) -> None:
        shown = self._shown_words()
        if self.line.text() != shown:
            self.line.setText(shown)

    def _set_problem(self, sentence: str) -> None:
        self._problem = sentence
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))
        self.line.setStyleSheet(_BAD_FRAME if sentence else "")
        self.line.setAccessibleDescription(sentence)

    def _typing(self, _words: str) -> None:
        # The sentence waits for the user to finish: it is not said of half a date.
        if self._problem:
            self._set_problem("")

    def _chosen(self, day: QDate) -> None:
        self._popup.hide()
        self.setDate(day)
        self.line.setFocus()

    def _step(self, days: int) -> None:
        self._read()
        if self._problem:
            return
        start = self._date if self._date.isValid() else QDate.currentDate()
        self.setDate(start.addDays(days) if self._date.isValid() else start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down move a day; Alt+Down (or F4) opens the calendar."""
        if watched is self.line and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
                self.show_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step(1 if key == Qt.Key.Key_Up else -1)
                return True
            self._start_afresh(event)
        return super().eventFilter(watched, event)

    def _start_afresh(self, event: QKeyEvent) -> None:
        # Typing at either end of a date shown whole starts a new one, as typing into a
        # spreadsheet cell does; inside it, or once changed, the words are edited in place.
        typing = event.text().isprintable() and event.text() != ""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        at_end = self.line.cursorPosition() in (0, len(self.line.text()))
        if typing and plain and at_end and self.line.text() == self._shown_words():
            self.line.clear()


def dates_refused(dialog: QWidget) -> bool:
    """Whether a date field of the dialog holds words that are not a date; if so go to it.

    Each such field already says so in its one sentence; saving waits until it is a date.
    """
    for field in dialog.findChildren(DateField):
        if field.isEnabled() and field.problem():
            field.line.setFocus()
            field.line.selectAll()
            return True
    return False
