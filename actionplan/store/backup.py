"""Copy a live SQLite database safely with SQLite's online backup API.

The copy is written under a hidden temporary name beside the destination, checked with
SQLite's integrity check, and only then renamed to the name asked for: a backup that is
stopped half way, or a copy of a damaged database, never stands under that name.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

from actionplan.private_files import create_private_file
from actionplan.store.errors import StoreError

log = logging.getLogger(__name__)

# Pages copied per step: a large database is copied in steps rather than in one go.
PAGES_PER_STEP = 1024


def backup_sqlite_file(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to a new file, including what is still in its WAL."""
    destination = destination.expanduser()
    if destination.exists():
        raise StoreError(f"'{destination}' already exists; choose a new name for the backup.")
    if not destination.parent.is_dir():
        raise StoreError(f"Cannot write the backup: the folder '{destination.parent}' is missing.")
    partial = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        _copy(source, partial)
        _check_whole(partial, destination)
        _move_into_place(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def _copy(source: Path, partial: Path) -> None:
    try:
        create_private_file(partial)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst, pages=PAGES_PER_STEP)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"The backup failed: {exc}.") from exc


def _check_whole(partial: Path, destination: Path) -> None:
    try:
        with closing(sqlite3.connect(partial)) as copy:
            verdict = [row[0] for row in copy.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError:
        verdict = ["unreadable"]
    if verdict != ["ok"]:
        log.info("A backup copy failed its integrity check (%d problems)", len(verdict))
        raise StoreError(
            f"The database is damaged, so no backup was written to '{destination}': "
            "keep the database file and your earlier backups as they are."
        )


def _move_into_place(partial: Path, destination: Path) -> None:
    # A hard link fails if the name was taken meanwhile, where a rename would replace it.
    try:
        os.link(partial, destination)
    except FileExistsError:
        raise StoreError(
            f"'{destination}' already exists; choose a new name for the backup."
        ) from None
    except OSError:
        partial.replace(destination)  # a file system without hard links
    partial.unlink(missing_ok=True)
