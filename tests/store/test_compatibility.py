"""A team upgrades one PC at a time: this app on a schema a newer app moved on works when the
newer steps say older apps may go on, and is refused, with nothing changed, when they do not.

The newer app is a copy of this one with one more migration, run in a process of its own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import (
    ActionDraft,
    action_draft,
    add_action,
    add_priority,
    edit_action,
)
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import PlanInfo, create_plan, list_plans
from actionplan.services.progress import history, record_progress
from actionplan.services.schema_upgrade import upgrade_team_database
from actionplan.store.compatibility import oldest_app_schema
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.target import SCHEMA_REVISION
from tests.plan_helpers import long_plan
from tests.server_databases import stored_state
from tests.store.schema_steps import NEWER, column_values, newer_app, run_app


def _target(db: Database) -> str:
    return str(db.path) if db.path is not None else db.target


def _upgraded_by_a_newer_app(db: Database, folder: Path, *, may_continue: bool) -> str:
    """Close the database and let a newer app's administrator upgrade it; its target."""
    target = _target(db)
    db.close()
    upgraded = run_app(
        newer_app(folder, may_continue=may_continue), "team", "upgrade", "--db", target
    )
    assert (upgraded.returncode, upgraded.stderr) == (0, ""), upgraded.stderr
    assert upgraded.stdout.strip() == f"Upgraded from schema {SCHEMA_REVISION} to {NEWER}."
    return target


def test_this_app_reads_and_writes_a_database_a_newer_app_moved_on_compatibly(
    db: Database, plan: PlanInfo, tmp_path: Path
) -> None:
    """A colleague's PC upgraded the database first, adding a column and a table older apps may
    ignore: this app opens it, reads the plan, adds, edits and records progress, and what it
    adds takes the newer column's default; the schema stays the newer one."""
    priority = add_priority(db, plan.id, "Contextual Risk", champion="Ana Novak")
    first = add_action(db, priority, ActionDraft(text="Run a joint audit"))
    target = _upgraded_by_a_newer_app(db, tmp_path / "newer", may_continue=True)
    older = Database.open(target)
    try:
        assert [seen.title for seen in list_plans(older)] == [plan.title]
        second = add_action(older, priority, ActionDraft(text="Train the front door"))
        edit_action(older, first, replace(action_draft(older, first), text="Run two audits"))
        entry = ProgressEntry(second, date(2026, 11, 30), Rag.GREEN, Status.IN_PROGRESS, "Done")
        record_progress(older, replace(entry, reason="on track", author="Amira"))
        create_plan(older, "Northbridge Business Plan 2026-27", "Northbridge SCP")
        assert [update.text for update in history(older, second)] == ["Done"]
        save_plan_data(older, long_plan(3))  # an import's bulk inserts
    finally:
        older.close()
    rows = column_values(target, "SELECT text, effort FROM action ORDER BY id")
    assert rows[:2] == [
        ("Run two audits", "not estimated"),
        ("Train the front door", "not estimated"),
    ]
    assert len(rows) == 2 + 3 + 3 and {effort for _text, effort in rows} == {"not estimated"}
    assert column_values(target, "SELECT version_num FROM alembic_version") == [(NEWER,)]
    assert "newer version of actionplan" in upgrade_team_database(target).sentence()


def test_this_app_refuses_a_database_a_newer_app_moved_past_it_and_leaves_it_unchanged(
    db: Database, plan: PlanInfo, tmp_path: Path
) -> None:
    """A newer step that older apps may not go on past: opening says to update the app, and
    the administrator's upgrade with this app is refused too; not one row is changed."""
    target = _upgraded_by_a_newer_app(db, tmp_path / "newer", may_continue=False)
    before = stored_state(db)
    with pytest.raises(StoreError, match=r"newer version of actionplan .*update the app"):
        Database.open(target)
    with pytest.raises(StoreError, match=r"newer version of actionplan .*update the app"):
        upgrade_team_database(target)
    assert stored_state(db) == before
    assert column_values(target, "SELECT version_num FROM alembic_version") == [(NEWER,)]


class _Steps:
    """Migration steps as Alembic lists them, newest first, each saying whether older apps
    may go on past it."""

    def __init__(self, *steps: tuple[str, bool | None]) -> None:
        self.steps = [
            SimpleNamespace(revision=revision, module=_declaring(may_continue))
            for revision, may_continue in steps
        ]

    def walk_revisions(self) -> list[SimpleNamespace]:
        """The steps, newest first."""
        return self.steps


def _declaring(may_continue: bool | None) -> SimpleNamespace:
    if may_continue is None:
        return SimpleNamespace()  # a step from before the marker says nothing
    return SimpleNamespace(OLDER_APPS_MAY_CONTINUE=may_continue)


@pytest.mark.parametrize(
    ("steps", "oldest"),
    [
        ((("0014", True), ("0013", True), ("0012", False), ("0011", True)), "0012"),
        ((("0014", False), ("0013", True)), "0014"),
        ((("0014", True), ("0013", None), ("0012", True)), "0013"),
        ((("0002", True), ("0001", True)), "0001"),
    ],
)
def test_the_oldest_app_schema_is_the_newest_step_older_apps_may_not_go_on_past(
    steps: tuple[tuple[str, bool | None], ...], oldest: str
) -> None:
    """Walking down from the newest step, the first that does not let older apps go on (or
    says nothing) is the oldest schema an app may have and still use the database."""
    assert oldest_app_schema(_Steps(*steps)) == oldest  # type: ignore[arg-type]


def test_every_upgraded_database_carries_its_marker(db: Database) -> None:
    """The step that brought the marker only adds a table, so it lets older apps go on; a
    database at this app's schema carries the marker written for that schema."""
    from alembic.script import ScriptDirectory

    from actionplan.store.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    [step] = [s for s in scripts.walk_revisions() if s.path.endswith("_schema_compatibility.py")]
    assert step.module.OLDER_APPS_MAY_CONTINUE is True
    assert column_values(_target(db), "SELECT * FROM schema_compatibility") == [
        (SCHEMA_REVISION, oldest_app_schema(scripts))
    ]
