"""Reading a plan's measures as rows people see: readings in order, latest, status and trend."""

from __future__ import annotations

from actionplan.domain.measures import (
    last_two,
    measure_status,
    parse_direction,
    trend,
)
from actionplan.services.views import MeasureRow, ReadingRow
from actionplan.store.database import Database
from actionplan.store.measures import StoredMeasure, plan_measures

__all__ = ["MeasureRow", "ReadingRow", "measure_rows"]


def measure_rows(db: Database, plan_id: int) -> list[MeasureRow]:
    """The plan's measures in order, each with its readings."""
    return [_row(measure) for measure in plan_measures(db, plan_id)]


def _row(measure: StoredMeasure) -> MeasureRow:
    direction = parse_direction(measure.direction)
    previous, latest = last_two([r.value for r in measure.readings])
    return MeasureRow(
        id=measure.id,
        name=measure.name,
        priority_title=measure.priority_title,
        unit=measure.unit,
        direction=direction,
        baseline=measure.baseline,
        target=measure.target,
        readings=measure.readings,
        latest=latest,
        status=measure_status(direction, latest, measure.target),
        trend=trend(direction, previous, latest),
        comparators=measure.comparators,
    )
