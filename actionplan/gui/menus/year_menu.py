"""YearMenu: next year's plan started from the one on screen, a closed plan reopened, and
a carried action's old self opened; each write on the undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from actionplan.gui import prompts
from actionplan.gui.dialogs.next_plan_dialog import NextPlanDialog
from actionplan.gui.year_commands import NextPlanCommand, ReopenCommand
from actionplan.services.next_plan import (
    CarriedFrom,
    Closure,
    propose_next_plan,
    reopen_plan,
    start_next_plan,
    started_sentence,
)

if TYPE_CHECKING:
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace

TITLE = "Start next year's plan"


class YearMenu(QObject):
    """A plan's life across years, for one main window."""

    def __init__(self, workspace: Workspace, view: PlanView, parent: QWidget) -> None:
        """Acts on the workspace's plan on screen in ``view``; dialogs open over ``parent``."""
        super().__init__(parent)
        self.workspace, self.view, self.widget = workspace, view, parent
        self.dialog: NextPlanDialog | None = None

    def start_next_year(self) -> None:
        """Open the dialog proposing next year's plan; Start makes it, undoably."""
        plan = self.workspace.shown_plan
        if plan is None or not self.workspace.save_typed():
            return
        db = self.workspace.db
        proposal = prompts.attempt(self.widget, lambda: propose_next_plan(db, plan.id), TITLE)
        if proposal is False:
            return
        self.dialog = NextPlanDialog(proposal, self.widget)
        self.dialog.accepted.connect(lambda: self._start(plan.id, plan.title))
        self.dialog.open()

    def _start(self, plan_id: int, old_title: str) -> None:
        dialog, db = self.dialog, self.workspace.db
        assert dialog is not None
        chosen = dialog.chosen()
        made = prompts.attempt(self.widget, lambda: start_next_plan(db, plan_id, chosen), TITLE)
        if made is False:
            dialog.open()  # nothing was written; the choices stay to be corrected
            return
        self.workspace.push(NextPlanCommand(db, plan_id, made))
        self.workspace.tell(started_sentence(old_title, made), 8000)

    def reopen(self) -> None:
        """Open the closed plan on screen to edits again, undoably."""
        plan = self.workspace.shown_plan
        if plan is None:
            return
        db = self.workspace.db
        closed = prompts.attempt(self.widget, lambda: reopen_plan(db, plan.id), "Reopen plan")
        if isinstance(closed, Closure):  # else it was open already, or could not be reopened
            self.workspace.push(ReopenCommand(db, closed))
            self.workspace.tell(f"{plan.title} is open to edits again.")

    def open_carried(self, link: CarriedFrom) -> None:
        """Show the plan a carried action came from (the action's history is there)."""
        if link.plan_id is None or not self.workspace.leave_typed():
            return
        self.workspace.go_to_plan(link.plan_id)
        if link.action_id is not None:
            self.view.show_action_in_table(link.action_id)
        self.workspace.tell(f"Showing {link.plan_title}: action {link.ref} and its history.")
