"""Creating and editing a plan's priorities, outcomes, actions and leads; each edit commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from actionplan.domain.leads import split_leads
from actionplan.domain.rag import Rag, parse_rag
from actionplan.domain.status import status_from_word
from actionplan.domain.timescale import parse_timescale
from actionplan.services.errors import ServiceError
from actionplan.services.views import ActionDraft, LeadView, PriorityHeading
from actionplan.store.database import Database
from actionplan.store.removal import Removed, put_back, take_out
from actionplan.store.tables import Action, ActionLead, Lead, Outcome, Plan, Priority


def _get(session: Session, model: type, item_id: int, what: str) -> object:
    item = session.get(model, item_id)
    if item is None:
        raise ServiceError(f"The {what} no longer exists (it may have been deleted).")
    return item


def add_priority(
    db: Database, plan_id: int, title: str, aim: str = "", champion: str = "", number: str = ""
) -> int:
    """Add a priority at the end of the plan; returns its id."""
    if not title.strip():
        raise ServiceError("A priority needs a title.")
    with db.writing() as session:
        _get(session, Plan, plan_id, "plan")
        count = len(session.exec(select(Priority.id).where(Priority.plan_id == plan_id)).all())
        priority = Priority(
            plan_id=plan_id,
            title=title.strip(),
            aim=aim,
            champion=champion.strip(),
            number=number or str(count + 1),
            position=count,
        )
        session.add(priority)
        session.flush()
        assert priority.id is not None
        return priority.id


def priority_heading(db: Database, priority_id: int) -> PriorityHeading:
    """A priority's title, executive champion and aim as they stand."""
    with db.reading() as session:
        priority = _get(session, Priority, priority_id, "priority")
        assert isinstance(priority, Priority)
        return PriorityHeading(priority.title, priority.champion, priority.aim)


def edit_priority(db: Database, priority_id: int, heading: PriorityHeading) -> None:
    """Change a priority's title, executive champion and aim."""
    if not heading.title.strip():
        raise ServiceError("A priority needs a title.")
    with db.writing() as session:
        priority = _get(session, Priority, priority_id, "priority")
        assert isinstance(priority, Priority)
        priority.title = heading.title.strip()
        priority.champion = heading.champion.strip()
        priority.aim = heading.aim
        session.add(priority)


def add_outcome(db: Database, priority_id: int, title: str) -> int:
    """Add an outcome under a priority; returns its id."""
    if not title.strip():
        raise ServiceError("An outcome needs a title saying what will be different.")
    title = title.strip()
    with db.writing() as session:
        _get(session, Priority, priority_id, "priority")
        query = select(Outcome.id).where(Outcome.priority_id == priority_id)
        outcome = Outcome(
            priority_id=priority_id, title=title, position=len(session.exec(query).all())
        )
        session.add(outcome)
        session.flush()
        assert outcome.id is not None
        return outcome.id


def add_action(db: Database, priority_id: int, draft: ActionDraft) -> int:
    """Add an action under a priority, with its leads; returns its id."""
    if not draft.text.strip():
        raise ServiceError("An action needs some words saying what will be done.")
    with db.writing() as session:
        priority = _get(session, Priority, priority_id, "priority")
        assert isinstance(priority, Priority) and priority.id is not None
        siblings = session.exec(
            select(Action.ref, Action.position).where(Action.priority_id == priority_id)
        ).all()
        position = max((place for _ref, place in siblings), default=-1) + 1
        action = Action(plan_id=priority.plan_id, priority_id=priority.id, position=position)
        action.ref = draft.ref or next_ref(priority.number, [ref for ref, _place in siblings])
        _apply_draft(session, action, draft)
        action.rag = (parse_rag(draft.rag) or Rag.UNRATED).value
        action.rag_raw = draft.rag
        action.status = draft.status.value
        session.add(action)
        session.flush()
        _link_leads(session, action, draft)
        assert action.id is not None
        return action.id


def move_action(db: Database, action_id: int, step: int) -> bool:
    """Move an action up (step -1) or down (+1) among its priority's actions; False when it
    is already first or last. Positions are renumbered 0, 1, 2… in the order shown."""
    with db.writing() as session:
        action = _get(session, Action, action_id, "action")
        assert isinstance(action, Action)
        siblings = list(
            session.exec(
                select(Action)
                .where(Action.priority_id == action.priority_id)
                .order_by(col(Action.position), col(Action.id))
            )
        )
        place = next(number for number, sibling in enumerate(siblings) if sibling.id == action_id)
        if not 0 <= place + step < len(siblings):
            return False
        siblings.insert(place + step, siblings.pop(place))
        for number, sibling in enumerate(siblings):
            if sibling.position != number:
                sibling.position = number
                session.add(sibling)
        return True


def next_ref(number: str, sibling_refs: list[str]) -> str:
    """The ref after the highest "N.k" under a priority numbered N ("2.4" after 2.1-2.3)."""
    prefix = f"{number}."
    taken = [
        int(ref[len(prefix) :])
        for ref in sibling_refs
        if ref.startswith(prefix) and ref[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(taken, default=len(sibling_refs)) + 1}"


def delete_row(db: Database, model: type[SQLModel], row_id: int, what: str) -> Removed:
    """Delete one row and every row that belongs to it, in one transaction; ``restore``
    puts them all back. ``what`` names it in the sentence said when it is already gone."""
    with db.writing() as session:
        _get(session, model, row_id, what)
        return take_out(session, str(model.__tablename__), row_id)


def delete_action(db: Database, action_id: int) -> Removed:
    """Delete an action with its leads' links, updates and measures; ``restore`` undoes it."""
    return delete_row(db, Action, action_id, "action")


def delete_outcome(db: Database, outcome_id: int) -> Removed:
    """Delete an outcome (its actions stay under the priority); ``restore`` undoes it."""
    return delete_row(db, Outcome, outcome_id, "outcome")


def delete_priority(db: Database, priority_id: int) -> Removed:
    """Delete a priority with its outcomes, actions, measures and narratives."""
    return delete_row(db, Priority, priority_id, "priority")


def restore(db: Database, removed: Removed) -> None:
    """Put back exactly what a delete took out, with the same ids."""
    with db.writing() as session:
        put_back(session, removed)


def edit_action(db: Database, action_id: int, draft: ActionDraft) -> None:
    """Change an action's words, timescale and leads; RAG and status change through progress."""
    if not draft.text.strip():
        raise ServiceError("An action needs some words saying what will be done.")
    with db.writing() as session:
        action = _get(session, Action, action_id, "action")
        assert isinstance(action, Action)
        if draft.ref:
            action.ref = draft.ref
        _place(session, action, draft)
        _apply_draft(session, action, draft)
        action.updated_at = datetime.now()
        session.add(action)
        for link in session.exec(select(ActionLead).where(ActionLead.action_id == action_id)):
            session.delete(link)
        session.flush()
        _link_leads(session, action, draft)


def _place(session: Session, action: Action, draft: ActionDraft) -> None:
    # Move the action under another priority of the same plan, or to a given position.
    target = draft.priority_id
    moving = target is not None and target != action.priority_id
    if target is not None and moving:
        priority = _get(session, Priority, target, "priority")
        assert isinstance(priority, Priority) and priority.id is not None
        if priority.plan_id != action.plan_id:
            raise ServiceError("That priority is not part of this action's plan.")
        action.priority_id = priority.id
    if draft.position is not None:
        action.position = draft.position
    elif moving:
        places = select(Action.position).where(Action.priority_id == action.priority_id)
        action.position = max(session.exec(places).all(), default=-1) + 1


def _apply_draft(session: Session, action: Action, draft: ActionDraft) -> None:
    if draft.outcome_id is not None:
        outcome = _get(session, Outcome, draft.outcome_id, "outcome")
        assert isinstance(outcome, Outcome)
        if outcome.priority_id != action.priority_id:
            raise ServiceError("That outcome belongs to a different priority.")
    action.outcome_id = draft.outcome_id
    action.text = draft.text
    action.how_we_know = draft.how_we_know
    action.lead_raw = draft.lead
    timescale = parse_timescale(draft.timescale)
    action.timescale_raw = timescale.raw
    action.timescale_kind = timescale.kind.value
    action.due_date = timescale.due
    action.start_date = timescale.start


def _link_leads(session: Session, action: Action, draft: ActionDraft) -> None:
    names = split_leads(draft.lead) + [n for n in draft.extra_leads if n.strip()]
    seen: set[int] = set()
    for name in names:
        lead = find_or_add_lead(session, action.plan_id, name)
        assert lead.id is not None and action.id is not None
        if lead.id not in seen:
            seen.add(lead.id)
            session.add(ActionLead(action_id=action.id, lead_id=lead.id))


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


def plan_leads(db: Database, plan_id: int) -> list[LeadView]:
    """The plan's leads by name, with their agencies and how many actions each leads."""
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
        views = [
            LeadView(lead.id, lead.name, lead.agency, counts.get(lead.id, 0))
            for lead in leads
            if lead.id is not None
        ]
    return sorted(views, key=lambda lead: lead.name.casefold())


def set_agencies(db: Database, agencies: dict[int, str]) -> dict[int, str]:
    """Record the agency of each lead given (by id) in one go; returns the agencies replaced."""
    with db.writing() as session:
        before = {}
        for lead_id, agency in agencies.items():
            lead = _get(session, Lead, lead_id, "lead")
            assert isinstance(lead, Lead)
            before[lead_id], lead.agency = lead.agency, agency.strip()
            session.add(lead)
        return before


def set_lead_agency(db: Database, lead_id: int, agency: str) -> None:
    """Record the agency a lead belongs to."""
    with db.writing() as session:
        lead = _get(session, Lead, lead_id, "lead")
        assert isinstance(lead, Lead)
        lead.agency = agency.strip()
        session.add(lead)


def action_draft(db: Database, action_id: int) -> ActionDraft:
    """An action's editable words as they are now (for an edit form, or to undo an edit)."""
    with db.reading() as session:
        action = _get(session, Action, action_id, "action")
        assert isinstance(action, Action)
        return ActionDraft(
            text=action.text,
            ref=action.ref,
            timescale=action.timescale_raw,
            lead=action.lead_raw,
            how_we_know=action.how_we_know,
            outcome_id=action.outcome_id,
            rag=action.rag_raw,
            status=status_from_word(action.status),
            priority_id=action.priority_id,
            position=action.position,
        )
