"""PlanMenu: the plan's shape changed in the window — plans, priorities, actions,
and narratives added, changed or deleted, each on the undo stack."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from actionplan.domain.wording import counted
from actionplan.gui import prompts
from actionplan.gui.changes import Kind, changed
from actionplan.gui.commands import AddedCommand, ChangeCommand, DeletedCommand, MoveCommand
from actionplan.gui.conflict_choices import ConflictSaver, reopen
from actionplan.gui.dialogs.narrative_dialog import NarrativeDialog
from actionplan.gui.dialogs.plan_settings_dialog import PlanSettingsDialog
from actionplan.gui.dialogs.priority_dialog import PriorityDialog
from actionplan.gui.menus.lead_edits import LeadEdits
from actionplan.services.editing import (
    ActionDraft,
    PriorityHeading,
    action_draft,
    add_action,
    add_outcome,
    add_priority,
    delete_action,
    delete_outcome,
    delete_priority,
    edit_priority,
    move_action,
    priority_heading,
)
from actionplan.services.impact import (
    narrative_for,
    put_narrative,
)
from actionplan.services.outline import plan_outline
from actionplan.services.plans import (
    change_plan_settings,
    create_plan_with,
    delete_plan,
    plan_settings,
)
from actionplan.services.progress import history
from actionplan.services.views import NarrativeData, PlanSettings

if TYPE_CHECKING:
    from actionplan.gui.dialogs.leads_dialog import LeadsDialog
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace

UNDO_UNTIL_CLOSED = " You can undo this (Ctrl+Z) until you close actionplan."


class PlanMenu(QObject):
    """Adding, changing and deleting the parts of a plan, for one main window."""

    def __init__(self, workspace: Workspace, view: PlanView, parent: QWidget) -> None:
        """Changes to the workspace's plan shown in ``view``; dialogs open over ``parent``."""
        super().__init__(parent)
        self.workspace, self.view, self.widget = workspace, view, parent
        self.priority_dialog: PriorityDialog | None = None
        self.narrative_dialog: NarrativeDialog | None = None
        self.leads = LeadEdits(workspace, parent)
        self.settings_dialog: PlanSettingsDialog | None = None
        self.conflicts = ConflictSaver(workspace, parent)

    def new_plan(self) -> None:
        """Open Plan settings empty; Save starts the plan, undoably."""
        self._open_settings("New plan", PlanSettings(""), self._create_plan)

    def _create_plan(self, settings: PlanSettings) -> bool:
        db = self.workspace.db
        plan = prompts.attempt(self.widget, lambda: create_plan_with(db, settings), "New plan")
        if plan is False:
            return False
        self.workspace.push(AddedCommand("New plan", db, "plan", plan.id, delete_plan))
        return True

    def new_priority(self) -> None:
        """Ask for a priority's title and add it at the end of the plan, undoably."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        title = prompts.ask_text(self.widget, "New priority", "Title of the priority:")
        if not title or not title.strip():
            return
        db = self.workspace.db
        priority_id = prompts.attempt(
            self.widget, lambda: add_priority(db, plan.id, title), "New priority"
        )
        if priority_id is False:
            return
        self.workspace.push(
            AddedCommand("New priority", db, "priority", priority_id, delete_priority)
        )
        self.view.choose_priority(priority_id)

    def new_outcome(self) -> None:
        """Ask for an outcome of the chosen priority and add it, undoably."""
        priority_id = self._chosen_priority("New outcome")
        if priority_id is None:
            return
        title = prompts.ask_text(
            self.widget, "New outcome", "The outcome (what will be different for children):"
        )
        if not title or not title.strip():
            return
        db = self.workspace.db
        call = lambda: add_outcome(db, priority_id, title)  # noqa: E731
        outcome_id = prompts.attempt(self.widget, call, "New outcome")
        if outcome_id is False:
            return
        self.workspace.push(AddedCommand("New outcome", db, "outcome", outcome_id, delete_outcome))

    def delete_outcome(self) -> None:
        """Delete the outcome chosen on the left (its actions stay under the priority)."""
        _priority, outcome_id = self.view.chosen_place()
        if outcome_id is None:
            prompts.inform(self.widget, "Delete outcome", "Choose an outcome on the left first.")
            return
        title = self.view.outcome_title(outcome_id)
        question = f'Delete the outcome "{title}"? Its actions stay under the priority.'
        self._delete("Delete outcome", question, "outcome", outcome_id, delete_outcome)

    def new_action(self) -> None:
        """Ask what will be done and add it under the chosen priority, undoably."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        place = self._place_for_new_action(plan.id)
        if place is None:
            prompts.inform(
                self.widget,
                "New action",
                "Add a priority first (Edit ▸ New priority…): every action sits under one.",
            )
            return
        text = prompts.ask_text(self.widget, "New action", "What will be done?")
        if not text or not text.strip():
            return
        priority_id, outcome_id = place
        db = self.workspace.db
        draft = ActionDraft(text=text.strip(), outcome_id=outcome_id)
        action_id = prompts.attempt(
            self.widget, lambda: add_action(db, priority_id, draft), "New action"
        )
        if action_id is False:
            return
        text = f"New action {action_draft(db, action_id).ref}".strip()
        self.workspace.push(AddedCommand(text, db, "action", action_id, delete_action))
        self.view.detail.leads.setFocus()

    def _place_for_new_action(self, plan_id: int) -> tuple[int, int | None] | None:
        # The priority (and outcome) chosen in the navigator, else the selected action's,
        # else the plan's first priority.
        priority_id, outcome_id = self.view.chosen_place()
        if priority_id is not None:
            return priority_id, outcome_id
        row = self.view.selected_row()
        if row is not None:
            return row.priority_id, row.outcome_id
        outline = plan_outline(self.workspace.db, plan_id)
        return (outline[0].id, None) if outline else None

    def delete_selected(self) -> None:
        """Delete the selected action after asking; Undo brings it back whole."""
        row = self.view.selected_row()
        if row is None:
            prompts.inform(self.widget, "Delete action", "Select an action first.")
            return
        db = self.workspace.db
        updates = len(history(db, row.id))
        words = " ".join(row.text.split())
        shown = words if len(words) <= 80 else words[:80] + "…"
        question = f'Delete action {row.ref} "{shown}"?'
        if updates:
            question += f" Its {counted(updates, 'progress update')} will be deleted with it."
        what = f"Delete action {row.ref}".strip()
        if self._delete("Delete action", question, "action", row.id, delete_action, what):
            self.workspace.tell(f"Action {row.ref} deleted.", 6000)

    def edit_leads(self) -> None:
        """Show the plan's leads and record the agencies and addresses typed, undoably."""
        self.leads.open()

    @property
    def leads_dialog(self) -> LeadsDialog | None:
        """The Leads and agencies dialog last opened (None before the first)."""
        return self.leads.dialog

    def move_selected(self, step: int) -> None:
        """Move the selected action up (-1) or down (+1) in its priority, undoably."""
        row = self.view.selected_row()
        if row is None:
            return
        db = self.workspace.db
        moved = prompts.attempt(self.widget, lambda: move_action(db, row.id, step), "Move action")
        if moved is True:
            self.workspace.push(MoveCommand(db, row.id, step))

    def _delete(
        self, title: str, question: str, item: str, item_id: int, delete: Any, what: str = ""
    ) -> bool:
        return confirm_delete(
            self.workspace, self.widget, title, question, item, item_id, delete, what or None
        )

    def _chosen_priority(self, title: str) -> int | None:
        priority_id, _outcome = self.view.chosen_place()
        row = self.view.selected_row()
        if priority_id is None and row is not None:
            priority_id = row.priority_id
        if priority_id is None:
            prompts.inform(self.widget, title, "Choose a priority on the left first.")
        return priority_id

    def edit_priority(self) -> None:
        """Change the chosen priority's title, champion and aim, undoably."""
        priority_id = self._chosen_priority("Edit priority")
        if priority_id is None:
            return
        db = self.workspace.db
        old = priority_heading(db, priority_id)
        dialog = PriorityDialog(old, self.widget)
        dialog.accepted.connect(lambda: self._save_priority(priority_id, old, dialog.heading()))
        dialog.open()
        self.priority_dialog = dialog

    def _save_priority(self, priority_id: int, old: PriorityHeading, new: PriorityHeading) -> None:
        new = replace(new, version=old.version)  # a colleague's save since is a conflict
        save = partial(edit_priority, self.workspace.db, priority_id)
        if self.conflicts.save(
            save,
            old,
            new,
            "Edit priority",
            again=partial(self._save_priority, priority_id),
            shows=changed(Kind.OUTLINE),
            back_to_form=lambda: reopen(self.priority_dialog),
        ):
            self.workspace.push(
                ChangeCommand("Edit priority", save, old, new, changed(Kind.OUTLINE))
            )

    def write_narrative(self) -> None:
        """Write the chosen priority's narrative for a period, undoably."""
        priority_id = self._chosen_priority("Narrative")
        plan = self.workspace.current_plan
        if priority_id is None or plan is None:
            return
        db = self.workspace.db
        latest = narrative_for(db, priority_id)
        period = plan.period_raw or (f"{plan.period_start:%Y}" if plan.period_start else "")
        dialog = NarrativeDialog(
            priority_heading(db, priority_id).title,
            latest or NarrativeData(period),
            self.widget,
        )
        dialog.accepted.connect(
            lambda: self._save_narrative(priority_id, latest, dialog.narrative())
        )
        dialog.open()
        self.narrative_dialog = dialog

    def _save_narrative(self, priority_id: int, read: Any, new: NarrativeData) -> None:
        """Save the narrative typed (the dialog opened on ``read``), undoably."""
        if not new.period_label:
            prompts.warn(self.widget, "Narrative", "Say which period the narrative is for.")
            reopen(self.narrative_dialog)
            return
        db = self.workspace.db
        period = new.period_label
        # Words for the period the dialog opened on were made from its version; another
        # period's are new words, saved as they stand.
        seen = read if read is not None and read.period_label == period else None
        new = replace(new, version=seen.version if seen is not None else None)
        old = narrative_for(db, priority_id, period)
        save = partial(put_narrative, db, priority_id, period)
        changes = changed(Kind.NARRATIVES)
        if not self.conflicts.save(
            save,
            seen,
            new,
            "Narrative",
            again=partial(self._save_narrative, priority_id),
            shows=changes,
            back_to_form=lambda: reopen(self.narrative_dialog),
        ):
            return
        self.workspace.push(ChangeCommand("Write narrative", save, old, new, changes))
        self.workspace.tell(f"Narrative for {period} saved.", 6000)

    def delete_priority(self) -> None:
        """Delete the chosen priority with its actions after asking; Undo brings it back."""
        plan = self.workspace.current_plan
        priority_id = self._chosen_priority("Delete priority")
        if plan is None or priority_id is None:
            return
        db = self.workspace.db
        heading = priority_heading(db, priority_id)
        outline = plan_outline(db, plan.id)
        actions = next((node.actions for node in outline if node.id == priority_id), 0)
        question = f'Delete the priority "{heading.title}"?'
        if actions:
            question += f" Its {counted(actions, 'action')} will be deleted with it, updates too."
        self._delete("Delete priority", question, "priority", priority_id, delete_priority)

    def edit_plan_settings(self) -> None:
        """Change the plan's title, partnership, period, author and marking, undoably."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        db = self.workspace.db
        old = prompts.attempt(self.widget, lambda: plan_settings(db, plan.id), "Plan settings")
        if old is False:
            return
        self._open_settings("Plan settings", old, partial(self._change_settings, plan.id, old))

    def _change_settings(self, plan_id: int, old: PlanSettings, new: PlanSettings) -> bool:
        """Save the settings typed (the dialog opened on ``old``); False keeps it open."""
        if new == old:
            return True  # nothing changed: nothing to save or undo
        new = replace(new, version=old.version)  # a colleague's save since is a conflict
        save = partial(change_plan_settings, self.workspace.db, plan_id)
        changes = changed(Kind.PLAN_SETTINGS, plan_id=plan_id)
        form = self.settings_dialog  # stays open behind the choices, holding the words typed
        close = form.close_saved if form is not None else lambda: None
        if not self.conflicts.save(
            save,
            old,
            new,
            "Plan settings",
            again=lambda theirs, merged: self._change_settings(plan_id, theirs, merged) and close(),
            shows=changes,
            keep_theirs=close,
        ):
            return False
        self.workspace.push(ChangeCommand("Plan settings", save, old, new, changes))
        return True

    def _open_settings(self, title: str, settings: PlanSettings, save: Any) -> None:
        dialog = PlanSettingsDialog(title, settings, save, self.widget)
        dialog.open()
        self.settings_dialog = dialog

    def delete_plan(self) -> None:
        """Delete the plan on screen after asking; Undo brings every part of it back."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        db = self.workspace.db
        actions = sum(node.actions for node in plan_outline(db, plan.id))
        question = (
            f'Delete the plan "{plan.title}" with its {counted(actions, "action")}, every '
            "progress update and measure, and the workbook it came from? A backup (File ▸ "
            "Back up database…) keeps a copy for good."
        )
        self._delete("Delete plan", question, "plan", plan.id, delete_plan)


def confirm_delete(
    workspace: Workspace,
    parent: QWidget,
    title: str,
    question: str,
    item: str,
    item_id: int,
    delete: Any,
    what: str | None = None,
) -> bool:
    """Ask, delete the ``item`` (plan, priority, outcome, action or measure) through the
    service, and put the deletion on the undo stack (named ``what``, else the title)."""
    if not workspace.save_typed():  # words typed in the panel are kept before anything goes
        return False
    if not prompts.confirm(parent, title, question + UNDO_UNTIL_CLOSED):
        return False
    db = workspace.db
    removed = prompts.attempt(parent, lambda: delete(db, item_id), title)
    if removed is False:
        return False
    workspace.push(DeletedCommand(what or title, db, item, item_id, removed, delete))
    return True
