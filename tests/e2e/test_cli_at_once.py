"""Several copies of the app starting on the same database at the same moment."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from tests.e2e.test_cli import run
from tests.excel.import_books import TRACKER_SAMPLE

OLD_SCHEMA = Path(__file__).parents[1] / "store" / "data" / "schema_0001.db"


def _at_once(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command before waiting for any, and collect what each printed."""
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "actionplan", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    finished = []
    for process in started:
        out, err = process.communicate(timeout=120)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return finished


def test_four_imports_into_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    """The first creates the database; every one of the four plans is in it afterwards."""
    db = str(tmp_path / "new" / "plan.db")
    results = _at_once(*[["import", str(TRACKER_SAMPLE), "--db", db]] * 4)
    assert [r.stderr for r in results] == [""] * 4
    assert json.loads(run("summary", "--json", "--db", db).stdout)["actions"] > 0
    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("SELECT count(*) FROM plan").fetchone() == (4,)


def test_four_opening_an_old_database_at_once_upgrade_it_once(tmp_path: Path) -> None:
    """All four read the plan; exactly one copy of the old database is set aside, as one
    upgrade makes (one person's file upgrades itself as it is opened)."""
    db = tmp_path / "plans.db"
    shutil.copy(OLD_SCHEMA, db)
    results = _at_once(*[["summary", "--json", "--db", str(db)]] * 4)
    assert [r.stderr for r in results] == [""] * 4
    assert len({r.stdout for r in results}) == 1
    copies = [p for p in tmp_path.iterdir() if "before-upgrade" in p.name]
    assert len(copies) == 1


def test_a_refused_import_into_a_missing_database_leaves_no_file(tmp_path: Path) -> None:
    """The workbook is refused before any database is made."""
    db = tmp_path / "plan.db"
    not_a_workbook = tmp_path / "notes.xlsx"
    not_a_workbook.write_text("just some notes", encoding="utf-8")
    result = run("import", str(not_a_workbook), "--db", str(db))
    assert result.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.xlsx"]
