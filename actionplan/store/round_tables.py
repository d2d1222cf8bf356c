"""The tables of the quarterly update round: a round per plan and what happened to each lead.

Kept beside ``tables.py`` (whose naming convention they share) so neither grows too long.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from actionplan.store.tables import long_text


class UpdateRound(SQLModel, table=True):
    """One quarter's ask of every lead for an update by a date, for a board."""

    __tablename__ = "update_round"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    name: str  # e.g. "Board 20 March"; the snapshot taken at close carries it
    due: date
    message: str = Field(default="", sa_column=long_text())
    started_on: date
    folder: str = ""  # where the returns and email drafts were written
    reply_to: str = ""  # the business manager's address the leads reply to
    closed_on: date | None = None
    snapshot_id: int | None = None  # the snapshot taken when the round closed


class RoundLead(SQLModel, table=True):
    """A lead asked in a round: the return sent, and when it came back, was merged, was chased."""

    __tablename__ = "round_lead"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="update_round.id", index=True, ondelete="CASCADE")
    lead_name: str
    email: str = ""
    issued_return_id: int = Field(index=True)
    return_file: str = ""
    email_file: str = ""
    sent_on: date
    returned_on: date | None = None
    updated: int = 0  # how many actions the lead's return updated
    merged_on: date | None = None
    chased_on: date | None = None
    chases: int = 0
