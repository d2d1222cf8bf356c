"""The tables of team mode's bookkeeping: which older apps may use the database, a file's
link to the plan it came from on a server, the activity log and each plan's revision.

Kept beside ``tables.py`` (whose naming convention they share) so neither grows too long;
``schema.py`` gathers every table module, so the whole schema is known wherever it is used.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from actionplan.store.server_time import stamp_column
from actionplan.store.tables import long_text


class SchemaCompatibility(SQLModel, table=True):
    """The oldest app schema that may still use this database, written with each upgrade.

    One row, valid only for the schema it names: a team can then upgrade one PC at a time.
    """

    __tablename__ = "schema_compatibility"

    schema_revision: str = Field(primary_key=True)  # the schema this row was written for
    oldest_app_schema: str


class TeamLink(SQLModel, table=True):
    """The plan on a team's server this plan was checked out from or published to."""

    __tablename__ = "team_link"

    plan_id: int = Field(foreign_key="plan.id", primary_key=True, ondelete="CASCADE")
    server: str  # where, as it may be shown (a password masked)
    server_plan_id: int
    # With the id, what makes it the same plan: a plan made anew gets its own moment. The
    # server's stamp copied as it is, so never stamped here.
    server_plan_created: datetime = Field(sa_column=stamp_column(stamped=False))
    linked_at: datetime = Field(default=None, sa_column=stamp_column())


class TeamLinkRow(SQLModel, table=True):
    """One row of a linked plan: its id on the server, and its version and values as copied."""

    __tablename__ = "team_link_row"

    plan_id: int = Field(foreign_key="team_link.plan_id", primary_key=True, ondelete="CASCADE")
    table_name: str = Field(primary_key=True)
    row_id: int = Field(primary_key=True)  # the row's id in this file
    server_id: int
    version: int = 0  # 0 for rows without a version
    # The row as last agreed with the server (its links in server ids), for a field-by-field
    # merge; "{}" for rows only ever added (progress updates, readings, snapshots).
    values_json: str = Field(default="{}", sa_column=long_text())


class Activity(SQLModel, table=True):
    """One entry of the activity log: who changed which field of which row, from what to
    what, and when by the server's clock. Only ever added to: the database refuses to
    change or delete an entry (triggers made by migration 0011). No links to the rows it
    names, so it outlives them."""

    # Added without reading the new row back: a lead may add to the log but not read it.
    __table_args__ = {"implicit_returning": False}

    id: int | None = Field(default=None, primary_key=True)
    at: datetime | None = Field(default=None, sa_column=stamp_column())
    who: str = ""
    plan_id: int | None = Field(default=None, index=True)
    action_id: int | None = Field(default=None, index=True)  # the action it concerns, if any
    what: str  # the table: "action", "progress_update"…
    row_id: int
    label: str = ""  # the row as people name it: "action 1.2"
    field: str = ""  # the column changed; blank for a whole row added or deleted
    old: str = Field(default="", sa_column=long_text())
    new: str = Field(default="", sa_column=long_text())
    kind: str = "changed"  # changed, added, deleted, progress recorded, reading added, undone


class PlanRevision(SQLModel, table=True):
    """The plan's revision: one more on every write that changes what a window shows of it.

    Kept by triggers (store/revision_triggers.py), so every writer counts, and read by the
    windows open on the plan to learn, without being told, that a colleague changed it.
    """

    __tablename__ = "plan_revision"

    plan_id: int = Field(foreign_key="plan.id", primary_key=True, ondelete="CASCADE")
    revision: int = 1
