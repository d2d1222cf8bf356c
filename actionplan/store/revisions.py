"""Each action's revision: one more on every change written to the action, whoever writes it.

An update return remembers the revision of each action it was issued with; a merge
compares it with the revision now, so an action changed in the app after its return went
out is a conflict, and one that was not is not. Kept on the ORM's flush, the one place
every edit, progress update, move and undo of an action passes through.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect

from actionplan.domain.models import Action

# Reordering actions renumbers the neighbours too; what a lead was asked about is unchanged.
_NOT_A_CHANGE = frozenset({"revision", "updated_at", "position", "created_at"})


@event.listens_for(Action, "before_update")
def _count_the_change(_mapper: Any, _connection: Any, action: Action) -> None:
    state = inspect(action)
    changed = any(
        attribute.key not in _NOT_A_CHANGE and attribute.history.has_changes()
        for attribute in state.attrs
    )
    if changed:
        action.revision = (action.revision or 0) + 1
