"""Bring a database up to the app's schema with Alembic, safely.

A database written by a newer version of the app is refused, not touched, unless its
compatibility marker lets this app go on; a database with tables of some other program is
refused; an existing file is copied aside (SQLite's online backup) before any upgrade changes
it. A team's server database is upgraded only by its administrator (``administer``): opening
one that is behind the app says so in one sentence and changes nothing.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from actionplan.resources import package_path
from actionplan.store import compatibility, revision_triggers
from actionplan.store.backup import backup_sqlite_file
from actionplan.store.errors import StoreError
from actionplan.store.target import SCHEMA_REVISION

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    """The Alembic configuration pointing at the app's migration scripts."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(package_path("store", "migrations")))
    return config


def head_revision() -> str:
    """The newest schema revision this version of the app knows, as Alembic sees it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the app ships at least one migration"
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for a new one."""
    if engine.dialect.name == "postgresql":
        # One question, asked outside a transaction: no BEGIN and ROLLBACK around it.
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except (OperationalError, ProgrammingError):
            return None
    return rows[0][0] if rows else None


def upgrade(engine: Engine, sqlite_file: Path | None = None) -> None:
    """Bring the database up to the app's schema as it is opened, refusing what it must not
    touch: a SQLite file upgrades itself (one person's, copied first); a server database is
    only checked, since a team's schema is upgraded by its administrator (``administer``).

    An app meeting a newer schema works on it when the database's compatibility marker
    says apps of its schema may, and refuses it otherwise.
    """
    if current_revision(engine) == SCHEMA_REVISION:
        return
    if engine.dialect.name == "sqlite":
        administer(engine, sqlite_file)
    else:
        _check_server(engine)


def administer(engine: Engine, sqlite_file: Path | None = None) -> tuple[str | None, str]:
    """Upgrade the database to the newest schema (creating it when empty); returns the
    revision found (None for an empty database) and the one it is at now.

    Several copies of the app may do this at the same moment: each decides and upgrades
    holding the upgrade lock, so the first upgrades and the others find it done. On a
    server the whole upgrade is one transaction: if it fails, nothing has changed.
    """
    from alembic.script import ScriptDirectory

    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        _foreign_keys(connection, on=False)
        try:
            connection.execution_options(sqlite_immediate=True)
            with connection.begin():
                _take_the_upgrade_lock(connection)
                return _upgrade_holding_the_lock(connection, config, scripts, sqlite_file)
        finally:
            _foreign_keys(connection, on=True)


# Any fixed number, the same in every copy of the app: the key of the server's upgrade lock.
UPGRADE_LOCK_KEY = 0x61637470  # "actp"

NEEDS_UPGRADE = (
    "The team database needs an upgrade: ask your administrator to run 'actionplan team upgrade'."
)
EMPTY_SERVER_DATABASE = (
    "The team database is empty: ask your administrator to run 'actionplan team upgrade', "
    "which creates its tables."
)


def _take_the_upgrade_lock(connection: Connection) -> None:
    # SQLite's BEGIN IMMEDIATE already holds the write lock; on a server, copies of the app
    # opening one database at once take turns on a lock held until the upgrade commits.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY})


def _upgrade_holding_the_lock(
    connection: Connection, config: Config, scripts: ScriptDirectory, sqlite_file: Path | None
) -> tuple[str | None, str]:
    current = _revision_seen_by(connection)
    if current == SCHEMA_REVISION:
        return current, current  # another copy of the app upgraded it while this one waited
    if current is None:
        _refuse_foreign(connection)
    elif current not in (known := _known(scripts)):
        _refuse_newer(connection, current, known)
        return current, current  # a newer schema this app may go on using
    if current is not None and sqlite_file is not None:
        _backup_before_upgrade(sqlite_file, current)
    from alembic import command

    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    # Counting triggers are the app's own, not a step's: a step rebuilding a table drops them.
    revision_triggers.install(connection)
    compatibility.write_marker(connection, scripts)
    return current, _revision_seen_by(connection) or ""


def _check_server(engine: Engine) -> None:
    """Open a server database as it is, or say in one sentence why it cannot be."""
    with engine.connect() as connection, connection.begin():
        # An upgrade under way holds the lock: wait for it to commit, then read its result.
        connection.execute(
            text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": UPGRADE_LOCK_KEY}
        )
        current = _revision_seen_by(connection)
        if current == SCHEMA_REVISION:
            return
        if current is None:
            _refuse_foreign(connection)
            raise StoreError(EMPTY_SERVER_DATABASE)
        from alembic.script import ScriptDirectory

        known = _known(ScriptDirectory.from_config(alembic_config()))
        if current in known:
            raise StoreError(NEEDS_UPGRADE)
        _refuse_newer(connection, current, known)


def _revision_seen_by(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if rows else None


def _known(scripts: ScriptDirectory) -> set[str]:
    return {script.revision for script in scripts.walk_revisions()}


def _refuse_newer(connection: Connection, current: str, known: set[str]) -> None:
    if compatibility.may_use(connection, current, known):
        log.info("Using a database at the newer schema %s, which this app may go on using", current)
        return
    raise StoreError(
        f"This database was written by a newer version of actionplan "
        f"(schema {current}); update the app to open it."
    )


def _refuse_foreign(connection: Connection) -> None:
    tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    if tables:
        raise StoreError(
            "This database belongs to another program (it has tables actionplan does not use)."
        )


def _backup_before_upgrade(sqlite_file: Path, current: str) -> None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = sqlite_file.with_name(f"{sqlite_file.name}.before-upgrade-{current}-{stamp}")
    log.info("Backing up the database before upgrading its schema from %s", current)
    backup_sqlite_file(sqlite_file, copy)


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    # SQLite batch migrations copy tables; foreign keys must be off while they do,
    # and the pragma only takes effect outside a transaction, so it goes to the driver.
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
