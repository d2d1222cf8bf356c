"""Writing the activity log: who changed which field of which row, from what to what.

Every write path of the store passes through here: the ORM's flushes (activity_watch.py),
the one Core UPDATE of a versioned row (versions.update_row), a deletion and its undo
(removal.py) and a whole plan written at once (plan_writer.py). Each change becomes one
entry, its words whole, stamped by the server's clock (a column default). Bookkeeping the
app does on every write (versions, stamps, the revision count, neighbours renumbered) is
not a change anyone made, and is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from actionplan.store.schema import metadata
from actionplan.store.team_tables import Activity

# The rows whose changes are logged, and the field that names a whole row added or deleted.
MAIN_FIELD = {
    "plan": "title",
    "priority": "title",
    "outcome": "title",
    "action": "text",
    "progress_update": "text",
    "measure": "name",
    "measure_reading": "value_raw",
    "narrative": "period_label",
    "lead": "name",
}

# Written by the app on every save, or worked out from words that are logged themselves
# (a due date from the timescale's words, a RAG from the letter typed): not a change.
NOT_LOGGED = frozenset(
    {
        "id",
        "version",
        "changed_by",
        "changed_at",
        "revision",
        "updated_at",
        "created_at",
        "recorded_at",
        "position",
        "timescale_kind",
        "due_date",
        "start_date",
        "rag_raw",
        "status_raw",
        "direction",
        "baseline",
        "target",
        "value",
        "period_end",
    }
)

# Deleting a row takes its children with it; these are named in the log one by one, while
# a deleted action's progress updates and a measure's readings go without a word each.
NAMED_WHEN_CASCADED = frozenset({"priority", "outcome", "action", "measure", "narrative", "lead"})

_undoing: ContextVar[bool] = ContextVar("actionplan_undoing", default=False)


@contextmanager
def undoing() -> Iterator[None]:
    """Log every change written inside as ``undone``: the user taking back their own."""
    token = _undoing.set(True)
    try:
        yield
    finally:
        _undoing.reset(token)


@dataclass(frozen=True)
class Change:
    """One change about to be logged: a field of a row, or a whole row added or deleted."""

    what: str  # the table
    row: dict[str, Any] = field(hash=False)  # the row's values (as they were, if deleted)
    field: str = ""
    old: str = ""
    new: str = ""
    kind: str = "changed"


def words(value: Any) -> str:
    """A stored value as the log keeps it: text whole, a date as YYYY-MM-DD, none as blank."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(getattr(value, "value", value))


def field_changes(
    connection: Connection, what: str, row: dict[str, Any], changed: dict[str, tuple[Any, Any]]
) -> list[Change]:
    """The changes of the fields worth logging, each (old, new) given by column name."""
    found = []
    for name, (old, new) in changed.items():
        if name in NOT_LOGGED:
            continue
        before, after = _named(connection, name, old), _named(connection, name, new)
        if before != after:
            found.append(Change(what, row, name, before, after))
    return found


def whole_row(what: str, row: dict[str, Any], kind: str) -> Change:
    """A row added or deleted, named by its main words."""
    main = MAIN_FIELD[what]
    text = words(row.get(main))
    if kind == "deleted":
        return Change(what, row, main, old=text, kind=kind)
    return Change(what, row, main, new=text, kind=kind)


def log_changes(
    connection: Connection,
    changes: list[Change],
    user: str,
    known: dict[tuple[str, Any], dict[str, Any]] | None = None,
) -> None:
    """Write the changes to the log, in this transaction, as made by ``user``; ``known``:
    rows this transaction holds already (by table and id), not read again to name a change."""
    if not changes:
        return
    places = _Places(connection, known or {})
    undone = _undoing.get()
    entries = []
    for change in changes:
        plan_id, action_id, label = places.of(change.what, change.row)
        entries.append(
            {
                "who": user,
                "plan_id": plan_id,
                "action_id": action_id,
                "what": change.what,
                "row_id": change.row.get("id") or 0,
                "label": label,
                "field": change.field,
                "old": change.old,
                "new": change.new,
                "kind": "undone" if undone else change.kind,
            }
        )
    # Inline: a server is not first asked for a new entry's id, which nobody needs (a save
    # is one round trip shorter).
    connection.execute(insert(Activity.__table__).inline(), entries)  # type: ignore[attr-defined]


def log_update(
    connection: Connection, table: Table, before: dict[str, Any], user: str
) -> list[Change]:
    """Log what a Core UPDATE changed in one row, reading the row as it stands now."""
    if table.name not in MAIN_FIELD:
        return []
    after = connection.execute(select(table).where(table.c.id == before["id"])).first()
    if after is None:
        return []
    now = dict(after._mapping)
    changed = {name: (before.get(name), value) for name, value in now.items()}
    changes = field_changes(connection, table.name, now, changed)
    log_changes(connection, changes, user)
    return changes


def removal_changes(rows: list[tuple[str, list[dict[str, Any]]]], kind: str) -> list[Change]:
    """The whole rows a deletion (or its undo) names: the row chosen and what went with it
    that people name, e.g. each action of a deleted priority. Parents first."""
    found: list[Change] = []
    for place, (table, table_rows) in enumerate(rows):
        if table in MAIN_FIELD and (place == 0 or table in NAMED_WHEN_CASCADED):
            found.extend(whole_row(table, row, kind) for row in table_rows)
    return found


def _named(connection: Connection, name: str, value: Any) -> str:
    # A link to another row is logged as that row's words, which outlive the row.
    if value is None or name not in ("priority_id", "outcome_id"):
        return words(value)
    table = metadata.tables[name.removesuffix("_id")]
    found = connection.execute(select(table).where(table.c.id == value)).first()
    if found is None:
        return words(value)
    if name == "priority_id":
        return f"{found.number} {found.title}".strip()
    return str(found.title)


# What a change's place is named from, of the rows it belongs to.
_PLACE_FIELDS = {
    "action": {"plan_id", "ref"},
    "priority": {"plan_id", "number"},
    "measure": {"plan_id", "action_id", "name"},
}


class _Places:
    """Which plan and action a row belongs to, and how people name it, asked once each."""

    def __init__(
        self, connection: Connection, known: dict[tuple[str, Any], dict[str, Any]]
    ) -> None:
        self.connection = connection
        self.seen: dict[tuple[str, Any], dict[str, Any]] = {
            key: row for key, row in known.items() if _PLACE_FIELDS.get(key[0], {"-"}) <= set(row)
        }

    def _row(self, table: str, row_id: Any) -> dict[str, Any]:
        key = (table, row_id)
        if key not in self.seen:
            rows = metadata.tables[table]
            found = self.connection.execute(select(rows).where(rows.c.id == row_id)).first()
            self.seen[key] = dict(found._mapping) if found is not None else {}
        return self.seen[key]

    def of(self, what: str, row: dict[str, Any]) -> tuple[int | None, int | None, str]:
        """(plan id, action id, label) for a row of the table ``what``."""
        if what == "plan":
            return row.get("id"), None, f"plan {row.get('title', '')}".strip()
        if what == "action":
            return row.get("plan_id"), row.get("id"), _action_label(row)
        if what == "progress_update":
            action = self._row("action", row.get("action_id"))
            return (
                action.get("plan_id"),
                row.get("action_id"),
                f"progress on {_action_label(action)}",
            )
        if what in ("outcome", "narrative"):
            priority = self._row("priority", row.get("priority_id"))
            label = f"{what} of priority {priority.get('number', '')}".strip()
            return priority.get("plan_id"), None, label
        if what == "measure_reading":
            measure = self._row("measure", row.get("measure_id"))
            label = f"{row.get('period_label', '')} reading of measure {measure.get('name', '')}"
            return measure.get("plan_id"), measure.get("action_id"), label
        if what == "measure":
            return row.get("plan_id"), row.get("action_id"), f"measure {row.get('name', '')}"
        if what == "priority":
            return row.get("plan_id"), None, f"priority {row.get('number', '')}".strip()
        return row.get("plan_id"), None, f"{what} {row.get('name', '')}".strip()


def _action_label(row: dict[str, Any]) -> str:
    return f"action {row.get('ref') or '(no ref)'}" if row else "an action"
