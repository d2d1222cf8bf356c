"""What a recommendations register costs: importing a big one, reading it with each one's
standing, and the board pack's section (figures only).

On a 2,000-action plan in a SQLite file: a 1,000-row register workbook (every row naming an
action by its ref) imported in one transaction; the whole register read with every
recommendation's standing (the tab's read after each write); one action's recommendations
(the detail panel's read); and and the board pack printed with the register.

PYTHONPATH=. .venv/bin/python benchmarks/recommendations_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actionplan.services.actions import action_rows
from actionplan.services.plan_store import save_plan_data
from actionplan.services.recommendation_import import import_recommendations
from actionplan.services.recommendations import (
    by_review,
    recommendation_lines,
    recommendations_of_action,
)
from actionplan.services.report import make_report
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan

AS_OF = date(2025, 12, 1)
ROWS = 1_000
READS = 20


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _register(path: Path, refs: list[str]) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Recommendations")
    sheet.append(["Review", "Recommendation", "Response", "Action"])
    for number in range(ROWS):
        review = f"Review {number // 8 + 1}"
        sheet.append([review, f"Recommendation {number} of {review}", "Agreed", refs[number]])
    book.save(path)
    return path


def main() -> None:
    """Print the figures."""
    folder = Path(tempfile.mkdtemp())
    db = Database.open(folder / "bench.db")
    plan_id = save_plan_data(db, big_plan(priorities=10, per_priority=200))
    rows = action_rows(db, plan_id, AS_OF)
    book = _register(folder / "register.xlsx", [row.ref for row in rows])
    started = time.perf_counter()
    result = import_recommendations(db, book, plan_id, AS_OF)
    print(f"import {ROWS:,} rows: {_ms(started):,.0f} ms ({result.sentence})")
    reads, groups = [], []
    for _ in range(READS):
        started = time.perf_counter()
        groups = by_review(recommendation_lines(db, AS_OF))
        reads.append(_ms(started))
    print(f"read the register ({len(groups)} reviews): median {statistics.median(reads):,.1f} ms")
    started = time.perf_counter()
    recommendations_of_action(db, rows[0].id, AS_OF)
    print(f"one action's recommendations: {_ms(started):,.1f} ms")
    started = time.perf_counter()
    make_report(db, folder / "pack.pdf", as_of=AS_OF)
    print(f"board pack with the register: {_ms(started):,.0f} ms")
    db.close()


if __name__ == "__main__":
    main()
