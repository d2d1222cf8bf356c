"""Update rounds kept in the database: each round of a plan, and what happened with each lead.

Like every store module, its public functions take the Database and open their own
session: one read, or one write transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.round_tables import RoundLead, UpdateRound
from actionplan.store.tables import Lead


@dataclass(frozen=True)
class RoundInfo:
    """A round: its plan, name, deadline, message, folder, and when it opened and closed."""

    id: int
    plan_id: int
    name: str
    due: date
    message: str
    started_on: date
    folder: str
    closed_on: date | None
    snapshot_id: int | None
    reply_to: str = ""


@dataclass(frozen=True)
class RoundLeadInfo:
    """One lead asked in a round: the return and email sent, and what came of it."""

    id: int
    round_id: int
    lead_name: str
    email: str
    return_id: int
    return_file: str
    email_file: str
    sent_on: date
    returned_on: date | None = None
    updated: int = 0
    merged_on: date | None = None
    chased_on: date | None = None
    chases: int = 0


def _round_info(row: UpdateRound) -> RoundInfo:
    assert row.id is not None
    return RoundInfo(
        row.id, row.plan_id, row.name, row.due, row.message, row.started_on, row.folder,
        row.closed_on, row.snapshot_id, row.reply_to,
    )  # fmt: skip


def _lead_info(row: RoundLead) -> RoundLeadInfo:
    assert row.id is not None
    return RoundLeadInfo(
        row.id, row.round_id, row.lead_name, row.email, row.issued_return_id, row.return_file,
        row.email_file, row.sent_on, row.returned_on, row.updated, row.merged_on, row.chased_on,
        row.chases,
    )  # fmt: skip


def add_round(db: Database, start: RoundInfo, leads: list[RoundLeadInfo]) -> int:
    """Record a round and the leads it asked, in one transaction; returns the round's id."""
    with db.writing() as session:
        row = UpdateRound(
            plan_id=start.plan_id, name=start.name, due=start.due, message=start.message,
            started_on=start.started_on, folder=start.folder, reply_to=start.reply_to,
        )  # fmt: skip
        session.add(row)
        session.flush()
        assert row.id is not None
        for lead in leads:
            session.add(RoundLead(
                round_id=row.id, lead_name=lead.lead_name, email=lead.email,
                issued_return_id=lead.return_id, return_file=lead.return_file,
                email_file=lead.email_file, sent_on=lead.sent_on,
            ))  # fmt: skip
        return row.id


def rounds_of(db: Database, plan_id: int) -> list[RoundInfo]:
    """The plan's rounds, oldest first."""
    query = select(UpdateRound).where(UpdateRound.plan_id == plan_id)
    with db.reading() as session:
        rows = session.exec(query.order_by(col(UpdateRound.started_on), col(UpdateRound.id)))
        return [_round_info(row) for row in rows]


def round_leads(db: Database, round_id: int) -> list[RoundLeadInfo]:
    """The leads asked in a round, in the order they were asked."""
    query = select(RoundLead).where(RoundLead.round_id == round_id).order_by(col(RoundLead.id))
    with db.reading() as session:
        return [_lead_info(row) for row in session.exec(query)]


def round_of_return(db: Database, return_id: int) -> tuple[RoundInfo, RoundLeadInfo] | None:
    """The round a return was sent in, and its lead's record; None when sent in none."""
    query = select(RoundLead).where(RoundLead.issued_return_id == return_id)
    with db.reading() as session:
        lead = session.exec(query).first()
        if lead is None:
            return None
        found = session.get(UpdateRound, lead.round_id)
        assert found is not None
        return _round_info(found), _lead_info(lead)


def mark_returned(db: Database, round_lead_id: int, on: date, updated: int) -> bool:
    """Note the lead's return as received on a day, with how many actions it updates; a return
    received before keeps its first day. True when this is the first time."""
    with db.writing() as session:
        lead = _round_lead(session, round_lead_id)
        first = lead.returned_on is None
        if first:
            lead.returned_on = on
        lead.updated = max(lead.updated, updated)
        session.add(lead)
        return first


def mark_merged(db: Database, round_lead_id: int, on: date, updated: int) -> None:
    """Note the lead's return as merged (once: the first day stays)."""
    with db.writing() as session:
        lead = _round_lead(session, round_lead_id)
        lead.returned_on = lead.returned_on or on
        lead.merged_on = lead.merged_on or on
        lead.updated = max(lead.updated, updated)
        session.add(lead)


def set_merged_on(db: Database, round_lead_id: int, merged_on: date | None) -> None:
    """Set the day the return was merged (None: not merged), for Undo and Redo."""
    with db.writing() as session:
        lead = _round_lead(session, round_lead_id)
        lead.merged_on = merged_on
        session.add(lead)


def mark_chased(db: Database, round_lead_ids: list[int], on: date) -> None:
    """Note these leads as chased on a day."""
    with db.writing() as session:
        for round_lead_id in round_lead_ids:
            lead = _round_lead(session, round_lead_id)
            lead.chased_on, lead.chases = on, lead.chases + 1
            session.add(lead)


def close_round(db: Database, round_id: int, on: date, snapshot_id: int | None) -> None:
    """Close the round on a day, with the snapshot taken for its board."""
    with db.writing() as session:
        row = session.get(UpdateRound, round_id)
        if row is None:
            raise StoreError("That update round is no longer in this database.")
        row.closed_on, row.snapshot_id = on, snapshot_id
        session.add(row)


def _round_lead(session: Session, round_lead_id: int) -> RoundLead:
    lead = session.get(RoundLead, round_lead_id)
    if lead is None:
        raise StoreError("That lead is no longer in the update round.")
    return lead


def lead_emails(db: Database, plan_id: int) -> dict[str, str]:
    """Each of the plan's leads' email address by name (blank when not known)."""
    query = select(Lead.name, Lead.email).where(Lead.plan_id == plan_id)
    with db.reading() as session:
        return {name: email for name, email in session.exec(query)}


def set_emails(db: Database, emails: dict[int, str]) -> dict[int, str]:
    """Store each lead's email address (by id) in one go; returns the addresses replaced."""
    with db.writing() as session:
        before = {}
        for lead_id, email in emails.items():
            lead = session.get(Lead, lead_id)
            if lead is None:
                raise StoreError("That lead is no longer in the plan.")
            before[lead_id], lead.email = lead.email, email
            session.add(lead)
        return before


def rounds_answered(db: Database, plan_id: int) -> dict[str, list[tuple[str, date | None]]]:
    """Each lead asked in the plan's rounds (by name, in lower case): every round they were
    asked in, oldest first, with the day they answered (None: they did not)."""
    query = (
        select(UpdateRound.name, col(RoundLead.returned_on), RoundLead.lead_name)
        .join(RoundLead, col(RoundLead.round_id) == UpdateRound.id)
        .where(UpdateRound.plan_id == plan_id)
        .order_by(col(UpdateRound.started_on), col(UpdateRound.id))
    )
    answers: dict[str, list[tuple[str, date | None]]] = {}
    with db.reading() as session:
        for name, returned, lead in session.exec(query):
            answers.setdefault(lead.casefold(), []).append((name, returned))
    return answers
