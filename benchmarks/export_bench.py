"""How fast the 24,000-action plan exports as a tracker, against openpyxl's floor.

Saves the benchmark plan (12 priorities of 2,000 actions, one update each) with
``save_plan_data``, then prints, median of 3 runs each:
- the export: ``export_tracker`` as ``actionplan export OUT.xlsx`` runs it (load the plan
  from the database, work out due dates and suggested RAGs, write every sheet with its
  looks, drop-downs, colour rules and print set-up, rename into place);
- the same export's writing alone, from the plan already loaded;
- the floor: openpyxl's write_only mode writing exactly the same values (read back from an
  export) with no styling at all;
- the ratio of the export to the floor (goal: 1.5 or less).

    .venv/bin/python benchmarks/export_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook, load_workbook

from actionplan.excel.tracker.writer import write_tracker
from actionplan.services.exporting import export_tracker, load_for_export
from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan

RUNS = 3
AS_OF = date(2025, 12, 1)


def median_seconds(work: Callable[[], object]) -> float:
    """The median wall time of RUNS calls."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def values_of(path: Path) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    """Every sheet of a workbook as (name, state, rows of plain values)."""
    book = load_workbook(path, read_only=True)
    try:
        return [
            (sheet.title, sheet.sheet_state, [tuple(r) for r in sheet.iter_rows(values_only=True)])
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def floor(sheets: list[tuple[str, str, list[tuple[Any, ...]]]], out: Path) -> None:
    """openpyxl write_only writing the same values with no styling at all."""
    book = Workbook(write_only=True)
    for name, state, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    book.save(out)


def main() -> None:
    """Build the plan, time the export and the floor, and print both and the ratio."""
    folder = Path(tempfile.mkdtemp(prefix="export-bench-"))
    db = Database.open(folder / "bench.db")
    try:
        plan_id = save_plan_data(db, big_plan())
        out = folder / "export.xlsx"
        export = median_seconds(lambda: export_tracker(db, out, as_of=AS_OF))
        loaded = load_for_export(db)
        writing = median_seconds(
            lambda: write_tracker(loaded.data, folder / "w.xlsx", AS_OF, added_on=loaded.added_on)
        )
        sheets = values_of(out)
        cells = sum(len(row) for _name, _state, rows in sheets for row in rows)
        base = median_seconds(lambda: floor(sheets, folder / "floor.xlsx"))
    finally:
        db.close()
    print(f"plan {plan_id}: {loaded.data.action_count:,} actions, {cells:,} cells written")
    print(f"export (export_tracker, from the database): {export:.2f} s")
    print(f"writing alone (write_tracker, plan loaded):  {writing:.2f} s")
    print(f"floor (openpyxl write_only, same values):   {base:.2f} s")
    print(f"ratio export / floor: {export / base:.2f} (goal 1.5 or less)")
    print(f"ratio writing / floor: {writing / base:.2f}")


if __name__ == "__main__":
    main()
