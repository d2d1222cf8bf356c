"""What the activity log costs a save, and how quickly it reads and exports (figures only).

On a 2,000-action plan in a SQLite file, and on a PostgreSQL server when PGHOST names one
(packaging/with_postgres.sh sets it): the median of 40 edits of an action's words and of
40 progress updates, each logging its changes; then one action's history read and the
plan's whole log written to .xlsx and .csv.

PYTHONPATH=. .venv/bin/python benchmarks/activity_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.activity import (
    action_activity,
    export_activity,
    plan_activity,
)
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan

SAVES = 40


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _run(db: Database, name: str, folder: Path) -> None:
    plan_id = save_plan_data(db, big_plan(priorities=1, per_priority=2000))
    ids = [row.id for row in action_rows(db, plan_id, date(2025, 12, 1))][:SAVES]
    edits, updates = [], []
    for number, action_id in enumerate(ids):
        draft = action_draft(db, action_id)
        started = time.perf_counter()
        edit_action(db, action_id, replace(draft, text=f"{draft.text} (edit {number})"))
        edits.append(_ms(started))
        entry = ProgressEntry(action_id, date(2025, 11, 1), Rag.AMBER, Status.DELAYED, "Slipped")
        started = time.perf_counter()
        record_progress(db, replace(entry, reason="Benchmark"))
        updates.append(_ms(started))
    started = time.perf_counter()
    history = action_activity(db, ids[0])
    read = _ms(started)
    entries = plan_activity(db, plan_id)
    started = time.perf_counter()
    export_activity(entries, folder / f"{name}.xlsx")
    xlsx = _ms(started)
    started = time.perf_counter()
    export_activity(entries, folder / f"{name}.csv")
    csv = _ms(started)
    print(
        f"{name}: edit median {statistics.median(edits):.1f} ms, progress median "
        f"{statistics.median(updates):.1f} ms; one action's history ({len(history)} entries) "
        f"{read:.1f} ms; {len(entries)} entries to .xlsx {xlsx:.0f} ms, to .csv {csv:.0f} ms"
    )


def main() -> None:
    """Print the figures for a SQLite file, and for a server when one is named."""
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.db", user="Benchmark")
        _run(db, "sqlite", Path(folder))
        db.close()
        if os.environ.get("PGHOST"):
            from tests.server_databases import ScratchServer, server_url

            url = server_url()
            assert url is not None
            server = ScratchServer(url)
            name = server.new_database(blank=True)
            try:
                db = Database.open(server.url_of(name), user="Benchmark")
                _run(db, "postgresql", Path(folder))
                db.close()
            finally:
                server.drop(name)
                server.admin.dispose()


if __name__ == "__main__":
    main()
