"""The first look: the window's first screenful, read with sqlite3 before SQLAlchemy loads.

It must give exactly the rows the ordinary service gives, and step aside (None, the file
untouched) for anything the ordinary path has to open, create, upgrade or refuse.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from actionplan.services.actions import action_rows
from actionplan.services.first_look import FirstLook, first_look, pick_plan
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import list_plans
from actionplan.services.sample_plans import load_sample_plans
from actionplan.store.database import Database
from tests.plan_helpers import long_plan

SCHEMA_0001 = Path(__file__).resolve().parent.parent / "store" / "data" / "schema_0001.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # the first look reads a SQLite file
def test_each_sample_plan_looks_exactly_as_the_ordinary_read_shows_it(
    db: Database, db_path: Path, as_of: date
) -> None:
    """Same plans in the same order, same rows field for field, for every sample layout."""
    load_sample_plans(db)
    plans = list_plans(db)
    lengths = []
    for number, plan in enumerate(plans):
        look = first_look(str(db_path), plan.title.upper(), as_of, 200)
        assert look == FirstLook(plans, number, action_rows(db, plan.id, as_of, limit=200))
        lengths.append(len(look.rows))
    assert sorted(lengths) == [36, 37, 70]


@pytest.mark.sqlite_only  # the first look reads a SQLite file
def test_a_long_plan_gives_its_first_screenful_only(
    db: Database, db_path: Path, as_of: date
) -> None:
    """Past the limit the rest waits for the ordinary read; odd words come back exactly."""
    save_plan_data(db, long_plan(230))
    [plan] = list_plans(db)
    look = first_look(str(db_path), None, as_of, 200)
    assert look is not None
    assert len(look.rows) == 200
    assert look.rows == action_rows(db, plan.id, as_of, limit=200)
    assert look.rows == action_rows(db, plan.id, as_of)[:200]
    texts = {row.text for row in look.rows}
    assert "<b>bold</b> & 'quoted' \"words\" step 1" in texts
    assert "Kuzuia unyanyasaji — تقييم المخاطر — 児童保護 step 2" in texts
    assert {row.outcome_title for row in look.rows} == {"", "Children are safer online"}
    assert any(row.latest_update_date is None for row in look.rows)
    assert any(not row.leads for row in look.rows)


@pytest.mark.sqlite_only  # the first look reads a SQLite file
def test_an_empty_database_looks_empty(db: Database, db_path: Path, as_of: date) -> None:
    """The window shows its welcome page from this, without waiting for the store."""
    assert first_look(str(db_path), None, as_of, 200) == FirstLook([], -1, [])


def test_pick_plan_prefers_the_whole_title_then_a_part_then_the_newest(
    db: Database, db_path: Path, as_of: date
) -> None:
    """The same choice the window makes for --plan."""
    load_sample_plans(db)
    plans = list_plans(db)
    titles = [plan.title for plan in plans]
    assert pick_plan(plans, None) == 0
    assert pick_plan(plans, "   ") == 0
    assert pick_plan(plans, "nscp priorities action plan 2025-26") == titles.index(
        "NSCP PRIORITIES ACTION PLAN 2025-26"
    )
    assert pick_plan(plans, "tracker") == titles.index("NSCP Action Tracker 2025-26")
    assert pick_plan(plans, "no such plan") == 0
    assert pick_plan([], "anything") == 0


def _hostile_files(tmp_path: Path, db_path: Path) -> dict[str, Path]:
    folder = tmp_path / "hostile"
    folder.mkdir()
    files = {
        "empty": folder / "empty.db",
        "text": folder / "notes.db",
        "random": folder / "random.db",
        "truncated": folder / "truncated.db",
        "header-only": folder / "header.db",
        "foreign": folder / "foreign.db",
        "older": folder / "older.db",
        "newer": folder / "newer.db",
        "bad-date": folder / "bad-date.db",
    }
    files["empty"].write_bytes(b"")
    files["text"].write_text("=cmd|' /C calc'!A0\n<script>alert(1)</script>\n", encoding="utf-8")
    files["random"].write_bytes(bytes(range(256)) * 64)
    files["truncated"].write_bytes(db_path.read_bytes()[:3000])
    files["header-only"].write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with sqlite3.connect(files["foreign"]) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.close()
    shutil.copy(SCHEMA_0001, files["older"])
    for name in ("newer", "bad-date"):
        shutil.copy(db_path, files[name])
    with sqlite3.connect(files["newer"]) as newer:
        newer.execute("UPDATE alembic_version SET version_num = '9999'")
    newer.close()
    with sqlite3.connect(files["bad-date"]) as damaged:
        damaged.execute("UPDATE action SET due_date = 'next Tuesday'")
    damaged.close()
    return files


@pytest.mark.sqlite_only  # the first look reads a SQLite file
def test_anything_the_ordinary_path_must_handle_gives_none_and_is_left_untouched(
    db: Database, db_path: Path, tmp_path: Path, as_of: date
) -> None:
    """New, damaged, foreign, older and newer files: None, and not one byte changed."""
    load_sample_plans(db)
    db.close()
    files = _hostile_files(tmp_path, db_path)
    before = {name: _digest(path) for name, path in files.items()}
    for name, path in files.items():
        assert first_look(str(path), None, as_of, 200) is None, name
    assert {name: _digest(path) for name, path in files.items()} == before
    # Reading a WAL-mode file read-only leaves SQLite's shared-memory files beside it, as
    # any reader does; the store's own open removes them when it closes.
    sidecars = {f"{path.name}{end}" for path in files.values() for end in ("-wal", "-shm")}
    names = {p.name for p in (tmp_path / "hostile").iterdir()}
    assert {p.name for p in files.values()} <= names <= {p.name for p in files.values()} | sidecars


@pytest.mark.parametrize(
    "target",
    ["missing.db", "sqlite:///elsewhere.db", "postgresql://board@localhost/plans", "folder"],
)
def test_new_files_folders_and_urls_go_the_ordinary_way(
    tmp_path: Path, as_of: date, target: str
) -> None:
    """Nothing is created by looking: creating a database is the store's work."""
    (tmp_path / "folder").mkdir()
    given = target if "://" in target else str(tmp_path / target)
    assert first_look(given, None, as_of, 200) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_rows_of_chosen_actions_match_the_whole_read(db: Database, as_of: date) -> None:
    """What the window re-reads after an edit: the same rows, only those asked for."""
    save_plan_data(db, long_plan(30))
    [plan] = list_plans(db)
    everything = action_rows(db, plan.id, as_of)
    chosen = [everything[3].id, everything[31].id, everything[0].id]
    some = action_rows(db, plan.id, as_of, action_ids=chosen)
    assert some == [row for row in everything if row.id in chosen]
    assert action_rows(db, plan.id, as_of, action_ids=[]) == []
    assert action_rows(db, plan.id, as_of, action_ids=[10**9]) == []


@pytest.mark.sqlite_only  # the first look reads a SQLite file
def test_undated_and_month_updates_look_the_same_through_both_readers(
    db: Database, db_path: Path, as_of: date
) -> None:
    """Statuses not recorded, an update with no date and one known only to its month: the
    first screenful says exactly what the ordinary read says."""
    from tests.services.test_nothing_invented import business_plan, imported, rag_tracker

    imported(db, business_plan(db_path.parent / "business.xlsx"))
    imported(db, rag_tracker(db_path.parent / "tracker.xlsx"))
    plans = list_plans(db)
    for number, plan in enumerate(plans):
        look = first_look(str(db_path), plan.title, as_of, 200)
        assert look == FirstLook(plans, number, action_rows(db, plan.id, as_of, limit=200))
    whens = [row.latest_update_when for plan in plans for row in action_rows(db, plan.id, as_of)]
    assert sorted(whens) == ["", "", "", "Aug 2020", "date not given", "date not given"]
