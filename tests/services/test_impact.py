"""Recording measures of impact, their readings, and each priority's narrative."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, select

from actionplan.services.errors import ServiceError
from actionplan.services.impact import add_measure, add_reading, set_narrative
from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from actionplan.store.tables import Measure, MeasureReading, Narrative
from tests.conftest import PlanFactory


def test_measure_keeps_unit_direction_baseline_and_target(
    db: Database, factory: PlanFactory
) -> None:
    """A measure is stored with the direction understood from the words typed."""
    priority = factory.priority()
    measure_id = add_measure(
        db, factory.plan.id, "Schools notified", "%", "Higher is better", 40, 100, priority
    )
    with db.reading() as session:
        measure = session.get(Measure, measure_id)
    assert measure is not None
    assert (measure.name, measure.unit, measure.direction) == ("Schools notified", "%", "higher")
    assert (measure.baseline, measure.target, measure.priority_id) == (40, 100, priority)
    assert measure.direction_raw == "Higher is better"


def test_readings_are_kept_in_the_order_added(db: Database, factory: PlanFactory) -> None:
    """Each reading goes after the measure's earlier ones, with its period and note."""
    measure_id = add_measure(db, factory.plan.id, "Median CAMHS wait", "weeks", "lower", 26, 18)
    for label, value in [("2022-23", 24.0), ("2023-24", 21.0), ("2024-25", None)]:
        add_reading(db, measure_id, label, value, note="from the ICB")
    add_reading(db, measure_id, "Q1 2025-26", 19, period_end=date(2025, 6, 30))
    with db.reading() as session:
        readings = session.exec(select(MeasureReading).order_by(col(MeasureReading.position))).all()
    assert [(r.period_label, r.value) for r in readings] == [
        ("2022-23", 24.0),
        ("2023-24", 21.0),
        ("2024-25", None),
        ("Q1 2025-26", 19.0),
    ]
    assert readings[-1].period_end == date(2025, 6, 30)


def test_measure_needs_a_name_and_a_priority_of_the_same_plan(
    db: Database, factory: PlanFactory
) -> None:
    """A nameless measure, or one tied to another plan's priority, is refused."""
    with pytest.raises(ServiceError, match="needs a name"):
        add_measure(db, factory.plan.id, "  ")
    other = create_plan(db, "Another plan")
    elsewhere = PlanFactory(db, other).priority("Elsewhere")
    with pytest.raises(ServiceError, match="not part of this plan"):
        add_measure(db, factory.plan.id, "Count", priority_id=elsewhere)


def test_narrative_for_the_same_period_is_rewritten_not_duplicated(
    db: Database, factory: PlanFactory
) -> None:
    """Setting a period's narrative twice keeps one narrative with the newer words."""
    priority = factory.priority()
    first = set_narrative(db, priority, "2024-25", "Did a", "Analysis", "Impact", "Next")
    again = set_narrative(db, priority, "2024-25", "Did more", "Better analysis", "", "Later")
    set_narrative(db, priority, "2025-26", "New year")
    with db.reading() as session:
        narratives = session.exec(select(Narrative).order_by(col(Narrative.id))).all()
    assert first == again
    assert [(n.period_label, n.done, n.impact) for n in narratives] == [
        ("2024-25", "Did more", ""),
        ("2025-26", "New year", ""),
    ]


def test_reading_for_a_missing_measure_is_refused(db: Database) -> None:
    """A reading needs a measure that exists and a period label."""
    with pytest.raises(ServiceError, match="no longer exists"):
        add_reading(db, 999, "2024-25", 1)
    with pytest.raises(ServiceError, match="period"):
        add_reading(db, 999, " ", 1)
