"""The activity log's watch on the ORM: every flush logs the rows it added, changed and deleted.

Listening after the flush, when new rows have their ids and each attribute still holds its
history, so one listener sees every edit, progress update, reading and undo written through
a session, on either engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from actionplan.store.activity_log import MAIN_FIELD, Change, field_changes, log_changes, whole_row
from actionplan.store.versions import USER_KEY

# The kind of entry a new row of these tables makes; any other new row is "added".
_ADDED = {"progress_update": "progress recorded", "measure_reading": "reading added"}


@event.listens_for(Session, "after_flush")
def _log_flush(session: Session, _context: Any) -> None:
    connection = session.connection()
    changes = [
        *(whole_row(what, row, _ADDED.get(what, "added")) for what, row in _logged(session.new)),
        *(change for item in session.dirty for change in _edits(connection, item)),
        *(whole_row(what, row, "deleted") for what, row in _logged(session.deleted)),
    ]
    if changes:
        log_changes(connection, changes, str(session.info.get(USER_KEY, "")), _held(session))


def _held(session: Session) -> dict[tuple[str, Any], dict[str, Any]]:
    """The rows the session holds, as loaded: a progress update's action, say, which then
    need not be read again to name where the change was made."""
    held = {}
    for item in session.identity_map.values():
        what = getattr(item, "__tablename__", None)
        if what in ("action", "priority", "measure") and item not in session.deleted:
            values = _values(item)
            if values.get("id") is not None:
                held[what, values["id"]] = values
    return held


def _logged(items: Iterable[Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    for item in items:
        what = getattr(item, "__tablename__", None)
        if what in MAIN_FIELD:
            yield what, _values(item)


def _values(item: Any) -> dict[str, Any]:
    # Only what is loaded: reading an expired attribute now would query a row maybe gone.
    return {key: value for key, value in inspect(item).dict.items() if not key.startswith("_")}


def _edits(connection: Any, item: Any) -> list[Change]:
    what = getattr(item, "__tablename__", None)
    if what not in MAIN_FIELD:
        return []
    changed = {}
    for attribute in inspect(item).attrs:
        history = attribute.history
        if history.added:
            old = history.deleted[0] if history.deleted else None
            changed[attribute.key] = (old, history.added[0])
    return field_changes(connection, what, _values(item), changed)
