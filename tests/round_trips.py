"""Counting a server's round trips: each request the driver sends, answered by the server's
"ready for query", read from the driver's own record of what went over the wire (libpq's
trace, Linux only). Used by the tests that hold the app's starts and saves to a number, and
by benchmarks/team_start_bench.py."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from sqlalchemy import event
from sqlalchemy.pool import Pool


class RoundTrips:
    """Every request the driver sends on connections opened while counting."""

    def __init__(self) -> None:
        self._traced: list[tuple[Any, IO[str]]] = []

    def connected(self, dbapi_connection: Any, _record: Any) -> None:
        """Pool 'connect' listener: record what this new connection sends from now on."""
        from psycopg import pq

        record = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")
        dbapi_connection.pgconn.trace(record.fileno())
        dbapi_connection.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
        self._traced.append((dbapi_connection.pgconn, record))

    def count(self) -> int:
        """How many requests were answered so far (each answer ends with ReadyForQuery)."""
        answered = 0
        for pgconn, record in self._traced:
            live = pgconn.pgconn_ptr is not None  # count before closing: a closed one's last
            if live:  # lines may never have been written
                pgconn.untrace()  # flushes what was written so far
            record.seek(0)
            answered += sum(1 for line in record if "\tReadyForQuery" in line)
            record.seek(0, 2)
            if live:
                pgconn.trace(record.fileno())
        return answered

    def close(self) -> None:
        """Stop recording and throw the records away."""
        for pgconn, record in self._traced:
            if pgconn.pgconn_ptr is not None:
                pgconn.untrace()
            record.close()


@contextmanager
def round_trips() -> Iterator[RoundTrips]:
    """Counts the round trips of every server connection opened inside."""
    counter = RoundTrips()
    event.listen(Pool, "connect", counter.connected)
    try:
        yield counter
    finally:
        event.remove(Pool, "connect", counter.connected)
        counter.close()
