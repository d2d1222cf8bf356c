"""Turn a ``--db`` value (a file path or an SQLAlchemy URL) into a ready engine."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from actionplan.private_files import create_private_file, make_private_folder
from actionplan.store.errors import StoreError
from actionplan.store.no_nul import drop_nul_from_text
from actionplan.store.server_pool import check_on_checkout
from actionplan.store.target import default_database_path, is_url, resolve_target, shown_target

__all__ = ["default_database_path", "make_engine", "resolve_target", "sqlite_path", "use_wal"]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def sqlite_path(target: str) -> Path | None:
    """The file behind a SQLite target, or None for in-memory and other databases."""
    if not is_url(target):
        return Path(target).expanduser()
    url = make_url(target)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser()


def make_engine(target: str | os.PathLike[str] | None = None) -> Engine:
    """An engine for the target, with SQLite set up for safe desktop use."""
    text = resolve_target(target)
    path = sqlite_path(text)
    if path is not None:
        _check_sqlite_file(path)
        return _sqlite_engine(f"sqlite:///{path}")
    try:
        url = make_url(text)
    except ArgumentError as exc:
        shown = shown_target(text)
        raise StoreError(f"'{shown}' is not a database file path or a database URL.") from exc
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url.render_as_string(hide_password=False))
    return _server_engine(url)


def _server_engine(url: URL) -> Engine:
    options: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in PSYCOPG:
        # The app stores no hstore values: not asking the server about the type saves
        # three round trips on every start.
        options["use_native_hstore"] = False
    engine = _create(url.render_as_string(hide_password=False), **options)
    check_on_checkout(engine)
    return engine


PSYCOPG = ("psycopg", "psycopg2")


def _create(url: str, **options: Any) -> Engine:
    try:
        engine = create_engine(url, **options)
    except (ArgumentError, ImportError) as exc:
        shown = shown_target(url)
        raise StoreError(f"Cannot use the database '{shown}': {exc}.") from exc
    drop_nul_from_text(engine)
    return engine


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"'{path}' is a folder, not a database file.")
    folder = path.parent
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise StoreError(f"The database file '{path}' cannot be read and written by you.")
        return
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StoreError(f"Cannot create the folder '{folder}' for the database.") from exc
    if not os.access(folder, os.W_OK):
        raise StoreError(f"Cannot create a database in '{folder}': the folder is not writable.")
    # SQLite gives the -wal and -shm files the database file's own mode, so creating it
    # private first keeps all three readable by their owner only.
    try:
        create_private_file(path)
    except OSError as exc:
        raise StoreError(
            f"The database '{path}' could not be opened: the file cannot be created there."
        ) from exc


def _sqlite_engine(url: str) -> Engine:
    engine = _create(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transactions into our own hands (the recipe that works on Python 3.11):
    # the driver stops issuing BEGIN itself, and _on_sqlite_begin emits it.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if _is_file_database(dbapi_connection):
            # WAL is switched on by use_wal once the app has accepted the file: switching
            # it here would change a file that is about to be refused.
            cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def use_wal(engine: Engine) -> None:
    """Switch an accepted SQLite file to write-ahead logging, kept in the file from then on."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        if _is_file_database(driver):
            try:
                driver.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError:
                # Another copy of the app is using the file this moment (several opening a
                # new database at once): the rollback journal is as safe, and the next copy
                # to open the file switches it.
                log.info("write-ahead logging not switched on: the database is in use")


def _is_file_database(dbapi_connection: Any) -> bool:
    rows = dbapi_connection.execute("PRAGMA database_list").fetchall()
    return any(row[1] == "main" and row[2] for row in rows)


def _on_sqlite_begin(connection: Any) -> None:
    # A write transaction takes the write lock at once (BEGIN IMMEDIATE), so a
    # read-then-write never fails half way under contention; reads stay deferred.
    immediate = connection.get_execution_options().get("sqlite_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
