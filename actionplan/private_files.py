"""Files only their owner can read: the database, its backups, the log and the settings.

Kept free of every other layer so the store and the window can both use it. On Windows
the modes mean little and the user's own folders already keep others out.
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def make_private_folder(folder: Path) -> None:
    """Create the folder and any missing parents, each new one readable by its owner only."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # another process made it a moment ago
            continue
    if not folder.is_dir():
        raise NotADirectoryError(f"'{folder}' is not a folder")


def create_private_file(path: Path) -> bool:
    """Create an empty file only its owner can read; False when it was already there.

    Never called on a file that exists, so it never opens (and then closes) a live
    database file, which would drop this process's SQLite locks on it.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True
