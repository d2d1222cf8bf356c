"""How long the upgrade turning local stamps into UTC takes on a big database (figures only).

A plan of 24,000 actions with an update each (big_plan), set back to the schema before
(its stamps then local times), is upgraded: a SQLite file as the app opens it, and a
PostgreSQL database as its administrator upgrades it when PGHOST names a server
(packaging/with_postgres.sh sets it). Also the import's save of the same plan, which now
asks the server for its time once.

PYTHONPATH=. .venv/bin/python benchmarks/stamps_upgrade_bench.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actionplan.services.plan_store import save_plan_data
from actionplan.services.schema_upgrade import upgrade_team_database
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan
from tests.store.schema_steps import set_back_to

BEFORE = "0016"


def _run(target: str, name: str) -> None:
    plan = big_plan()
    db = Database.open(target, user="Benchmark")
    started = time.perf_counter()
    save_plan_data(db, plan)
    saved = time.perf_counter() - started
    db.close()
    set_back_to(target, BEFORE)
    started = time.perf_counter()
    if "://" in target:
        upgrade_team_database(target)
    else:
        Database.open(target).close()  # copies the file aside first, as a user's upgrade does
    upgraded = time.perf_counter() - started
    print(
        f"{name}: {plan.action_count:,} actions saved in {saved:.1f} s; upgraded from "
        f"{BEFORE} (every stamp to UTC) in {upgraded:.1f} s"
    )


def main() -> None:
    """Print the figures for a SQLite file, and for a server when one is named."""
    with tempfile.TemporaryDirectory() as folder:
        _run(str(Path(folder) / "bench.db"), "sqlite")
    if os.environ.get("PGHOST"):
        from tests.server_databases import ScratchServer, server_url

        url = server_url()
        assert url is not None
        server = ScratchServer(url)
        server.make_template()
        name = server.new_database()
        try:
            _run(server.url_of(name), "postgresql")
        finally:
            server.drop(name)
            server.close()


if __name__ == "__main__":
    main()
