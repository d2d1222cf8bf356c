"""A window hears of a colleague's change to a plan (and of no change of its own): every
kind of write moves the plan's revision on, a rolled-back one does not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import (
    ActionDraft,
    action_draft,
    delete_action,
    edit_action,
    restore,
)
from actionplan.services.live_changes import PlanChange, latest_revision, listen
from actionplan.services.plans import PlanInfo, create_plan, delete_plan, rename_plan
from actionplan.services.progress import record_progress
from actionplan.services.snapshots import take_snapshot
from actionplan.store.database import Database
from tests.conftest import PlanFactory


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    """The same database opened by a colleague (another handle, other connections)."""
    other = Database.open(db.target, user="Sam Patel")
    yield other
    other.close()


def _progress(action_id: int, words: str) -> ProgressEntry:
    return ProgressEntry(action_id, date(2025, 6, 30), Rag.GREEN, Status.IN_PROGRESS, words)


def test_a_colleagues_save_is_heard_and_ones_own_is_not(
    db: Database, colleague: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """The colleague's edit reaches the listener with the plan's new revision; an edit
    through the listener's own database is not told back to it."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    listener = listen(db)
    try:
        edit_action(db, action_id, ActionDraft("My words"))
        assert listener.wait(0.6) == []
        edit_action(colleague, action_id, ActionDraft("Their words"))
        revision = latest_revision(colleague, plan.id)
        assert listener.wait(5) == [PlanChange(plan.id, revision)]
        assert listener.recheck() == []
    finally:
        listener.close()


def test_every_kind_of_write_moves_the_plans_revision_on(
    db: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """Progress, an edit, a snapshot, a rename, a delete and its undo each count."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    seen = [latest_revision(db, plan.id)]

    def counted() -> None:
        now = latest_revision(db, plan.id)
        assert now is not None and now > seen[-1]  # type: ignore[operator]
        seen.append(now)

    record_progress(db, _progress(action_id, "Audit booked"))
    counted()
    edit_action(db, action_id, ActionDraft("Run two joint audits"))
    counted()
    take_snapshot(db, "Board 12 March", plan.title)
    counted()
    rename_plan(db, plan.id, "Renamed plan")
    counted()
    removed = delete_action(db, action_id)
    counted()
    restore(db, removed)
    counted()
    assert action_draft(db, action_id).text == "Run two joint audits"


def test_a_rolled_back_write_is_not_heard(
    db: Database, colleague: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """A colleague's write that fails half way leaves the revision as it was, and the
    listener hears nothing."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    listener = listen(db)
    before = latest_revision(db, plan.id)
    try:
        with pytest.raises(RuntimeError), colleague.writing() as session:
            from actionplan.store.tables import Action

            row = session.get(Action, action_id)
            assert row is not None
            row.text = "Words never saved"
            session.flush()
            raise RuntimeError("the colleague's app stopped")
        assert listener.wait(0.6) == []
        assert latest_revision(db, plan.id) == before
    finally:
        listener.close()


def test_a_plan_a_colleague_deletes_or_adds_is_heard(
    db: Database, colleague: Database, plan: PlanInfo
) -> None:
    """A new plan is heard with its revision, a deleted one as gone (no revision)."""
    listener = listen(db)
    try:
        other = create_plan(colleague, "Second plan", "Northbridge SCP")
        [added] = listener.wait(5)
        assert added.plan_id == other.id and added.revision is not None
        delete_plan(colleague, plan.id)
        assert listener.wait(5) == [PlanChange(plan.id, None)]
    finally:
        listener.close()
