"""A plan's measures of impact and their readings: read with their benchmarks, and written.

Every function takes the Database handle and opens its own session; each write is one
transaction. A row that is not there raises ``missing.Gone``; a priority of another plan
(or none) raises ``missing.Misplaced("priority")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from actionplan.domain.measures import parse_direction
from actionplan.domain.plan_values import ComparatorRow, MeasureHeading, ReadingRow
from actionplan.store.database import Database
from actionplan.store.missing import Misplaced, fetch
from actionplan.store.queries import comparators_of
from actionplan.store.tables import Measure, MeasureReading, Plan, Priority
from actionplan.store.versions import check_seen, flush_checked


@dataclass(frozen=True)
class StoredMeasure:
    """A measure as stored, with its priority's title, readings and benchmarks in order."""

    id: int
    name: str
    priority_title: str  # "" for a measure of the whole plan
    unit: str
    direction: str
    baseline: float | None
    target: float | None
    readings: tuple[ReadingRow, ...]
    comparators: tuple[ComparatorRow, ...]


def plan_measures(db: Database, plan_id: int) -> list[StoredMeasure]:
    """The plan's measures in order, each with its readings and benchmarks."""
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
        readings = _readings(session, plan_id)
        compared: dict[int, list[ComparatorRow]] = {}
        for c in comparators_of(session, plan_id):
            row = ComparatorRow(c.name, c.period_label, c.value, c.value_raw)
            compared.setdefault(c.measure_id, []).append(row)
    return [_stored(m, titles, readings, compared) for m in measures]


def _readings(session: Session, plan_id: int) -> dict[int, list[ReadingRow]]:
    query = (
        select(MeasureReading)
        .join(Measure, col(Measure.id) == MeasureReading.measure_id)
        .where(Measure.plan_id == plan_id)
        .order_by(col(MeasureReading.position), col(MeasureReading.id))
    )
    grouped: dict[int, list[ReadingRow]] = {}
    for r in session.exec(query):
        assert r.id is not None
        grouped.setdefault(r.measure_id, []).append(
            ReadingRow(r.id, r.period_label, r.value, r.value_raw, r.period_end, r.note)
        )
    return grouped


def _stored(
    measure: Measure,
    titles: dict[int | None, str],
    readings: dict[int, list[ReadingRow]],
    compared: dict[int, list[ComparatorRow]],
) -> StoredMeasure:
    assert measure.id is not None
    return StoredMeasure(
        id=measure.id,
        name=measure.name,
        priority_title=titles.get(measure.priority_id, "") if measure.priority_id else "",
        unit=measure.unit,
        direction=measure.direction,
        baseline=measure.baseline,
        target=measure.target,
        readings=tuple(readings.get(measure.id, [])),
        comparators=tuple(compared.get(measure.id, [])),
    )


def add_measure(db: Database, plan_id: int, heading: MeasureHeading) -> int:
    """Add a measure after the plan's others; returns its id."""
    with db.writing() as session:
        fetch(session, Plan, plan_id, "plan")
        _check_priority(session, plan_id, heading.priority_id)
        count = len(session.exec(select(Measure.id).where(Measure.plan_id == plan_id)).all())
        measure = Measure(plan_id=plan_id, name=heading.name, position=count)
        _apply(measure, heading)
        session.add(measure)
        session.flush()
        assert measure.id is not None
        return measure.id


def measure_heading(db: Database, measure_id: int) -> MeasureHeading:
    """A measure's definition as stored."""
    with db.reading() as session:
        m = fetch(session, Measure, measure_id, "measure")
        return MeasureHeading(
            m.name, m.unit, m.direction, m.baseline, m.target, m.priority_id, version=m.version
        )


def edit_measure(db: Database, measure_id: int, heading: MeasureHeading) -> None:
    """Store a measure's definition (its readings stay); Conflict when the heading was read
    at another version than the stored one."""
    with db.writing() as session:
        measure = fetch(session, Measure, measure_id, "measure")
        check_seen(session, measure, heading.version)
        _check_priority(session, measure.plan_id, heading.priority_id)
        _apply(measure, heading)
        session.add(measure)
        flush_checked(session, measure, heading.version)


def _check_priority(session: Session, plan_id: int, priority_id: int | None) -> None:
    if priority_id is None:
        return
    priority = session.get(Priority, priority_id)
    if priority is None or priority.plan_id != plan_id:
        raise Misplaced("priority")


def _apply(measure: Measure, heading: MeasureHeading) -> None:
    measure.name, measure.unit = heading.name, heading.unit
    measure.direction = parse_direction(heading.direction).value
    measure.direction_raw = heading.direction
    measure.baseline, measure.baseline_raw = heading.baseline, _raw(heading.baseline)
    measure.target, measure.target_raw = heading.target, _raw(heading.target)
    measure.priority_id = heading.priority_id


def add_reading(
    db: Database,
    measure_id: int,
    period_label: str,
    value: float | None,
    period_end: date | None,
    note: str,
) -> int:
    """Add one period's reading after the measure's others; returns its id."""
    with db.writing() as session:
        fetch(session, Measure, measure_id, "measure")
        query = select(MeasureReading.id).where(MeasureReading.measure_id == measure_id)
        stored = MeasureReading(
            measure_id=measure_id,
            period_label=period_label,
            period_end=period_end,
            value=value,
            value_raw=_raw(value),
            note=note,
            position=len(session.exec(query).all()),
        )
        session.add(stored)
        session.flush()
        assert stored.id is not None
        return stored.id


def remove_reading(db: Database, reading_id: int) -> None:
    """Remove a reading; raises Gone("reading") when it is not there."""
    with db.writing() as session:
        session.delete(fetch(session, MeasureReading, reading_id, "reading"))


def _raw(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"
