"""Setting up a team's database on a PostgreSQL server and adding its members.

Run by the database's administrator (its owner): the group roles and what each may do come
from the store's one list of rights; each person gets their own login in one role, and a
lead's login is tied to their name as the plan gives it.
"""

from __future__ import annotations

from actionplan.services.errors import ServiceError
from actionplan.store import team_roles
from actionplan.store.database import Database
from actionplan.store.team_rights import LEAD, ROLES

__all__ = ["ROLES", "add_member", "grant_after_upgrade", "is_new_login", "set_up"]

MAX_LOGIN = team_roles.MAX_NAME


def set_up(db: Database) -> dict[str, str]:
    """Create the team's roles on the database's server and grant them; returns the group
    role of each team role. Run again after an upgrade, it grants any new tables too."""
    return team_roles.set_up_team(db)


def grant_after_upgrade(db: Database) -> bool:
    """Give the team's roles their rights on what an upgrade added, when the team is set up;
    True when they were granted afresh."""
    if not team_roles.team_is_set_up(db):
        return False
    team_roles.set_up_team(db)
    return True


def is_new_login(db: Database, login: str) -> bool:
    """True when the server has no login of this name yet (one will be made)."""
    return not team_roles.login_exists(db, _checked_login(login))


def add_member(db: Database, login: str, role: str, password: str | None, lead: str = "") -> int:
    """Give a person a login with a team role; a lead's login is tied to the plans' leads
    called ``lead``. Returns how many plans name them as a lead (0 for other roles)."""
    login = _checked_login(login)
    if role not in ROLES:
        raise ServiceError(f"A team role is one of {', '.join(ROLES)}, not '{role}'.")
    if role == LEAD and not lead.strip():
        raise ServiceError(
            "A lead's login must be tied to their name as the plan gives it: add "
            '--lead "Name as in the plan".'
        )
    if role != LEAD and lead.strip():
        raise ServiceError(f"Only a lead is tied to a lead's name; '{login}' is a {role}.")
    if password is not None and (not password or "\x00" in password):
        raise ServiceError("The password is empty or holds a character it cannot have.")
    return team_roles.add_member(db, login, role, password, lead)


def _checked_login(login: str) -> str:
    clean = login.strip()
    if not clean or "\x00" in clean or len(clean.encode()) > MAX_LOGIN:
        raise ServiceError(f"A login is 1 to {MAX_LOGIN} characters, without control characters.")
    if clean.lower().startswith("pg_"):
        raise ServiceError("A login cannot start with 'pg_': the server keeps those names.")
    if not clean.isprintable():
        raise ServiceError(f"A login is 1 to {MAX_LOGIN} characters, without control characters.")
    return clean
