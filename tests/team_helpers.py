"""A team on the test server: a small plan, its roles set up, one login per kind of member.

Roles live on the whole server, not in one database: every login made here is named after
its test database, so tests running at once never share one, and all are dropped after.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.services.team_members import add_member, set_up
from actionplan.store.database import Database
from actionplan.store.team_roles import group_names
from tests.server_databases import ScratchServer

PASSWORD = "correct horse battery"


@dataclass
class Team:
    """A team database on the test server and the ids of its small plan."""

    url: str
    name: str
    plan_id: int
    priority_id: int
    own_action: int  # 1.1, led by Ana Novak, whose login is the lead's
    others_action: int  # 1.2, led by Ben Okafor, who has no login
    logins: dict[str, str] = field(default_factory=dict)  # team role → login
    opened: list[Database] = field(default_factory=list)

    def url_as(self, role: str) -> str:
        """The database's URL for the member with this team role."""
        url = make_url(self.url).set(username=self.logins[role], password=PASSWORD)
        return url.render_as_string(hide_password=False)

    def open_as(self, role: str) -> Database:
        """The database as the app opens it for that member (closed after the test)."""
        self.opened.append(Database.open(self.url_as(role), user=self.logins[role]))
        return self.opened[-1]


@pytest.fixture
def team(server_database: str, test_server: ScratchServer) -> Iterator[Team]:
    """A plan with two actions on a server database set up for a team of three logins."""
    owner = Database.open(server_database)
    name = make_url(server_database).database or ""
    try:
        made = _made(owner, server_database, name)
        set_up(owner)
        for role, person in (("manager", "mo"), ("lead", "ana"), ("reader", "board")):
            login = f"{name}_{person}"
            made.logins[role] = login
            add_member(owner, login, role, PASSWORD, "Ana Novak" if role == "lead" else "")
    finally:
        owner.close()
    try:
        yield made
    finally:
        for opened in made.opened:
            opened.close()
        test_server.drop(name)
        _drop_roles(test_server, [*made.logins.values(), *group_names(name).values()])


def _made(owner: Database, url: str, name: str) -> Team:
    plan = create_plan(owner, "Northbridge Priorities Action Plan 2025-26", "Northbridge SCP")
    priority = add_priority(owner, plan.id, "Contextual Risk", champion="Ana Novak")
    own = add_action(owner, priority, ActionDraft(text="Run a joint audit", lead="Ana Novak"))
    others = add_action(owner, priority, ActionDraft(text="Train staff", lead="Ben Okafor"))
    return Team(url, name, plan.id, priority, own, others)


def _drop_roles(server: ScratchServer, roles: list[str]) -> None:
    engine = create_engine(server.url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for role in roles:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    finally:
        engine.dispose()


def plain_sql(team: Team, role: str, statement: str, **values: object) -> int:
    """Run one statement as that member with the app bypassed; returns the rows it touched."""
    engine = create_engine(team.url_as(role))
    try:
        with engine.begin() as connection:
            return connection.execute(text(statement), values).rowcount
    finally:
        engine.dispose()
