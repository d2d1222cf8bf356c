"""The database, its -wal and -shm, backups and before-upgrade copies are the owner's alone."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from actionplan.services.backup import backup_database
from actionplan.services.plans import create_plan
from actionplan.store.database import Database

DATA = Path(__file__).parent / "data"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_are_readable_by_their_owner_only(
    tmp_path: Path,
) -> None:
    """Created with its folders: files 0600, folders 0700, while it is being written."""
    path = tmp_path / "new folder" / "inner" / "plan.db"
    db = Database.open(path)
    try:
        create_plan(db, "Board plan 2025")
        files = [path, path.with_name("plan.db-wal"), path.with_name("plan.db-shm")]
        assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
        folders = [path.parent, path.parent.parent]
        assert [_mode(f) for f in folders] == [0o700, 0o700]
    finally:
        db.close()


@pytest.mark.sqlite_only  # file modes of a SQLite backup
def test_a_backup_is_readable_by_its_owner_only(db: Database, tmp_path: Path) -> None:
    """The copy the user asked for holds the same data, so it gets the same protection."""
    create_plan(db, "Board plan 2025")
    copy = backup_database(db, tmp_path / "copy.db")
    assert _mode(copy) == 0o600


def test_the_copy_made_before_an_upgrade_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """Upgrading an old database leaves its earlier self aside, private like the database."""
    old = tmp_path / "old.db"
    shutil.copyfile(DATA / "schema_0001.db", old)
    Database.open(old).close()
    [copy] = [p for p in tmp_path.iterdir() if "before-upgrade" in p.name]
    assert _mode(copy) == 0o600
