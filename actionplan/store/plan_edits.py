"""Writing a plan's priorities, outcomes and actions one edit at a time.

Every function takes the Database handle and opens its own session; each write is one
transaction, so a refused edit changes nothing. A row that is not there raises
``missing.Gone`` naming it; a priority or outcome from elsewhere raises ``missing.Misplaced``.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from actionplan.domain.leads import split_leads
from actionplan.domain.plan_values import ActionDraft, PriorityHeading
from actionplan.domain.rag import Rag, parse_rag
from actionplan.domain.refs import next_ref
from actionplan.domain.status import status_from_word
from actionplan.domain.timescale import parse_timescale
from actionplan.store.database import Database
from actionplan.store.leads import link_leads, relink_leads
from actionplan.store.missing import Misplaced, fetch
from actionplan.store.server_time import restamp
from actionplan.store.tables import Action, Outcome, Plan, Priority
from actionplan.store.versions import check_seen, flush_checked


def add_priority(db: Database, plan_id: int, heading: PriorityHeading, number: str = "") -> int:
    """Add a priority at the end of the plan, numbered next unless ``number`` is given."""
    with db.writing() as session:
        fetch(session, Plan, plan_id, "plan")
        count = len(session.exec(select(Priority.id).where(Priority.plan_id == plan_id)).all())
        priority = Priority(
            plan_id=plan_id,
            title=heading.title,
            aim=heading.aim,
            champion=heading.champion,
            number=number or str(count + 1),
            position=count,
        )
        session.add(priority)
        session.flush()
        assert priority.id is not None
        return priority.id


def priority_heading(db: Database, priority_id: int) -> PriorityHeading:
    """A priority's title, executive champion and aim as stored."""
    with db.reading() as session:
        priority = fetch(session, Priority, priority_id, "priority")
        return PriorityHeading(
            priority.title, priority.champion, priority.aim, version=priority.version
        )


def edit_priority(db: Database, priority_id: int, heading: PriorityHeading) -> None:
    """Store a priority's title, executive champion and aim; Conflict when the heading was
    read at another version than the stored one."""
    with db.writing() as session:
        priority = fetch(session, Priority, priority_id, "priority")
        check_seen(session, priority, heading.version)
        priority.title, priority.champion = heading.title, heading.champion
        priority.aim = heading.aim
        session.add(priority)
        flush_checked(session, priority, heading.version)


def add_outcome(db: Database, priority_id: int, title: str) -> int:
    """Add an outcome after the priority's others; returns its id."""
    with db.writing() as session:
        fetch(session, Priority, priority_id, "priority")
        query = select(Outcome.id).where(Outcome.priority_id == priority_id)
        outcome = Outcome(
            priority_id=priority_id, title=title, position=len(session.exec(query).all())
        )
        session.add(outcome)
        session.flush()
        assert outcome.id is not None
        return outcome.id


def add_action(db: Database, priority_id: int, draft: ActionDraft) -> int:
    """Add an action after the priority's others, with its leads; returns its id.

    Without a ref of its own it takes the next "N.k" of the priority's number.
    """
    with db.writing() as session:
        return insert_action(session, priority_id, draft)


def insert_action(session: Session, priority_id: int, draft: ActionDraft) -> int:
    """Add an action in the caller's transaction (see ``add_action``); returns its id."""
    priority = fetch(session, Priority, priority_id, "priority")
    assert priority.id is not None
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
    assert action.id is not None
    link_leads(session, action.plan_id, action.id, _lead_names(draft))
    return action.id


def move_action(db: Database, action_id: int, step: int) -> bool:
    """Move an action ``step`` places among its priority's actions; False when that would
    take it past the first or last. Positions are renumbered 0, 1, 2… in the order shown."""
    with db.writing() as session:
        action = fetch(session, Action, action_id, "action")
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


def edit_action(db: Database, action_id: int, draft: ActionDraft) -> None:
    """Store an action's words, timescale, place and leads (RAG and status stay); Conflict
    when the draft was made from another version than the stored one."""
    with db.writing() as session:
        action = fetch(session, Action, action_id, "action")
        check_seen(session, action, draft.version)
        if draft.ref:
            action.ref = draft.ref
        _place(session, action, draft)
        _apply_draft(session, action, draft)
        restamp(action, "updated_at")
        session.add(action)
        flush_checked(session, action, draft.version)
        relink_leads(session, action.plan_id, action_id, _lead_names(draft))


def action_draft(db: Database, action_id: int) -> ActionDraft:
    """An action's editable words as stored."""
    with db.reading() as session:
        action = fetch(session, Action, action_id, "action")
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
            version=action.version,
        )


def _place(session: Session, action: Action, draft: ActionDraft) -> None:
    # Move the action under another priority of the same plan, or to a given position.
    target = draft.priority_id
    moving = target is not None and target != action.priority_id
    if target is not None and moving:
        priority = fetch(session, Priority, target, "priority")
        assert priority.id is not None
        if priority.plan_id != action.plan_id:
            raise Misplaced("priority")
        action.priority_id = priority.id
    if draft.position is not None:
        action.position = draft.position
    elif moving:
        places = select(Action.position).where(Action.priority_id == action.priority_id)
        action.position = max(session.exec(places).all(), default=-1) + 1


def _apply_draft(session: Session, action: Action, draft: ActionDraft) -> None:
    if draft.outcome_id is not None:
        outcome = fetch(session, Outcome, draft.outcome_id, "outcome")
        if outcome.priority_id != action.priority_id:
            raise Misplaced("outcome")
    action.outcome_id = draft.outcome_id
    action.text = draft.text
    action.how_we_know = draft.how_we_know
    action.lead_raw = draft.lead
    timescale = parse_timescale(draft.timescale)
    action.timescale_raw = timescale.raw
    action.timescale_kind = timescale.kind.value
    action.due_date = timescale.due
    action.start_date = timescale.start


def _lead_names(draft: ActionDraft) -> list[str]:
    return split_leads(draft.lead) + [name for name in draft.extra_leads if name.strip()]
