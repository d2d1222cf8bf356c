"""File ▸ Plan settings… and New plan: one dialog for a plan's title, partnership, period,
author and protective marking, saved undoably and printed on the board pack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from actionplan.gui.dialogs.plan_settings_dialog import PlanSettingsDialog
from actionplan.gui.main_window import MainWindow
from actionplan.services.plans import create_plan_with, list_plans, plan_settings
from actionplan.services.views import PlanSettings
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save, plan_settings_on_screen
from tests.pdf_helpers import page_texts, squeeze

Opener = Callable[[], MainWindow]
LONG_TITLE = "Westmoor Safeguarding Children Partnership Priorities Action Plan 2025-2027"
WESTMOOR = PlanSettings(
    LONG_TITLE,
    "Westmoor Safeguarding Children Partnership",
    date(2025, 4, 1),
    date(2027, 3, 31),
    "Partnership Business Unit",
    "OFFICIAL-SENSITIVE",
)


def _type(qtbot: QtBot, line: object, text: str) -> None:
    line.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(line, text)


def _fill(qtbot: QtBot, window: MainWindow, settings: PlanSettings) -> PlanSettingsDialog:
    """Type every setting into the dialog on screen, ticking the period's dates on."""
    dialog = plan_settings_on_screen(qtbot, window, settings.title)
    _type(qtbot, dialog.partnership_edit, settings.partnership)
    for edit, day in ((dialog.start_edit, settings.period_start),
                      (dialog.end_edit, settings.period_end)):  # fmt: skip
        if day is not None:
            if not edit.label.isChecked():
                qtbot.mouseClick(edit.label, Qt.MouseButton.LeftButton)
            edit.setDate(QDate(day.year, day.month, day.day))
    _type(qtbot, dialog.prepared_by_edit, settings.prepared_by)
    _type(qtbot, dialog.marking_box.lineEdit(), settings.marking)
    return dialog


def _shown(dialog: PlanSettingsDialog) -> tuple[object, ...]:
    """What the dialog shows, field by field."""
    return (
        dialog.title_edit.text(),
        dialog.partnership_edit.text(),
        dialog.start_edit.text(),
        dialog.end_edit.text(),
        dialog.prepared_by_edit.text(),
        dialog.marking_box.currentText(),
    )


def test_every_setting_is_saved_and_shown_again_on_reopening(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Title, partnership, period, author and marking typed in are saved and shown next time;
    the window's title and plan box follow the new title."""
    window = open_window()
    window.commands.plan_settings_action.trigger()
    click_save(qtbot, _fill(qtbot, window, WESTMOOR))
    assert plan_settings(db, factory.plan.id) == WESTMOOR
    assert window.windowTitle() == f"{LONG_TITLE} — actionplan"
    assert window.plan_box.currentText() == LONG_TITLE
    window.commands.plan_settings_action.trigger()
    dialog = window.plan_edits.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert _shown(dialog) == (
        LONG_TITLE,
        "Westmoor Safeguarding Children Partnership",
        "1 Apr 2025",
        "31 Mar 2027",
        "Partnership Business Unit",
        "OFFICIAL-SENSITIVE",
    )
    assert answers.said == []
    click_save(qtbot, dialog)  # saved again unchanged: nothing new to undo
    assert window.workspace.undo_stack.count() == 1


def test_the_dialog_is_wide_enough_for_a_long_title_and_every_label_has_an_access_key(
    qtbot: QtBot, db: Database, open_window: Opener
) -> None:
    """A long title fits without scrolling sideways; each field can be reached with Alt."""
    create_plan_with(db, WESTMOOR)
    window = open_window()
    window.commands.plan_settings_action.trigger()
    dialog = window.plan_edits.settings_dialog
    assert dialog is not None
    assert dialog.width() >= 480
    title = dialog.title_edit
    assert title.fontMetrics().horizontalAdvance(LONG_TITLE) < title.width()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
    labels += [dialog.start_edit.label.text(), dialog.end_edit.label.text()]
    assert labels and all("&" in text for text in labels)
    keys = [text[text.index("&") + 1].lower() for text in labels]
    assert len(set(keys)) == len(keys) == 6


def test_a_period_ending_before_it_starts_is_refused_and_nothing_is_saved(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The user is told in one sentence; the dialog stays open with what was typed."""
    window = open_window()
    before = plan_settings(db, factory.plan.id)
    window.commands.plan_settings_action.trigger()
    backwards = PlanSettings(
        "Westmoor Plan", period_start=date(2026, 4, 1), period_end=date(2025, 3, 31)
    )
    dialog = _fill(qtbot, window, backwards)
    click_save(qtbot, dialog)
    assert answers.said == [
        (
            "warn",
            "The plan's period ends before it starts: it ends on 31 Mar 2025 but starts on "
            "1 Apr 2026.",
        )
    ]
    assert dialog.isVisible() and dialog.title_edit.text() == "Westmoor Plan"
    assert plan_settings(db, factory.plan.id) == before
    assert not window.commands.undo_action.isEnabled()


def test_undo_puts_the_old_settings_back_and_redo_the_new(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Edit ▸ Undo restores every setting and the window's title; Redo saves them again."""
    old = plan_settings(db, factory.plan.id)
    window = open_window()
    window.commands.plan_settings_action.trigger()
    click_save(qtbot, _fill(qtbot, window, WESTMOOR))
    window.commands.undo_action.trigger()
    assert plan_settings(db, factory.plan.id) == old
    assert window.windowTitle() == f"{old.title} — actionplan"
    window.commands.redo_action.trigger()
    assert plan_settings(db, factory.plan.id) == WESTMOOR
    assert window.plan_box.currentText() == LONG_TITLE


def test_a_period_can_be_taken_off_the_plan(
    qtbot: QtBot, db: Database, answers: Answers, open_window: Opener
) -> None:
    """Unticking "Period from" and "to" leaves the plan with no period, shown as Not set."""
    plan = create_plan_with(db, WESTMOOR)
    window = open_window()
    window.commands.plan_settings_action.trigger()
    dialog = window.plan_edits.settings_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.start_edit.label, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.end_edit.label, Qt.MouseButton.LeftButton)
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("Not set", "Not set")
    click_save(qtbot, dialog)
    saved = plan_settings(db, plan.id)
    assert (saved.period_start, saved.period_end) == (None, None)
    assert saved.marking == "OFFICIAL-SENSITIVE"


def test_new_plan_opens_the_same_dialog_empty_and_starts_the_plan_with_its_settings(
    qtbot: QtBot, db: Database, answers: Answers, open_window: Opener
) -> None:
    """File ▸ New plan… asks for every setting; Undo takes the new plan away again."""
    window = open_window()
    window.commands.new_plan_action.trigger()
    dialog = window.plan_edits.settings_dialog
    assert dialog is not None
    assert _shown(dialog) == ("", "", "Not set", "Not set", "", "")
    click_save(qtbot, _fill(qtbot, window, WESTMOOR))
    [plan] = list_plans(db)
    assert plan_settings(db, plan.id) == WESTMOOR
    assert window.stack.currentWidget() is window.plan_view
    assert window.windowTitle() == f"{LONG_TITLE} — actionplan"
    window.commands.undo_action.trigger()
    assert list_plans(db) == []
    assert window.stack.currentWidget() is window.welcome


def test_new_plan_with_a_title_already_used_is_refused(
    qtbot: QtBot, db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Two plans of one name could not be told apart in the plan box: the second is refused."""
    window = open_window()
    window.commands.new_plan_action.trigger()
    click_save(qtbot, plan_settings_on_screen(qtbot, window, factory.plan.title.upper()))
    assert answers.said == [
        (
            "warn",
            f'Another plan is already called "{factory.plan.title.upper()}": give this one a '
            "different title.",
        )
    ]
    assert len(list_plans(db)) == 1


def test_the_board_pack_carries_the_plans_marking_partnership_period_and_author(
    qtbot: QtBot,
    db: Database,
    factory: PlanFactory,
    tmp_path: Path,
    answers: Answers,
    open_window: Opener,
) -> None:
    """The pack's marking starts as the plan's own; the cover names partnership, period and
    who prepared it, and every page carries the marking."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    window = open_window()
    window.commands.plan_settings_action.trigger()
    click_save(qtbot, _fill(qtbot, window, WESTMOOR))
    window.files.report_action.trigger()
    report = window.files.report_dialog
    assert report is not None
    assert report.marking.currentText() == "OFFICIAL-SENSITIVE"
    pdf = tmp_path / "westmoor.pdf"
    answers.save_files.append(pdf)
    report.accept()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    assert task.error is None
    pages = page_texts(pdf)
    assert all("OFFICIAL-SENSITIVE" in page for page in pages)
    cover = pages[0]
    for words in (
        "Westmoor Safeguarding Children Partnership",
        "Plan period: April 2025 – March 2027",
        "Partnership Business Unit",
    ):
        assert squeeze(words) in cover


def test_a_plan_without_a_marking_offers_the_one_last_printed_with(
    qtbot: QtBot, factory: PlanFactory, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """With no marking in Plan settings, the board pack offers the marking used last time."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    window = open_window()
    window.files.report_action.trigger()
    report = window.files.report_dialog
    assert report is not None and report.marking.currentText() == ""
    report.marking.setCurrentText("OFFICIAL")
    answers.save_files.append(None)  # the user then cancels choosing where to save
    report.accept()
    window.files.report_action.trigger()
    assert window.files.report_dialog.marking.currentText() == "OFFICIAL"
