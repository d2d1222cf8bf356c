"""How long the yearly report's progress chapter takes to write, and how large it is.

For the 34-action Northbridge plan (docs/make_board_pack.py) and plans of 600 and 6,000
actions (one dated update each), median of 3 in-process runs of make_yearly_report for
1 April 2024 to 31 March 2025, with the file's size and its count of tables and pictures.

    .venv/bin/python benchmarks/yearly_report_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs"))

import docx
from make_board_pack import build_plan

from actionplan.services.plan_store import save_plan_data
from actionplan.services.yearly_report import make_yearly_report
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan

RUNS = 3
START, END = date(2024, 4, 1), date(2025, 3, 31)


def _fill_northbridge(db: Database) -> None:
    build_plan(db)


def _filler(priorities: int, per_priority: int) -> Callable[[Database], None]:
    def fill(db: Database) -> None:
        save_plan_data(db, big_plan(priorities, per_priority))

    return fill


def measure(name: str, fill: Callable[[Database], None], folder: Path) -> None:
    """Print the median time to write the chapter, its size, tables and pictures."""
    db = Database.open(folder / f"{len(name)}.db")
    fill(db)
    out = folder / "chapter.docx"
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        make_yearly_report(db, out, START, END)
        times.append(time.perf_counter() - started)
    db.close()
    document = docx.Document(str(out))
    pictures = len(document.inline_shapes)
    print(
        f"{name}: {statistics.median(times):.2f} s, {out.stat().st_size / 1024:,.0f} KB, "
        f"{len(document.tables)} tables, {pictures} pictures"
    )


def main() -> None:
    """Measure each plan."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        measure("Northbridge (34 actions)", _fill_northbridge, folder)
        measure("600-action plan", _filler(6, 100), folder)
        measure("6,000-action plan", _filler(6, 1000), folder)


if __name__ == "__main__":
    main()
