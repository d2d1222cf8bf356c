"""Record progress as a lead uses it: a live suggested RAG, the reason asked in place, keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.dialogs.record_progress_dialog import RecordProgressDialog
from actionplan.gui.main_window import MainWindow
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.progress import history
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers

Opener = Callable[[], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _open_dialog(qtbot: QtBot, window: MainWindow, action_id: int) -> RecordProgressDialog:
    """Select the action and open Record progress on it, ready for the keyboard."""
    window.plan_view.select_action(action_id)
    window.record_progress()
    dialog = window.edits.progress_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _choose(box: object, value: object) -> None:
    box.setCurrentIndex(box.findData(value))  # type: ignore[attr-defined]


def _type_whole_update(qtbot: QtBot, dialog: RecordProgressDialog) -> None:
    """Date, status, RAG, words and name, as a lead would enter them."""
    dialog.date_edit.setDate(QDate(2025, 6, 30))
    _choose(dialog.status_box, Status.IN_PROGRESS)
    _choose(dialog.rag_box, Rag.GREEN)
    dialog.text_edit.setFocus()
    qtbot.keyClicks(dialog.text_edit, "Hotspot map agreed with police")
    dialog.author_edit.clear()
    qtbot.keyClicks(dialog.author_edit, "Ana Novak")


def _as_typed(dialog: RecordProgressDialog) -> tuple[object, ...]:
    return (
        dialog.date_edit.date().toPython(),
        dialog.status_box.currentData(),
        dialog.rag_box.currentData(),
        dialog.text_edit.toPlainText(),
        dialog.author_edit.text(),
    )


@pytest.fixture
def overdue(factory: PlanFactory) -> int:
    """An action due at the end of May 2025."""
    priority = factory.priority("Contextual Risk")
    return factory.action(
        priority, "Map exploitation hotspots", lead="Police", timescale="May 2025"
    )


def test_suggested_rag_follows_the_chosen_date_and_status(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """The suggestion is worked out again as the lead changes the update's date and status."""
    priority = factory.priority("Contextual Risk")
    undated = factory.action(priority, "Train taxi drivers")
    dated = factory.action(priority, "Map exploitation hotspots", timescale="May 2025")
    window = open_window()
    dialog = _open_dialog(qtbot, window, undated)
    _choose(dialog.status_box, Status.NOT_STARTED)
    assert dialog.suggestion.text() == "Suggested: Not rated (not started and no due date)"
    _choose(dialog.status_box, Status.IN_PROGRESS)
    assert dialog.suggestion.text() == "Suggested: Green (on track)"
    _choose(dialog.status_box, Status.COMPLETE)
    assert dialog.suggestion.text() == "Suggested: Blue (complete)"
    dialog.reject()
    dialog = _open_dialog(qtbot, window, dated)
    _choose(dialog.status_box, Status.IN_PROGRESS)
    dialog.date_edit.setDate(QDate(2025, 5, 1))
    assert dialog.suggestion.text() == "Suggested: Green (on track)"
    dialog.date_edit.setDate(QDate(2025, 6, 30))
    assert dialog.suggestion.text() == "Suggested: Red (overdue since 31 May 2025)"


def test_a_disagreeing_rag_asks_why_in_the_dialog_and_keeps_every_word(
    qtbot: QtBot, db: Database, overdue: int, answers: Answers, open_window: Opener
) -> None:
    """Green on an overdue action asks for a reason in place; nothing typed is ever lost."""
    window = open_window()
    dialog = _open_dialog(qtbot, window, overdue)
    _type_whole_update(qtbot, dialog)
    typed = _as_typed(dialog)
    assert dialog.reason_edit.isVisible()
    qtbot.keyClick(dialog.author_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and history(db, overdue) == []
    assert dialog.reason_edit.hasFocus()
    assert "Red (overdue since 31 May 2025)" in dialog.reason_hint.text()
    _choose(dialog.rag_box, Rag.RED)  # backing out: the lead agrees after all
    assert not dialog.reason_edit.isVisible()
    _choose(dialog.rag_box, Rag.GREEN)
    assert _as_typed(dialog) == typed
    qtbot.keyClicks(dialog.reason_edit, "New date agreed at the March board")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    [update] = history(db, overdue)
    assert (update.update_date, update.status, update.rag) == (
        date(2025, 6, 30),
        Status.IN_PROGRESS,
        Rag.GREEN,
    )
    assert (update.text, update.author, update.reason, update.suggested_rag) == (
        "Hotspot map agreed with police",
        "Ana Novak",
        "New date agreed at the March board",
        Rag.RED,
    )
    assert answers.said == []


@pytest.mark.both_engines
def test_a_reason_the_saved_plan_demands_reopens_the_dialog_as_typed(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """A colleague moves the due date while the lead types: the dialog comes back, words kept."""
    priority = factory.priority("Contextual Risk")
    action_id = factory.action(priority, "Map exploitation hotspots", timescale="2030-31")
    window = open_window()
    dialog = _open_dialog(qtbot, window, action_id)
    _type_whole_update(qtbot, dialog)
    typed = _as_typed(dialog)
    assert not dialog.reason_edit.isVisible()
    draft = action_draft(db, action_id)
    draft.timescale = "May 2025"
    edit_action(db, action_id, draft)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)
    assert history(db, action_id) == []
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.reason_edit.isVisible()
    assert _as_typed(dialog) == typed
    assert "Red" in dialog.reason_hint.text()
    qtbot.keyClicks(dialog.reason_edit, "Police data came late")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, CTRL)
    [update] = history(db, action_id)
    assert (update.text, update.reason) == (
        "Hotspot map agreed with police",
        "Police data came late",
    )


def test_a_rejected_update_comes_back_to_be_put_right(
    qtbot: QtBot, db: Database, overdue: int, answers: Answers, open_window: Opener
) -> None:
    """An update too long to save is explained, and the dialog reopens with it still there."""
    window = open_window()
    dialog = _open_dialog(qtbot, window, overdue)
    _choose(dialog.rag_box, Rag.RED)
    dialog.text_edit.setPlainText("word " * 7000)
    dialog.accept()
    [(kind, text)] = answers.said
    assert kind == "warn" and "too long" in text
    assert dialog.isVisible() and dialog.text_edit.toPlainText() == "word " * 7000
    assert history(db, overdue) == []


def test_tab_leaves_the_update_box_and_ctrl_enter_records(
    qtbot: QtBot, db: Database, overdue: int, answers: Answers, open_window: Opener
) -> None:
    """Tab moves on from the words without typing a tab; Ctrl+Enter saves the update."""
    window = open_window()
    dialog = _open_dialog(qtbot, window, overdue)
    _choose(dialog.rag_box, Rag.RED)
    dialog.text_edit.setFocus()
    qtbot.keyClicks(dialog.text_edit, "Map drafted")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Tab)
    assert dialog.text_edit.toPlainText() == "Map drafted"
    assert dialog.author_edit.hasFocus()
    qtbot.keyClick(dialog.author_edit, Qt.Key.Key_Enter, CTRL)
    [update] = history(db, overdue)
    assert (update.text, update.rag) == ("Map drafted", Rag.RED)


def _access_keys(dialog: QWidget) -> dict[str, str]:
    """Each access key in the dialog, with the words of the label or button that has it."""
    keys: dict[str, str] = {}
    for widget in [*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)]:
        words = widget.text()
        if "&" in words and widget.isVisible():
            key = words[words.index("&") + 1].lower()
            assert key not in keys, f"{words!r} and {keys[key]!r} share Alt+{key}"
            keys[key] = words
    return keys


def test_every_control_has_its_own_access_key(
    qtbot: QtBot, overdue: int, open_window: Opener
) -> None:
    """Alt and a letter reaches each field and button; no two share a letter."""
    window = open_window()
    dialog = _open_dialog(qtbot, window, overdue)
    _choose(dialog.rag_box, Rag.GREEN)
    _choose(dialog.status_box, Status.IN_PROGRESS)
    dialog.date_edit.setDate(QDate(2025, 6, 30))
    keys = _access_keys(dialog)
    fields = {
        "d": dialog.date_edit,
        "t": dialog.status_box,
        "r": dialog.rag_box,
        "h": dialog.reason_edit,
        "u": dialog.text_edit,
        "b": dialog.author_edit,
    }
    assert set(fields) | {"s", "c"} == set(keys)
    for letter, field in fields.items():
        qtbot.keyClick(dialog, letter, ALT)
        assert field.hasFocus(), keys[letter]
    qtbot.keyClick(dialog, "c", ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # a button's key clicks it after a moment


def test_a_long_action_wraps_in_a_dialog_of_sensible_width(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """A 3,000-character action wraps; the dialog stays narrow and shows markup as typed."""
    priority = factory.priority("Contextual Risk")
    words = "Make sure <b>all</b> schools & colleges know the referral route. "
    action_id = factory.action(priority, (words * 50)[:3000])
    window = open_window()
    dialog = _open_dialog(qtbot, window, action_id)
    screen = dialog.screen().availableGeometry().width()
    assert dialog.width() <= 640 and dialog.width() < screen * 0.8
    assert dialog.action_label.wordWrap()
    assert dialog.action_label.textFormat() is Qt.TextFormat.PlainText
    assert dialog.action_label.text().startswith("1.1 Make sure <b>all</b> schools & colleges")
