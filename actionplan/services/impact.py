"""Recording impact: measures with their readings, and each priority's narrative per period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from actionplan.services.conflicts import keeping_draft
from actionplan.services.editing import delete_row
from actionplan.services.errors import ServiceError
from actionplan.services.row_sentences import in_sentences
from actionplan.services.views import MeasureHeading, NarrativeData
from actionplan.store import measures, narratives
from actionplan.store.database import Database
from actionplan.store.removal import Removed

_OTHER_PLAN = {"priority": "That priority is not part of this plan."}


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
    heading = _checked(MeasureHeading(name, unit, direction, baseline, target, priority_id))
    with in_sentences(_OTHER_PLAN):
        return measures.add_measure(db, plan_id, heading)


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
    with in_sentences():
        return measures.add_reading(
            db, measure_id, period_label.strip(), value, period_end, note.strip()
        )


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
    narrative = NarrativeData(period_label.strip(), done, analysis, impact, next_steps)
    with in_sentences():
        return narratives.write_narrative(db, priority_id, narrative)


def narrative_for(
    db: Database, priority_id: int, period: str | None = None
) -> NarrativeData | None:
    """The priority's narrative for the period, or the one written last when none is given."""
    return narratives.narrative_for(db, priority_id, None if period is None else period.strip())


def put_narrative(
    db: Database, priority_id: int, period: str, narrative: NarrativeData | None
) -> None:
    """Write the period's narrative, or remove it when ``narrative`` is None (for Undo).

    Words read at another version than the stored narrative's (a colleague saved first)
    raise EditConflict with their narrative beside these; nothing is saved.
    """
    if narrative is None:
        narratives.remove_narrative(db, priority_id, period.strip())
        return
    words = replace(narrative, period_label=period.strip())
    now = partial(narratives.narrative_for, db, priority_id, words.period_label)
    with in_sentences(), keeping_draft(_narrative_named, narrative, now):
        narratives.write_narrative(db, priority_id, words)


def measure_heading(db: Database, measure_id: int) -> MeasureHeading:
    """A measure's definition as it stands."""
    with in_sentences():
        return measures.measure_heading(db, measure_id)


def edit_measure(db: Database, measure_id: int, heading: MeasureHeading) -> None:
    """Change a measure's definition (its readings stay); EditConflict, saving nothing, when
    a colleague changed it since the heading was read."""
    tidy = _checked(heading)
    now = partial(measures.measure_heading, db, measure_id)
    with in_sentences(_OTHER_PLAN), keeping_draft(_measure_named, heading, now):
        measures.edit_measure(db, measure_id, tidy)


def _narrative_named(narrative: NarrativeData) -> str:
    return f"The narrative for {narrative.period_label}"


def _measure_named(heading: MeasureHeading) -> str:
    return f"The measure “{heading.name}”"


def _checked(heading: MeasureHeading) -> MeasureHeading:
    if not heading.name.strip():
        raise ServiceError("A measure needs a name saying what is counted.")
    return replace(heading, name=heading.name.strip(), unit=heading.unit.strip())


def delete_measure(db: Database, measure_id: int) -> Removed:
    """Delete a measure with its readings; ``editing.restore`` puts them back."""
    return delete_row(db, "measure", measure_id)


def remove_reading(db: Database, reading_id: int) -> None:
    """Remove a reading (to undo adding it)."""
    with in_sentences(gone={"reading": "That reading has already been removed."}):
        measures.remove_reading(db, reading_id)
