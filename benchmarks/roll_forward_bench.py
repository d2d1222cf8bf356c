"""What next year's plan costs: a roll-forward of a 2,000-action plan, its undo, and an edit
of the new plan once another plan is closed (each write then checks its plan is open).

On a SQLite file, and on a PostgreSQL server when PGHOST names one
(packaging/with_postgres.sh sets it). Figures only.

PYTHONPATH=. .venv/bin/python benchmarks/roll_forward_bench.py
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

from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.next_plan import propose_next_plan, start_next_plan, undo_next_plan
from actionplan.services.plan_store import save_plan_data
from actionplan.services.schema_upgrade import upgrade_team_database
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan

EDITS = 30


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _edits(db: Database, plan_id: int) -> float:
    ids = [row.id for row in action_rows(db, plan_id, date(2025, 12, 1))][:EDITS]
    took = []
    for number, action_id in enumerate(ids):
        draft = action_draft(db, action_id)
        started = time.perf_counter()
        edit_action(db, action_id, replace(draft, text=f"{draft.text} ({number})"))
        took.append(_ms(started))
    return statistics.median(took)


def _run(db: Database, name: str) -> None:
    plan_id = save_plan_data(db, big_plan(priorities=12, per_priority=170))
    before = _edits(db, plan_id)
    proposal = propose_next_plan(db, plan_id)
    started = time.perf_counter()
    made = start_next_plan(db, plan_id, proposal.plan)
    rolled = _ms(started)
    after = _edits(db, made.plan_id)
    started = time.perf_counter()
    undo_next_plan(db, made.plan_id)
    undone = _ms(started)
    print(
        f"{name}: roll-forward of {len(proposal.candidates)} unfinished actions "
        f"({made.actions} carried, {made.leads} leads, {made.measures} measures) {rolled:.0f} ms; "
        f"undo {undone:.0f} ms; edit median {before:.1f} ms with no plan closed, "
        f"{after:.1f} ms with one closed"
    )


def main() -> None:
    """Print the figures for a SQLite file, and for a server when one is named."""
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.db", user="Benchmark")
        _run(db, "sqlite")
        db.close()
    if os.environ.get("PGHOST"):
        from tests.server_databases import ScratchServer, server_url

        url = server_url()
        assert url is not None
        server = ScratchServer(url)
        name = server.new_database(blank=True)
        try:
            upgrade_team_database(server.url_of(name))  # an empty server database: its tables
            db = Database.open(server.url_of(name), user="Benchmark")
            _run(db, "postgresql")
            db.close()
        finally:
            server.drop(name)
            server.admin.dispose()


if __name__ == "__main__":
    main()
