"""The database server's own clock, in UTC, as a column default or a value written.

The activity log stamps each entry, and every versioned row who changed it when, with the
server's time rather than the writer's computer's, so a team's several PCs agree whatever
their clocks say. Both engines give UTC to the millisecond; readers turn it into local time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class utc_now(FunctionElement[Any]):
    """The time now on the database server, in UTC, without a time zone."""

    type = DateTime()
    inherit_cache = True


@compiles(utc_now)
def _sqlite_utc_now(_element: utc_now, _compiler: Any, **_options: Any) -> str:
    # SQLite's 'now' is UTC; %f keeps milliseconds. Parenthesised: it may be a DEFAULT.
    return "(strftime('%Y-%m-%d %H:%M:%f', 'now'))"


@compiles(utc_now, "postgresql")
def _server_utc_now(_element: utc_now, _compiler: Any, **_options: Any) -> str:
    # now() is the transaction's start; clock_timestamp() is the moment the entry is made.
    return "(clock_timestamp() AT TIME ZONE 'utc')"


def local_time(stamp: datetime | None) -> datetime | None:
    """A server's UTC stamp as this computer's local time (naive, as the app shows times)."""
    if stamp is None:
        return None
    return stamp.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
