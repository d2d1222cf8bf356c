"""A team database's roles on its PostgreSQL server: set up once, then one login per person.

Each database gets three group roles named after it ("northbridge_manager",
"northbridge_lead", "northbridge_reader"), so two partnerships' databases on one server
stay apart. ``set_up_team`` grants them what team_rights.TABLE_RIGHTS lists, with row-level
security (FORCE, so even the tables' owner is held to the policies) where a role may write
only some rows; ``add_member`` gives a person a login in one group and ties a lead's login to
their Lead rows. Run by the database's owner (its administrator), never by the app's daily
users, who connect with their own logins.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.refusals import is_refusal
from actionplan.store.team_grants import grant_sequences, grant_table
from actionplan.store.team_rights import LEAD, ROLES, TABLE_RIGHTS

MAX_NAME = 63  # PostgreSQL's longest identifier, in bytes


@dataclass(frozen=True)
class Standing:
    """Who the connected login is in the team: its role, and whether it owns the database."""

    login: str
    role: str | None  # "manager", "lead", "reader"; None when in none of the groups
    team: bool  # the team's roles are set up on this database
    owner: bool  # the login owns the tables (or is a superuser)
    lead_names: frozenset[str] = frozenset()  # a lead's: the names of the leads they are


def group_names(database_name: str) -> dict[str, str]:
    """The three group roles of the database with this name, by team role."""
    base = re.sub(r"[^a-z0-9_]+", "_", database_name.lower()).strip("_") or "actionplan"
    room = MAX_NAME - len("_manager")
    if len(base) > room:
        digest = hashlib.sha256(database_name.encode()).hexdigest()[:8]
        base = f"{base[: room - 9]}_{digest}"
    return {role: f"{base}_{role}" for role in ROLES}


def _require_server(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        raise StoreError(
            "Team roles live on a PostgreSQL server; a database file is one person's, with "
            "every right."
        )


def set_up_team(db: Database) -> dict[str, str]:
    """Create the team's group roles and grant each what it may do; returns their names.

    Safe to run again (after an upgrade added tables, say): grants are made afresh.
    """
    with _as_administrator(db) as connection:
        groups = group_names(_database_name(connection))
        for group in groups.values():
            if not _role_exists(connection, group):
                connection.execute(text(f"CREATE ROLE {_quoted(connection, group)} NOLOGIN"))
        _open_the_door(connection, groups)
        present = set(inspect(connection).get_table_names())
        for table in sorted(present & set(TABLE_RIGHTS)):
            grant_table(connection, table, groups)
        grant_sequences(connection, sorted(present & set(TABLE_RIGHTS)), groups)
        # The owner is held to the policies as a manager is (FORCE), so it must be one.
        owner = _owner(connection)
        if owner:
            manager = _quoted(connection, groups["manager"])
            connection.execute(text(f"GRANT {manager} TO {_quoted(connection, owner)}"))
    return groups


@contextmanager
def _as_administrator(db: Database) -> Iterator[Connection]:
    """One transaction of the administrator's; the server's refusal told in one sentence."""
    _require_server(db)
    try:
        with db.engine.begin() as connection:
            yield connection
    except DBAPIError as exc:
        if is_refusal(exc):
            raise StoreError(
                "Only the team database's owner (its administrator), allowed to create "
                "roles, can set up its team and add people; connect as that login."
            ) from None
        raise StoreError(f"The team could not be set up: {_first_line(exc)}.") from None


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig or exc).splitlines()[0].rstrip(".")


def _open_the_door(connection: Connection, groups: dict[str, str]) -> None:
    # Only the team's members may connect: a login of another partnership on the same
    # server cannot even open this database.
    database = _quoted(connection, _database_name(connection))
    members = ", ".join(_quoted(connection, group) for group in groups.values())
    connection.execute(text(f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC"))
    connection.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {members}"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {members}"))


def add_member(db: Database, login: str, role: str, password: str | None, leads: str = "") -> int:
    """Give ``login`` the team role (creating the login with the password when new); for a
    lead, tie the login to the plan's leads named ``leads``. Returns how many Lead rows."""
    with _as_administrator(db) as connection:
        groups = group_names(_database_name(connection))
        if not _role_exists(connection, groups[role]):
            raise StoreError(
                "The team is not set up on this database: run 'actionplan team setup'."
            )
        if login in groups.values():
            raise StoreError(f"'{login}' is one of the team's group roles, not a person's login.")
        name = _quoted(connection, login)
        if _role_exists(connection, login):
            if password is not None:
                connection.execute(
                    text(f"ALTER ROLE {name} LOGIN PASSWORD {_literal(connection, password)}")
                )
        elif password is None:
            raise StoreError(f"'{login}' is a new login: it needs a password.")
        else:
            connection.execute(
                text(f"CREATE ROLE {name} LOGIN PASSWORD {_literal(connection, password)}")
            )
        for other in groups.values():
            if _role_exists(connection, other):
                connection.execute(text(f"REVOKE {_quoted(connection, other)} FROM {name}"))
        connection.execute(text(f"GRANT {_quoted(connection, groups[role])} TO {name}"))
        return _tie_lead(connection, login, leads) if role == LEAD else 0


def _tie_lead(connection: Connection, login: str, leads: str) -> int:
    wanted = " ".join(leads.split()).casefold()
    rows = connection.execute(text("SELECT id, plan_id, name FROM lead")).all()
    chosen = [row for row in rows if " ".join(row.name.split()).casefold() == wanted]
    if not chosen:
        names = sorted({row.name for row in rows}, key=str.casefold)
        shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
        known = f"; the plans' leads are: {shown}" if names else "; the database has no leads yet"
        raise StoreError(f"No lead is called '{leads}' in the plans{known}.")
    plans = [row.plan_id for row in chosen]
    connection.execute(text("UPDATE lead SET login = NULL WHERE login = :login"), {"login": login})
    for row in chosen:
        connection.execute(
            text("UPDATE lead SET login = :login WHERE id = :id"), {"login": login, "id": row.id}
        )
    return len(set(plans))


def standing(db: Database) -> Standing:
    """The connected login's place in the team (a file's user is nobody's member: no team),
    with a lead's own names; asked of the server in one go, since every start asks it."""
    if db.engine.dialect.name != "postgresql":
        return Standing(login="", role=None, team=False, owner=True)
    with db.reading() as session:
        connection = session.connection()
        groups = group_names(_database_name(connection))
        found = connection.execute(_STANDING, {f"group_{role}": g for role, g in groups.items()})
        login, owner, superuser, *held = found.one()
        team = all(held[0::2])
        role = next((role for role, member in zip(groups, held[1::2], strict=True) if member), None)
        role = role if team else None
        leads = _lead_names_of(connection) if role == LEAD else frozenset()
    return Standing(login, role, team, owner == login or bool(superuser), leads)


# For each group: whether it exists, and whether the login is in it (pg_has_role would
# fail on a group that does not exist, so it is asked of the groups found).
_STANDING = text(
    "SELECT current_user, "
    "(SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
    "AND tablename = 'plan'), "
    "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user), "
    + ", ".join(
        f"EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :group_{role}), "
        f"EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :group_{role} "
        "AND pg_has_role(current_user, oid, 'MEMBER'))"
        for role in ROLES
    )
)


def _owner(connection: Connection) -> str:
    query = text(
        "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'plan'"
    )
    return str(connection.execute(query).scalar() or "")


def _database_name(connection: Connection) -> str:
    # The driver knows which database it connected to without asking the server.
    known = getattr(getattr(connection.connection.driver_connection, "info", None), "dbname", "")
    if known:
        return str(known)
    return str(connection.execute(text("SELECT current_database()")).scalar())


def _role_exists(connection: Connection, name: str) -> bool:
    query = text("SELECT 1 FROM pg_roles WHERE rolname = :name")
    return connection.execute(query, {"name": name}).first() is not None


def _quoted(connection: Connection, name: str) -> str:
    return str(connection.execute(text("SELECT quote_ident(:name)"), {"name": name}).scalar())


def _literal(connection: Connection, value: str) -> str:
    # The server quotes the password itself: role statements take no parameters.
    return str(connection.execute(text("SELECT quote_literal(:v)"), {"v": value}).scalar())


def team_is_set_up(db: Database) -> bool:
    """True when the database's server holds its team's group roles (team setup was run)."""
    if db.engine.dialect.name != "postgresql":
        return False
    with db.engine.connect() as connection:
        groups = group_names(_database_name(connection))
        return all(_role_exists(connection, group) for group in groups.values())


def login_exists(db: Database, login: str) -> bool:
    """True when the server already has a role of this name."""
    _require_server(db)
    with db.engine.connect() as connection:
        return _role_exists(connection, login)


def my_lead_names(db: Database) -> frozenset[str]:
    """The names of the leads tied to the connected login, in any plan (none on a file)."""
    if db.engine.dialect.name != "postgresql":
        return frozenset()
    with db.engine.connect() as connection:
        return _lead_names_of(connection)


def _lead_names_of(connection: Connection) -> frozenset[str]:
    found = connection.execute(text("SELECT name FROM lead WHERE login = current_user"))
    return frozenset(found.scalars())
