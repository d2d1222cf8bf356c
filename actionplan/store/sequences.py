"""Keeping a server's id sequences ahead of rows put in with their own ids.

SQLite gives a new row the largest id plus one, so rows put back with their own ids
(undo of a delete) need nothing more there. PostgreSQL draws ids from a sequence that
an insert with explicit ids does not move: the sequence is moved past the largest id,
never back, so a later insert cannot collide with a row put back.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Table, text


def move_sequences_past(connection: Connection, tables: Iterable[Table]) -> None:
    """After inserting rows with explicit ids, move each table's id sequence past them."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        ).scalar()
        if sequence is None:
            continue
        connection.execute(
            text(
                f"SELECT setval(:sequence, GREATEST("
                f'(SELECT COALESCE(MAX(id), 0) FROM "{table.name}"), '
                f"(SELECT last_value FROM {sequence})), true)"
            ),
            {"sequence": sequence},
        )
