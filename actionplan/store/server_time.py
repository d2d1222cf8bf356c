"""Every time the database stamps comes from its server's clock, in UTC: one way of doing it.

A stamp (when a plan was made, an action last updated, progress recorded, a workbook
imported, a snapshot taken, a return issued, a plan closed, a row changed, the activity
log's entries) is written by the database server, never by the writer's computer, so a
team's several PCs agree on the order of things whatever their clocks or time zones say.

``stamp_column`` is such a column: ``utc_now()`` is its default (the ORM and Core inserts
alike) and its server default (plain SQL too). Its type, ``UtcStamp``, keeps UTC in the
database and hands this computer's local time to the app, so callers and the window go on
seeing local times; a local time given to it (a day's start, a stamp read and copied) is
turned back into UTC as it is written. A user's chosen dates (an update's date, a due
date) are dates, not stamps, and stay as typed.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, Connection, DateTime, Dialect, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator


def as_local(stamp: datetime) -> datetime:
    """A UTC time (naive) as this computer's local time (naive, as the app shows times).

    In the hour a clock goes back, the second of the two equal local times is marked
    (``fold=1``), so turning it back into UTC gives the moment it was, not an hour before.
    """
    offset, fold = _local_offset(stamp.replace(second=0, microsecond=0), _zone())
    local = stamp + offset
    return local.replace(fold=1) if fold else local


def _zone() -> tuple[object, ...]:
    # What names this process's time zone now: a change of TZ (tzset) is a new zone.
    return (time.timezone, time.altzone, time.tzname)


@lru_cache(maxsize=4096)
def _local_offset(minute: datetime, _zone: tuple[object, ...]) -> tuple[timedelta, int]:
    # Clocks change on a whole minute, so one answer serves a whole minute of stamps: a
    # plan's thousands of stamps, mostly the same few minutes, are turned at little cost.
    moment = minute.replace(tzinfo=UTC)
    local = moment.astimezone()
    naive = local.replace(tzinfo=None)
    return local.utcoffset() or timedelta(0), 0 if naive.astimezone(UTC) == moment else 1


def as_utc(stamp: datetime) -> datetime:
    """A time as UTC (naive): a naive one is this computer's local time, as_local's inverse."""
    if stamp.tzinfo is not None:
        return stamp.astimezone(UTC).replace(tzinfo=None)
    # Equal naive times are equal whatever their fold, so the fold goes in the key too.
    return _utc_of(stamp, stamp.fold, _zone())


@lru_cache(maxsize=1024)
def _utc_of(stamp: datetime, _fold: int, _zone: tuple[object, ...]) -> datetime:
    # An import stamps thousands of rows with one moment: turned once, not per row.
    return stamp.astimezone(UTC).replace(tzinfo=None)


class UtcStamp(TypeDecorator[datetime]):
    """A moment stored in UTC (without a time zone) and read as this computer's local time."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Overrides TypeDecorator: a local (or zoned) time to the UTC that is stored."""
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Overrides TypeDecorator: the stored UTC to this computer's local time."""
        return None if value is None else as_local(value)


class utc_now(FunctionElement[datetime]):
    """The time now on the database server, in UTC, without a time zone (read as local)."""

    type = UtcStamp()
    inherit_cache = True


@compiles(utc_now)
def _sqlite_utc_now(_element: utc_now, _compiler: Any, **_options: Any) -> str:
    # SQLite's 'now' is UTC; %f keeps milliseconds. Parenthesised: it may be a DEFAULT.
    return "(strftime('%Y-%m-%d %H:%M:%f', 'now'))"


@compiles(utc_now, "postgresql")
def _server_utc_now(_element: utc_now, _compiler: Any, **_options: Any) -> str:
    # now() is the transaction's start; clock_timestamp() is the moment the entry is made.
    return "(clock_timestamp() AT TIME ZONE 'utc')"


def stamp_column(*, nullable: bool = False, stamped: bool = True) -> Column[Any]:
    """A column holding a stamp: stamped by the server as the row is added, unless
    ``stamped`` is False (a stamp set only later, or one copied from elsewhere)."""
    if not stamped:
        return Column(UtcStamp(), nullable=nullable)
    return Column(UtcStamp(), nullable=nullable, default=utc_now(), server_default=utc_now())


def server_now(connection: Connection) -> datetime:
    """The server's time now (local), for a write that stamps many rows with one moment."""
    return connection.execute(select(utc_now())).scalar_one()


def restamp(row: Any, column: str) -> None:
    """Have the server stamp an ORM row's column with its time now as the row is written."""
    setattr(row, column, utc_now())  # an SQL expression: the ORM reads the value back after
