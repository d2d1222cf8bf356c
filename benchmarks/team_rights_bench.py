"""What a team's rights cost on a server: setting them up, reading them as the window opens,
and recording progress as a lead (row-level security checks every write) beside a manager.

Run beside a server (packaging/with_postgres.sh sets PGHOST and friends):

    ./packaging/with_postgres.sh env PYTHONPATH=$PWD /work/main/.venv/bin/python \\
        benchmarks/team_rights_bench.py

Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import record_progress
from actionplan.services.rights import rights_of
from actionplan.services.team_members import add_member, set_up
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from actionplan.store.team_roles import group_names
from benchmarks.big_plan import LEADS, big_plan

PASSWORD = "bench-only password"
SAVES = 200


def _server() -> URL:
    return URL.create(
        "postgresql+psycopg",
        username=os.environ.get("PGUSER"),
        password=os.environ.get("PGPASSWORD"),
        host=os.environ["PGHOST"],
        port=int(os.environ.get("PGPORT", "5432")),
        database="postgres",
    )


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def _saves(db: Database, plan_id: int, lead: str | None) -> list[float]:
    rows = action_rows(db, plan_id, date(2025, 3, 31))
    mine = [row for row in rows if lead is None or lead in row.leads][:SAVES]
    entries = [
        ProgressEntry(row.id, date(2025, 3, 1), Rag.AMBER, Status.IN_PROGRESS, "On track", "", "x")
        for row in mine
    ]
    return [_timed(lambda entry=entry: record_progress(db, entry)) for entry in entries]


def _p95(figures: list[float]) -> float:
    return statistics.quantiles(figures, n=20)[18]


def main() -> None:
    """Make a 2,000-action plan on a scratch database, set the team up and print figures."""
    server = _server()
    name = f"actionplan_bench_rights_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name)
    logins = {"manager": f"{name}_mo", "lead": f"{name}_ana"}
    try:
        owner = Database.open(url.render_as_string(hide_password=False))
        plan_id = save_plan_data(owner, big_plan(priorities=1, per_priority=2000))
        print(f"team setup: {_timed(lambda: set_up(owner)):.0f} ms")
        add_member(owner, logins["manager"], "manager", PASSWORD)
        add_member(owner, logins["lead"], "lead", PASSWORD, LEADS[0])
        owner.close()
        for role, lead in (("manager", None), ("lead", LEADS[0])):
            as_them = url.set(username=logins[role], password=PASSWORD)
            db = Database.open(as_them.render_as_string(hide_password=False))
            read = [_timed(lambda db=db: rights_of(db)) for _ in range(20)]
            saves = _saves(db, plan_id, lead)
            print(
                f"{role}: rights read in {statistics.median(read):.1f} ms (median of 20); "
                f"{len(saves)} progress saves, median {statistics.median(saves):.1f} ms, "
                f"p95 {_p95(saves):.1f} ms"
            )
            db.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for role in [*logins.values(), *group_names(name).values()]:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


if __name__ == "__main__":
    main()
