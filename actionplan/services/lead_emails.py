"""Each lead's email address, where a round sends their return, and the rounds they answered."""

from __future__ import annotations

import re

from actionplan.domain.timescale import format_due
from actionplan.services.errors import ServiceError
from actionplan.store import rounds
from actionplan.store.database import Database

# One plain address: no spaces, commas or angle brackets, a dot after the @.
_ADDRESS = re.compile(r"[^@\s<>,;\"()]+@[^@\s<>,;\"()]+\.[^@\s<>,;\"().]+")


def tidy_email(text: str) -> str:
    """The address as typed, trimmed; raises one sentence when it is not one address."""
    address = text.strip()
    if address and not _ADDRESS.fullmatch(address):
        raise ServiceError(f"'{address[:60]}' is not an email address, like name@agency.gov.uk.")
    return address


def set_lead_emails(db: Database, emails: dict[int, str]) -> dict[int, str]:
    """Store each lead's email address (by lead id); returns the addresses replaced.
    Nothing is stored when one of them is not an address."""
    tidy = {lead_id: tidy_email(email) for lead_id, email in emails.items()}
    return rounds.set_emails(db, tidy)


def emails_by_lead(db: Database, plan_id: int) -> dict[str, str]:
    """Each of the plan's leads' email address by name (blank when not known)."""
    return rounds.lead_emails(db, plan_id)


def round_history(db: Database, plan_id: int) -> dict[str, str]:
    """Each lead's update rounds in words, by name in lower case:
    "Board 20 March: answered 17 Mar 2025; Board 19 June: not answered"."""
    return {
        lead: "; ".join(
            f"{name}: answered {format_due(day)}" if day else f"{name}: not answered"
            for name, day in asked
        )
        for lead, asked in rounds.rounds_answered(db, plan_id).items()
    }
