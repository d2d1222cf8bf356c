"""Creating and editing plans, priorities, outcomes, actions and leads."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.rag import Rag
from actionplan.services.actions import action_rows
from actionplan.services.editing import ActionDraft, add_outcome, edit_action
from actionplan.services.errors import ServiceError
from actionplan.services.plans import create_plan, find_plan, list_plans
from actionplan.store.database import Database
from tests.conftest import PlanFactory


def test_action_keeps_timescale_words_beside_the_parsed_date(
    db: Database, factory: PlanFactory, as_of: date
) -> None:
    """ "Sept/Oct 2025" keeps its words and is due on 31 October 2025."""
    priority = factory.priority()
    factory.action(priority, "Deliver training", timescale="Sept/Oct 2025")
    [row] = action_rows(db, factory.plan.id, as_of)
    assert row.timescale_raw == "Sept/Oct 2025"
    assert row.due_date == date(2025, 10, 31)


def test_action_refs_number_on_within_a_priority(
    db: Database, factory: PlanFactory, as_of: date
) -> None:
    """Without a ref, actions are numbered priority.position like "2.3"."""
    factory.priority("First")
    second = factory.priority("Second")
    for text in ("a", "b", "c"):
        factory.action(second, text)
    assert [row.ref for row in action_rows(db, factory.plan.id, as_of)] == ["2.1", "2.2", "2.3"]


def test_one_action_can_have_several_leads_shared_with_others(
    db: Database, factory: PlanFactory, as_of: date
) -> None:
    """A lead named twice is one lead; an action lists each of its leads."""
    priority = factory.priority()
    factory.action(priority, "a", lead="Police/ Education Leads")
    factory.action(priority, "b", lead="police")
    rows = action_rows(db, factory.plan.id, as_of)
    assert rows[0].leads == ("Police", "Education Leads")
    assert rows[1].leads == ("Police",)
    assert rows[0].lead_raw == "Police/ Education Leads"


def test_editing_an_action_replaces_words_and_leads(
    db: Database, factory: PlanFactory, as_of: date
) -> None:
    """An edit changes the words, timescale and leads, and keeps the RAG."""
    priority = factory.priority()
    action_id = factory.action(priority, "old words", lead="Health", rag="A")
    edit_action(
        db, action_id, ActionDraft(text="new words", lead="CSC & Police", timescale="Q3 2025/26")
    )
    [row] = action_rows(db, factory.plan.id, as_of)
    assert (row.text, row.leads, row.due_date) == (
        "new words",
        ("CSC", "Police"),
        date(2025, 12, 31),
    )
    assert row.rag is Rag.AMBER


def test_outcome_must_belong_to_the_actions_priority(db: Database, factory: PlanFactory) -> None:
    """An action cannot sit under another priority's outcome."""
    first, second = factory.priority("One"), factory.priority("Two")
    outcome = add_outcome(db, first, "Children are safer")
    with pytest.raises(ServiceError, match="different priority"):
        factory.action(second, "x", outcome_id=outcome)


def test_blank_titles_are_refused(db: Database, factory: PlanFactory) -> None:
    """Empty names are refused with a sentence, not saved."""
    with pytest.raises(ServiceError):
        create_plan(db, "   ")
    with pytest.raises(ServiceError):
        factory.priority("  ")
    with pytest.raises(ServiceError):
        factory.action(factory.priority(), "   ")


def test_plan_is_found_by_name_or_part_of_it(db: Database) -> None:
    """--plan takes a whole title or a unique part; the default is the plan added last."""
    create_plan(db, "LSCP Business Plan 2019/20")
    create_plan(db, "WSCP Priorities Action Plan 2021")
    assert find_plan(db).title == "WSCP Priorities Action Plan 2021"  # type: ignore[union-attr]
    assert find_plan(db, "business").title == "LSCP Business Plan 2019/20"  # type: ignore[union-attr]
    with pytest.raises(ServiceError, match="more than one plan"):
        find_plan(db, "plan")
    with pytest.raises(ServiceError, match="matches no plan"):
        find_plan(db, "Walsall")
    assert list_plans(db)[0].title == "WSCP Priorities Action Plan 2021"


def test_period_must_not_end_before_it_starts(db: Database) -> None:
    """A plan period running backwards is refused."""
    with pytest.raises(ServiceError, match="ends before it starts"):
        create_plan(db, "x", period_start=date(2025, 4, 1), period_end=date(2024, 3, 31))
