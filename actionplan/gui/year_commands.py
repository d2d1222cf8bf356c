"""Undoable steps of a plan's life across years: next year's plan started, a plan reopened.

Each is carried out through the services, then kept on the QUndoStack; each says what it
changed, so the plan list, the plan on screen and the closed-plan bar follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actionplan.gui.changes import Changes, Kind, changed
from actionplan.gui.plan_undo_stack import PlanCommand
from actionplan.services.next_plan import (
    close_plan_again,
    redo_next_plan,
    reopen_plan,
    undo_next_plan,
)

if TYPE_CHECKING:
    from actionplan.services.next_plan import Closure, RolledForward, Undone
    from actionplan.services.workspace import Database


class NextPlanCommand(PlanCommand):
    """Next year's plan already started; undo deletes it and reopens the old plan, redo
    brings both back as they were (same ids)."""

    def __init__(self, db: Database, old_plan_id: int, made: RolledForward) -> None:
        super().__init__(f"Start {made.title}")
        self.db, self.old_plan_id, self.made = db, old_plan_id, made
        self.undone: Undone | None = None

    def apply(self) -> Changes:
        """Bring the new plan back and close the old (the first time it is already done)."""
        if self.undone is not None:
            redo_next_plan(self.db, self.undone)
        return changed(Kind.PLAN_LIST, plan_id=self.made.plan_id)

    def revert(self) -> Changes:
        """Delete the new plan and reopen the old one, keeping what goes for redo."""
        self.undone = undo_next_plan(self.db, self.made.plan_id)
        return changed(Kind.PLAN_LIST, plan_id=self.old_plan_id)


class ReopenCommand(PlanCommand):
    """A closed plan reopened; undo closes it again as it was closed."""

    def __init__(self, db: Database, closed: Closure) -> None:
        super().__init__("Reopen plan")
        self.db, self.closed = db, closed
        self._first = True

    def _changes(self) -> Changes:
        return changed(Kind.PLAN_SETTINGS, plan_id=self.closed.plan_id)

    def apply(self) -> Changes:
        """Reopen the plan (the first time it is already reopened)."""
        if not self._first:
            reopen_plan(self.db, self.closed.plan_id)
        self._first = False
        return self._changes()

    def revert(self) -> Changes:
        """Close it again, as it was."""
        close_plan_again(self.db, self.closed)
        return self._changes()
