"""Reading files beside an open database must never loosen the store's hold on it.

SQLite keeps its locks per process, and the system drops them all when any descriptor of
the file is closed in that process; a reader that opened the file itself would leave the
open database unguarded, and the next program to close it would delete its -wal and -shm
files under it, losing every later write.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.services.backup import backup_database
from actionplan.services.errors import ServiceError
from actionplan.services.first_look import first_look
from actionplan.services.importing import preview_import
from actionplan.services.plans import create_plan
from actionplan.services.returns import preview_returns
from actionplan.store.database import Database
from actionplan.store.quick_read import quick_reader
from tests.store.second_process import (
    deleted_database_files,
    glance_from_another_process,
    open_database_files,
    titles_seen_afresh,
)

# About the SQLite file and its -wal beside an open database.
pytestmark = pytest.mark.sqlite_only


def test_a_quick_read_beside_the_open_database_keeps_its_wal_and_later_writes(
    db: Database, db_path: Path
) -> None:
    """After a quick read and another program's visit, a new plan is still saved to disk."""
    create_plan(db, "Plan saved before the look")
    with quick_reader(str(db_path)) as reader:
        assert reader is not None
        assert [plan[1] for plan in reader.plans_newest_first()] == ["Plan saved before the look"]
    glance_from_another_process(db_path)
    create_plan(db, "Plan saved after the look")
    assert sorted(titles_seen_afresh(db_path)) == [
        "Plan saved after the look",
        "Plan saved before the look",
    ]
    assert f"{db_path.resolve()}-wal" in open_database_files(db_path)
    assert deleted_database_files(db_path) == []


def test_the_windows_first_look_beside_the_open_database_loses_nothing(
    db: Database, db_path: Path, as_of: date
) -> None:
    """The window's first look, run while the database is open, keeps every later write."""
    create_plan(db, "Board plan 2025")
    look = first_look(str(db_path), None, as_of, 200)
    assert look is not None and [plan.title for plan in look.plans] == ["Board plan 2025"]
    glance_from_another_process(db_path)
    create_plan(db, "Board plan 2026")
    glance_from_another_process(db_path)
    assert sorted(titles_seen_afresh(db_path)) == ["Board plan 2025", "Board plan 2026"]
    assert deleted_database_files(db_path) == []
    assert (db_path.parent / f"{db_path.name}-wal").exists()


def test_the_open_database_chosen_as_a_workbook_is_refused_unread(
    db: Database, db_path: Path
) -> None:
    """Picking the database file itself to import says so, and later saves are kept."""
    create_plan(db, "Board plan 2025")
    with pytest.raises(ServiceError) as refused:
        preview_import(db_path)
    assert str(refused.value) == (
        "'plan.db' is the database actionplan is working in, not a workbook; "
        "choose the Excel file to read."
    )
    glance_from_another_process(db_path)
    create_plan(db, "Board plan 2026")
    assert sorted(titles_seen_afresh(db_path)) == ["Board plan 2025", "Board plan 2026"]
    assert deleted_database_files(db_path) == []


def test_the_open_database_among_returns_is_refused_unread(db: Database, db_path: Path) -> None:
    """A lead's return that is really the database file gets its one-line error, unread."""
    create_plan(db, "Board plan 2025")
    [report] = preview_returns(db, [db_path])
    assert report.error == (
        "'plan.db' is the database actionplan is working in, not a workbook; "
        "choose the Excel file to read."
    )
    glance_from_another_process(db_path)
    create_plan(db, "Board plan 2026")
    assert sorted(titles_seen_afresh(db_path)) == ["Board plan 2025", "Board plan 2026"]
    assert deleted_database_files(db_path) == []


def test_a_copy_of_the_database_is_not_taken_for_the_open_one(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """Only the very file in use is refused that way; a copy gets the usual workbook message."""
    create_plan(db, "Board plan 2025")
    copy = backup_database(db, tmp_path / "copy.db")
    with pytest.raises(ServiceError) as refused:
        preview_import(copy)
    assert "working in" not in str(refused.value)
    assert str(refused.value).startswith("'copy.db' ")
