"""A date typed into any date field of the window is the date the user typed, whatever it showed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.gui.widgets.date_field import DateField
from actionplan.services.plans import create_plan_with, plan_settings
from actionplan.services.progress import history
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save
from tests.gui.test_plan_settings import WESTMOOR

Opener = Callable[[], MainWindow]
MARCH_END = QDate(2025, 3, 31)
STARTS = [QDate(2026, 12, 1), QDate(2026, 12, 2), QDate(2026, 11, 30), QDate(2026, 2, 15)]
TYPED = ["31 Mar 2025", "31/03/2025", "2025-03-31"]
HOSTILE = ["=1+1", "<b>", "٣١ مارس", "31 Foo", "x" * 500]
CTRL = Qt.KeyboardModifier.ControlModifier
_SHOWN: list[QWidget] = []


@pytest.fixture(autouse=True)
def _let_go() -> Iterator[None]:
    yield
    _SHOWN.clear()


def _field_on_screen(qtbot: QtBot, start: QDate, optional: bool = False) -> DateField:
    """A date field beside another field, shown, with the keyboard in the date field."""
    holder = QWidget()
    _SHOWN.append(holder)  # kept until the test ends: the window owns the field
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    layout.addWidget(QLineEdit())
    field = DateField(start, optional=optional)
    layout.addWidget(field)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    field.setFocus()
    return field


def _cursor(qtbot: QtBot, field: DateField, how: str) -> None:
    if how == "home":
        qtbot.keyClick(field.line, Qt.Key.Key_Home)
    elif how == "select all":
        qtbot.keyClick(field.line, Qt.Key.Key_A, CTRL)
    else:  # cleared, then End
        qtbot.keyClick(field.line, Qt.Key.Key_A, CTRL)
        qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
        qtbot.keyClick(field.line, Qt.Key.Key_End)


def _type(qtbot: QtBot, line: QLineEdit, words: str) -> None:
    """Type the words key by key; Qt's test keys know only ASCII, so others go as they come."""
    if words.isascii():
        qtbot.keyClicks(line, words)
        return
    for letter in words:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter)
            QApplication.sendEvent(line, key)


@pytest.mark.parametrize("how", ["home", "select all", "end after clearing"])
@pytest.mark.parametrize("start", STARTS, ids=lambda day: day.toString("d-MMM"))
def test_a_typed_date_is_the_date_typed_whatever_the_field_showed(
    qtbot: QtBot, start: QDate, how: str
) -> None:
    """Each way of writing 31 March 2025, typed from any date and cursor, gives that date."""
    for typed in TYPED:
        field = _field_on_screen(qtbot, start)
        _cursor(qtbot, field, how)
        qtbot.keyClicks(field.line, typed)
        assert field.date() == MARCH_END, (typed, field.text())
        qtbot.keyClick(field.line, Qt.Key.Key_Tab)
        assert (field.text(), field.problem()) == ("31 Mar 2025", "")


def test_enter_reads_the_words_and_says_the_date_changed_once(qtbot: QtBot) -> None:
    """Pressing Enter reads the typed words whole, shows them the app's way, signals once."""
    field = _field_on_screen(qtbot, STARTS[1])
    _cursor(qtbot, field, "select all")
    with qtbot.waitSignal(field.dateChanged) as changed:
        qtbot.keyClicks(field.line, "31 March 2025")
        qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert changed.args == [MARCH_END]
    assert field.text() == "31 Mar 2025"


@pytest.mark.parametrize("words", HOSTILE, ids=["formula", "markup", "arabic", "foo", "long"])
def test_words_that_are_not_a_date_are_kept_said_once_and_change_no_date(
    qtbot: QtBot, words: str
) -> None:
    """The words stay as typed, one sentence says so, and the date is the one before."""
    field = _field_on_screen(qtbot, STARTS[0])
    changes: list[QDate] = []
    field.dateChanged.connect(changes.append)
    _cursor(qtbot, field, "select all")
    _type(qtbot, field.line, words)
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    assert field.text() == words and field.date() == STARTS[0] and changes == []
    said = field.problem()
    assert said.endswith("is not a date; type one like 31 Mar 2025.")
    assert field.message.isVisible() and field.message.text() == said
    assert said.count(".") == 1 and len(said) < 120
    assert said.startswith(f"'{words[:10]}")


def test_arrows_move_a_day_and_the_calendar_sets_the_day_chosen(qtbot: QtBot) -> None:
    """Up and Down move a day as before; a day clicked in the calendar is the date."""
    field = _field_on_screen(qtbot, QDate(2026, 2, 28))
    qtbot.keyClick(field.line, Qt.Key.Key_Up)
    assert field.text() == "1 Mar 2026"
    qtbot.keyClick(field.line, Qt.Key.Key_Down)
    qtbot.keyClick(field.line, Qt.Key.Key_Down)
    assert field.text() == "27 Feb 2026"
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    calendar = field.calendarWidget()
    assert calendar.isVisible() and calendar.selectedDate() == QDate(2026, 2, 27)
    calendar.setSelectedDate(MARCH_END)
    calendar.clicked.emit(MARCH_END)
    assert not calendar.isVisible()
    assert (field.date(), field.text()) == (MARCH_END, "31 Mar 2025")


def test_a_field_that_may_be_unset_is_empty_and_says_not_set(qtbot: QtBot) -> None:
    """An optional date left empty shows "Not set" and gives no date; a typed one counts."""
    field = _field_on_screen(qtbot, QDate(), optional=True)
    assert (field.line.text(), field.line.placeholderText(), field.text()) == (
        "",
        "Not set",
        "Not set",
    )
    assert field.day() is None and field.problem() == ""
    qtbot.keyClicks(field.line, "2025-03-31")
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    assert field.day() == date(2025, 3, 31)
    field.clear()
    assert field.day() is None and field.text() == "Not set"


def test_a_typed_update_date_is_saved_and_words_not_a_date_are_refused(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The lead's typed date is the update's date; "=1+1" is refused in place and kept."""
    priority = factory.priority("Contextual Risk")
    action = factory.action(priority, "Map exploitation hotspots", timescale="May 2025")
    window = open_window()
    window.plan_view.select_action(action)
    window.record_progress()
    dialog = window.edits.progress_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.text_edit.setPlainText("Hotspot map agreed with police")
    dialog.date_edit.setFocus()
    qtbot.keyClick(dialog.date_edit.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.date_edit.line, "=1+1")
    qtbot.keyClick(dialog.date_edit.line, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and history(db, action) == []
    assert dialog.date_edit.text() == "=1+1"
    assert dialog.date_edit.message.text() == ("'=1+1' is not a date; type one like 31 Mar 2025.")
    assert dialog.date_edit.line.hasFocus()
    qtbot.keyClick(dialog.date_edit.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.date_edit.line, "31/03/2025")
    qtbot.keyClick(dialog.date_edit.line, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    [update] = history(db, action)
    assert update.update_date == date(2025, 3, 31)
    assert update.text == "Hotspot map agreed with police"
    assert answers.said == []


def test_plan_settings_keep_the_period_while_its_date_is_not_a_date(
    qtbot: QtBot, db: Database, answers: Answers, open_window: Opener
) -> None:
    """Save refuses "31 Foo" as the period's start, says so and keeps the saved period."""
    plan = create_plan_with(db, WESTMOOR)
    window = open_window()
    window.commands.plan_settings_action.trigger()
    dialog = window.plan_edits.settings_dialog
    assert dialog is not None
    start = dialog.start_edit
    start.setFocus()
    qtbot.keyClick(start.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(start.line, "31 Foo")
    click_save(qtbot, dialog)
    assert dialog.isVisible() and start.text() == "31 Foo"
    assert start.message.text() == "'31 Foo' is not a date; type one like 31 Mar 2025."
    assert plan_settings(db, plan.id).period_start == date(2025, 4, 1)
    qtbot.keyClick(start.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(start.line, "1/4/2026")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert plan_settings(db, plan.id).period_start == date(2026, 4, 1)
    assert answers.said == []
