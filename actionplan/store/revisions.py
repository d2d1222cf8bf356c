"""Each action's revision: one more on every change written to the action, whoever writes it.

An update return remembers the revision of each action it was issued with, beside its row
version; when a merge finds the version moved on, the revision tells a change the lead would
notice (a conflict) from a reorder or a form saved unchanged (none). Counted as each session
flushes, the one place every edit, move, progress update and undo of an action passes through.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from actionplan.store.tables import Action, ProgressUpdate

# Reordering actions renumbers the neighbours too; what a lead was asked about is unchanged.
# A form saved with nothing changed still stamps updated_at, and is not a change either.
# Nor is the row's version and who last wrote it, bookkeeping stamped on every write.
_NOT_A_CHANGE = frozenset(
    {"revision", "updated_at", "position", "created_at", "version", "changed_by", "changed_at"}
)


@event.listens_for(Session, "before_flush")
def _count_changes(session: Session, _context: Any, _instances: Any) -> None:
    changed: dict[int, Action] = {}
    with session.no_autoflush:
        for item in session.dirty:
            if isinstance(item, Action) and _words_changed(item):
                changed[id(item)] = item
        for item in [*session.new, *session.deleted]:
            # A progress update recorded or taken back changes the action's latest update.
            action = (
                session.get(Action, item.action_id) if isinstance(item, ProgressUpdate) else None
            )
            if action is not None and action not in session.deleted:
                changed[id(action)] = action
    for action in changed.values():
        action.revision = (action.revision or 0) + 1


def _words_changed(action: Action) -> bool:
    return any(
        attribute.key not in _NOT_A_CHANGE and attribute.history.has_changes()
        for attribute in inspect(action).attrs
    )
