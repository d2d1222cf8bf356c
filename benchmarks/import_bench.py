"""How fast a big tracker workbook imports, against openpyxl merely reading it.

Builds a 24,000-action tracker (12 priorities, 8 columns, real due dates, RAG letters),
then prints, median of 3 runs each in a fresh process:
- the full import: read, map, parse and write to a new SQLite database
  (``import_workbook``, as ``actionplan import`` runs it, without process start-up);
- openpyxl's read_only mode reading every cell of the same file, and nothing else;
- the ratio of the two (goal: 1.0 or less) and each run's peak memory (goal: under 400 MB).

The runs alternate (import, read, import, read, ...) so that a busy machine slows both alike.

    .venv/bin/python benchmarks/import_bench.py
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.big_plan import OBJECTS, THEMES, VERBS

RUNS = 3
PRIORITIES = 12
PER_PRIORITY = 2000
HEADER = ("Ref", "Priority", "Action", "Lead", "Due date", "Status", "RAG", "Latest update")
LEADS = ("Police", "Health Designated Nurse", "Education / Early Help", "Children's Social Care")
STATUSES = ("In progress", "Complete", "Not started", "Delayed", "Ongoing")
RAGS = ("G", "A", "R", "B", "G", "A")


def tracker_row(priority: int, number: int) -> list[object]:
    """One action row of the benchmark tracker."""
    return [
        f"{priority + 1}.{number + 1}",
        THEMES[priority],
        f"{VERBS[number % len(VERBS)]} {OBJECTS[number % len(OBJECTS)]} (stage {number})",
        LEADS[(priority + number) % len(LEADS)],
        date(2025, 4, 30) + timedelta(days=(number * 7) % 700),
        STATUSES[number % len(STATUSES)],
        RAGS[number % len(RAGS)],
        f"Progress on {priority + 1}.{number + 1}: on track, reported to the sub-group",
    ]


def build_tracker(path: Path) -> Path:
    """Write the 24,000-action tracker workbook."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actions")
    sheet.append(list(HEADER))
    for priority in range(PRIORITIES):
        for number in range(PER_PRIORITY):
            sheet.append(tracker_row(priority, number))
    workbook.save(path)
    return path


def full_import(path: Path, work: Path) -> int:
    """Import the workbook into a new database; returns the number of actions saved."""
    from actionplan.services.importing import import_workbook
    from actionplan.store.database import Database

    db = Database.open(work / "bench.db")
    try:
        start = time.perf_counter()
        result = import_workbook(db, path)
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    return _report(elapsed, result.preview.plan.action_count)


def bare_read(path: Path, work: Path) -> int:
    """Read every cell with openpyxl's read_only mode and do nothing with them."""
    import openpyxl

    start = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    workbook.close()
    return _report(time.perf_counter() - start, cells)


def _report(seconds: float, count: int) -> int:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "count": count}))
    return 0


def run_child(task: str, path: Path) -> dict[str, float]:
    """One run of a task in a fresh process: its seconds, peak memory (MB) and count."""
    with tempfile.TemporaryDirectory() as work:
        output = subprocess.run(
            [sys.executable, __file__, "--child", task, str(path), work],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def summarise(runs: list[dict[str, float]]) -> tuple[float, float, int]:
    """Median seconds, highest peak memory and the count of a task's runs."""
    seconds = statistics.median(run["seconds"] for run in runs)
    return seconds, max(run["peak_mb"] for run in runs), int(runs[0]["count"])


def main() -> int:
    """Build the workbook, time both tasks and print every figure."""
    if sys.argv[1:2] == ["--child"]:
        task, path, work = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
        return {"import": full_import, "read": bare_read}[task](path, work)
    with tempfile.TemporaryDirectory() as folder:
        path = build_tracker(Path(folder) / "tracker_24000.xlsx")
        size_mb = path.stat().st_size / (1024 * 1024)
        print(f"Workbook: {PRIORITIES * PER_PRIORITY:,} actions, {size_mb:.1f} MB ({path.name})")
        runs: dict[str, list[dict[str, float]]] = {"import": [], "read": []}
        for _ in range(RUNS):
            for task, done in runs.items():
                done.append(run_child(task, path))
        imported, import_mb, actions = summarise(runs["import"])
        read, read_mb, cells = summarise(runs["read"])
    print(f"Full import (read, map, parse, save): {imported:.2f} s, {actions:,} actions saved")
    print(f"openpyxl read_only, every cell only:   {read:.2f} s, {cells:,} cells")
    print(f"Ratio import / bare read: {imported / read:.2f} (goal: 1.0 or less)")
    print(
        f"Peak memory: import {import_mb:.0f} MB, bare read {read_mb:.0f} MB (goal: under 400 MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
