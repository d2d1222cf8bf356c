"""EditActions: recording progress, saving an action's words, adding readings — all undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from actionplan.gui import prompts
from actionplan.gui import settings as prefs
from actionplan.gui.add_reading_dialog import AddReadingDialog
from actionplan.gui.commands import (
    AddedCommand,
    AddReadingCommand,
    DeletedCommand,
    EditActionCommand,
    RecordProgressCommand,
)
from actionplan.gui.record_progress_dialog import RecordProgressDialog
from actionplan.services.editing import (
    ActionDraft,
    action_draft,
    add_action,
    add_priority,
    delete_action,
    delete_priority,
    edit_action,
)
from actionplan.services.errors import USER_ERRORS, ReasonNeeded
from actionplan.services.impact import add_reading
from actionplan.services.outline import plan_outline
from actionplan.services.plans import create_plan
from actionplan.services.progress import current_rating, history, record_progress

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
            update_id = self._try(lambda: record_progress(self.window.db, entry), "Record progress")
        except USER_ERRORS as exc:
            prompts.warn(self.window, "Record progress", str(exc))
            return
        if update_id is not None:
            self.window.undo_stack.push(
                RecordProgressCommand(self.window.db, entry, update_id, before, self.window.refresh)
            )
            self.window.statusBar().showMessage("Progress recorded.", 4000)

    def save_action_edit(self, action_id: int, draft: ActionDraft) -> None:
        """Save the detail panel's words as one undoable edit."""
        old = action_draft(self.window.db, action_id)
        if (
            self._try(lambda: edit_action(self.window.db, action_id, draft), "Save changes")
            is False
        ):
            return
        self.window.undo_stack.push(
            EditActionCommand(self.window.db, action_id, old, draft, self.window.refresh)
        )
        self.window.statusBar().showMessage("Changes saved.", 4000)

    def _try(self, call: Any, title: str) -> Any:
        """Run a service call; on a user error say so and return False."""
        try:
            result = call()
        except USER_ERRORS as exc:
            prompts.warn(self.window, title, str(exc))
            return False
        return True if result is None else result

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
        reading_id = self._try(
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

    def new_plan(self) -> None:
        """Ask for a title and start an empty plan."""
        title = prompts.ask_text(self.window, "New plan", "Title of the plan:")
        if not title:
            return
        plan = self._try(lambda: create_plan(self.window.db, title), "New plan")
        if plan is not False:
            self.window.show_plan_titled(plan.title)

    def new_priority(self) -> None:
        """Ask for a priority's title and add it at the end of the plan, undoably."""
        plan = self.window.current_plan
        if plan is None:
            return
        title = prompts.ask_text(self.window, "New priority", "Title of the priority:")
        if not title or not title.strip():
            return
        db = self.window.db
        priority_id = self._try(lambda: add_priority(db, plan.id, title), "New priority")
        if priority_id is False:
            return
        reload = self.window.reload_plan
        self.window.undo_stack.push(
            AddedCommand("New priority", db, priority_id, delete_priority, lambda _id: reload())
        )
        self.window.plan_view.choose_priority(priority_id)

    def new_action(self) -> None:
        """Ask what will be done and add it under the chosen priority, undoably."""
        plan = self.window.current_plan
        if plan is None:
            return
        place = self._place_for_new_action(plan.id)
        if place is None:
            prompts.inform(
                self.window,
                "New action",
                "Add a priority first (Edit ▸ New priority…): every action sits under one.",
            )
            return
        text = prompts.ask_text(self.window, "New action", "What will be done?")
        if not text or not text.strip():
            return
        priority_id, outcome_id = place
        db = self.window.db
        draft = ActionDraft(text=text.strip(), outcome_id=outcome_id)
        action_id = self._try(lambda: add_action(db, priority_id, draft), "New action")
        if action_id is False:
            return
        self.window.undo_stack.push(
            AddedCommand("New action", db, action_id, delete_action, self.window.reload_plan)
        )
        self.window.plan_view.detail.leads.setFocus()

    def _place_for_new_action(self, plan_id: int) -> tuple[int, int | None] | None:
        # The priority (and outcome) chosen in the navigator, else the selected action's,
        # else the plan's first priority.
        priority_id, outcome_id = self.window.plan_view.chosen_place()
        if priority_id is not None:
            return priority_id, outcome_id
        row = self.window.selected_row()
        if row is not None:
            return row.priority_id, row.outcome_id
        outline = plan_outline(self.window.db, plan_id)
        return (outline[0].id, None) if outline else None

    def delete_selected(self) -> None:
        """Delete the selected action after asking; Undo brings it back whole."""
        row = self.window.selected_row()
        if row is None:
            prompts.inform(self.window, "Delete action", "Select an action first.")
            return
        db = self.window.db
        updates = len(history(db, row.id))
        words = " ".join(row.text.split())
        going = f" Its {updates} progress updates go with it." if updates > 1 else ""
        going = " Its progress update goes with it." if updates == 1 else going
        question = (
            f'Delete action {row.ref} "{words[:80]}{"…" if len(words) > 80 else ""}"?{going}'
            " You can undo this (Ctrl+Z) until you close actionplan."
        )
        if not prompts.confirm(self.window, "Delete action", question):
            return
        removed = self._try(lambda: delete_action(db, row.id), "Delete action")
        if removed is False:
            return
        text = f"Delete action {row.ref}"
        reload = self.window.reload_plan
        self.window.undo_stack.push(
            DeletedCommand(text, db, row.id, removed, delete_action, reload)
        )
        self.window.statusBar().showMessage(f"Action {row.ref} deleted.", 6000)

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
