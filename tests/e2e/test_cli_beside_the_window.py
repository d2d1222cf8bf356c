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
IMPORTED_DURING_BACKUP = "Imported during the backup"
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


def _save_plans_until_done(db: Database, name: str, *others: subprocess.Popen[str]) -> list[str]:
    """Save a plan after another, as a user in the window would, until the commands end."""
    saved = [create_plan(db, f"{name} 1").title]
    while any(other.poll() is None for other in others):
        time.sleep(PAUSE_SECONDS)
        saved.append(create_plan(db, f"{name} {len(saved) + 1}").title)
    for other in others:
        _out, err = other.communicate(timeout=120)
        assert other.returncode == 0, err
    return saved


def _import(path: Path, title: str) -> subprocess.Popen[str]:
    return _start("import", str(PRIORITIES_SAMPLE), "--title", title, "--db", str(path))


def test_imports_and_a_backup_beside_the_open_window_keep_every_plan(
    tmp_path: Path, as_of: date
) -> None:
    """The window saves while an import runs, then while a backup and another import run
    together: all of it is on disk, the backup holds what came before it, and the window's
    later saves are there after it closes."""
    path, copy = tmp_path / "plan.db", tmp_path / "backup.db"
    db = open_database(path)
    try:
        saved = [create_plan(db, "Window plan before").title]
        assert first_look(str(path), None, as_of, 200) is not None
        saved += _save_plans_until_done(db, "Saved during the import", _import(path, IMPORTED))
        saved += [IMPORTED, create_plan(db, "Saved after the import").title]
        before_backup = list(saved)
        backing_up = _start("--db", str(path), "backup", str(copy))
        importing = _import(path, IMPORTED_DURING_BACKUP)
        saved += _save_plans_until_done(db, "Saved during the backup", backing_up, importing)
        saved += [IMPORTED_DURING_BACKUP, create_plan(db, "Saved after the backup").title]
        assert sorted(titles_seen_afresh(path)) == sorted(saved)
        assert set(before_backup) <= set(titles_seen_afresh(copy))
        assert deleted_database_files(path) == []
    finally:
        db.close()
    assert sorted(titles_seen_afresh(path)) == sorted(saved)
