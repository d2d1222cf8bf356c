"""The plan's tables: plans, priorities, outcomes, actions, leads, updates, measures, narratives.

Every field a partnership typed keeps its raw words (``*_raw``) beside what the app
parsed from them, so nothing a user wrote is ever lost.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, Integer, LargeBinary, MetaData, Text, text
from sqlmodel import Column, Field, SQLModel

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.store.server_time import stamp_column

# Stable constraint names so SQLite batch migrations can find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def long_text() -> Column:
    """A text column holding words whole, however long (never NULL: blank when empty)."""
    return Column(Text, nullable=False, default="")


def _version() -> Column:
    # Checked and bumped by every UPDATE of the row, so a save made from a stale read is
    # refused instead of silently overwriting a colleague's change (store/versions.py).
    return Column("version", Integer, nullable=False, default=1, server_default="1")


VERSIONED_TABLES = ("plan", "priority", "outcome", "action", "measure", "narrative")


_PLAN_VERSION = _version()


class Plan(SQLModel, table=True):
    """One action plan for a period, e.g. "WSCP Priorities Action Plan 2021"."""

    __mapper_args__ = {"version_id_col": _PLAN_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_PLAN_VERSION)
    changed_by: str = ""  # who last changed the row (the app's user name); blank: never
    changed_at: datetime | None = Field(
        default=None, sa_column=stamp_column(nullable=True, stamped=False)
    )
    title: str = Field(index=True)
    partnership: str = ""
    period_start: date | None = None
    period_end: date | None = None
    period_raw: str = ""
    prepared_by: str = ""
    marking: str = ""  # protective marking, e.g. "OFFICIAL-SENSITIVE"; blank for none
    created_at: datetime = Field(default=None, sa_column=stamp_column())


_PRIORITY_VERSION = _version()


class Priority(SQLModel, table=True):
    """A key priority area with its aim and executive champion."""

    __mapper_args__ = {"version_id_col": _PRIORITY_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_PRIORITY_VERSION)
    changed_by: str = ""  # who last changed the row (the app's user name); blank: never
    changed_at: datetime | None = Field(
        default=None, sa_column=stamp_column(nullable=True, stamped=False)
    )
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    number: str = ""
    title: str
    aim: str = Field(default="", sa_column=long_text())
    champion: str = ""
    position: int = 0


_OUTCOME_VERSION = _version()


class Outcome(SQLModel, table=True):
    """What a group of actions under a priority is for (an optional level)."""

    __mapper_args__ = {"version_id_col": _OUTCOME_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_OUTCOME_VERSION)
    changed_by: str = ""  # who last changed the row (the app's user name); blank: never
    changed_at: datetime | None = Field(
        default=None, sa_column=stamp_column(nullable=True, stamped=False)
    )
    priority_id: int = Field(foreign_key="priority.id", index=True, ondelete="CASCADE")
    title: str = Field(default="", sa_column=long_text())
    position: int = 0


class Lead(SQLModel, table=True):
    """A person, role, agency or subgroup that owns actions in a plan."""

    # A login names one lead of a plan at most; most leads have none.
    __table_args__ = (
        Index(
            "uq_lead_plan_login",
            "plan_id",
            "login",
            unique=True,
            sqlite_where=text("login IS NOT NULL"),
            postgresql_where=text("login IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    name: str
    agency: str = ""
    # The team member's database login tied to this lead (team mode); None: nobody's.
    login: str | None = None
    email: str = ""  # where the lead's update return is sent; blank: not known


_ACTION_VERSION = _version()


class Action(SQLModel, table=True):
    """One thing someone will do, with its reference, timescale, status and RAG.
    Separate from ActionRow and ActionData because it is the stored row itself: the store
    alone reads and writes it, and hands out plain values instead.
    """

    __mapper_args__ = {"version_id_col": _ACTION_VERSION}

    # Reading a plan's actions in order walks this index instead of sorting them.
    __table_args__ = (Index("ix_action_priority_order", "priority_id", "position", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_ACTION_VERSION)
    changed_by: str = ""  # who last changed the row (the app's user name); blank: never
    changed_at: datetime | None = Field(
        default=None, sa_column=stamp_column(nullable=True, stamped=False)
    )
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    priority_id: int = Field(foreign_key="priority.id", index=True, ondelete="CASCADE")
    outcome_id: int | None = Field(
        default=None, foreign_key="outcome.id", index=True, ondelete="SET NULL"
    )
    ref: str = ""
    text: str = Field(default="", sa_column=long_text())
    timescale_raw: str = ""
    timescale_kind: str = "empty"
    start_date: date | None = None
    due_date: date | None = None
    status: str = Status.NOT_RECORDED.value
    status_raw: str = ""
    rag: str = Rag.UNRATED.value
    rag_raw: str = ""
    how_we_know: str = Field(default="", sa_column=long_text())
    lead_raw: str = ""
    position: int = 0
    created_at: datetime = Field(default=None, sa_column=stamp_column())
    updated_at: datetime = Field(default=None, sa_column=stamp_column())
    # Counts every change of the action (words, leads, timescale, RAG, status, priority), so
    # a return issued before a change can tell it was overtaken; bumped in store/revisions.py.
    revision: int = 0


class ActionLead(SQLModel, table=True):
    """Links an action to each of its leads (one action can have several)."""

    __tablename__ = "action_lead"

    action_id: int = Field(foreign_key="action.id", primary_key=True, ondelete="CASCADE")
    lead_id: int = Field(foreign_key="lead.id", primary_key=True, index=True, ondelete="CASCADE")


class ProgressUpdate(SQLModel, table=True):
    """A dated note on an action, with the RAG and status it set. Never edited or deleted."""

    __tablename__ = "progress_update"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="action.id", index=True, ondelete="CASCADE")
    update_date: date | None = None  # None: the workbook gave no date, and none is invented
    date_precision: str = "day"  # "month" for "Update August 2020" (kept as the 1st)
    author: str = ""
    text: str = Field(default="", sa_column=long_text())
    rag: str = Rag.UNRATED.value
    status: str = Status.NOT_RECORDED.value
    suggested_rag: str = ""
    reason: str = ""
    recorded_at: datetime = Field(default=None, sa_column=stamp_column())
    # The lead's return this update was merged from; None for one recorded any other way.
    issued_return_id: int | None = Field(
        default=None, foreign_key="issued_return.id", index=True, ondelete="SET NULL"
    )


_MEASURE_VERSION = _version()


class Measure(SQLModel, table=True):
    """An indicator of impact: how we will know we are making a difference."""

    __mapper_args__ = {"version_id_col": _MEASURE_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_MEASURE_VERSION)
    changed_by: str = ""  # who last changed the row (the app's user name); blank: never
    changed_at: datetime | None = Field(
        default=None, sa_column=stamp_column(nullable=True, stamped=False)
    )
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    priority_id: int | None = Field(default=None, foreign_key="priority.id", ondelete="CASCADE")
    outcome_id: int | None = Field(default=None, foreign_key="outcome.id", ondelete="CASCADE")
    action_id: int | None = Field(default=None, foreign_key="action.id", ondelete="CASCADE")
    name: str = Field(sa_column=Column(Text, nullable=False))
    unit: str = ""
    direction: str = ""
    direction_raw: str = ""
    baseline: float | None = None
    baseline_raw: str = ""
    target: float | None = None
    target_raw: str = ""
    position: int = 0


class MeasureReading(SQLModel, table=True):
    """One period's value of a measure (a year, a quarter, a month)."""

    __tablename__ = "measure_reading"

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True, ondelete="CASCADE")
    period_label: str
    period_end: date | None = None
    value: float | None = None
    value_raw: str = ""
    note: str = ""
    position: int = 0


class MeasureComparator(SQLModel, table=True):
    """A benchmark beside a measure (England, London, statistical neighbours): not a reading."""

    __tablename__ = "measure_comparator"

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True, ondelete="CASCADE")
    name: str
    period_label: str = ""
    value: float | None = None
    value_raw: str = ""
    position: int = 0


_NARRATIVE_VERSION = _version()


class Narrative(SQLModel, table=True):
    """Per priority and reporting period: what was done, analysis, impact, next steps.
    Separate from NarrativeData because it is the stored row, with its ids; the store turns
    it into a NarrativeData for everyone else.
    """

    __mapper_args__ = {"version_id_col": _NARRATIVE_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_NARRATIVE_VERSION)
    changed_by: str = ""  # who last changed the row (the app's user name); blank: never
    changed_at: datetime | None = Field(
        default=None, sa_column=stamp_column(nullable=True, stamped=False)
    )
    priority_id: int = Field(foreign_key="priority.id", index=True, ondelete="CASCADE")
    period_label: str = ""
    done: str = Field(default="", sa_column=long_text())
    analysis: str = Field(default="", sa_column=long_text())
    impact: str = Field(default="", sa_column=long_text())
    next_steps: str = Field(default="", sa_column=long_text())


class PlanSource(SQLModel, table=True):
    """The workbook a plan was imported from and the column mapping used, for write-back."""

    __tablename__ = "plan_source"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    filename: str
    layout: str = ""
    mapping_json: str = Field(default="{}", sa_column=long_text())
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    imported_at: datetime = Field(default=None, sa_column=stamp_column())


class Snapshot(SQLModel, table=True):
    """The plan's RAG and status frozen as at a board meeting."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    name: str
    taken_on: date
    taken_at: datetime = Field(default=None, sa_column=stamp_column())


class SnapshotEntry(SQLModel, table=True):
    """One action's RAG and status in a snapshot."""

    __tablename__ = "snapshot_entry"

    snapshot_id: int = Field(foreign_key="snapshot.id", primary_key=True, ondelete="CASCADE")
    action_id: int = Field(foreign_key="action.id", primary_key=True, ondelete="CASCADE")
    rag: str
    status: str


class DatabaseSecret(SQLModel, table=True):
    """A key made once per database that signs its update returns; never exported."""

    __tablename__ = "database_secret"

    name: str = Field(primary_key=True)
    value: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class IssuedReturn(SQLModel, table=True):
    """An update return sent to one lead: when, and which actions at which revision and version."""

    __tablename__ = "issued_return"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    lead_id: int  # kept even if the lead is later removed: the return still names them
    lead_name: str
    issued_on: date
    issued_at: datetime = Field(default=None, sa_column=stamp_column())


class IssuedReturnAction(SQLModel, table=True):
    """One action of an issued return: its revision and row version when the return was made."""

    __tablename__ = "issued_return_action"

    issued_return_id: int = Field(
        foreign_key="issued_return.id", primary_key=True, ondelete="CASCADE"
    )
    action_id: int = Field(primary_key=True)  # no link: a deleted action is reported, not lost
    row: int  # the row of the return's sheet the action was written in
    revision: int
    # The action's row version at issue; None for a return issued before versions were kept.
    action_version: int | None = None


class PlanPackSettings(SQLModel, table=True):
    """What the plan's board pack says on page 1 and carries, as last chosen for it."""

    __tablename__ = "pack_settings"

    plan_id: int = Field(foreign_key="plan.id", primary_key=True, ondelete="CASCADE")
    # The key messages kept, as a JSON list of text; "[]" prints the drafts from the figures.
    key_messages: str = Field(default="[]", sa_column=long_text())
    board_asked: str = Field(default="", sa_column=long_text())
    cover: bool = False
    appendix: bool = False
