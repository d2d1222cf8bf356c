"""Undoable edits: each is carried out through the services, then kept on the QUndoStack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.services.editing import ActionDraft, edit_action
from actionplan.services.impact import add_reading, remove_reading
from actionplan.services.progress import ProgressEntry, record_progress, withdraw_update

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

Changed = Callable[[int], None]


class RecordProgressCommand(QUndoCommand):
    """A progress update already recorded; undo takes it back, redo records it again."""

    def __init__(
        self,
        db: Database,
        entry: ProgressEntry,
        update_id: int,
        before: tuple[Rag, Status],
        changed: Changed,
    ) -> None:
        super().__init__(f"Record progress on {format_due(entry.update_date)}")
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


class EditActionCommand(QUndoCommand):
    """An edit of an action's words already saved; undo puts the old words back."""

    def __init__(
        self, db: Database, action_id: int, old: ActionDraft, new: ActionDraft, changed: Changed
    ) -> None:
        super().__init__("Edit action")
        self.db, self.action_id, self.old, self.new = db, action_id, old, new
        self.changed = changed
        self._first = True

    def redo(self) -> None:  # overrides QUndoCommand.redo
        """Save the new words (the first time they are already saved)."""
        if not self._first:
            edit_action(self.db, self.action_id, self.new)
        self._first = False
        self.changed(self.action_id)

    def undo(self) -> None:  # overrides QUndoCommand.undo
        """Put the old words back."""
        edit_action(self.db, self.action_id, self.old)
        self.changed(self.action_id)


class AddReadingCommand(QUndoCommand):
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
