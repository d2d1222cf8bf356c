"""Hearing that a plan changed: a server's announcements, or a SQLite file's data version.

Each listener keeps a connection of its own. On a server it LISTENs on the channel the
counting triggers announce on (store/revision_triggers.py), and its socket can be watched
for the moment something arrives; on a SQLite file, ``PRAGMA data_version`` moves on
whenever another connection commits. Either can read every plan's revision again, since an
announcement is lost while the connection is down.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from actionplan.store.errors import StoreError
from actionplan.store.plan_revisions import Revisions, plan_revisions
from actionplan.store.revision_triggers import CHANNEL

if TYPE_CHECKING:
    from actionplan.store.database import Database

log = logging.getLogger(__name__)


class LostConnection(StoreError):
    """The listening connection to the server is down."""

    def __str__(self) -> str:
        return "Lost touch with the team database."


class ServerListener:
    """A connection of its own on the server, listening for the plans' new revisions."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._connection: Any = None
        self.connect()

    def connect(self) -> None:
        """Open the listening connection (again); LostConnection when the server is away."""
        import psycopg

        self.close()
        engine = self._db.engine
        args, options = engine.dialect.create_connect_args(engine.url)
        try:
            # A short wait for an absent server: the window asks again later, less often.
            options = {"connect_timeout": 2, **options, "autocommit": True}
            connection = psycopg.connect(*args, **options)
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.info("The listening connection could not be opened: %s", type(exc).__name__)
            raise LostConnection() from None
        self._connection = connection

    def fileno(self) -> int | None:
        """The connection's socket, readable when an announcement (or a hang-up) arrives;
        None while the connection is down."""
        return None if self._connection is None else int(self._connection.fileno())

    def heard(self) -> list[tuple[int, int]]:
        """Every announcement waiting, as (plan id, revision), 0 for a deleted plan."""
        import psycopg

        if self._connection is None:
            raise LostConnection()
        try:
            notes = list(self._connection.notifies(timeout=0))
        except psycopg.Error:
            self.close()
            raise LostConnection() from None
        return [_parsed(note.payload) for note in notes]

    def revisions(self) -> Revisions:
        """Every plan's revision, read on the listening connection itself (so a dead one shows)."""
        import psycopg

        if self._connection is None:
            raise LostConnection()
        try:
            rows = self._connection.execute("SELECT plan_id, revision FROM plan_revision")
            return {int(plan_id): int(revision) for plan_id, revision in rows.fetchall()}
        except psycopg.Error:
            self.close()
            raise LostConnection() from None

    def close(self) -> None:
        """Let go of the listening connection."""
        import psycopg

        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()
            except psycopg.Error:  # a broken connection may fail to close; it is gone anyway
                log.info("The listening connection closed with an error")


class FileWatcher:
    """A connection of its own on a SQLite file, telling when another one committed."""

    def __init__(self, db: Database) -> None:
        self._db = db
        path = db.path
        # An in-memory database has no other connection to hear from.
        self._connection = (
            sqlite3.connect(path, timeout=0.2, isolation_level=None, check_same_thread=False)
            if path is not None
            else None
        )
        self._version = self._data_version()

    def _data_version(self) -> int:
        if self._connection is None:
            return 0
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def news(self) -> Revisions | None:
        """Every plan's revision when a commit has landed since last asked (this app's own
        included), else None; None too while a writer holds the file (asked again later)."""
        try:
            version = self._data_version()
            if version == self._version:
                return None
            revisions = self.revisions()
        except sqlite3.OperationalError:
            return None
        self._version = version
        return revisions

    def revisions(self) -> Revisions:
        """Every plan's revision now."""
        if self._connection is None:
            return plan_revisions(self._db)
        rows = self._connection.execute("SELECT plan_id, revision FROM plan_revision")
        return {int(plan_id): int(revision) for plan_id, revision in rows.fetchall()}

    def close(self) -> None:
        """Let go of the watching connection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _parsed(payload: str) -> tuple[int, int]:
    plan_id, revision = payload.split()
    return int(plan_id), int(revision)
