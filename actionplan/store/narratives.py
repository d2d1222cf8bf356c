"""Each priority's narrative per reporting period: what was done, analysis, impact, next.

Every function takes the Database handle and opens its own session; each write is one
transaction. A priority that is not there raises ``missing.Gone("priority")``.
"""

from __future__ import annotations

from sqlmodel import col, select

from actionplan.domain.plan_data import NarrativeData
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.tables import Narrative, Priority
from actionplan.store.versions import check_seen, flush_checked


def write_narrative(db: Database, priority_id: int, narrative: NarrativeData) -> int:
    """Write (or rewrite) the priority's narrative for its period; returns its id. Conflict
    when the words were read at another version than the stored narrative's."""
    with db.writing() as session:
        fetch(session, Priority, priority_id, "priority")
        query = select(Narrative).where(
            Narrative.priority_id == priority_id, Narrative.period_label == narrative.period_label
        )
        found = session.exec(query.order_by(col(Narrative.id))).first()
        if found is not None:
            check_seen(session, found, narrative.version)
        found = found or Narrative(priority_id=priority_id, period_label=narrative.period_label)
        found.done, found.analysis = narrative.done, narrative.analysis
        found.impact, found.next_steps = narrative.impact, narrative.next_steps
        session.add(found)
        flush_checked(session, found, narrative.version)
        assert found.id is not None
        return found.id


def narrative_for(db: Database, priority_id: int, period: str | None) -> NarrativeData | None:
    """The priority's narrative for the period, or the one written last when none is given."""
    with db.reading() as session:
        query = select(Narrative).where(Narrative.priority_id == priority_id)
        if period is not None:
            query = query.where(Narrative.period_label == period)
        found = session.exec(query.order_by(col(Narrative.id).desc())).first()
        if found is None:
            return None
        return NarrativeData(
            found.period_label,
            found.done,
            found.analysis,
            found.impact,
            found.next_steps,
            version=found.version,
        )


def remove_narrative(db: Database, priority_id: int, period: str) -> None:
    """Remove the priority's narrative for the period, if it has one."""
    with db.writing() as session:
        query = select(Narrative).where(
            Narrative.priority_id == priority_id, Narrative.period_label == period
        )
        for found in session.exec(query):
            session.delete(found)
