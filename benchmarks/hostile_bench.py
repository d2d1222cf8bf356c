"""Hostile files of up to 10 MB through `actionplan import`: refused or read, how fast, how big.

Writes each hostile file of ``tests/hostile/hostile_files.py`` (at its test size and, where the
attack grows with size, close to 10 MB), imports it into a new database in a fresh process and
prints per file: its size, the outcome (the refusal sentence, or what was read), wall seconds
and the process's peak memory, against the goal: refused or read within 10 s and 500 MB.

    .venv/bin/python benchmarks/hostile_bench.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile import hostile_files as hostile

GOAL_SECONDS = 10.0
GOAL_MB = 500.0
MAX_FILE_MB = 10.0

FILES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    **hostile.HOSTILE_FILES,
    "shared-string bomb, 10 MB": (
        "shared_strings_10mb.xlsx",
        partial(hostile.shared_string_bomb, rows=40_000, columns=100),
    ),
    "sheet zip bomb, 10 MB": ("zip_bomb_10mb.xlsx", partial(hostile.sheet_zip_bomb, rows=60_000)),
    "a plan at the row limit": ("long_plan.xlsx", hostile.long_plan),
    "many styles, 10 MB": ("styles_10mb.xlsx", partial(hostile.many_styles, count=1_500_000)),
    "empty rows, 10 MB": ("empty_rows_10mb.xlsx", partial(hostile.empty_rows, rows=4_000_000)),
}


def measure(label: str, file_name: str, folder: Path) -> bool:
    """Write one hostile file, import it in a fresh process and print one line; True if in goal."""
    path = folder / file_name
    # Written by another process: a child started from this one would otherwise count the
    # memory this process used to build the file as its own peak.
    subprocess.run([sys.executable, __file__, "--write", label, str(path)], check=True)
    size_mb = path.stat().st_size / (1024 * 1024)
    outcome = hostile.run_import(path, folder / f"{path.stem}.db")
    peak_mb = outcome.peak_kib / 1024
    met = outcome.returncode in (0, 1) and outcome.seconds <= GOAL_SECONDS and peak_mb <= GOAL_MB
    met = met and size_mb <= MAX_FILE_MB and "Traceback" not in outcome.stderr
    kind = (
        ("read" if outcome.returncode == 0 else "refused")
        if outcome.returncode in (0, 1)
        else (f"CRASHED (exit {outcome.returncode})")
    )
    print(
        f"{label:28} {size_mb:5.1f} MB  {outcome.seconds:5.1f} s  {peak_mb:6.0f} MB peak  "
        f"{'ok  ' if met else 'MISS'}  {kind}: {outcome.summary.removeprefix('actionplan: ')}",
        flush=True,
    )
    path.unlink()
    return met


def main() -> int:
    """Measure every hostile file and say how many met the goal."""
    if sys.argv[1:2] == ["--write"]:
        FILES[sys.argv[2]][1](Path(sys.argv[3]))
        return 0
    print(f"Goal: each file refused or read within {GOAL_SECONDS:.0f} s and {GOAL_MB:.0f} MB peak")
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(label, entry[0], Path(folder)) for label, entry in FILES.items()]
    print(f"{sum(results)} of {len(results)} hostile files met the goal.")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
