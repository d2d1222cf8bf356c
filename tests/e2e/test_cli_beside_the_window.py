"""Commands run while the window has the same database open: every write of both is kept.

A business manager keeps the window open and, meanwhile, backs up or imports from the
command line (or a scheduled job does). Nothing written on either side may vanish: not
from the database, not from the backup, and not when the window is closed afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from actionplan.services.first_look import first_look
from actionplan.services.plans import create_plan
from actionplan.services.workspace import open_database
from actionplan.store.database import Database
from tests.excel.import_books import PRIORITIES_SAMPLE
from tests.store.second_process import deleted_database_files, titles_seen_afresh

IMPORTED = "Imported beside the window"
# Room between the window's saves, so the other process gets its turn at the file.
PAUSE_SECONDS = 0.05


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "actionplan", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def _save_plans_until_done(db: Database, other: subprocess.Popen[str], name: str) -> list[str]:
    """Save a plan after another, as a user in the window would, until the command ends."""
    saved = []
    while other.poll() is None:
        saved.append(create_plan(db, f"{name} {len(saved) + 1}").title)
        time.sleep(PAUSE_SECONDS)
    _out, err = other.communicate(timeout=120)
    assert other.returncode == 0, err
    return saved


def test_an_import_and_a_backup_beside_the_open_window_keep_every_plan(
    tmp_path: Path, as_of: date
) -> None:
    """The window saves while an import and then a backup run: all of it is on disk and
    in the backup, and the window's later saves are there after it closes."""
    path, copy = tmp_path / "plan.db", tmp_path / "backup.db"
    db = open_database(path)
    try:
        saved = [create_plan(db, "Window plan before").title]
        assert first_look(str(path), None, as_of, 200) is not None
        importing = _start("import", str(PRIORITIES_SAMPLE), "--title", IMPORTED, "--db", str(path))
        saved += _save_plans_until_done(db, importing, "Saved during the import")
        saved += [IMPORTED, create_plan(db, "Saved after the import").title]
        before_backup = list(saved)
        backing_up = _start("--db", str(path), "backup", str(copy))
        saved += _save_plans_until_done(db, backing_up, "Saved during the backup")
        saved.append(create_plan(db, "Saved after the backup").title)
        assert sorted(titles_seen_afresh(path)) == sorted(saved)
        assert set(before_backup) <= set(titles_seen_afresh(copy))
        assert deleted_database_files(path) == []
    finally:
        db.close()
    assert sorted(titles_seen_afresh(path)) == sorted(saved)
