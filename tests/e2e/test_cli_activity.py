"""`actionplan activity`: the plan's log printed as a table or written to a file, as a
script would use it, with DESIGN.md's one-line failures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database
from tests.e2e.test_cli import _one_line_failure, run
from tests.plan_helpers import plan_with_leads


def _edited(path: Path) -> None:
    db = Database.open(path, user="Ana Novak")
    try:
        plan_id = save_plan_data(db, plan_with_leads())
        rows = {row.ref: row.id for row in action_rows(db, plan_id, date(2025, 12, 1))}
        for ref, words in (("1.1", "=1+2 first"), ("1.2", "Zażółć — تقييم")):
            draft = action_draft(db, rows[ref])
            edit_action(db, rows[ref], replace(draft, text=words))
    finally:
        db.close()


def test_activity_prints_each_change_and_filters_by_action(tmp_path: Path) -> None:
    """The table names who changed which action to what; --action 1.2 leaves 1.1 out;
    --db may come after the options."""
    path = tmp_path / "plan.db"
    _edited(path)
    every = run("activity", "--db", str(path))
    assert every.returncode == 0, every.stderr
    assert "Ana Novak" in every.stdout and "→ =1+2 first" in every.stdout
    one = run("activity", "--action", "1.2", "--db", str(path))
    assert one.returncode == 0, one.stderr
    assert "action 1.2" in one.stdout and "Zażółć — تقييم" in one.stdout
    assert "action 1.1" not in one.stdout
    later = run("activity", "--from", "2999-01-01", "--db", str(path))
    assert later.stdout.startswith("Nothing in ")


def test_activity_out_writes_a_workbook_and_refuses_to_replace_it_unasked(tmp_path: Path) -> None:
    """--out FILE.xlsx writes the entries; a second run keeps the file and says so in one
    line; a day that is no date is refused in one line."""
    path, out = tmp_path / "plan.db", tmp_path / "log.xlsx"
    _edited(path)
    written = run("activity", "--db", str(path), "--out", str(out))
    assert written.returncode == 0, written.stderr
    sheet = load_workbook(out)["Activity"]
    assert "=1+2 first" in [row[5] for row in sheet.iter_rows(values_only=True)]
    assert "already exists" in _one_line_failure(
        run("activity", "--db", str(path), "--out", str(out))
    )
    assert "YYYY-MM-DD" in _one_line_failure(run("activity", "--db", str(path), "--to", "March"))
