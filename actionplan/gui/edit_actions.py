"""EditActions: recording progress, saving an action's words, adding readings — all undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from actionplan.gui import prompts
from actionplan.gui import settings as prefs
from actionplan.gui.add_reading_dialog import AddReadingDialog
from actionplan.gui.commands import AddReadingCommand, EditActionCommand, RecordProgressCommand
from actionplan.gui.record_progress_dialog import RecordProgressDialog
from actionplan.services.editing import ActionDraft, action_draft, edit_action
from actionplan.services.errors import USER_ERRORS, ReasonNeeded
from actionplan.services.impact import add_reading
from actionplan.services.progress import current_rating, record_progress

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow


class EditActions(QObject):
    """Every edit a user makes in the window goes through here and onto the undo stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.progress_dialog: RecordProgressDialog | None = None
        self.reading_dialog: AddReadingDialog | None = None

    def record_progress(self) -> None:
        """Open the record-progress dialog for the selected action."""
        row = self.window.selected_row()
        if row is None:
            prompts.inform(self.window, "Record progress", "Select an action first.")
            return
        author = self.window.settings.get(prefs.MY_NAME)
        dialog = RecordProgressDialog(row, author=author, parent=self.window)
        dialog.accepted.connect(lambda: self._save_progress(dialog))
        dialog.open()
        self.progress_dialog = dialog

    def _save_progress(self, dialog: RecordProgressDialog) -> None:
        entry = dialog.entry()
        before = current_rating(self.window.db, entry.action_id)
        try:
            update_id = record_progress(self.window.db, entry)
        except ReasonNeeded as needed:
            reason = prompts.ask_text(self.window, "Why this RAG?", str(needed))
            if not reason:
                return
            entry = dialog.entry(reason)
            update_id = prompts.attempt(
                self.window, lambda: record_progress(self.window.db, entry), "Record progress"
            )
        except USER_ERRORS as exc:
            prompts.warn(self.window, "Record progress", str(exc))
            return
        if update_id is not False:
            self.window.undo_stack.push(
                RecordProgressCommand(self.window.db, entry, update_id, before, self.window.refresh)
            )
            self.window.statusBar().showMessage("Progress recorded.", 4000)

    def save_action_edit(self, action_id: int, draft: ActionDraft) -> None:
        """Save the detail panel's words as one undoable edit."""
        old = action_draft(self.window.db, action_id)
        if (
            prompts.attempt(
                self.window, lambda: edit_action(self.window.db, action_id, draft), "Save changes"
            )
            is False
        ):
            return
        self.window.undo_stack.push(
            EditActionCommand(self.window.db, action_id, old, draft, self.window.refresh)
        )
        self.window.statusBar().showMessage("Changes saved.", 4000)

    def add_reading(self, measure_id: int) -> None:
        """Ask for a reading of the chosen measure and save it as one undoable edit."""
        measure = self.window.plan_view.measures.selected
        if measure is None or measure.id != measure_id:
            return
        dialog = AddReadingDialog(measure, self.window)
        dialog.accepted.connect(lambda: self._save_reading(measure_id, dialog))
        dialog.open()
        self.reading_dialog = dialog

    def _save_reading(self, measure_id: int, dialog: AddReadingDialog) -> None:
        period, value, note = dialog.reading()
        reading_id = prompts.attempt(
            self.window,
            lambda: add_reading(self.window.db, measure_id, period, value, note=note),
            "Add a reading",
        )
        if reading_id is False:
            return
        command = AddReadingCommand(
            self.window.db,
            measure_id,
            (period, value, note),
            reading_id,
            self.window.refresh_measures,
        )
        self.window.undo_stack.push(command)

    def choose_my_name(self) -> None:
        """Choose which lead "My actions" means."""
        name = prompts.ask_text(
            self.window,
            "Who am I",
            "Your name as it appears in the Leads column:",
            self.window.settings.get(prefs.MY_NAME),
        )
        if name is not None:
            self.window.settings.set(prefs.MY_NAME, name.strip())
            self.window.plan_view.filter_bar.my_name = name.strip()
            self.window.plan_view.apply_filter()
