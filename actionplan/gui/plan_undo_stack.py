"""PlanUndoStack: the window's undo history, where every entry names the plan it changed.

Undoing an entry of a plan not on screen first shows that plan, so nobody changes a plan
they cannot see; the status bar then says what was undone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from actionplan.gui.shortcuts import make_action

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow


@dataclass(frozen=True)
class PlanRef:
    """Which plan an undo entry belongs to, by id and by the title people know it by."""

    id: int
    title: str


class PlanCommand(QUndoCommand):
    """An undo entry of one plan: the undo stack stamps the plan on screen when it is pushed
    (unless the entry already names its own, as an import does)."""

    plan: PlanRef | None = None


class PlanUndoStack(QUndoStack):
    """Undo and Redo for one main window, each entry stamped with its plan."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        keys = QKeySequence.StandardKey
        self.undo_action = _history_action(window, "&Undo", keys.Undo, self.undo_entry)
        self.redo_action = _history_action(window, "&Redo", keys.Redo, self.redo_entry)
        self.canUndoChanged.connect(self.undo_action.setEnabled)
        self.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undoTextChanged.connect(lambda text: self.undo_action.setText(_named("&Undo", text)))
        self.redoTextChanged.connect(lambda text: self.redo_action.setText(_named("&Redo", text)))

    def push(self, command: QUndoCommand) -> None:  # overrides QUndoStack.push
        """Name the entry's plan in its text (the plan on screen unless it names its own)."""
        if isinstance(command, PlanCommand):
            shown = self.window.shown_plan
            if command.plan is None and shown is not None:
                command.plan = PlanRef(shown.id, shown.title)
            if command.plan is not None:
                command.setText(f"{command.text()} — {command.plan.title}")
        super().push(command)

    def undo_entry(self) -> None:
        """Undo the latest entry, on its own plan, and say what was undone."""
        if self.window.pending.save() and self.canUndo():
            self._step(self.index() - 1, "Undone", self.undo)

    def redo_entry(self) -> None:
        """Redo the entry undone last, on its own plan, and say what was redone."""
        if self.window.pending.save() and self.canRedo():
            self._step(self.index(), "Redone", self.redo)

    def _step(self, number: int, done: str, step: Callable[[], None]) -> None:
        command = self.command(number)
        plan = command.plan if isinstance(command, PlanCommand) else None
        what = command.text()
        if plan is not None:
            # A plan no longer in the list (its deletion is what is undone) comes back itself.
            self.window.go_to_plan(plan.id)
            what = what.removesuffix(f" — {plan.title}") + f" in {plan.title}"
        step()
        self.window.statusBar().showMessage(f"{done}: {what[:1].lower()}{what[1:]}.", 10000)


def _history_action(
    window: MainWindow, text: str, key: QKeySequence.StandardKey, slot: Callable[[], None]
) -> QAction:
    action = make_action(window, text, key, slot)
    action.setEnabled(False)
    return action


def _named(verb: str, text: str) -> str:
    return f"{verb} {text}" if text else verb
