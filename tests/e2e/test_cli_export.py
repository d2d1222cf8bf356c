"""`actionplan export` and `actionplan merge-returns` run as real processes."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from actionplan.excel.tracker.own_export_reader import read_own_export
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database
from tests.e2e.test_cli import run
from tests.plan_helpers import fill_in
from tests.services.test_returns import ids as action_ids
from tests.services.test_returns import plan_with_leads

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def _saved(path: Path) -> int:
    db = Database.open(path)
    try:
        return save_plan_data(db, plan_with_leads())
    finally:
        db.close()


def _one_line_failure(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_export_writes_the_tracker_and_says_where(tmp_path: Path) -> None:
    """`export OUT.xlsx` writes a workbook that reads back as the stored plan."""
    db, out = tmp_path / "plan.db", tmp_path / "plan.xlsx"
    plan_id = _saved(db)
    result = run("export", str(out), "--db", str(db), "--as-of", "2025-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Exported Northbridge Priorities Action Plan 2025-26 (3 actions) to {out}"
    )
    database = Database.open(db)
    try:
        assert read_own_export(out) == load_plan_data(database, plan_id)
    finally:
        database.close()


def test_import_then_export_original_writes_back_into_the_partnerships_layout(
    tmp_path: Path,
) -> None:
    """`import` a business plan, then `export --layout original` gives back the very same file."""
    db, out = tmp_path / "plan.db", tmp_path / "back.xlsx"
    sample = SAMPLES / "northbridge_business_plan_2025.xlsx"
    assert run("--db", str(db), "import", str(sample)).returncode == 0
    result = run("--db", str(db), "export", str(out), "--layout", "original")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == sample.read_bytes()  # nothing changed, so nothing added
    assert "Note: No RAG, status or update has changed since the import" in result.stdout


def test_export_original_of_a_plan_made_in_the_app_fails_in_one_line(tmp_path: Path) -> None:
    """No workbook to write back into: one sentence on stderr, exit 1, no file."""
    db, out = tmp_path / "plan.db", tmp_path / "back.xlsx"
    _saved(db)
    line = _one_line_failure(run("export", str(out), "--layout", "original", "--db", str(db)))
    assert "was not imported from a workbook" in line
    assert not out.exists()


def test_returns_are_issued_merged_and_applied_from_the_command_line(tmp_path: Path) -> None:
    """`export --returns DIR`, a lead fills one in, `merge-returns` shows it, `--apply` records."""
    db, folder = tmp_path / "plan.db", tmp_path / "returns"
    plan_id = _saved(db)
    issued = run("export", "--returns", str(folder), "--db", str(db), "--as-of", "2025-12-01")
    assert issued.returncode == 0, issued.stderr
    assert "Wrote 2 update returns" in issued.stdout
    assert "Note: 1 action with no lead named, so no return covers them." in issued.stdout
    police = folder / "Return - Police.xlsx"
    book = load_workbook(police)
    sheet = book["Your actions"]
    sheet["H2"], sheet["I2"], sheet["K2"] = "Green", "Complete", datetime(2025, 11, 28)
    sheet["J2"] = "All signed up"
    book.save(police)

    preview = run("merge-returns", str(police), "--db", str(db))
    assert preview.returncode == 0, preview.stderr
    assert "RAG Amber → Green, status In progress → Complete" in preview.stdout
    assert "run again with --apply to record 1 changes" in preview.stdout

    applied = run("merge-returns", str(police), "--apply", "--db", str(db))
    assert applied.returncode == 0, applied.stderr
    assert "recorded: RAG Amber → Green" in applied.stdout
    database = Database.open(db)
    try:
        first = load_plan_data(database, plan_id).priorities[0].actions[0]
        assert (first.updates[0].author, first.updates[0].text) == ("Police", "All signed up")
    finally:
        database.close()


def test_merging_a_workbook_that_is_not_a_return_fails_in_one_line(tmp_path: Path) -> None:
    """A partnership's own workbook given to merge-returns: one sentence, exit 1."""
    db = tmp_path / "plan.db"
    _saved(db)
    line = _one_line_failure(
        run("merge-returns", str(SAMPLES / "northbridge_tracker_2025.xlsx"), "--db", str(db))
    )
    assert line.startswith("actionplan: 'northbridge_tracker_2025.xlsx' is not an update return")


def test_export_with_neither_file_nor_returns_is_a_usage_error(tmp_path: Path) -> None:
    """The command line says what to give."""
    result = run("export", "--db", str(tmp_path / "plan.db"))
    assert result.returncode == 2
    assert "give the workbook to write" in result.stderr


def test_merge_returns_names_the_colleague_who_changed_an_action_since_issue(
    tmp_path: Path,
) -> None:
    """Sam Patel rewords 1.2 after the returns went out: `merge-returns` prints the conflict
    with Sam's name and the time, and `--apply` leaves 1.2 without the lead's update."""
    db, folder = tmp_path / "plan.db", tmp_path / "returns"
    plan_id = _saved(db)
    issued = run("export", "--returns", str(folder), "--db", str(db), "--as-of", "2025-12-01")
    assert issued.returncode == 0, issued.stderr
    colleague = Database.open(db, user="Sam Patel")
    try:
        makesafe_id = action_ids(colleague, plan_id)["1.2"]
        draft = action_draft(colleague, makesafe_id)
        edit_action(colleague, makesafe_id, replace(draft, text="Makesafe training, phase 2"))
    finally:
        colleague.close()
    police = folder / "Return - Police.xlsx"
    fill_in(police, 3, "Red", "Delayed", "Trainer off sick", "no trainer")

    applied = run("merge-returns", str(police), "--apply", "--db", str(db))
    assert applied.returncode == 0, applied.stderr
    assert (
        "CONFLICT 1.2 Makesafe training, phase 2: Sam Patel changed this action on "
        in applied.stdout
    )
    database = Database.open(db)
    try:
        after = load_plan_data(database, plan_id).priorities[0].actions[1]
        assert (after.text, after.updates) == ("Makesafe training, phase 2", [])
    finally:
        database.close()
