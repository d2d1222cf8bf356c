"""Schema migrations: a new database reaches head; newer or foreign databases are refused."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import inspect

from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.migrate import current_revision, head_revision
from actionplan.store.schema import metadata


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


def test_quick_revision_check_matches_the_newest_migration() -> None:
    """The revision checked at start-up is the newest migration script's."""
    from actionplan.store.migrate import SCHEMA_REVISION

    assert head_revision() == SCHEMA_REVISION


def test_old_database_is_upgraded_keeping_every_word_and_a_backup(tmp_path: Path) -> None:
    """A database from the first release opens, keeps its plan and history, and is copied first."""
    import shutil
    from datetime import date

    from actionplan.services.actions import action_rows
    from actionplan.services.plans import list_plans
    from actionplan.services.progress import history

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0001.db", old)
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    [plan] = list_plans(db)
    [row] = action_rows(db, plan.id, date(2024, 10, 1))
    assert (plan.title, row.timescale_raw, row.leads) == (
        "Ealdham SCP Business Plan 2024-25",
        "Sept/Oct 2024",
        ("Health", "Education"),
    )
    [update] = history(db, row.id)
    assert (update.text, update.author, update.reason) == (
        "Toolkit launched",
        "Amira",
        "ahead of plan",
    )
    db.close()
    backups = list(tmp_path.glob("plans.db.before-upgrade-0001-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_database_at_0002_gains_a_blank_marking_and_keeps_its_plans(tmp_path: Path) -> None:
    """A database made before plans had a protective marking opens with every plan as it was."""
    import shutil
    from datetime import date

    from actionplan.services.plans import list_plans, plan_settings

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0002.db", old)
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    westmoor, business = sorted(list_plans(db), key=lambda plan: plan.id)
    assert (westmoor.title, westmoor.partnership, westmoor.prepared_by) == (
        "Westmoor Safeguarding Partnership Plan 2025-27",
        "Westmoor Safeguarding Children Partnership",
        "Business Unit",
    )
    assert (westmoor.period_start, westmoor.period_end) == (date(2025, 4, 1), date(2027, 3, 31))
    assert business.title == "Westmoor Business Plan 2024-25"
    assert plan_settings(db, westmoor.id).marking == ""
    db.close()
    assert len(list(tmp_path.glob("plans.db.before-upgrade-0002-*"))) == 1


def test_database_at_0003_keeps_every_update_dated_to_the_day(tmp_path: Path) -> None:
    """A database made before an update could be undated or dated to a month opens with each
    update as it was, dated to the day, and the status each action had."""
    import shutil
    from datetime import date

    from actionplan.domain.status import Status
    from actionplan.services.actions import action_rows
    from actionplan.services.plans import list_plans
    from actionplan.services.progress import history

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0003.db", old)
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    [plan] = list_plans(db)
    [row] = action_rows(db, plan.id, date(2024, 10, 1))
    assert (row.status, row.latest_update_when) == (Status.IN_PROGRESS, "1 Aug 2024")
    [update] = history(db, row.id)
    assert (update.update_date, update.precision, update.text, update.author) == (
        date(2024, 8, 1),
        "day",
        "Toolkit drafted",
        "Amira",
    )
    db.close()
    assert len(list(tmp_path.glob("plans.db.before-upgrade-0003-*"))) == 1


def test_database_at_0005_gains_a_signing_key_and_keeps_every_update(tmp_path: Path) -> None:
    """A database made before returns were signed opens with its plan and updates as they
    were, each action at revision 0, and a signing key of its own made once."""
    import shutil
    from datetime import date

    from actionplan.services.actions import action_rows
    from actionplan.services.plans import list_plans
    from actionplan.services.progress import history

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0005.db", old)
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    [plan] = list_plans(db)
    rows = action_rows(db, plan.id, date(2025, 12, 1))
    assert [(row.ref, row.leads) for row in rows] == [
        ("1.1", ("Police",)),
        ("1.2", ("Police", "Health")),
        ("1.3", ()),
    ]
    [update] = history(db, rows[0].id)
    assert (update.text, update.author, update.reason) == (
        "Twelve businesses signed up",
        "Amira",
        "ahead of plan",
    )
    db.close()
    with sqlite3.connect(old) as raw:
        assert raw.execute("SELECT DISTINCT revision FROM action").fetchall() == [(0,)]
        [(key,)] = raw.execute("SELECT value FROM database_secret").fetchall()
    assert len(key) == 32
    Database.open(old).close()
    with sqlite3.connect(old) as raw:
        assert raw.execute("SELECT value FROM database_secret").fetchall() == [(key,)]
    assert len(list(tmp_path.glob("plans.db.before-upgrade-0005-*"))) == 1


def _rollback_journal_database(path: Path, statements: list[str]) -> bytes:
    """A SQLite file as another program leaves it: rollback journal, no WAL; its bytes."""
    with sqlite3.connect(path) as raw:
        for statement in statements:
            raw.execute(statement)
    raw.close()
    return path.read_bytes()


def test_another_programs_database_is_refused_with_every_byte_unchanged(tmp_path: Path) -> None:
    """Not even its journal mode is switched: the file is byte for byte as it was."""
    path = tmp_path / "accounts.db"
    before = _rollback_journal_database(
        path, ["CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)"]
    )
    with pytest.raises(StoreError, match="another program"):
        Database.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.db"]


def test_a_newer_apps_database_is_refused_with_every_byte_unchanged(tmp_path: Path) -> None:
    """A file a newer actionplan left in rollback-journal mode stays exactly as it was."""
    path = tmp_path / "plan.db"
    Database.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        raw.commit()
        assert raw.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    raw.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version of actionplan"):
        Database.open(path)
    assert path.read_bytes() == before


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        names = [
            name
            for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name != "alembic_version"
        ]
        counts = {
            name: raw.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
    raw.close()
    return counts


def test_database_at_0006_keeps_every_row_and_prints_its_drafts(tmp_path: Path) -> None:
    """A database made before a pack's settings were kept opens with every row of every table
    as it was (plan, actions, updates, measures, snapshot, issued returns) and no pack
    settings, so its next pack prints the drafts; it was copied first."""
    import shutil

    from actionplan.services.pack_settings import PackSettings, pack_settings
    from actionplan.services.plans import list_plans

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0006.db", old)
    before = _row_counts(old)
    assert before["action"] == 36 and before["issued_return"] > 0 and before["snapshot"] == 1
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    [plan] = list_plans(db)
    assert pack_settings(db, plan.id) == PackSettings()
    db.close()
    after = _row_counts(old)
    # Tables added by later revisions start empty; every table there before keeps its rows.
    assert {table: after[table] for table in before} == before
    assert after["pack_settings"] == 0
    assert after["plan_revision"] == before["plan"]  # each plan gains its revision
    assert len(list(tmp_path.glob("plans.db.before-upgrade-0006-*"))) == 1


def test_database_at_0007_keeps_every_row_each_at_version_1(tmp_path: Path) -> None:
    """A database made before rows carried versions opens with every row of every table as
    it was; each plan, priority, outcome, action, measure and narrative is at version 1,
    changed by nobody named, and the first edit of one moves it to version 2."""
    import shutil

    from actionplan.services.editing import action_draft, edit_action
    from actionplan.store.tables import VERSIONED_TABLES

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0007.db", old)
    before = _row_counts(old)
    with sqlite3.connect(old) as raw:
        words = raw.execute("SELECT id, text, ref, rag FROM action ORDER BY id").fetchall()
    raw.close()
    assert before["action"] == 36 and before["pack_settings"] == 1 and before["narrative"] > 0
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    with sqlite3.connect(old) as raw:
        for table in VERSIONED_TABLES:
            stamps = raw.execute(
                f'SELECT DISTINCT version, changed_by, changed_at FROM "{table}"'
            ).fetchall()
            assert stamps == [(1, "", None)], table
        assert raw.execute("SELECT id, text, ref, rag FROM action ORDER BY id").fetchall() == words
    raw.close()
    after = _row_counts(old)
    assert {table: after[table] for table in before} == before  # later tables start empty
    assert after["plan_revision"] == before["plan"]  # each plan gains its revision
    first = words[0][0]
    draft = action_draft(db, first)
    assert draft.version == 1
    edit_action(db, first, replace(draft, text="Edited after the upgrade"))
    assert action_draft(db, first).version == 2
    db.close()
    assert len(list(tmp_path.glob("plans.db.before-upgrade-0007-*"))) == 1
