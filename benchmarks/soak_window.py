"""Soak: the window on a 24,000-action plan, driven as a busy user would, must not crash.

A fresh process opens the window on the plan and, for the time given (10 minutes unless
told), keeps doing what users do, chosen at random with a fixed seed: types a search key by
key while an action is selected, clears it, chooses another row, sorts by a column, records
progress, edits an action's words and leaves the row, undoes and redoes, switches tab. It
then prints how many of each it did, how the references to None moved, its peak memory and
whether the process ended cleanly (a crash shows as a signal or exit code, with the stack
faulthandler printed). Not part of the test suite: run it by hand.

    .venv/bin/python benchmarks/soak_window.py            # 600 s, offscreen
    .venv/bin/python benchmarks/soak_window.py --seconds 60
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DRIVER = Path(__file__).resolve().parent / "soak_driver.py"


def main() -> None:
    """Build the plan, then drive a window on it in a process of its own."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    from actionplan.services.plan_store import save_plan_data
    from actionplan.services.workspace import open_database
    from benchmarks.big_plan import big_plan

    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "big.db")
        db = open_database(path)
        save_plan_data(db, big_plan())
        db.close()
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),
            "PYTHONFAULTHANDLER": "1",
        }
        command = [sys.executable, str(DRIVER), path, str(args.seconds), str(args.seed)]
        started = time.monotonic()
        ended = subprocess.run(command, env=env, check=False)
        lasted = time.monotonic() - started
    print("plan: 24,000 actions (12 priorities x 2,000), one update each")
    verdict = "clean" if ended.returncode == 0 else "CRASHED"
    print(f"window process exit code: {ended.returncode} ({verdict}) after {lasted:.0f} s")
    sys.exit(ended.returncode)


if __name__ == "__main__":
    main()
