"""`--as-of D` on the command line: the summary, pack and tracker as the plan stood that day."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.e2e.test_cli import run
from tests.pdf_helpers import pdf_text
from tests.services.test_as_at import MARCH_WORDS, MAY_ONLY_WORDS, MAY_WORDS, plan_with_history


def _database(path: Path) -> Path:
    db = Database.open(path)
    plan = create_plan(db, "Northbridge Priorities Action Plan 2025", "Northbridge SCP")
    plan_with_history(db, PlanFactory(db, plan))
    db.close()
    return path


def test_summary_json_as_of_counts_the_rags_of_that_day(tmp_path: Path) -> None:
    """`summary --json --as-of 2025-03-31` counts March's ratings; May's date counts May's."""
    db = _database(tmp_path / "plan.db")
    march = run("summary", "--json", "--as-of", "2025-03-31", "--db", str(db))
    assert march.returncode == 0, march.stderr
    summary = json.loads(march.stdout)
    assert summary["as_of"] == "2025-03-31"
    assert summary["rag"] == {"red": 1, "amber": 2, "green": 0, "blue": 0, "unrated": 0}
    may = json.loads(run("--db", str(db), "summary", "--json", "--as-of", "2025-05-31").stdout)
    assert may["rag"] == {"red": 1, "amber": 0, "green": 1, "blue": 1, "unrated": 0}


def test_report_as_of_leaves_out_later_updates(tmp_path: Path) -> None:
    """`report --as-of 2025-03-31` prints March's update, not May's; May's pack prints May's."""
    db = _database(tmp_path / "plan.db")
    march, may = tmp_path / "march.pdf", tmp_path / "may.pdf"
    assert run("--db", str(db), "report", str(march), "--as-of", "2025-03-31").returncode == 0
    text = pdf_text(march)
    assert MARCH_WORDS in text and MAY_WORDS not in text and MAY_ONLY_WORDS not in text
    assert run("--db", str(db), "report", str(may), "--as-of", "2025-05-31").returncode == 0
    assert MAY_WORDS in pdf_text(may)


def _updates_sheet(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    words = [str(v) for row in book["Updates"].iter_rows(values_only=True) for v in row if v]
    book.close()
    return words


def test_tracker_export_as_of_leaves_out_later_updates(tmp_path: Path) -> None:
    """`export --as-of 2025-03-31` writes no May update; without --as-of every update is there."""
    db = _database(tmp_path / "plan.db")
    march, whole = tmp_path / "march.xlsx", tmp_path / "whole.xlsx"
    result = run("--db", str(db), "export", str(march), "--as-of", "2025-03-31")
    assert result.returncode == 0, result.stderr
    assert MARCH_WORDS in _updates_sheet(march) and MAY_WORDS not in _updates_sheet(march)
    assert run("--db", str(db), "export", str(whole)).returncode == 0
    assert {MARCH_WORDS, MAY_WORDS, MAY_ONLY_WORDS} <= set(_updates_sheet(whole))
