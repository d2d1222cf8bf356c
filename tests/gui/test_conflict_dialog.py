"""A colleague saved first: the user's save shows both side by side, and each choice does
what it says — Keep theirs, Apply mine on top, Copy mine, or Escape back to the form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from actionplan.gui.changes import Kind, changed
from actionplan.gui.dialogs.conflict_dialog import ConflictDialog
from actionplan.gui.main_window import MainWindow
from actionplan.services.editing import action_draft, edit_action, edit_priority, priority_heading
from actionplan.services.impact import (
    add_measure,
    edit_measure,
    measure_heading,
    narrative_for,
    put_narrative,
)
from actionplan.services.plans import change_plan_settings, plan_settings
from actionplan.services.progress import current_rating, record_progress
from actionplan.services.views import NarrativeData, ProgressEntry, Rag, Status
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save, plan_settings_on_screen

Opener = Callable[[], MainWindow]

# A team's server keeps the same promise as one person's file.
pytestmark = pytest.mark.both_engines


def as_colleague(db: Database, change: Callable[[Database], object]) -> None:
    """Make a change as Sam Patel, from another copy of the app on the same database."""
    sam = Database.open(db.target, user="Sam Patel")
    try:
        change(sam)
    finally:
        sam.close()


def sams_action_edit(action_id: int) -> Callable[[Database], object]:
    """Sam rewrites the action's words and adds a lead."""

    def edit(sam: Database) -> None:
        seen = action_draft(sam, action_id)
        theirs = replace(seen, text="Their words", lead="Health / Police")
        edit_action(sam, action_id, theirs)

    return edit


def conflict_on_screen(window: MainWindow, *, plan: bool = False) -> ConflictDialog:
    """The conflict dialog the window has open."""
    menu = window.plan_edits if plan else window.edits
    dialog = menu.conflicts.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def rows_of(dialog: ConflictDialog) -> list[tuple[str, str, str, str | None]]:
    """Each field the dialog shows: label, your draft, theirs, what the form started with."""
    return [(c.label, c.yours, c.theirs, c.started) for c in dialog.clashes]


@pytest.fixture
def typed_over(db: Database, factory: PlanFactory, open_window: Opener) -> tuple[MainWindow, int]:
    """The panel showed action 1.1; Sam then saved new words; the user typed and saved."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Launch the neglect toolkit", lead="Health", ref="1.1")
    window = open_window()
    window.plan_view.select_action(action_id)
    as_colleague(db, sams_action_edit(action_id))
    detail = window.plan_view.detail
    detail.text.setPlainText("My words")
    detail.save_button.click()
    return window, action_id


def test_a_stale_save_shows_who_when_and_only_the_fields_that_differ(
    db: Database, typed_over: tuple[MainWindow, int], answers: Answers
) -> None:
    """The dialog is titled plainly, names Sam and the time of the save, and shows the two
    fields that differ with the user's draft, Sam's words and what the form started with."""
    window, action_id = typed_over
    dialog = conflict_on_screen(window)
    assert dialog.windowTitle() == "Someone else changed this action"
    when = dialog.conflict.changed_at
    assert when is not None
    assert dialog.message.text().startswith(f"Sam Patel saved action 1.1 at {when:%H:%M} ")
    assert rows_of(dialog) == [
        ("Action", "My words", "Their words", "Launch the neglect toolkit"),
        ("Leads", "Health", "Health / Police", "Health"),
    ]
    assert answers.said == []
    assert action_draft(db, action_id).text == "Their words"  # nothing of the draft written


def test_keep_theirs_shows_their_words_and_puts_mine_on_the_clipboard(
    db: Database, typed_over: tuple[MainWindow, int]
) -> None:
    """Keep theirs: the panel shows Sam's words, nothing is pending, the database holds
    Sam's, and the user's words are on the clipboard, labelled by field."""
    window, action_id = typed_over
    QGuiApplication.clipboard().clear()
    conflict_on_screen(window).keep_button.click()
    detail = window.plan_view.detail
    assert detail.text.toPlainText() == "Their words"
    assert detail.leads.text() == "Health / Police"
    assert not detail.has_changes
    assert action_draft(db, action_id).text == "Their words"
    assert "Action:\nMy words\n" in QGuiApplication.clipboard().text()
    detail.text.setPlainText("Their words, and mine")
    detail.save_button.click()  # from Sam's version now: saved without a conflict
    assert action_draft(db, action_id).text == "Their words, and mine"


def test_apply_mine_on_top_keeps_their_other_fields_and_undoes_in_one_step(
    db: Database, typed_over: tuple[MainWindow, int]
) -> None:
    """Apply mine on top: the user's changed field is saved, Sam's lead (which the user did
    not touch) stays; one Undo puts Sam's words back."""
    window, action_id = typed_over
    conflict_on_screen(window).apply_button.click()
    stored = action_draft(db, action_id)
    assert (stored.text, stored.lead) == ("My words", "Health / Police")
    detail = window.plan_view.detail
    assert not detail.has_changes
    assert detail.leads.text() == "Health / Police"
    window.commands.undo_action.trigger()
    stored = action_draft(db, action_id)
    assert (stored.text, stored.lead) == ("Their words", "Health / Police")


def test_copy_mine_puts_my_words_on_the_clipboard_and_keeps_the_choice_open(
    typed_over: tuple[MainWindow, int],
) -> None:
    """Copy mine: the draft as plain text, each field under its label; the dialog stays."""
    window, _action_id = typed_over
    QGuiApplication.clipboard().clear()
    dialog = conflict_on_screen(window)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Ref:\n1.1\n\nAction:\nMy words\n\nLeads:\nHealth\n")
    assert dialog.isVisible()


def test_escape_goes_back_to_the_panel_with_every_word_typed(
    db: Database, qtbot: QtBot, typed_over: tuple[MainWindow, int]
) -> None:
    """Escape: nothing saved, the panel still holds the words typed, still unsaved; saving
    again shows both again."""
    window, action_id = typed_over
    dialog = conflict_on_screen(window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    detail = window.plan_view.detail
    assert detail.text.toPlainText() == "My words" and detail.has_changes
    assert action_draft(db, action_id).text == "Their words"
    detail.save_button.click()
    assert conflict_on_screen(window) is not dialog


def test_a_colleagues_progress_alone_never_stops_my_words(
    db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """Sam recorded progress (the action's version moved on, its words did not): the
    user's words are saved without a question, and Sam's RAG stays."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Launch the neglect toolkit", lead="Health")
    window = open_window()
    window.plan_view.select_action(action_id)
    entry = ProgressEntry(
        action_id, date(2025, 6, 30), Rag.AMBER, Status.IN_PROGRESS, "Launched", "Sam",
        reason="Take-up is slower in schools",
    )  # fmt: skip
    as_colleague(db, lambda sam: record_progress(sam, entry))
    detail = window.plan_view.detail
    detail.text.setPlainText("My words")
    detail.save_button.click()
    assert window.edits.conflicts.dialog is None and answers.said == []
    stored = action_draft(db, action_id)
    assert stored.text == "My words" and current_rating(db, action_id)[0] == Rag.AMBER


def test_a_colleagues_change_arriving_while_i_type_keeps_my_words_with_a_quiet_note(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Sam's save arrives through the window's change signal: with nothing typed the panel
    shows Sam's words; with words typed they stay, a note says who changed it and when,
    and saving shows both."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Launch the neglect toolkit", lead="Health")
    window = open_window()
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    as_colleague(db, sams_action_edit(action_id))
    window.workspace.announce(changed(Kind.ACTIONS, action_id=action_id))
    assert detail.text.toPlainText() == "Their words" and detail.note.isHidden()
    detail.text.setPlainText("My words")
    as_colleague(db, lambda sam: edit_action(sam, action_id, replace(
        action_draft(sam, action_id), text="Sam's second thoughts")))  # fmt: skip
    window.workspace.announce(changed(Kind.ACTIONS, action_id=action_id))
    assert detail.text.toPlainText() == "My words" and detail.has_changes
    assert not detail.note.isHidden()
    assert detail.note.text().startswith("Sam Patel changed this action at ")
    assert detail.note.text().endswith("; your words are kept — saving will show both.")
    detail.save_button.click()
    assert rows_of(conflict_on_screen(window))[0] == (
        "Action",
        "My words",
        "Sam's second thoughts",
        "Their words",
    )


def test_a_priority_saved_over_a_colleagues_change_applies_mine_on_top_or_goes_back(
    db: Database, factory: PlanFactory, open_window: Opener, qtbot: QtBot
) -> None:
    """Edit priority after Sam changed its champion: the choice shows the two titles and
    champions; Escape reopens the priority dialog as typed; Apply mine on top saves the
    user's title with Sam's champion."""
    priority = factory.priority("Neglect", champion="Ana Novak")
    window = open_window()
    window.plan_view.choose_priority(priority)
    window.commands.edit_priority_action.trigger()
    form = window.plan_edits.priority_dialog
    assert form is not None
    as_colleague(db, lambda sam: edit_priority(sam, priority, replace(
        priority_heading(sam, priority), champion="Marek Dvořák")))  # fmt: skip
    form.title_edit.setText("Neglect and emotional harm")
    form.accept()
    dialog = conflict_on_screen(window, plan=True)
    assert dialog.windowTitle() == "Someone else changed this priority"
    assert rows_of(dialog) == [
        ("Title", "Neglect and emotional harm", "Neglect", "Neglect"),
        ("Executive champion", "Ana Novak", "Marek Dvořák", "Ana Novak"),
    ]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert form.isVisible() and form.title_edit.text() == "Neglect and emotional harm"
    form.accept()
    conflict_on_screen(window, plan=True).apply_button.click()
    stored = priority_heading(db, priority)
    assert (stored.title, stored.champion) == ("Neglect and emotional harm", "Marek Dvořák")
    window.commands.undo_action.trigger()
    assert priority_heading(db, priority).title == "Neglect"


def test_plan_settings_over_a_colleagues_change_keep_theirs_or_stay_open(
    db: Database, factory: PlanFactory, open_window: Opener, qtbot: QtBot
) -> None:
    """Plan settings saved after Sam set the marking: the choice shows both; Escape leaves
    the settings open as typed; Keep theirs closes them with Sam's settings stored and the
    user's title on the clipboard."""
    plan_id = factory.plan.id
    window = open_window()
    window.commands.plan_settings_action.trigger()
    form = plan_settings_on_screen(qtbot, window, "Northbridge Plan 2025-27")
    as_colleague(db, lambda sam: change_plan_settings(sam, plan_id, replace(
        plan_settings(sam, plan_id), marking="OFFICIAL-SENSITIVE")))  # fmt: skip
    click_save(qtbot, form)
    dialog = conflict_on_screen(window, plan=True)
    assert dialog.windowTitle() == "Someone else changed this plan's settings"
    assert [row[0] for row in rows_of(dialog)] == ["Title", "Protective marking"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert form.isVisible() and form.title_edit.text() == "Northbridge Plan 2025-27"
    click_save(qtbot, form)
    QGuiApplication.clipboard().clear()
    conflict_on_screen(window, plan=True).keep_button.click()
    assert not form.isVisible()
    stored = plan_settings(db, plan_id)
    assert (stored.title, stored.marking) == (factory.plan.title, "OFFICIAL-SENSITIVE")
    assert "Title:\nNorthbridge Plan 2025-27\n" in QGuiApplication.clipboard().text()


def test_a_narrative_over_a_colleagues_applies_mine_on_top_keeping_their_other_parts(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """The same period's narrative saved by Sam after the dialog opened: the choice shows
    the part both wrote; Apply mine on top keeps the user's "done" and Sam's "impact"."""
    priority = factory.priority("Neglect")
    put_narrative(db, priority, "Q3", NarrativeData("Q3", done="Toolkit drafted"))
    window = open_window()
    window.plan_view.choose_priority(priority)
    window.commands.narrative_action.trigger()
    form = window.plan_edits.narrative_dialog
    assert form is not None and form.period_edit.text() == "Q3"
    as_colleague(db, lambda sam: put_narrative(sam, priority, "Q3", NarrativeData(
        "Q3", done="Toolkit piloted", impact="Fewer repeat referrals", version=1)))  # fmt: skip
    form.parts["done"].setPlainText("Toolkit launched with 40 practitioners trained")
    form.accept()
    dialog = conflict_on_screen(window, plan=True)
    assert dialog.windowTitle() == "Someone else changed this narrative"
    assert [row[0] for row in rows_of(dialog)] == ["What has been done", "Impact of work"]
    dialog.apply_button.click()
    stored = narrative_for(db, priority, "Q3")
    assert stored is not None
    assert (stored.done, stored.impact) == (
        "Toolkit launched with 40 practitioners trained",
        "Fewer repeat referrals",
    )


def test_a_measure_over_a_colleagues_keeps_theirs_on_request(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Edit measure after Sam changed its unit: the choice names the form's own fields;
    Keep theirs leaves Sam's measure stored and the user's words on the clipboard."""
    measure = add_measure(db, factory.plan.id, "Referrals", unit="children")
    window = open_window()
    window.edits.edit_measure(measure)
    form = window.edits.measure_dialog
    assert form is not None
    as_colleague(db, lambda sam: edit_measure(sam, measure, replace(
        measure_heading(sam, measure), unit="families")))  # fmt: skip
    form.target.setText("120")
    form.accept()
    dialog = conflict_on_screen(window)
    assert rows_of(dialog) == [
        ("Unit", "children", "families", "children"),
        ("Target", "120", "(empty)", "(empty)"),
    ]
    QGuiApplication.clipboard().clear()
    dialog.keep_button.click()
    stored = measure_heading(db, measure)
    assert (stored.unit, stored.target) == ("families", None)
    assert "Target:\n120\n" in QGuiApplication.clipboard().text()


def test_my_own_progress_after_a_colleagues_change_keeps_the_note_naming_them(
    db: Database, factory: PlanFactory, open_window: Opener, answers: Answers
) -> None:
    """The note names the colleague who changed the words, even after the user records
    progress on the same action while their words wait."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Launch the neglect toolkit", lead="Health")
    window = open_window()
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    detail.text.setPlainText("My words")
    as_colleague(db, sams_action_edit(action_id))
    window.workspace.announce(changed(Kind.ACTIONS, action_id=action_id))
    assert detail.note.text().startswith("Sam Patel changed this action")
    entry = ProgressEntry(action_id, date(2025, 6, 30), Rag.GREEN, Status.IN_PROGRESS, "Begun")
    record_progress(db, entry)
    window.workspace.announce(changed(Kind.UPDATES, action_id=action_id))
    assert detail.note.text().startswith("Sam Patel changed this action")
    assert detail.text.toPlainText() == "My words" and answers.said == []
