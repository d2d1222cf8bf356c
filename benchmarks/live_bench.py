"""How soon other windows hear of a write: listeners on a 2,000-action plan, one writer.

python benchmarks/live_bench.py [--db TARGET] [--listeners N] [--writes N]

Each listener (a thread with a Database of its own, as another window would have) waits
on services.live_changes; the writer records progress on random actions. Prints, for the
engine given (a new SQLite file by default), the save time and the delay from each commit
to each listener hearing it, and how long a window takes to read the plan again.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.live_changes import latest_revision, listen
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import record_progress
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _listen(target: str, plan_id: int, heard: dict[int, float], stop: threading.Event) -> None:
    db = Database.open(target, user="listener")
    listener = listen(db)
    while not stop.is_set():
        for change in listener.wait(0.2):
            if change.plan_id == plan_id and change.revision is not None:
                heard.setdefault(change.revision, time.perf_counter())
    listener.close()
    db.close()


def main() -> None:
    """Run the benchmark and print its figures."""
    options = argparse.ArgumentParser()
    options.add_argument("--db", default=None)
    options.add_argument("--listeners", type=int, default=5)
    options.add_argument("--writes", type=int, default=100)
    args = options.parse_args()
    target = args.db or str(Path(tempfile.mkdtemp()) / "live.db")
    db = Database.open(target, user="writer")
    plan_id = save_plan_data(db, big_plan(priorities=1, per_priority=2000))
    actions = [row.id for row in action_rows(db, plan_id, date.today())]
    stop = threading.Event()
    heard: list[dict[int, float]] = [{} for _ in range(args.listeners)]
    threads = [threading.Thread(target=_listen, args=(target, plan_id, got, stop)) for got in heard]
    for thread in threads:
        thread.start()
    time.sleep(2)  # every listener in place
    saved: dict[int, float] = {}
    saves: list[float] = []
    pick = random.Random(7)
    for number in range(args.writes):
        entry = ProgressEntry(
            pick.choice(actions),
            date.today(),
            Rag.GREEN,
            Status.IN_PROGRESS,
            f"Update {number}",
            reason="On track after the partners' review",
        )
        began = time.perf_counter()
        record_progress(db, entry)
        done = time.perf_counter()
        saves.append(done - began)
        revision = latest_revision(db, plan_id)
        assert revision is not None
        # From the save's start: the commit's own moment is inside record_progress, and a
        # server's listener can hear it before the call returns.
        saved[revision] = began
        time.sleep(0.05)
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join()
    delays = [got[r] - at for got in heard for r, at in saved.items() if r in got]
    missed = sum(1 for got in heard for r in saved if r not in got)
    began = time.perf_counter()
    action_rows(db, plan_id, date.today())
    reread = time.perf_counter() - began
    print(f"engine: {db.engine.dialect.name}, {len(actions)} actions, {args.listeners} listeners")
    median, p95 = statistics.median(saves) * 1000, _percentile(saves, 0.95) * 1000
    print(f"save: median {median:.1f} ms, p95 {p95:.1f} ms")
    print(
        "heard by the others, from the save's start: "
        f"median {statistics.median(delays) * 1000:.1f} ms, "
        f"p95 {_percentile(delays, 0.95) * 1000:.1f} ms, "
        f"missed {missed} of {len(saved) * len(heard)}"
    )
    print(f"a window reading the plan again: {reread * 1000:.0f} ms")
    db.close()


if __name__ == "__main__":
    main()
