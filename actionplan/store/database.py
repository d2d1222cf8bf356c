"""An open, migrated database and the sessions services use to read and write it."""

from __future__ import annotations

import logging
import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

# Imported for their listeners: one counts every change of an action (see update returns),
# one writes every change to the activity log, one notes the plan revisions a write made.
from actionplan.store import activity_watch, migrate, own_revisions, revisions  # noqa: F401
from actionplan.store.engine import make_engine, resolve_target, sqlite_path, use_wal
from actionplan.store.errors import StoreError
from actionplan.store.refusals import NotPermitted, is_refusal, not_permitted
from actionplan.store.target import shown_target
from actionplan.store.versions import USER_KEY, default_user

log = logging.getLogger(__name__)


class Database:
    """One database, opened and brought up to date, with read and write sessions."""

    def __init__(self, engine: Engine, target: str, user: str | None = None) -> None:
        self.engine = engine
        self.target = target
        # Whose changes these are: stamped on every versioned row this handle writes and in
        # the activity log. On a team's server it is the person's login there, which the
        # server's rights are checked against; on a file, the computer's login name.
        self.user = _login_of(engine) if user is None else user
        self._writer = engine.execution_options(sqlite_immediate=True)
        # On a server each read asks without a transaction of its own: under the server's
        # READ COMMITTED every statement sees the data as of its own start either way, and
        # no BEGIN and ROLLBACK go to and fro around it (a ROLLBACK would also make the
        # driver drop the statements it has prepared). A file's read stays one snapshot.
        self._reader = (
            engine.execution_options(isolation_level="AUTOCOMMIT")
            if engine.dialect.name == "postgresql"
            else engine
        )
        # The plans' revisions this handle's own writes made (see own_revisions.py).
        self.own_revisions = own_revisions.OwnRevisions()
        _open_here.add(self)

    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, user: str | None = None
    ) -> Database:
        """Open the database at the target, creating and migrating it as needed; ``user``
        names whoever writes through it (the computer's login name by default)."""
        text = resolve_target(target)
        engine = make_engine(text)
        try:
            migrate.upgrade(engine, sqlite_path(text))
            use_wal(engine)
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            if is_refusal(exc):
                raise NotPermitted(_no_entry(text)) from None
            raise StoreError(_unreadable(text, exc)) from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, text, user)

    @property
    def shown(self) -> str:
        """The target as it may be shown or logged (a server's password masked)."""
        return shown_target(self.target)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.target)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only: every write goes through ``writing``."""
        with Session(self._reader) as session:
            try:
                yield session
            except DatabaseError as exc:
                if is_refusal(exc):
                    raise not_permitted(exc, "read") from None
                if _is_damage(exc):
                    raise StoreError(_damaged(self.shown)) from None
                raise

    def check_whole(self) -> None:
        """Refuse, in one sentence, a SQLite database whose file is damaged."""
        if self.path is None:
            return
        with self.reading() as session:
            verdict = [row[0] for row in session.connection().execute(text("PRAGMA quick_check"))]
        if verdict != ["ok"]:
            log.info("The database failed its quick check (%d problems)", len(verdict))
            raise StoreError(_damaged(self.shown))

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        with Session(self._writer, expire_on_commit=False, info={USER_KEY: self.user}) as session:
            try:
                before = own_revisions.before_writing(session.connection())
                yield session
                session.flush()
                made = own_revisions.made_by_writing(session.connection(), before)
                session.commit()
                self.own_revisions.add(made)
            except StaleDataError:
                session.rollback()
                raise StoreError(
                    "Someone else changed the plan while this was being saved; nothing was "
                    "saved, so please try again."
                ) from None
            except OperationalError as exc:
                session.rollback()
                raise StoreError(f"The database could not be written: {_first_line(exc)}.") from exc
            except DatabaseError as exc:
                session.rollback()
                if is_refusal(exc):
                    raise not_permitted(exc) from None
                if _is_damage(exc):
                    raise StoreError(_damaged(self.shown)) from None
                raise
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        """Release every connection."""
        _open_here.discard(self)
        self.engine.dispose()


def upgrade_schema(target: str | os.PathLike[str] | None = None) -> tuple[str | None, str]:
    """The administrator's upgrade of the database at the target to the app's newest schema,
    creating its tables when it is empty; returns the revision found (None: empty) and the
    one it is at now. Copies running it at once take turns: the first upgrades."""
    text = resolve_target(target)
    engine = make_engine(text)
    try:
        return migrate.administer(engine, sqlite_path(text))
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        if getattr(getattr(exc, "orig", None), "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise StoreError(
                f"You are not permitted to upgrade the database '{shown_target(text)}': "
                "its administrator must run 'actionplan team upgrade'."
            ) from None
        raise StoreError(_unreadable(text, exc)) from exc
    finally:
        engine.dispose()


# PostgreSQL's code for "permission denied".
INSUFFICIENT_PRIVILEGE = "42501"


# Every database this process has open, so a file chosen for reading can be checked first.
_open_here: weakref.WeakSet[Database] = weakref.WeakSet()


def is_open_here(path: str | os.PathLike[str]) -> bool:
    """True when the file is a database this process has open.

    Such a file must never be read as anything else: the system drops all of this
    process's SQLite locks on it when that reader closes it, and another program could
    then delete the open database's -wal and -shm files, with every later save in them.
    Decided from the files' identities alone, without opening either.
    """
    for database in list(_open_here):
        own = database.path
        try:
            if own is not None and os.path.samefile(own, path):
                return True
        except OSError:  # one of them is not there: not the same file
            continue
    return False


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).splitlines()[0].rstrip(".")


def _unreadable(target: str, exc: BaseException) -> str:
    target = shown_target(target)
    detail = _first_line(exc)
    if "not a database" in detail or "malformed" in detail:
        return f"'{target}' is not an actionplan database (or it is damaged)."
    return f"The database '{target}' could not be opened: {detail}."


def _no_entry(target: str) -> str:
    return (
        f"Your login may not open the team database '{shown_target(target)}'; ask its "
        "administrator to add you with 'actionplan team add-user'."
    )


def _is_damage(exc: BaseException) -> bool:
    detail = str(getattr(exc, "orig", None) or exc)
    return "malformed" in detail or "not a database" in detail


def _damaged(target: str) -> str:
    # Only the file's name: the error's own text would quote the query and its values.
    return (
        f"The database '{target}' is damaged and cannot be read safely; "
        "restore it from a backup (nothing was written to it)."
    )


def _login_of(engine: Engine) -> str:
    """The name of whoever writes through the engine: the server login, or the computer's."""
    if engine.dialect.name != "postgresql":
        return default_user()
    if engine.url.username:
        return engine.url.username
    try:  # the login came from the environment (PGUSER) or the operating system
        with engine.connect() as connection:
            return str(connection.execute(text("SELECT current_user")).scalar())
    except DatabaseError:
        return default_user()
