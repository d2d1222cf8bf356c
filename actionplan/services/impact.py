"""Recording impact: measures with their readings, and each priority's narrative per period."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from actionplan.domain.measures import parse_direction
from actionplan.services.editing import delete_row
from actionplan.services.errors import ServiceError
from actionplan.services.views import MeasureHeading, NarrativeView
from actionplan.store.database import Database
from actionplan.store.removal import Removed
from actionplan.store.tables import Measure, MeasureReading, Narrative, Plan, Priority


def _require(session: Session, model: type, item_id: int, what: str) -> None:
    if session.get(model, item_id) is None:
        raise ServiceError(f"The {what} no longer exists (it may have been deleted).")


def _raw(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def add_measure(
    db: Database,
    plan_id: int,
    name: str,
    unit: str = "",
    direction: str = "",
    baseline: float | None = None,
    target: float | None = None,
    priority_id: int | None = None,
) -> int:
    """Add a measure of impact to the plan (or to one of its priorities); returns its id."""
    if not name.strip():
        raise ServiceError("A measure needs a name saying what is counted.")
    with db.writing() as session:
        _require(session, Plan, plan_id, "plan")
        if priority_id is not None:
            priority = session.get(Priority, priority_id)
            if priority is None or priority.plan_id != plan_id:
                raise ServiceError("That priority is not part of this plan.")
        count = len(session.exec(select(Measure.id).where(Measure.plan_id == plan_id)).all())
        measure = Measure(
            plan_id=plan_id,
            priority_id=priority_id,
            name=name.strip(),
            unit=unit.strip(),
            direction=parse_direction(direction).value,
            direction_raw=direction,
            baseline=baseline,
            baseline_raw=_raw(baseline),
            target=target,
            target_raw=_raw(target),
            position=count,
        )
        session.add(measure)
        session.flush()
        assert measure.id is not None
        return measure.id


def add_reading(
    db: Database,
    measure_id: int,
    period_label: str,
    value: float | None,
    period_end: date | None = None,
    note: str = "",
) -> int:
    """Add one period's reading after the measure's existing ones; returns its id."""
    if not period_label.strip():
        raise ServiceError("A reading needs the period it is for, such as '2024-25' or 'Q3'.")
    with db.writing() as session:
        _require(session, Measure, measure_id, "measure")
        query = select(MeasureReading.id).where(MeasureReading.measure_id == measure_id)
        reading = MeasureReading(
            measure_id=measure_id,
            period_label=period_label.strip(),
            period_end=period_end,
            value=value,
            value_raw=_raw(value),
            note=note.strip(),
            position=len(session.exec(query).all()),
        )
        session.add(reading)
        session.flush()
        assert reading.id is not None
        return reading.id


def set_narrative(
    db: Database,
    priority_id: int,
    period_label: str,
    done: str = "",
    analysis: str = "",
    impact: str = "",
    next_steps: str = "",
) -> int:
    """Write (or rewrite) a priority's narrative for a period; returns its id."""
    with db.writing() as session:
        _require(session, Priority, priority_id, "priority")
        query = select(Narrative).where(
            Narrative.priority_id == priority_id, Narrative.period_label == period_label.strip()
        )
        narrative = session.exec(query.order_by(col(Narrative.id))).first()
        narrative = narrative or Narrative(
            priority_id=priority_id, period_label=period_label.strip()
        )
        narrative.done, narrative.analysis = done, analysis
        narrative.impact, narrative.next_steps = impact, next_steps
        session.add(narrative)
        session.flush()
        assert narrative.id is not None
        return narrative.id


def narrative_for(
    db: Database, priority_id: int, period: str | None = None
) -> NarrativeView | None:
    """The priority's narrative for the period, or the one written last when none is given."""
    with db.reading() as session:
        query = select(Narrative).where(Narrative.priority_id == priority_id)
        if period is not None:
            query = query.where(Narrative.period_label == period.strip())
        found = session.exec(query.order_by(col(Narrative.id).desc())).first()
        if found is None:
            return None
        return NarrativeView(
            found.period_label, found.done, found.analysis, found.impact, found.next_steps
        )


def put_narrative(
    db: Database, priority_id: int, period: str, narrative: NarrativeView | None
) -> None:
    """Write the period's narrative, or remove it when ``narrative`` is None (for Undo)."""
    if narrative is not None:
        words = (narrative.done, narrative.analysis, narrative.impact, narrative.next_steps)
        set_narrative(db, priority_id, period, *words)
        return
    with db.writing() as session:
        query = select(Narrative).where(
            Narrative.priority_id == priority_id, Narrative.period_label == period.strip()
        )
        for found in session.exec(query):
            session.delete(found)


def measure_heading(db: Database, measure_id: int) -> MeasureHeading:
    """A measure's definition as it stands."""
    with db.reading() as session:
        measure = session.get(Measure, measure_id)
        if measure is None:
            raise ServiceError("The measure no longer exists (it may have been deleted).")
        return MeasureHeading(
            measure.name, measure.unit, measure.direction, measure.baseline, measure.target,
            measure.priority_id,
        )  # fmt: skip


def edit_measure(db: Database, measure_id: int, heading: MeasureHeading) -> None:
    """Change a measure's definition (its readings stay)."""
    if not heading.name.strip():
        raise ServiceError("A measure needs a name saying what is counted.")
    with db.writing() as session:
        measure = session.get(Measure, measure_id)
        if measure is None:
            raise ServiceError("The measure no longer exists (it may have been deleted).")
        if heading.priority_id is not None:
            priority = session.get(Priority, heading.priority_id)
            if priority is None or priority.plan_id != measure.plan_id:
                raise ServiceError("That priority is not part of this plan.")
        measure.name, measure.unit = heading.name.strip(), heading.unit.strip()
        measure.direction = parse_direction(heading.direction).value
        measure.direction_raw = heading.direction
        measure.baseline, measure.baseline_raw = heading.baseline, _raw(heading.baseline)
        measure.target, measure.target_raw = heading.target, _raw(heading.target)
        measure.priority_id = heading.priority_id
        session.add(measure)


def delete_measure(db: Database, measure_id: int) -> Removed:
    """Delete a measure with its readings; ``editing.restore`` puts them back."""
    return delete_row(db, Measure, measure_id, "measure")


def remove_reading(db: Database, reading_id: int) -> None:
    """Remove a reading (to undo adding it)."""
    with db.writing() as session:
        reading = session.get(MeasureReading, reading_id)
        if reading is None:
            raise ServiceError("That reading has already been removed.")
        session.delete(reading)
