"""Schema migrations: a new database reaches head; newer or foreign databases are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from actionplan.domain.models import metadata
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.migrate import current_revision, head_revision


def test_empty_database_is_migrated_to_head(db: Database) -> None:
    """A new file gets every table of the model and is stamped with the newest revision."""
    assert current_revision(db.engine) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(metadata.tables) <= tables


def test_migrated_schema_matches_the_model(db: Database) -> None:
    """The migrations create exactly the columns the model declares, table by table."""
    inspector = inspect(db.engine)
    for name, table in metadata.tables.items():
        columns = {column["name"] for column in inspector.get_columns(name)}
        assert columns == {column.name for column in table.columns}, name


def test_reopening_a_current_database_changes_nothing(db_path: Path) -> None:
    """Opening twice neither re-runs migrations nor makes a backup copy."""
    Database.open(db_path).close()
    Database.open(db_path).close()
    assert (
        sorted(p.name for p in db_path.parent.glob("plan.db*") if "before-upgrade" in p.name) == []
    )


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    """A schema revision this app does not know means a newer app wrote it: refuse, do not alter."""
    Database.open(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of actionplan"):
        Database.open(db_path)
    assert db_path.read_bytes() == before


def test_database_of_another_program_is_refused(db_path: Path) -> None:
    """A SQLite file with someone else's tables is not taken over."""
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE budget (line TEXT, amount REAL)")
    with pytest.raises(StoreError, match="another program"):
        Database.open(db_path)
    with sqlite3.connect(db_path) as raw:
        names = [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert names == ["budget"]
