"""How long moving a 2,000-action plan to a team's server and back takes.

Needs a PostgreSQL server: the one ACTIONPLAN_TEST_PG names, or the one the PG* variables
describe (run it beside a throwaway one with packaging/with_postgres.sh). Builds a plan of
4 priorities × 500 actions with one progress update each and 200 review recommendations
(5 actions answering each) in a SQLite file, then prints the
seconds, in this process (no start-up), of:
- publishing it to an empty server database (every id kept);
- publishing it again unchanged (the merge finds nothing to do);
- publishing a second such plan, every id of which is taken (new ids, links mapped);
- checking the first out into a new file;
- editing 100 actions' words and recording 100 progress updates offline, then publishing.

    packaging/with_postgres.sh .venv/bin/python benchmarks/team_bench.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text

from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import RecommendationDraft
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import record_progress
from actionplan.services.recommendations import add_recommendation
from actionplan.services.schema_upgrade import upgrade_team_database
from actionplan.services.team import checkout, publish
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan
from tests.server_databases import server_url

T = TypeVar("T")
AS_OF = date(2025, 3, 31)


def timed(label: str, work: Callable[[], T]) -> T:
    """Run the work once and print how long it took."""
    start = time.perf_counter()
    result = work()
    print(f"{label:<58} {time.perf_counter() - start:6.2f} s")
    return result


def plan_file(path: Path, title: str) -> None:
    """A SQLite file holding one plan of 2,000 actions, each with one progress update, and
    200 review recommendations, each answered by 5 of the actions."""
    db = Database.open(path)
    try:
        plan_id = save_plan_data(db, replace(big_plan(4, 500), title=title))
        actions = [row.id for row in action_rows(db, plan_id, AS_OF)]
        for number in range(200):
            draft = RecommendationDraft(f"Review {number // 10}", f"Recommendation {number}")
            add_recommendation(db, draft, actions[number * 10 : number * 10 + 5])
    finally:
        db.close()


def edit_offline(path: Path) -> None:
    """Change 100 actions' words and record 100 progress updates in a checked-out file."""
    db = Database.open(path, user="Offline lead")
    try:
        plan_id = db_plan(db)
        for row in action_rows(db, plan_id, AS_OF)[:100]:
            edit_action(db, row.id, replace(action_draft(db, row.id), text=row.text + " (offline)"))
            entry = ProgressEntry(
                row.id, date(2025, 3, 1), Rag.AMBER, Status.IN_PROGRESS, "News", reason="Slipped"
            )
            record_progress(db, entry)
    finally:
        db.close()


def db_plan(db: Database) -> int:
    """The one plan of a checked-out file."""
    from actionplan.services.plans import chosen_plan

    return chosen_plan(db, None).id


def main() -> None:
    """Build the files, make a server database, time each step and print it."""
    url = server_url()
    if url is None:
        sys.exit("Name a PostgreSQL server (ACTIONPLAN_TEST_PG, or run under with_postgres.sh).")
    name = f"actionplan_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    target = url.set(database=name).render_as_string(hide_password=False)
    folder = Path(tempfile.mkdtemp(prefix="team-bench-"))
    try:
        upgrade_team_database(target)
        plan_file(folder / "first.db", "First plan of 2,000 actions")
        plan_file(folder / "second.db", "Second plan of 2,000 actions")
        timed(
            "publish 2,000 actions to an empty server",
            lambda: publish(folder / "first.db", target, None),
        )
        timed(
            "publish the same file again (nothing new)",
            lambda: publish(folder / "first.db", target, None),
        )
        timed(
            "publish another 2,000 actions, every id taken",
            lambda: publish(folder / "second.db", target, None),
        )
        out = folder / "offline.db"
        timed("check the first plan out into a new file", lambda: checkout(target, "First", out))
        edit_offline(out)
        [merged] = timed(
            "publish 100 edits and 100 updates made offline", lambda: publish(out, target, None)
        )
        print(
            f"merged: {merged.updated} changed, {merged.added} added, "
            f"{len(merged.conflicts)} conflicts"
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    if "--profile" in sys.argv:
        import cProfile

        cProfile.run("main()", sort="cumulative")
    else:
        main()
