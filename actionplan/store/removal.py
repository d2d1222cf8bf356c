"""Taking a row out with everything that belongs to it, and putting it all back exactly.

Deleting an action takes its leads' links, progress updates, snapshot entries and
measures with it. Undo must bring every word back with the same ids, so what is taken
out is kept as plain column values, found by following the schema's cascading foreign
keys rather than by a list that could fall behind the tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, case, delete, insert, or_, select, update
from sqlmodel import Session

from actionplan.store.activity_log import log_changes, removal_changes
from actionplan.store.closed_plans import refuse_if_closed
from actionplan.store.schema import metadata
from actionplan.store.sequences import move_sequences_past
from actionplan.store.tables import VERSIONED_TABLES
from actionplan.store.versions import USER_KEY, current_version, update_row

# Every table of the app: the models share one metadata (the year tables' import fills it).
METADATA = metadata


# Keys per DELETE: keeps each statement well inside SQLite's limits on a big priority.
CHUNK = 200


@dataclass(frozen=True)
class Removed:
    """Rows taken out, by table name, parents before children."""

    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    # Rows that stay but pointed at a removed row (an action under a deleted outcome):
    # (table, column, row id, the id it held), so putting back links them again.
    links: tuple[tuple[str, str, int, Any], ...] = ()

    def count(self, table: str) -> int:
        """How many rows of a table were taken out."""
        return sum(len(rows) for name, rows in self.rows if name == table)


def take_out(session: Session, table_name: str, row_id: int) -> Removed:
    """Delete one row (by id) and every row cascading from it; return them all."""
    tables = METADATA.tables
    found: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    _collect(session, tables[table_name], [row_id], found)
    if table_name != "plan":  # a whole plan may go, closed or not; a part of a closed one not
        _refuse_if_closed(session, table_name, list(found[table_name].values()))
    order = [table for table in METADATA.sorted_tables if found.get(table.name)]
    links = _links_to(session, found)
    named = [(table.name, list(found[table.name].values())) for table in order]
    log_changes(session.connection(), removal_changes(named, "deleted"), _user(session))
    for name, column, row_id, _held in links:
        _set_link(session, METADATA.tables[name], row_id, {column: None})
    for table in reversed(order):
        keys = list(found[table.name])
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            session.connection().execute(delete(table).where(_any_key(table, chunk)))
    rows = tuple((table.name, tuple(found[table.name].values())) for table in order)
    return Removed(rows, tuple(links))


def put_back(session: Session, removed: Removed) -> None:
    """Insert every row taken out, with its own ids, parents first."""
    tables = METADATA.tables
    if removed.rows and removed.rows[0][0] != "plan":
        _refuse_if_closed(session, *removed.rows[0])
    for name, rows in removed.rows:
        if name == "plan_revision":
            _count_on(session, rows)
        elif rows:
            session.connection().execute(insert(tables[name]), list(rows))
    move_sequences_past(session.connection(), (tables[name] for name, rows in removed.rows if rows))
    named = [(name, list(rows)) for name, rows in removed.rows if rows]
    log_changes(session.connection(), removal_changes(named, "added"), _user(session))
    for name, column, row_id, held in removed.links:
        _set_link(session, tables[name], row_id, {column: held})


def _refuse_if_closed(session: Session, table_name: str, rows: Sequence[dict[str, Any]]) -> None:
    # The rows of one table all belong to the same plan: the first tells which.
    if rows:
        refuse_if_closed(session.connection(), METADATA.tables[table_name], rows[0])


def _user(session: Session) -> str:
    return str(session.info.get(USER_KEY, ""))


def _count_on(session: Session, rows: tuple[dict[str, Any], ...]) -> None:
    # A plan brought back gets its revision from the trigger counting its rows; it goes on
    # from the one it had, so a window that knew the plan sees the change as new.
    table = METADATA.tables["plan_revision"]
    for row in rows:
        after = row["revision"] + 1
        later = case((table.c.revision > after, table.c.revision), else_=after)
        where = table.c.plan_id == row["plan_id"]
        session.connection().execute(update(table).where(where).values(revision=later))


def _set_link(session: Session, table: Table, row_id: int, values: dict[str, Any]) -> None:
    # A row that stays (an action under a deleted outcome) is changed like any other edit:
    # a versioned one from the version this transaction holds, and its version bumped.
    connection = session.connection()
    if table.name in VERSIONED_TABLES:
        seen = current_version(connection, table, row_id)
        update_row(connection, table, row_id, seen, values, _user(session))
    else:
        connection.execute(update(table).where(table.c.id == row_id).values(values))


def _links_to(
    session: Session, found: dict[str, dict[tuple[Any, ...], dict[str, Any]]]
) -> list[tuple[str, str, int, Any]]:
    links = []
    for name, rows in found.items():
        parent = METADATA.tables[name]
        ids = [row["id"] for row in rows.values() if "id" in row]
        for child in METADATA.sorted_tables:
            for key in child.foreign_keys:
                if key.column.table is not parent or (key.ondelete or "").upper() != "SET NULL":
                    continue
                staying = found.get(child.name, {})
                query = select(child.c.id, key.parent).where(key.parent.in_(ids))
                for row_id, held in session.connection().execute(query):
                    if (row_id,) not in staying:
                        links.append((child.name, key.parent.name, row_id, held))
    return links


def _collect(
    session: Session,
    table: Table,
    ids: list[Any],
    found: dict[str, dict[tuple[Any, ...], dict[str, Any]]],
) -> None:
    rows = _rows(session, table, table.c.id.in_(ids))
    _keep(table, rows, found)
    for child in METADATA.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is not table or (key.ondelete or "").upper() != "CASCADE":
                continue
            child_rows = _rows(session, child, key.parent.in_(ids))
            new = _keep(child, child_rows, found)
            if new and "id" in child.c:
                _collect(session, child, [row["id"] for row in new], found)


def _rows(session: Session, table: Table, where: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in session.connection().execute(select(table).where(where))]


def _keep(
    table: Table,
    rows: list[dict[str, Any]],
    found: dict[str, dict[tuple[Any, ...], dict[str, Any]]],
) -> list[dict[str, Any]]:
    # A row reached twice (a measure of both a priority and one of its actions) is kept once.
    kept = found.setdefault(table.name, {})
    new = []
    for row in rows:
        key = tuple(row[column.name] for column in table.primary_key.columns)
        if key not in kept:
            kept[key] = row
            new.append(row)
    return new


def _any_key(table: Table, keys: list[tuple[Any, ...]]) -> Any:
    columns = list(table.primary_key.columns)
    if len(columns) == 1:
        return columns[0].in_([key[0] for key in keys])
    return or_(*(and_(*(c == v for c, v in zip(columns, key, strict=True))) for key in keys))
