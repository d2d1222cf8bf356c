"""The store writes each edit in one transaction and names a missing row instead of failing."""

from __future__ import annotations

import pytest

from actionplan.domain.plan_values import ActionDraft, PriorityNode
from actionplan.store import leads, outline, plan_edits, progress
from actionplan.store.database import Database
from actionplan.store.missing import Gone, Misplaced
from tests.conftest import PlanFactory


def test_an_edit_naming_another_prioritys_outcome_changes_nothing(
    db: Database, factory: PlanFactory
) -> None:
    """The words, timescale and leads of a refused edit are not half saved."""
    first, second = factory.priority("First"), factory.priority("Second")
    elsewhere = plan_edits.add_outcome(db, second, "Children are safer online")
    action = factory.action(first, "Run a joint audit", lead="Police")
    draft = ActionDraft("New words", lead="Health", outcome_id=elsewhere)
    with pytest.raises(Misplaced) as refused:
        plan_edits.edit_action(db, action, draft)
    assert refused.value.what == "outcome"
    kept = plan_edits.action_draft(db, action)
    assert (kept.text, kept.lead, kept.outcome_id) == ("Run a joint audit", "Police", None)
    assert [lead.name for lead in leads.plan_leads(db, factory.plan.id)] == ["Police"]


def test_agencies_for_a_lead_that_is_gone_save_none_of_the_others(
    db: Database, factory: PlanFactory
) -> None:
    """One missing lead in a batch of agencies leaves every lead's agency as it was."""
    factory.action(factory.priority(), lead="Police")
    [police] = leads.plan_leads(db, factory.plan.id)
    with pytest.raises(Gone) as gone:
        leads.set_agencies(db, {police.id: "Police Scotland", police.id + 99: "Health"})
    assert gone.value.what == "lead"
    assert leads.plan_leads(db, factory.plan.id)[0].agency == ""


def test_reads_of_a_deleted_action_name_it(db: Database) -> None:
    """The store says which row is gone; the sentence for it is the services' to choose."""
    with pytest.raises(Gone) as gone:
        progress.rating(db, 12345)
    assert gone.value.what == "action"


def test_the_outline_comes_back_as_plain_values(db: Database, factory: PlanFactory) -> None:
    """Priorities with their action counts, free of any database row."""
    priority = factory.priority("First")
    factory.action(priority)
    [node] = outline.plan_outline(db, factory.plan.id)
    assert isinstance(node, PriorityNode)
    assert (node.title, node.actions, node.outcomes) == ("First", 1, ())
