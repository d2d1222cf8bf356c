"""A plan's leads: found or added by name, linked to actions, given their agencies.

Functions that take the Database handle open their own session (each write one
transaction); ``find_or_add_lead`` and ``link_leads`` work inside a caller's write.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from actionplan.domain.plan_values import LeadView
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.tables import ActionLead, Lead


def find_or_add_lead(session: Session, plan_id: int, name: str, agency: str = "") -> Lead:
    """The plan's lead of that name (ignoring case), added if new."""
    clean = " ".join(name.split())
    query = select(Lead).where(Lead.plan_id == plan_id)
    for lead in session.exec(query.order_by(col(Lead.id))):
        if lead.name.casefold() == clean.casefold():
            return lead
    lead = Lead(plan_id=plan_id, name=clean, agency=agency)
    session.add(lead)
    session.flush()
    return lead


def link_leads(session: Session, plan_id: int, action_id: int, names: list[str]) -> None:
    """Link the action to the plan's leads of these names (added if new), each once."""
    seen: set[int] = set()
    for name in names:
        lead = find_or_add_lead(session, plan_id, name)
        assert lead.id is not None
        if lead.id not in seen:
            seen.add(lead.id)
            session.add(ActionLead(action_id=action_id, lead_id=lead.id))


def relink_leads(session: Session, plan_id: int, action_id: int, names: list[str]) -> None:
    """Link the action to the plan's leads of these names and to no other; links already
    so (an edit of the action's words only) are left as they are, with nothing written."""
    if not _links_differ(session, plan_id, action_id, names):
        return
    unlink_leads(session, action_id)
    link_leads(session, plan_id, action_id, names)


def _links_differ(session: Session, plan_id: int, action_id: int, names: list[str]) -> bool:
    """True unless the action is linked to exactly the leads ``link_leads`` would find for
    the names (asked in one query: the plan's leads, each with whether it is linked)."""
    linked = (
        select(ActionLead.lead_id)
        .where(ActionLead.action_id == action_id, ActionLead.lead_id == Lead.id)
        .exists()
    )
    query = select(Lead.id, Lead.name, linked).where(Lead.plan_id == plan_id)
    first: dict[str, int] = {}
    now: set[int] = set()
    for lead_id, name, is_linked in session.exec(query.order_by(col(Lead.id))):
        if lead_id is None:
            continue
        first.setdefault(name.casefold(), lead_id)
        if is_linked:
            now.add(lead_id)
    wanted = {first.get(" ".join(name.split()).casefold()) for name in names}
    return None in wanted or wanted != now


def unlink_leads(session: Session, action_id: int) -> None:
    """Take every lead's link off the action (the leads stay in the plan)."""
    for link in session.exec(select(ActionLead).where(ActionLead.action_id == action_id)):
        session.delete(link)
    session.flush()


def plan_leads(db: Database, plan_id: int) -> list[LeadView]:
    """The plan's leads as stored, with their agencies and how many actions each leads."""
    with db.reading() as session:
        counts = dict(
            session.exec(
                select(ActionLead.lead_id, func.count(col(ActionLead.action_id)))
                .join(Lead, col(Lead.id) == ActionLead.lead_id)
                .where(Lead.plan_id == plan_id)
                .group_by(col(ActionLead.lead_id))
            ).all()
        )
        leads = session.exec(select(Lead).where(Lead.plan_id == plan_id)).all()
        return [
            LeadView(lead.id, lead.name, lead.agency, counts.get(lead.id, 0), lead.email)
            for lead in leads
            if lead.id is not None
        ]


def set_agencies(db: Database, agencies: dict[int, str]) -> dict[int, str]:
    """Store the agency of each lead given (by id) in one go; returns the agencies replaced.
    Raises Gone("lead") when one is not there, and then nothing changes."""
    with db.writing() as session:
        before = {}
        for lead_id, agency in agencies.items():
            lead = fetch(session, Lead, lead_id, "lead")
            before[lead_id], lead.agency = lead.agency, agency
            session.add(lead)
        return before
