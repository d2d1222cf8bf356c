"""Hostile files run through `actionplan import` under a memory cap: refused or read, never a crash.

Each import runs in its own process limited by ``resource.setrlimit(RLIMIT_AS)``, so a reader that
expands a small file into gigabytes fails the test instead of slowing the machine. The cap is
four times what the normal import of the 24,000-action benchmark tracker needs (it ran within
250 MB of address space, measured), and far below what the expanding files asked for.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.hostile_files import HOSTILE_FILES, make, run_import

MEMORY_CAP = 1024 * 1024 * 1024


def _plan_titles(db: Path) -> list[str]:
    """The titles of the plans in the database, as the window would list them."""
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM plan ORDER BY id")]


@pytest.fixture
def existing_db(tmp_path: Path) -> Path:
    """A database that already holds one plan, imported from a small tracker."""
    small = tmp_path / "small.csv"
    small.write_text("Ref,Action,Lead,RAG\n1.1,Relaunch the neglect toolkit,Police,G\n")
    db = tmp_path / "plan.db"
    outcome = run_import(small, db, MEMORY_CAP)
    assert outcome.returncode == 0, outcome.stderr
    return db


@pytest.mark.parametrize("kind", list(HOSTILE_FILES))
def test_hostile_file_is_refused_in_one_sentence_or_read_under_a_memory_cap(
    kind: str, tmp_path: Path, existing_db: Path
) -> None:
    """Each hostile file is refused with one line, or imported; never a crash or traceback."""
    before = _plan_titles(existing_db)
    outcome = run_import(make(kind, tmp_path), existing_db, MEMORY_CAP)
    assert "Traceback" not in outcome.stderr and "MemoryError" not in outcome.stderr
    if outcome.returncode == 0:
        assert len(_plan_titles(existing_db)) == len(before) + 1
        return
    assert outcome.returncode == 1, outcome.stderr
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("actionplan: "), outcome.stderr
    assert _plan_titles(existing_db) == before


def test_shared_string_bomb_is_refused_naming_the_expanded_size(tmp_path: Path) -> None:
    """One long text repeated by every cell is refused before any reader expands it."""
    outcome = run_import(make("shared-string bomb", tmp_path), tmp_path / "plan.db", MEMORY_CAP)
    # 400,000 cells of 32,000 characters: 12,800 million, counted to within a fraction of 1%
    assert re.fullmatch(
        r"actionplan: 'shared_strings\.xlsx' is too large to be an action plan: its cells repeat "
        r"long texts so often that it would open as 12,[78][0-9]{2} million characters of text "
        r"\(the limit is 50 million\)\.",
        outcome.stderr.strip(),
    ), outcome.stderr


def test_huge_csv_is_refused_at_the_same_row_limit_as_a_workbook(tmp_path: Path) -> None:
    """A CSV of over a million rows is refused like a workbook sheet of as many rows."""
    outcome = run_import(make("huge CSV", tmp_path), tmp_path / "plan.db", MEMORY_CAP)
    assert outcome.stderr.strip() == (
        "actionplan: 'huge.csv' is too large to be an action plan: sheet 'huge' has more than "
        "50,000 rows (the limit is 50,000 rows a sheet)."
    )
