"""Undoable edits: each is carried out through the services, then kept on the QUndoStack.

Each says what it changed (a ``Changes`` value); the undo stack hands that to the
workspace, whose ``changed`` signal refreshes the views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import is_dataclass, replace
from typing import TYPE_CHECKING, Any

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.wording import counted
from actionplan.gui.changes import NOTHING, Changes, Kind, changed, item_changes
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


def _ref(db: Database, action_id: int) -> str:
    # The action's reference as people quote it ("2.3"); a bare action has none yet.
    return action_draft(db, action_id).ref or "an action"


class RecordProgressCommand(PlanCommand):
    """A progress update already recorded; undo takes it back, redo records it again."""

    def __init__(
        self, db: Database, entry: ProgressEntry, update_id: int, before: tuple[Rag, Status]
    ) -> None:
        super().__init__(f"Record progress on {_ref(db, entry.action_id)}")
        self.db, self.entry, self.update_id, self.before = db, entry, update_id, before
        self._first = True

    def _changes(self) -> Changes:
        return changed(Kind.UPDATES, Kind.ACTIONS, action_id=self.entry.action_id)

    def apply(self) -> Changes:
        """Record the update (the first time it is already recorded)."""
        if not self._first:
            self.update_id = record_progress(self.db, self.entry)
        self._first = False
        return self._changes()

    def revert(self) -> Changes:
        """Take the update back and restore the RAG and status it replaced."""
        withdraw_update(self.db, self.update_id, *self.before)
        return self._changes()


class MergeCommand(PlanCommand):
    """The updates a merge of returns recorded, undone and redone together."""

    def __init__(self, db: Database, recorded: list[Any]) -> None:
        super().__init__(f"Merge returns ({counted(len(recorded), 'update')})")
        # Held here rather than as Qt children, so Python keeps each one alive.
        self.steps = [
            RecordProgressCommand(db, entry, update_id, before)
            for entry, update_id, before in recorded
        ]

    def apply(self) -> Changes:
        """Record each update again (the first time they are already recorded)."""
        changes = NOTHING
        for step in self.steps:
            changes = changes | step.apply()
        return changes

    def revert(self) -> Changes:
        """Take each update back, newest first."""
        changes = NOTHING
        for step in reversed(self.steps):
            changes = changes | step.revert()
        return changes


class EditActionCommand(PlanCommand):
    """An edit of an action's words already saved; undo puts the old words back."""

    def __init__(
        self,
        db: Database,
        action_id: int,
        old: ActionDraft,
        new: ActionDraft,
        *,
        shown: bool = False,
    ) -> None:
        super().__init__(f"Edit action {new.ref or old.ref or ''}".strip())
        self.db, self.action_id = db, action_id
        self.old, self.new = as_it_stands(old), as_it_stands(new)
        # Saved as the user moved on to another row or plan: the window shows it itself.
        self._first, self._shown = True, shown

    def apply(self) -> Changes:
        """Save the new words (the first time they are already saved)."""
        first, self._first = self._first, False
        if not first:
            edit_action(self.db, self.action_id, self.new)
        if first and self._shown:
            return NOTHING
        return changed(Kind.ACTIONS, action_id=self.action_id)

    def revert(self) -> Changes:
        """Put the old words back."""
        edit_action(self.db, self.action_id, self.old)
        return changed(Kind.ACTIONS, action_id=self.action_id)


class AddReadingCommand(PlanCommand):
    """A measure reading already saved; undo removes it, redo adds it again."""

    def __init__(
        self,
        db: Database,
        measure_id: int,
        reading: tuple[str, float | None, str],
        reading_id: int,
    ) -> None:
        super().__init__(f"Add reading for {reading[0]}")
        self.db, self.measure_id, self.reading = db, measure_id, reading
        self.reading_id = reading_id
        self._first = True

    def apply(self) -> Changes:
        """Add the reading (the first time it is already added)."""
        if not self._first:
            period, value, note = self.reading
            self.reading_id = add_reading(self.db, self.measure_id, period, value, note=note)
        self._first = False
        return changed(Kind.MEASURES, measure_id=self.measure_id)

    def revert(self) -> Changes:
        """Remove the reading."""
        remove_reading(self.db, self.reading_id)
        return changed(Kind.MEASURES, measure_id=self.measure_id)


Delete = Callable[["Database", int], "Removed"]  # a service that deletes and gives back


class AddedCommand(PlanCommand):
    """A plan, priority, outcome, action or measure (``item``) already added; undo deletes
    it, redo puts the same one back."""

    def __init__(self, text: str, db: Database, item: str, item_id: int, delete: Delete):
        super().__init__(text)
        self.db, self.item, self.item_id, self.delete = db, item, item_id, delete
        self.removed: Removed | None = None

    def apply(self) -> Changes:
        """Put it back with the same id (the first time it is already there)."""
        if self.removed is not None:
            restore(self.db, self.removed)
        return item_changes(self.item, self.item_id)

    def revert(self) -> Changes:
        """Delete it again, keeping what goes so redo can bring it back."""
        self.removed = self.delete(self.db, self.item_id)
        return item_changes(self.item, None)


class DeletedCommand(PlanCommand):
    """A deletion (of an ``item``) already made; undo puts everything back with the same ids."""

    def __init__(
        self, text: str, db: Database, item: str, item_id: int, removed: Removed, delete: Delete
    ) -> None:
        super().__init__(text)
        self.db, self.item, self.item_id, self.removed = db, item, item_id, removed
        self.delete = delete
        self._first = True

    def apply(self) -> Changes:
        """Delete (the first time it is already deleted)."""
        if not self._first:
            self.removed = self.delete(self.db, self.item_id)
        self._first = False
        return item_changes(self.item, None)

    def revert(self) -> Changes:
        """Put back every row the deletion took."""
        restore(self.db, self.removed)
        return item_changes(self.item, self.item_id)


class MoveCommand(PlanCommand):
    """An action already moved up or down; undo moves it back."""

    def __init__(self, db: Database, action_id: int, step: int) -> None:
        super().__init__(f"Move action {_ref(db, action_id)} {'up' if step < 0 else 'down'}")
        self.db, self.action_id, self.step = db, action_id, step
        self._first = True

    def apply(self) -> Changes:
        """Move it (the first time it is already moved)."""
        if not self._first:
            move_action(self.db, self.action_id, self.step)
        self._first = False
        return changed(Kind.OUTLINE, action_id=self.action_id)

    def revert(self) -> Changes:
        """Move it back."""
        move_action(self.db, self.action_id, -self.step)
        return changed(Kind.OUTLINE, action_id=self.action_id)


class ChangeCommand(PlanCommand):
    """A change of some words already saved; undo saves the old words, redo the new ones.
    Either way it changes what ``changes`` says."""

    def __init__(
        self, text: str, save: Callable[[Any], object], old: Any, new: Any, changes: Changes
    ) -> None:
        super().__init__(text)
        self.save, self.changes = save, changes
        self.old, self.new = as_it_stands(old), as_it_stands(new)
        self._first = True

    def apply(self) -> Changes:
        """Save the new words (the first time they are already saved)."""
        if not self._first:
            self.save(self.new)
        self._first = False
        return self.changes

    def revert(self) -> Changes:
        """Save the old words again."""
        self.save(self.old)
        return self.changes


class LinkCommand(PlanCommand):
    """An action already linked to a recommendation (or unlinked); undo does the opposite."""

    def __init__(self, db: Database, recommendation_id: int, action_id: int, link: bool) -> None:
        verb = "Link" if link else "Unlink"
        super().__init__(
            f"{verb} action {_ref(db, action_id)} {'to' if link else 'from'} a recommendation"
        )
        self.db, self.recommendation_id, self.action_id = db, recommendation_id, action_id
        self.link = link
        self._first = True

    def _set(self, linked: bool) -> Changes:
        from actionplan.services.recommendations import link_action, unlink_action

        (link_action if linked else unlink_action)(self.db, self.recommendation_id, self.action_id)
        return changed(Kind.RECOMMENDATIONS, action_id=self.action_id)

    def apply(self) -> Changes:
        """Link or unlink (the first time it is already done)."""
        first, self._first = self._first, False
        if first:
            return changed(Kind.RECOMMENDATIONS, action_id=self.action_id)
        return self._set(self.link)

    def revert(self) -> Changes:
        """Do the opposite."""
        return self._set(not self.link)


class ImportedCommand(PlanCommand):
    """Recommendations (and the actions made for them) already imported; undo deletes them
    all, redo puts the same ones back."""

    def __init__(self, text: str, db: Database, rows: list[tuple[str, int]], changes: Changes):
        super().__init__(text)
        self.db, self.rows, self.changes = db, rows, changes  # (table, id), deleted in order
        self.removed: list[Removed] = []

    def apply(self) -> Changes:
        """Put everything back (the first time it is already there)."""
        for removed in reversed(self.removed):
            restore(self.db, removed)
        self.removed = []
        return self.changes

    def revert(self) -> Changes:
        """Delete what the import wrote, keeping it for redo."""
        from actionplan.services.editing import delete_row

        self.removed = [delete_row(self.db, table, row_id) for table, row_id in self.rows]
        return self.changes


def as_it_stands(words: Any) -> Any:
    """Words for undo or redo, without the version they were read at: they are the user's
    own, put back over the row as it stands, since the user's later writes (progress, a move)
    have moved its version on."""
    if is_dataclass(words) and not isinstance(words, type) and hasattr(words, "version"):
        return replace(words, version=None)
    return words
