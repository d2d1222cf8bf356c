"""PlanRefresher: keeps the plan view in step with the workspace — after each write it reads
again just what the write changed (one action, the plan's shape, or its measures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from actionplan.gui.changes import Changes, Kind

if TYPE_CHECKING:
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.pending_edits import PendingEdits
    from actionplan.gui.row_reader import RowReader
    from actionplan.gui.workspace import Workspace
    from actionplan.services.views import ActionRow

# Changes the window itself answers by reading the list of plans (or the database) again.
WHOLE = (Kind.PLAN_LIST, Kind.PLAN_SETTINGS, Kind.PLAN_SHOWN, Kind.DATABASE)
SHAPE = (Kind.OUTLINE, Kind.LEADS, Kind.NARRATIVES, Kind.AS_OF)


class PlanRefresher(QObject):
    """Reads the plan on screen again as the workspace announces changes."""

    action_shown = Signal(bool)  # True while the detail panel shows an action

    def __init__(self, workspace: Workspace, view: PlanView, rows: RowReader) -> None:
        super().__init__(view)
        self.workspace, self.view, self.rows = workspace, view, rows
        self.pending: PendingEdits | None = None  # the typed words, kept before moving on
        workspace.changed.connect(self._changed)
        view.measures.follow(workspace)
        view.detail.activity.follow(workspace)
        view.detail.answered.follow(workspace)
        view.action_selected.connect(self.show_action)
        rows.selection_read.connect(view.show_selected)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WHOLE):
            return
        if changes.touches(*SHAPE):
            self.reload_plan(changes.action_id)
        elif changes.touches(Kind.ACTIONS, Kind.UPDATES):
            for action_id in changes.action_ids or (None,):
                self.refresh(action_id)
        # The measures page follows the workspace itself.

    def refresh(self, action_id: int | None = None) -> None:
        """Re-read after a change: just the action changed, or the whole plan on screen."""
        from actionplan.services.actions import action_rows

        plan, workspace = self.workspace.current_plan, self.workspace
        if plan is None:
            return
        changed = None
        if action_id is not None:
            changed = action_rows(workspace.db, plan.id, workspace.as_of, action_ids=[action_id])
        if changed and self.view.moved(changed[0]):
            self.reload_plan(action_id)  # a new place in the plan: its order and counts change
            return
        if not changed or not self.view.replace_rows(changed):
            self.rows.read_all(plan.id, action_id)
        elif action_id is not None:
            self.view.select_action(action_id)
        self.show_selected_action()

    def reload_plan(self, action_id: int | None = None) -> None:
        """Read the plan on screen again after its shape changed, showing the action given."""
        from actionplan.services.outline import plan_outline

        plan, db = self.workspace.current_plan, self.workspace.db
        if plan is None:
            return
        self.view.show_outline(plan.title, plan_outline(db, plan.id))
        self.rows.read_all(plan.id, action_id, reveal=True)
        self.show_selected_action()

    def show_selected_action(self) -> None:
        """Show the selected action (or none) in the detail panel."""
        self.view.show_selected()

    def show_action(self, row: ActionRow | None) -> None:
        """Show an action (or none) in the detail panel, once the words typed are saved."""
        from actionplan.services.editing import action_draft
        from actionplan.services.progress import history

        pending = self.pending
        if pending is not None and not pending.moving_to(row):
            return
        if row is None:
            self.clear_detail()
        else:
            self.action_shown.emit(True)
            db, view = self.workspace.db, self.view
            draft = action_draft(db, row.id)
            view.detail.show_action(row, history(db, row.id), draft, view.outline)
        if pending is not None:
            pending.show_saved()

    def clear_detail(self) -> None:
        """Show no action in the detail panel."""
        self.action_shown.emit(False)
        self.view.detail.show_action(None, [])
