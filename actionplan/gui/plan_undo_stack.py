"""PlanUndoStack: the window's undo history, where every entry names the plan it changed.

Undoing an entry of a plan not on screen first shows that plan, so nobody changes a plan
they cannot see; the status bar then says what was undone. After every push, undo and redo
the workspace announces what the entries run changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from actionplan.gui.changes import NOTHING, Changes

if TYPE_CHECKING:
    from actionplan.services.views import PlanInfo


@dataclass(frozen=True)
class PlanRef:
    """Which plan an undo entry belongs to, by id and by the title people know it by."""

    id: int
    title: str


class PlanCommand(QUndoCommand):
    """An undo entry of one plan: the undo stack stamps the plan on screen when it is pushed
    (unless the entry already names its own, as an import does).

    ``apply`` and ``revert`` do the write and say what it changed."""

    plan: PlanRef | None = None
    done: Changes = NOTHING  # what the latest redo or undo changed

    def apply(self) -> Changes:
        """Do the write (the first time it is usually done already); say what changed."""
        return NOTHING

    def revert(self) -> Changes:
        """Take the write back; say what changed."""
        return NOTHING

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Do the write, keeping what it changed for the stack to announce."""
        self.done = self.apply()

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Take the write back, keeping what it changed for the stack to announce; the
        activity log names what it writes as undone."""
        from actionplan.services.activity import undoing  # the store loads after the window

        with undoing():
            self.done = self.revert()


class Owner(Protocol):
    """What the undo history needs of the workspace that holds it."""

    shown_plan: PlanInfo | None

    def announce(self, changes: Changes) -> None:
        """Tell every view what a write changed."""

    def tell(self, words: str, milliseconds: int = 4000) -> None:
        """Say a sentence in the status bar."""

    def save_typed(self) -> bool:
        """Save words typed and not yet saved; False when they could not be."""

    def go_to_plan(self, plan_id: int) -> None:
        """Put the plan with this id on screen, whole."""


class PlanUndoStack(QUndoStack):
    """Undo and Redo for one workspace, each entry stamped with its plan."""

    def __init__(self, workspace: Owner, parent: QObject) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._index = 0
        self.indexChanged.connect(self._announce)

    def push(self, command: QUndoCommand) -> None:  # overrides QUndoStack.push
        """Name the entry's plan in its text (the plan on screen unless it names its own)."""
        if isinstance(command, PlanCommand):
            shown = self.workspace.shown_plan
            if command.plan is None and shown is not None:
                command.plan = PlanRef(shown.id, shown.title)
            if command.plan is not None:
                command.setText(f"{command.text()} — {command.plan.title}")
        super().push(command)

    def _announce(self, index: int) -> None:
        # The entries between the old place in the history and the new were just run.
        low, high = sorted((self._index, index))
        self._index = index
        changes = NOTHING
        for number in range(low, high):
            command = self.command(number)
            if isinstance(command, PlanCommand):
                changes = changes | command.done
        self.workspace.announce(changes)

    def undo_entry(self) -> None:
        """Undo the latest entry, on its own plan, and say what was undone."""
        if self.workspace.save_typed() and self.canUndo():
            self._step(self.index() - 1, "Undone", self.undo)

    def redo_entry(self) -> None:
        """Redo the entry undone last, on its own plan, and say what was redone."""
        if self.workspace.save_typed() and self.canRedo():
            self._step(self.index(), "Redone", self.redo)

    def _step(self, number: int, done: str, step: Callable[[], None]) -> None:
        command = self.command(number)
        plan = command.plan if isinstance(command, PlanCommand) else None
        what = command.text()
        if plan is not None:
            # A plan no longer in the list (its deletion is what is undone) comes back itself.
            self.workspace.go_to_plan(plan.id)
            what = what.removesuffix(f" — {plan.title}") + f" in {plan.title}"
        step()
        self.workspace.tell(f"{done}: {what[:1].lower()}{what[1:]}.", 10000)
