"""Another program beside this one on the same database file, and what this process holds.

The window and a command (a backup, an import) often have one database open at once;
these helpers run the second program as a real process and look at this process's own
open files, as `ls -l /proc/PID/fd` shows them to a user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DELETED = " (deleted)"

# A fresh process reads every plan title through the services, as a new window would.
_READ_TITLES = (
    "import json, sys\n"
    "from actionplan.services.plans import list_plans\n"
    "from actionplan.services.workspace import open_database\n"
    "db = open_database(sys.argv[1])\n"
    "print(json.dumps([plan.title for plan in list_plans(db)]))\n"
    "db.close()\n"
)

# A second program that only opens the database, reads a little and closes it again.
_GLANCE = (
    "import sqlite3, sys\n"
    "connection = sqlite3.connect(sys.argv[1])\n"
    "connection.execute('SELECT count(*) FROM plan').fetchall()\n"
    "connection.close()\n"
)


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a short Python program in a new process and wait for it."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def titles_seen_afresh(path: Path) -> list[str]:
    """Every plan title in the database file, read by a process that just started."""
    result = run_python(_READ_TITLES, str(path))
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def glance_from_another_process(path: Path) -> None:
    """Open the database in another process, read from it and close it."""
    result = run_python(_GLANCE, str(path))
    assert result.returncode == 0, result.stderr


def open_database_files(path: Path) -> list[str]:
    """This process's open descriptors of the database file and its -wal and -shm files."""
    names = {f"{path.resolve()}{end}" for end in ("", "-wal", "-shm")}
    links = []
    for entry in Path("/proc/self/fd").iterdir():
        try:
            links.append(os.readlink(entry))
        except OSError:  # a descriptor closed while we looked (the listing's own, say)
            continue
    return sorted(link for link in links if link.removesuffix(DELETED) in names)


def deleted_database_files(path: Path) -> list[str]:
    """The database files this process still writes to that are gone from the folder."""
    return [link for link in open_database_files(path) if link.endswith(DELETED)]
