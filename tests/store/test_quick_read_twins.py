"""Each query of the quick reader and its twin in store/queries.py give the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.services.sample_plans import load_sample_plans
from actionplan.store import queries
from actionplan.store.database import Database
from actionplan.store.quick_read import PLAN_COLUMNS, quick_reader

# The quick reader reads SQLite files with sqlite3.
pytestmark = pytest.mark.sqlite_only


def test_every_twin_answers_alike_for_every_sample_plan(db: Database, db_path: Path) -> None:
    """Plans, action columns, titles, leads and latest updates match query for query."""
    load_sample_plans(db)
    with quick_reader(str(db_path)) as quick, db.reading() as session:
        assert quick is not None
        full_plans = [
            tuple(getattr(plan, name) for name in PLAN_COLUMNS)
            for plan in queries.plans_newest_first(session)
        ]
        assert quick.plans_newest_first() == full_plans
        for plan_id in [plan[0] for plan in full_plans]:
            columns = [tuple(row) for row in queries.action_columns(session, plan_id, 1000)]
            assert quick.action_columns(plan_id, 1000) == columns
            ids = [row[0] for row in columns]
            assert quick.priority_titles(plan_id) == queries.priority_titles(session, plan_id)
            assert quick.outcome_titles(plan_id) == queries.outcome_titles(session, plan_id)
            leads = queries.leads_by_action(session, plan_id, ids)
            assert quick.leads_by_action(plan_id, ids) == leads
            latest = queries.latest_updates(session, plan_id, ids)
            assert quick.latest_updates(plan_id, ids) == latest
