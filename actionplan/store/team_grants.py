"""Turning team_rights.TABLE_RIGHTS into a server's grants and row-level security policies.

Each table's grants are made afresh (everything the groups held revoked first), so running
the team's setup again after an upgrade leaves exactly what the list says. Policies made
here are named ``team_<role>_<command>`` and replaced the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from actionplan.store.team_rights import (
    DELETE,
    INSERT,
    MANAGER,
    SELECT,
    TABLE_RIGHTS,
    UPDATE,
    Grant,
    row_limited,
)

_POLICY_PREFIX = "team_"


def grant_table(connection: Connection, table: str, groups: dict[str, str]) -> None:
    """Give each group what it may do to the table, replacing what it held."""
    name = _ident(table)
    members = ", ".join(_ident(group) for group in groups.values())
    connection.execute(text(f"REVOKE ALL ON TABLE {name} FROM {members}"))
    for role, grant in TABLE_RIGHTS[table].items():
        _grant(connection, name, _ident(groups[role]), grant)
    if row_limited(table):
        _police(connection, table, groups)


def _grant(connection: Connection, table: str, group: str, grant: Grant) -> None:
    plain = sorted(p for p in grant.privileges if not (p == UPDATE and grant.columns))
    if plain:
        connection.execute(text(f"GRANT {', '.join(plain)} ON TABLE {table} TO {group}"))
    if grant.allows(UPDATE) and grant.columns:
        columns = ", ".join(_ident(column) for column in grant.columns)
        connection.execute(text(f"GRANT UPDATE ({columns}) ON TABLE {table} TO {group}"))


def _police(connection: Connection, table: str, groups: dict[str, str]) -> None:
    # FORCE: the tables' owner is held to the policies too (it is made a manager).
    name = _ident(table)
    connection.execute(text(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"))
    connection.execute(text(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY"))
    for policy in _policies_of(connection, table):
        connection.execute(text(f"DROP POLICY {_ident(policy)} ON {name}"))
    for role, grant in TABLE_RIGHTS[table].items():
        for privilege in sorted(grant.privileges):
            rows = grant.rows if privilege != SELECT and grant.rows else "true"
            policy = _ident(f"{_POLICY_PREFIX}{role}_{privilege.lower()}")
            connection.execute(
                text(
                    f"CREATE POLICY {policy} ON {name} FOR {privilege} "
                    f"TO {_ident(groups[role])} {_clauses(privilege, rows)}"
                )
            )


def _clauses(privilege: str, rows: str) -> str:
    if privilege == INSERT:
        return f"WITH CHECK ({rows})"
    if privilege == UPDATE:
        return f"USING ({rows}) WITH CHECK ({rows})"
    assert privilege in (SELECT, DELETE)
    return f"USING ({rows})"


def _policies_of(connection: Connection, table: str) -> list[str]:
    query = text(
        "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() "
        "AND tablename = :table AND policyname LIKE :prefix"
    )
    found = connection.execute(query, {"table": table, "prefix": f"{_POLICY_PREFIX}%"})
    return list(found.scalars())


# The sequence behind a table's id, if it has one (a link table has no id at all).
_SEQUENCE_OF = text(
    "SELECT pg_get_serial_sequence(quote_ident(table_name), column_name) "
    "FROM information_schema.columns WHERE table_schema = current_schema() "
    "AND table_name = :table AND column_name = 'id'"
)


def grant_sequences(connection: Connection, tables: Sequence[str], groups: dict[str, str]) -> None:
    """Let each group draw ids for the tables it adds rows to; a manager, who puts deleted
    rows back with their own ids (undo), may also move the sequence past them."""
    for table in tables:
        sequence = connection.execute(_SEQUENCE_OF, {"table": table}).scalar()
        if sequence is None:
            continue
        for role, grant in TABLE_RIGHTS[table].items():
            group = _ident(groups[role])
            connection.execute(text(f"REVOKE ALL ON SEQUENCE {sequence} FROM {group}"))
            if grant.allows(INSERT):
                rights = "USAGE, SELECT, UPDATE" if role == MANAGER else "USAGE"
                connection.execute(text(f"GRANT {rights} ON SEQUENCE {sequence} TO {group}"))


def _ident(name: str) -> str:
    # Our own table and role names: letters, digits and underscores, quoted as the server
    # would; a double quote cannot appear in them.
    assert '"' not in name, name
    return f'"{name}"'
