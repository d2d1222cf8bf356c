"""Backing up a live database with SQLite's online backup API."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.services.backup import backup_database
from actionplan.services.errors import ServiceError
from actionplan.services.plans import create_plan, list_plans
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from tests.store.big_database import damage, make_big_database

# Backing up copies the SQLite file; a server database has its own backup tools.
pytestmark = pytest.mark.sqlite_only


def test_backup_holds_what_is_still_in_the_wal(db: Database, tmp_path: Path) -> None:
    """A plan committed a moment ago (still in the WAL) is in the backup."""
    create_plan(db, "Board plan 2025")
    copy = backup_database(db, tmp_path / "copy.db")
    with sqlite3.connect(copy) as raw:
        titles = [row[0] for row in raw.execute("SELECT title FROM plan")]
    assert titles == ["Board plan 2025"]
    restored = Database.open(copy)
    assert [p.title for p in list_plans(restored)] == ["Board plan 2025"]
    restored.close()


def test_backup_never_overwrites_a_file(db: Database, tmp_path: Path) -> None:
    """An existing file is not replaced by a backup."""
    existing = tmp_path / "keep.db"
    existing.write_text("keep me", encoding="utf-8")
    with pytest.raises(StoreError, match="already exists"):
        backup_database(db, existing)
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_backup_onto_itself_is_refused(db: Database, db_path: Path) -> None:
    """The database cannot be backed up over itself."""
    with pytest.raises(ServiceError, match="different file"):
        backup_database(db, db_path)


def test_backup_into_a_missing_folder_is_refused(db: Database, tmp_path: Path) -> None:
    """A folder that does not exist gives one sentence, no traceback."""
    with pytest.raises(StoreError, match="is missing"):
        backup_database(db, tmp_path / "nowhere" / "copy.db")


def test_a_killed_backup_leaves_nothing_under_the_name_asked_for(tmp_path: Path) -> None:
    """Stopping `actionplan backup` half way leaves no file that would open as an empty plan."""
    source = make_big_database(tmp_path / "plan.db")
    out = tmp_path / "backups" / "copy.db"
    out.parent.mkdir()
    backup = subprocess.Popen(
        [sys.executable, "-m", "actionplan", "backup", str(out), "--db", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while backup.poll() is None and not any(out.parent.iterdir()):
        pass  # wait for the copy to begin, then stop it at once
    backup.send_signal(signal.SIGKILL)
    backup.wait()
    assert not out.exists()


def test_a_damaged_database_is_not_backed_up(tmp_path: Path) -> None:
    """The integrity check fails: one sentence, and no file under the name asked for."""
    source = damage(make_big_database(tmp_path / "plan.db", updates=2_000))
    out = tmp_path / "copy.db"
    result = subprocess.run(
        [sys.executable, "-m", "actionplan", "backup", str(out), "--db", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.db"]
