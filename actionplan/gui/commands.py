"""Undoable edits: each is carried out through the services, then kept on the QUndoStack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.wording import counted
from actionplan.gui.plan_undo_stack import PlanCommand
from actionplan.services.editing import (
    ActionDraft,
    action_draft,
    edit_action,
    move_action,
    restore,
)
from actionplan.services.impact import add_reading, remove_reading
from actionplan.services.progress import ProgressEntry, record_progress, withdraw_update

if TYPE_CHECKING:
    from actionplan.services.editing import Removed
    from actionplan.services.workspace import Database

Changed = Callable[[int], None]


def _ref(db: Database, action_id: int) -> str:
    # The action's reference as people quote it ("2.3"); a bare action has none yet.
    return action_draft(db, action_id).ref or "an action"


class RecordProgressCommand(PlanCommand):
    """A progress update already recorded; undo takes it back, redo records it again."""

    def __init__(
        self,
        db: Database,
        entry: ProgressEntry,
        update_id: int,
        before: tuple[Rag, Status],
        changed: Changed,
    ) -> None:
        super().__init__(f"Record progress on {_ref(db, entry.action_id)}")
        self.db, self.entry, self.update_id, self.before = db, entry, update_id, before
        self.changed = changed
        self._first = True

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Record the update (the first time it is already recorded)."""
        if not self._first:
            self.update_id = record_progress(self.db, self.entry)
        self._first = False
        self.changed(self.entry.action_id)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Take the update back and restore the RAG and status it replaced."""
        withdraw_update(self.db, self.update_id, *self.before)
        self.changed(self.entry.action_id)


class MergeCommand(PlanCommand):
    """The updates a merge of returns recorded, undone and redone together."""

    def __init__(self, db: Database, recorded: list[Any], changed: Changed) -> None:
        super().__init__(f"Merge returns ({counted(len(recorded), 'update')})")
        # Held here rather than as Qt children, so Python keeps each one alive.
        self.steps = [
            RecordProgressCommand(db, entry, update_id, before, changed)
            for entry, update_id, before in recorded
        ]

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Record each update again (the first time they are already recorded)."""
        for step in self.steps:
            step.redo()

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Take each update back, newest first."""
        for step in reversed(self.steps):
            step.undo()


class EditActionCommand(PlanCommand):
    """An edit of an action's words already saved; undo puts the old words back."""

    def __init__(
        self,
        db: Database,
        action_id: int,
        old: ActionDraft,
        new: ActionDraft,
        changed: Changed,
        *,
        shown: bool = False,
    ) -> None:
        super().__init__(f"Edit action {new.ref or old.ref or ''}".strip())
        self.db, self.action_id, self.old, self.new = db, action_id, old, new
        self.changed = changed
        # Saved as the user moved on to another row or plan: the window shows it itself.
        self._first, self._shown = True, shown

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Save the new words (the first time they are already saved)."""
        first, self._first = self._first, False
        if not first:
            edit_action(self.db, self.action_id, self.new)
        if not (first and self._shown):
            self.changed(self.action_id)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Put the old words back."""
        edit_action(self.db, self.action_id, self.old)
        self.changed(self.action_id)


class AddReadingCommand(PlanCommand):
    """A measure reading already saved; undo removes it, redo adds it again."""

    def __init__(
        self,
        db: Database,
        measure_id: int,
        reading: tuple[str, float | None, str],
        reading_id: int,
        changed: Changed,
    ) -> None:
        super().__init__(f"Add reading for {reading[0]}")
        self.db, self.measure_id, self.reading, self.reading_id = (
            db,
            measure_id,
            reading,
            reading_id,
        )
        self.changed = changed
        self._first = True

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Add the reading (the first time it is already added)."""
        if not self._first:
            period, value, note = self.reading
            self.reading_id = add_reading(self.db, self.measure_id, period, value, note=note)
        self._first = False
        self.changed(self.measure_id)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Remove the reading."""
        remove_reading(self.db, self.reading_id)
        self.changed(self.measure_id)


Delete = Callable[["Database", int], "Removed"]  # a service that deletes and gives back
Reload = Callable[[int | None], None]


class AddedCommand(PlanCommand):
    """A priority or action already added; undo deletes it, redo puts the same one back."""

    def __init__(self, text: str, db: Database, item_id: int, delete: Delete, changed: Reload):
        super().__init__(text)
        self.db, self.item_id, self.delete, self.changed = db, item_id, delete, changed
        self.removed: Removed | None = None

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Put it back with the same id (the first time it is already there)."""
        if self.removed is not None:
            restore(self.db, self.removed)
        self.changed(self.item_id)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Delete it again, keeping what goes so redo can bring it back."""
        self.removed = self.delete(self.db, self.item_id)
        self.changed(None)


class DeletedCommand(PlanCommand):
    """A deletion already made; undo puts everything back with the same ids."""

    def __init__(
        self,
        text: str,
        db: Database,
        item_id: int,
        removed: Removed,
        delete: Delete,
        changed: Reload,
    ) -> None:
        super().__init__(text)
        self.db, self.item_id, self.removed = db, item_id, removed
        self.delete, self.changed = delete, changed
        self._first = True

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Delete (the first time it is already deleted)."""
        if not self._first:
            self.removed = self.delete(self.db, self.item_id)
        self._first = False
        self.changed(None)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Put back every row the deletion took."""
        restore(self.db, self.removed)
        self.changed(self.item_id)


class MoveCommand(PlanCommand):
    """An action already moved up or down; undo moves it back."""

    def __init__(self, db: Database, action_id: int, step: int, changed: Changed) -> None:
        super().__init__(f"Move action {_ref(db, action_id)} {'up' if step < 0 else 'down'}")
        self.db, self.action_id, self.step, self.changed = db, action_id, step, changed
        self._first = True

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Move it (the first time it is already moved)."""
        if not self._first:
            move_action(self.db, self.action_id, self.step)
        self._first = False
        self.changed(self.action_id)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Move it back."""
        move_action(self.db, self.action_id, -self.step)
        self.changed(self.action_id)


class ChangeCommand(PlanCommand):
    """A change of some words already saved; undo saves the old words, redo the new ones."""

    def __init__(
        self,
        text: str,
        save: Callable[[Any], object],
        old: Any,
        new: Any,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.save, self.old, self.new, self.changed = save, old, new, changed
        self._first = True

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Save the new words (the first time they are already saved)."""
        if not self._first:
            self.save(self.new)
        self._first = False
        self.changed()

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Save the old words again."""
        self.save(self.old)
        self.changed()
