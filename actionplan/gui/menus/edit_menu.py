"""EditMenu: recording progress, saving an action's words, measures and their readings —
all undoable."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from actionplan.domain.wording import counted
from actionplan.gui import prompts
from actionplan.gui import settings as prefs
from actionplan.gui.changes import Kind, changed
from actionplan.gui.commands import (
    AddedCommand,
    AddReadingCommand,
    ChangeCommand,
    EditActionCommand,
    RecordProgressCommand,
)
from actionplan.gui.conflict_choices import (
    ConflictSaver,
    needs_choice,
    offer_choices,
    outline_names,
    reopen,
)
from actionplan.gui.dialogs.add_reading_dialog import AddReadingDialog
from actionplan.gui.dialogs.measure_dialog import MeasureDialog
from actionplan.gui.dialogs.record_progress_dialog import RecordProgressDialog
from actionplan.gui.menus.plan_menu import confirm_delete
from actionplan.services.actions import action_rows
from actionplan.services.conflicts import EditConflict, mine_on_top
from actionplan.services.editing import ActionDraft, action_draft, edit_action
from actionplan.services.errors import USER_ERRORS, ReasonNeeded
from actionplan.services.impact import (
    add_measure,
    add_reading,
    delete_measure,
    edit_measure,
    measure_heading,
)
from actionplan.services.outline import plan_outline
from actionplan.services.progress import current_rating, record_progress
from actionplan.services.views import MeasureHeading

if TYPE_CHECKING:
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace

SAVE = "Save changes"
NOT_ON_SCREEN = "That action is not in the plan on screen, so nothing was saved."


class EditMenu(QObject):
    """Every edit a user makes in the window goes through here and onto the undo stack."""

    def __init__(self, workspace: Workspace, view: PlanView, parent: QWidget) -> None:
        """Edits of the workspace's plan shown in ``view``; dialogs open over ``parent``."""
        super().__init__(parent)
        self.workspace, self.view, self.widget = workspace, view, parent
        self.progress_dialog: RecordProgressDialog | None = None
        self.reading_dialog: AddReadingDialog | None = None
        self.measure_dialog: MeasureDialog | None = None
        self.conflicts = ConflictSaver(workspace, parent)

    def record_progress(self) -> None:
        """Open the record-progress dialog for the selected action."""
        row = self.view.selected_row()
        if row is None:
            prompts.inform(self.widget, "Record progress", "Select an action first.")
            return
        author = self.workspace.settings.get(prefs.MY_NAME)
        dialog = RecordProgressDialog(row, author=author, parent=self.widget)
        dialog.accepted.connect(lambda: self._save_progress(dialog))
        dialog.open()
        self.progress_dialog = dialog

    def _save_progress(self, dialog: RecordProgressDialog) -> None:
        # A refused update reopens the dialog as typed: a lead never has to type it twice.
        entry = dialog.entry()
        try:
            before = current_rating(self.workspace.db, entry.action_id)
            update_id = record_progress(self.workspace.db, entry)
        except USER_ERRORS as exc:
            if isinstance(exc, ReasonNeeded):
                dialog.require_reason(str(exc))
            else:
                prompts.warn(self.widget, "Record progress", str(exc))
            dialog.open()
            dialog.activateWindow()
            return
        self.workspace.push(RecordProgressCommand(self.workspace.db, entry, update_id, before))
        self.workspace.tell("Progress recorded.", 4000)

    def save_action_edit(
        self, action_id: int, draft: ActionDraft, *, moving_on: bool = False
    ) -> bool:
        """Save the detail panel's words as one undoable edit; False when nothing was saved
        (the user has been told why). ``moving_on``: the window shows the change itself."""
        if not self._on_screen(action_id):
            prompts.warn(self.widget, SAVE, NOT_ON_SCREEN)
            return False
        db = self.workspace.db
        old = action_draft(db, action_id)
        try:
            edit_action(db, action_id, draft)
        except EditConflict as conflict:
            return self._action_conflict(action_id, conflict, moving_on)
        except USER_ERRORS as exc:
            prompts.warn(self.widget, SAVE, str(exc))
            return False
        self._action_saved(action_id, old, draft, moving_on)
        return True

    def _action_conflict(self, action_id: int, conflict: EditConflict, moving_on: bool) -> bool:
        # The panel's words beside the colleague's; the panel keeps them until the user chooses.
        # A colleague who changed none of the form's fields (progress recorded) loses nothing
        # to the user's words laid on top, so those are saved at once.
        panel = self.view.detail
        started = panel.started_draft if panel.action_id == action_id else None
        if not needs_choice(conflict, started):
            merged = mine_on_top(conflict.yours, conflict.theirs, started)
            return self.save_action_edit(action_id, merged, moving_on=moving_on)

        def keep_theirs() -> None:
            if panel.action_id == action_id:
                panel.take_theirs(conflict.theirs)
            self.workspace.announce(changed(Kind.ACTIONS, action_id=action_id))

        self.conflicts.dialog = offer_choices(
            self.workspace,
            self.widget,
            conflict,
            started,
            save=lambda merged: self.save_action_edit(action_id, merged),
            keep_theirs=keep_theirs,
            names=outline_names(self.view.outline),
        )
        return False

    def save_quietly(self, action_id: int, draft: ActionDraft, *, moving_on: bool = False) -> bool:
        """Save the panel's words as the focus leaves it; a refusal is told in the status bar
        and the words stay in the panel, to be saved or corrected (False then)."""
        if not self._on_screen(action_id):
            return False
        db = self.workspace.db
        old = action_draft(db, action_id)
        try:
            edit_action(db, action_id, draft)
        except USER_ERRORS as exc:
            self.workspace.tell(f"Not saved yet: {exc}", 10000)
            return False
        self._action_saved(action_id, old, draft, moving_on)
        return True

    def _on_screen(self, action_id: int) -> bool:
        # A save reaches only an action of the plan whose actions are on screen.
        plan = self.workspace.shown_plan
        if plan is None:
            return False
        return bool(
            action_rows(self.workspace.db, plan.id, self.workspace.as_of, action_ids=[action_id])
        )

    def _action_saved(
        self, action_id: int, old: ActionDraft, new: ActionDraft, moving_on: bool
    ) -> None:
        self.view.detail.mark_saved(action_id)
        command = EditActionCommand(self.workspace.db, action_id, old, new, shown=moving_on)
        self.workspace.push(command)
        self.workspace.tell("Changes saved.", 4000)

    def add_reading(self, measure_id: int) -> None:
        """Ask for a reading of the chosen measure and save it as one undoable edit."""
        measure = self.view.measures.selected
        if measure is None or measure.id != measure_id:
            return
        dialog = AddReadingDialog(measure, self.widget)
        dialog.accepted.connect(lambda: self._save_reading(measure_id, dialog))
        dialog.open()
        self.reading_dialog = dialog

    def _save_reading(self, measure_id: int, dialog: AddReadingDialog) -> None:
        period, value, note = dialog.reading()
        reading_id = prompts.attempt(
            self.widget,
            lambda: add_reading(self.workspace.db, measure_id, period, value, note=note),
            "Add a reading",
        )
        if reading_id is False:
            return
        command = AddReadingCommand(
            self.workspace.db,
            measure_id,
            (period, value, note),
            reading_id,
        )
        self.workspace.push(command)

    def choose_my_name(self) -> None:
        """Choose which lead "My actions" means."""
        name = prompts.ask_text(
            self.widget,
            "Who am I",
            "Your name as it appears in the Leads column:",
            self.workspace.settings.get(prefs.MY_NAME),
        )
        if name is not None:
            self.workspace.settings.set(prefs.MY_NAME, name.strip())
            self.view.filter_bar.my_name = name.strip()
            self.view.apply_filter()

    def new_measure(self) -> None:
        """Ask for a new measure of impact and add it, undoably."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        chosen, _outcome = self.view.chosen_place()
        heading = MeasureHeading("", priority_id=chosen)
        dialog = self._measure_dialog("New measure", plan.id, heading)
        dialog.accepted.connect(lambda: self._save_measure(plan.id, dialog.measure()))

    def edit_measure(self, measure_id: int) -> None:
        """Change a measure's name, unit, direction, baseline, target or priority, undoably."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        db = self.workspace.db
        old = measure_heading(db, measure_id)
        dialog = self._measure_dialog("Edit measure", plan.id, old)
        dialog.accepted.connect(lambda: self._save_measure_edit(measure_id, old, dialog.measure()))

    def _measure_dialog(self, title: str, plan_id: int, heading: MeasureHeading) -> MeasureDialog:
        outline = plan_outline(self.workspace.db, plan_id)
        priorities = [(node.id, f"{node.number}. {node.title}") for node in outline]
        dialog = MeasureDialog(title, priorities, heading, self.widget)
        dialog.open()
        self.measure_dialog = dialog
        return dialog

    def _save_measure_edit(self, measure_id: int, old: MeasureHeading, new: MeasureHeading) -> None:
        db = self.workspace.db
        new = replace(new, version=old.version)  # a colleague's save since is a conflict
        save = partial(edit_measure, db, measure_id)
        changes = changed(Kind.MEASURES, measure_id=measure_id)
        if self.conflicts.save(
            save,
            old,
            new,
            "Edit measure",
            again=partial(self._save_measure_edit, measure_id),
            shows=changes,
            back_to_form=lambda: reopen(self.measure_dialog),
            names={"priority_id": outline_names(self.view.outline)["priority_id"]},
        ):
            self.workspace.push(ChangeCommand("Edit measure", save, old, new, changes))

    def _save_measure(self, plan_id: int, new: MeasureHeading) -> None:
        db = self.workspace.db
        words = (new.name, new.unit, new.direction, new.baseline, new.target, new.priority_id)
        measure_id = prompts.attempt(
            self.widget, lambda: add_measure(db, plan_id, *words), "New measure"
        )
        if measure_id is False:
            return
        self.workspace.push(AddedCommand("New measure", db, "measure", measure_id, delete_measure))

    def delete_measure(self, measure_id: int) -> None:
        """Delete a measure with its readings after asking; Undo brings them back."""
        measure = self.view.measures.selected
        if measure is None or measure.id != measure_id:
            return
        question = f'Delete the measure "{measure.name}"?'
        if measure.readings:
            question += f" Its {counted(len(measure.readings), 'reading')} will be deleted too."
        title = "Delete measure"
        confirm_delete(
            self.workspace, self.widget, title, question, "measure", measure_id, delete_measure
        )
