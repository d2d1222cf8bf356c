"""The plan at a glance: the exact keys of the contract and counts that add up."""

from __future__ import annotations

from datetime import date, timedelta

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import add_outcome
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.summary import plan_summary
from actionplan.store.database import Database
from tests.conftest import PlanFactory

TOP_KEYS = [
    "plan", "as_of", "priorities", "outcomes", "actions", "measures",
    "rag", "overdue", "stale", "no_update", "complete", "by_priority",
]  # fmt: skip
RAG_KEYS = ["red", "amber", "green", "blue", "unrated"]


def test_empty_database_gives_every_key_with_zeros(db: Database) -> None:
    """A new database prints the whole shape, with no plan and zero counts."""
    summary = plan_summary(db, as_of=date(2025, 3, 31))
    assert list(summary) == TOP_KEYS
    assert summary["plan"] is None and summary["as_of"] == "2025-03-31"
    assert summary["rag"] == dict.fromkeys(RAG_KEYS, 0)
    assert summary["by_priority"] == []


def test_counts_rag_overdue_and_stale_per_plan_and_priority(
    db: Database, factory: PlanFactory
) -> None:
    """RAG, overdue and stale counts follow the actions as at the given date."""
    risk = factory.priority("Contextual Risk", champion="Ana Novak & Owain Price")
    send = factory.priority("SEND", champion="Julie Hart")
    add_outcome(db, risk, "Young people are safer in public places")
    factory.action(risk, "Map hotspots", rag="R", timescale="January 2025")
    factory.action(risk, "Engage businesses", rag="amber", timescale="Ongoing – review quarterly")
    factory.action(send, "Audit EHCPs", rag="G", timescale="31/12/2025")
    done = factory.action(send, "Refresh guidance", rag="B", timescale="Completed September 2024")
    factory.action(send, "Unrated work")
    record_progress(
        db, ProgressEntry(done, date(2025, 3, 1), Rag.BLUE, Status.COMPLETE, "Published")
    )
    summary = plan_summary(db, as_of=date(2025, 3, 31))
    assert summary["plan"] == factory.plan.title
    assert (summary["priorities"], summary["outcomes"], summary["actions"]) == (2, 1, 5)
    assert summary["rag"] == {"red": 1, "amber": 1, "green": 1, "blue": 1, "unrated": 1}
    assert summary["overdue"] == 1
    assert summary["by_priority"][0] == {
        "name": "Contextual Risk",
        "champion": "Ana Novak & Owain Price",
        "actions": 2,
        "rag": {"red": 1, "amber": 1, "green": 0, "blue": 0, "unrated": 0},
        "complete": 0,
    }
    assert summary["by_priority"][1]["rag"]["blue"] == 1
    # Actions were added today: half a year on, every open one has gone without an update.
    later = plan_summary(db, as_of=date.today() + timedelta(days=200))
    assert later["overdue"] == 2
    assert later["stale"] == 4


def test_summary_of_a_named_plan(db: Database, factory: PlanFactory) -> None:
    """--plan chooses which plan is summarised."""
    from actionplan.services.plans import create_plan

    factory.action(factory.priority(), "x")
    create_plan(db, "Another plan")
    assert plan_summary(db)["plan"] == "Another plan"
    assert plan_summary(db, "Northbridge")["actions"] == 1
