"""Any writer moves a plan's revision on, even plain SQL that bypasses the app, and only the
plan written to; a plan's revision goes with it when it is deleted."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from actionplan.services.plans import PlanInfo, create_plan
from actionplan.store.database import Database
from actionplan.store.plan_revisions import plan_revision
from tests.conftest import PlanFactory


def _run(db: Database, sql: str, **values: object) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(sql), values)


def test_plain_sql_writes_move_only_their_plans_revision_on(
    db: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """An action's words, a progress update added and taken back, a lead link and a
    priority deleted, each written in plain SQL, move the plan's revision on; another
    plan's stays as it was."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    other = create_plan(db, "Another plan", "Northbridge SCP")
    untouched = plan_revision(db, other.id)
    seen = [plan_revision(db, plan.id) or 0]
    writes = [
        ("UPDATE action SET text = 'Plain words' WHERE id = :a", {"a": action_id}),
        (
            "INSERT INTO progress_update (action_id, date_precision, author, text, rag, status,"
            " suggested_rag, reason, recorded_at) VALUES (:a, 'day', '', 'Note', 'green',"
            " 'in_progress', '', '', CURRENT_TIMESTAMP)",
            {"a": action_id},
        ),
        ("DELETE FROM progress_update WHERE action_id = :a", {"a": action_id}),
        ("INSERT INTO lead (plan_id, name, agency) VALUES (:p, 'Police', '')", {"p": plan.id}),
        ("DELETE FROM priority WHERE plan_id = :p", {"p": plan.id}),
    ]
    for sql, values in writes:
        _run(db, sql, **values)
        now = plan_revision(db, plan.id) or 0
        assert now > seen[-1], sql
        seen.append(now)
    assert plan_revision(db, other.id) == untouched


def test_a_deleted_plan_has_no_revision_and_a_new_one_starts_at_one(
    db: Database, plan: PlanInfo
) -> None:
    """Deleting the plan in plain SQL removes its revision; a new plan starts at 1."""
    _run(db, "DELETE FROM plan WHERE id = :p", p=plan.id)
    assert plan_revision(db, plan.id) is None
    fresh = create_plan(db, "A fresh plan", "Northbridge SCP")
    assert plan_revision(db, fresh.id) == 1


def test_a_database_upgraded_from_before_revisions_counts_its_writes(tmp_path: Path) -> None:
    """An old file opens with each plan at revision 1, and the first edit moves it on."""
    from actionplan.services.editing import action_draft, edit_action

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0007.db", old)
    db = Database.open(old)
    try:
        [(plan_id, first)] = _plans_and_first_actions(db)
        assert plan_revision(db, plan_id) == 1
        draft = action_draft(db, first)
        edit_action(db, first, replace(draft, text="Edited after the upgrade"))
        assert (plan_revision(db, plan_id) or 0) > 1
    finally:
        db.close()


def _plans_and_first_actions(db: Database) -> list[tuple[int, int]]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT plan_id, min(id) FROM action GROUP BY plan_id"))
        return [(int(plan_id), int(action_id)) for plan_id, action_id in rows]
