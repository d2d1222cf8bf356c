"""`actionplan import` and `actionplan demo` as a person or a script runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_cli import run
from tests.excel.import_books import BUSINESS_SAMPLE, PRIORITIES_SAMPLE, TRACKER_SAMPLE, book


def one_line_failure(result: object) -> str:
    """The single stderr line of a failed command."""
    assert result.returncode == 1, result.stderr  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(lines[0])


def test_dry_run_prints_the_mapping_counts_and_warnings_and_writes_nothing(tmp_path: Path) -> None:
    """--dry-run shows each sheet's mapping and counts, and leaves no database behind."""
    db = tmp_path / "plan.db"
    result = run("import", str(BUSINESS_SAMPLE), "--dry-run", "--db", str(db))
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0] == "northbridge_business_plan_2025.xlsx: business plan (a heading per priority)"
    assert "Sheet 'Business Plan 2025-26': actions, header rows 4, 15, 25, 35, 45" in out
    assert "  Who (column C) → Lead" in out
    assert (
        "Total: 5 priorities, 13 outcomes, 36 actions, 5 measures, 10 readings, 8 updates, "
        "5 narratives, 15 comparators"
    ) in out
    assert out[-1] == "Dry run: nothing was written."
    assert not db.exists()


def test_import_writes_the_plan_and_summary_reads_it(tmp_path: Path) -> None:
    """After an import, `summary --json` shows the plan with its RAG counts."""
    db = str(tmp_path / "plan.db")
    result = run("import", str(PRIORITIES_SAMPLE), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "RAG read from cell colour" in result.stdout
    assert (
        result.stdout.strip()
        .splitlines()[-1]
        .startswith("Imported 'NSCP PRIORITIES ACTION PLAN 2025-26' as a new plan: 37 actions")
    )
    summary = json.loads(run("summary", "--json", "--db", db, "--as-of", "2025-12-31").stdout)
    assert (summary["priorities"], summary["actions"], summary["measures"]) == (6, 37, 14)
    assert summary["rag"] == {"red": 5, "amber": 13, "green": 10, "blue": 4, "unrated": 5}


def test_map_and_title_options(tmp_path: Path) -> None:
    """--map corrects a column and --title names the plan."""
    path = book(tmp_path / "odd.xlsx", {"Plan": [["Action", "Person"], ["Relaunch", "Health"]]})
    db = str(tmp_path / "plan.db")
    result = run("import", str(path), "--map", "Person=lead", "--title", "Ealdham", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "  Person (column B) → Lead" in result.stdout
    assert json.loads(run("summary", "--json", "--db", db).stdout)["plan"] == "Ealdham"


def test_bad_file_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    """A text file named .xlsx fails in one line on stderr; the database holds no plan."""
    path = tmp_path / "plan.xlsx"
    path.write_text("not a workbook\n")
    db = str(tmp_path / "plan.db")
    line = one_line_failure(run("import", str(path), "--db", db))
    assert line.startswith("actionplan: 'plan.xlsx' is not an Excel workbook")
    assert json.loads(run("summary", "--json", "--db", db).stdout)["plan"] is None


def test_unknown_field_in_map_lists_the_fields(tmp_path: Path) -> None:
    """--map "Who=boss" is one line naming the fields to choose from."""
    line = one_line_failure(run("import", str(TRACKER_SAMPLE), "--dry-run", "--map", "Lead=boss"))
    assert "'boss' is not a field; use one of priority, aim, outcome" in line


def test_demo_loads_the_samples_once(tmp_path: Path) -> None:
    """`demo` loads the three sample plans; run again it says they are already loaded."""
    db = str(tmp_path / "plan.db")
    first = run("demo", "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "Loaded 'NSCP BUSINESS PLAN 2025/26' from northbridge_business_plan_2025.xlsx: "
        "5 priorities, 36 actions.",
        "Loaded 'NSCP PRIORITIES ACTION PLAN 2025-26' from northbridge_priorities_2025.xlsx: "
        "6 priorities, 37 actions.",
        "Loaded 'NSCP Action Tracker 2025-26' from northbridge_tracker_2025.xlsx: "
        "7 priorities, 70 actions.",
    ]
    again = run("demo", "--db", db)
    assert all(line.startswith("Already loaded") for line in again.stdout.splitlines())
