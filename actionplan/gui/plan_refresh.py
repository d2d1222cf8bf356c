"""PlanRefresher: keeps the plan view in step with the workspace — after each write it reads
again just what the write changed (one action, the plan's shape, or its measures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from actionplan.gui.changes import Changes, Kind
from actionplan.gui.conflict_fields import same_words

if TYPE_CHECKING:
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.pending_edits import PendingEdits
    from actionplan.gui.row_reader import RowReader
    from actionplan.gui.workspace import Workspace
    from actionplan.services.views import ActionDraft, ActionRow

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
        if changes.elsewhere:
            self.reread_quietly()
        elif changes.touches(*SHAPE):
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

    def reread_quietly(self) -> None:
        """Read the plan on screen again after someone else changed it, keeping the choice in
        the navigator, the filter, the selection, the scroll and any words being typed."""
        from actionplan.services.actions import action_rows
        from actionplan.services.outline import plan_outline

        workspace, view = self.workspace, self.view
        plan = workspace.current_plan
        if plan is None or workspace.shown_plan is None or workspace.shown_plan.id != plan.id:
            return  # the plan is still being put on screen: it is read afresh anyway
        view.show_outline(plan.title, plan_outline(workspace.db, plan.id))
        view.refresh_rows(action_rows(workspace.db, plan.id, workspace.as_of))
        if not view.detail.has_changes:
            self.show_selected_action()  # the panel shows the colleague's words too

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
        from actionplan.services.next_plan import carried_from
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
            overtaken = self._overtaken(row.id, draft)
            view.detail.show_action(row, history(db, row.id), draft, view.outline)
            view.detail.show_carried(carried_from(db, row.id))
            if overtaken:
                view.detail.note_colleague_change(overtaken)
        if pending is not None:
            pending.show_saved()

    def _overtaken(self, action_id: int, newest: ActionDraft) -> str:
        # A colleague's save of the words being typed over: the sentence that says so.
        from actionplan.services.conflicts import last_change

        detail = self.view.detail
        started = detail.started_draft
        if not detail.has_changes or detail.action_id != action_id or started is None:
            return ""
        seen = detail.newest_draft  # a colleague's words already noted stay as noted
        if same_words(newest, started) or (seen is not None and same_words(newest, seen)):
            return ""
        who, when = last_change(self.workspace.db, "action", action_id)
        at = f" at {when:%H:%M}" if when is not None else ""
        return (
            f"{who or 'Someone else'} changed this action{at}; your words are kept — "
            "saving will show both."
        )

    def clear_detail(self) -> None:
        """Show no action in the detail panel."""
        self.action_shown.emit(False)
        self.view.detail.show_action(None, [])
        self.view.detail.show_carried(None)
