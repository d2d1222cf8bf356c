"""The compatibility marker: which older copies of the app may go on using an upgraded database.

Each migration says whether an app that does not know it may go on (``OLDER_APPS_MAY_CONTINUE``
in its script; a step that does not say counts as no). After an upgrade the database records
the oldest app schema that may still use it, for the schema it was written for; an app meeting
a schema newer than its own reads that row and works on if it knows the schema named there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert, inspect, select

from actionplan.store.team_tables import SchemaCompatibility

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

MARKER = SchemaCompatibility.__table__  # type: ignore[attr-defined]


def oldest_app_schema(scripts: ScriptDirectory) -> str:
    """The oldest app schema that may use a database at the newest revision of ``scripts``:
    walking down from the newest step, the first one older apps may not continue past."""
    revision = ""
    for script in scripts.walk_revisions():  # newest first
        revision = script.revision
        if not getattr(script.module, "OLDER_APPS_MAY_CONTINUE", False):
            return revision
    return revision


def write_marker(connection: Connection, scripts: ScriptDirectory) -> None:
    """Record, for the schema just reached, the oldest app schema that may still use it."""
    head = scripts.get_current_head()
    assert head is not None, "the app ships at least one migration"
    connection.execute(delete(MARKER))
    connection.execute(
        insert(MARKER).values(schema_revision=head, oldest_app_schema=oldest_app_schema(scripts))
    )


def may_use(connection: Connection, current: str, known: set[str]) -> bool:
    """True when this app, knowing the ``known`` revisions, may use a database at ``current``,
    a schema newer than its own: the database's marker, written for that very schema, names
    an app schema this app knows."""
    if not inspect(connection).has_table(MARKER.name):
        return False
    oldest = connection.execute(
        select(MARKER.c.oldest_app_schema).where(MARKER.c.schema_revision == current)
    ).scalar_one_or_none()
    return oldest is not None and oldest in known
