"""Copy a live SQLite database safely with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from actionplan.private_files import create_private_file
from actionplan.store.errors import StoreError


def backup_sqlite_file(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to a new file, including what is still in its WAL."""
    destination = destination.expanduser()
    if destination.exists():
        raise StoreError(f"'{destination}' already exists; choose a new name for the backup.")
    if not destination.parent.is_dir():
        raise StoreError(f"Cannot write the backup: the folder '{destination.parent}' is missing.")
    try:
        create_private_file(destination)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(destination)) as dst:
            src.backup(dst)
    except (sqlite3.Error, OSError) as exc:
        destination.unlink(missing_ok=True)
        raise StoreError(f"The backup to '{destination}' failed: {exc}.") from exc
    return destination
