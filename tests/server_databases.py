"""PostgreSQL databases for the tests: one migrated template a run, one copy a test.

The server is the one ACTIONPLAN_TEST_PG names, or else the one the PG* variables
describe (pg_virtualenv sets them). Copying the template with CREATE DATABASE … TEMPLATE
takes a fraction of a second, where running every migration for each test would not.
"""

from __future__ import annotations

import itertools
import os
import uuid

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from actionplan.store.database import Database, upgrade_schema

TEST_SERVER_VAR = "ACTIONPLAN_TEST_PG"


def server_url() -> URL | None:
    """The test server's maintenance database, or None when the environment names none."""
    named = os.environ.get(TEST_SERVER_VAR, "").strip()
    if named:
        return make_url(named)
    if not os.environ.get("PGHOST"):
        return None
    return URL.create(
        "postgresql+psycopg",
        username=os.environ.get("PGUSER"),
        password=os.environ.get("PGPASSWORD"),
        host=os.environ["PGHOST"],
        port=int(os.environ["PGPORT"]) if os.environ.get("PGPORT") else None,
        database=os.environ.get("PGDATABASE") or "postgres",
    )


class ScratchServer:
    """Makes and drops the run's databases on one PostgreSQL server."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.admin: Engine = create_engine(url, isolation_level="AUTOCOMMIT")
        run = uuid.uuid4().hex[:8]
        self.template = f"actionplan_tmpl_{run}"
        self._names = (f"actionplan_t_{run}_{n}" for n in itertools.count())

    def url_of(self, name: str) -> str:
        """The full URL of a database on this server (password included: never print it)."""
        return self.url.set(database=name).render_as_string(hide_password=False)

    def make_template(self) -> None:
        """Create the template database and migrate it to the newest schema, as a team's
        administrator does (opening a server database never changes its schema)."""
        self._run(f'CREATE DATABASE "{self.template}"')
        upgrade_schema(self.url_of(self.template))

    def new_database(self, *, blank: bool = False) -> str:
        """A fresh copy of the template (or a blank database); returns its name."""
        name = next(self._names)
        template = "template0" if blank else self.template
        self._run(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        """Drop a database, closing any connection still on it."""
        self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        """Drop the template and let go of the server."""
        self.drop(self.template)
        self.admin.dispose()

    def _run(self, sql: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(sql))


def stored_state(db: Database) -> object:
    """Everything the database holds, to compare before and after: the SQLite file's
    bytes, or on a server every table's rows (a sequence moves on even in a transaction
    rolled back, so sequences are left out)."""
    if db.path is not None:
        return db.path.read_bytes()
    state: dict[str, object] = {}
    with db.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        ).scalars()
        for table in list(tables):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
            state[table] = sorted(map(repr, rows))
    return state
