"""Reading a plan's measures as rows people see: readings in order, latest, status and trend."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import col, select

from actionplan.domain.measures import (
    last_two,
    measure_status,
    parse_direction,
    trend,
)
from actionplan.services.views import ComparatorRow, MeasureRow, ReadingRow
from actionplan.store.database import Database
from actionplan.store.queries import comparators_of
from actionplan.store.tables import Measure, MeasureReading, Priority

__all__ = ["MeasureRow", "ReadingRow", "measure_rows"]


def measure_rows(db: Database, plan_id: int) -> list[MeasureRow]:
    """The plan's measures in order, each with its readings."""
    with db.reading() as session:
        titles = dict(
            session.exec(
                select(Priority.id, Priority.title).where(Priority.plan_id == plan_id)
            ).all()
        )
        measures = session.exec(
            select(Measure)
            .where(Measure.plan_id == plan_id)
            .order_by(col(Measure.position), col(Measure.id))
        ).all()
        readings = session.exec(
            select(MeasureReading)
            .join(Measure, col(Measure.id) == MeasureReading.measure_id)
            .where(Measure.plan_id == plan_id)
            .order_by(col(MeasureReading.position), col(MeasureReading.id))
        ).all()
        benchmarks = comparators_of(session, plan_id)
    compared: dict[int, list[ComparatorRow]] = {}
    for c in benchmarks:
        compared.setdefault(c.measure_id, []).append(
            ComparatorRow(c.name, c.period_label, c.value, c.value_raw)
        )
    grouped: dict[int, list[ReadingRow]] = {}
    for r in readings:
        assert r.id is not None
        grouped.setdefault(r.measure_id, []).append(
            ReadingRow(r.id, r.period_label, r.value, r.value_raw, r.period_end, r.note)
        )
    return [
        replace(
            _row(m, titles.get(m.priority_id, "") if m.priority_id else "", grouped),
            comparators=tuple(compared.get(m.id or -1, [])),
        )
        for m in measures
    ]


def _row(measure: Measure, priority_title: str, grouped: dict[int, list[ReadingRow]]) -> MeasureRow:
    assert measure.id is not None
    readings = tuple(grouped.get(measure.id, []))
    direction = parse_direction(measure.direction)
    previous, latest = last_two([r.value for r in readings])
    return MeasureRow(
        id=measure.id,
        name=measure.name,
        priority_title=priority_title,
        unit=measure.unit,
        direction=direction,
        baseline=measure.baseline,
        target=measure.target,
        readings=readings,
        latest=latest,
        status=measure_status(direction, latest, measure.target),
        trend=trend(direction, previous, latest),
    )
