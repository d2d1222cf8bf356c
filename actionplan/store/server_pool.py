"""A team's server connections, kept for reuse and checked without a round trip.

A connection handed back out of the pool may have died meanwhile (the server restarted, an
administrator ended it). Asking the server every time (SQLAlchemy's pre-ping) costs a round
trip before each read and save, which a busy team's server and a slow network both feel.
Instead the connection's own socket is asked: a connection nobody is using hears nothing
from its server, so anything waiting on it (the server's last words, or the hang-up itself)
means it must be pinged; a quiet one is used as it is.
"""

from __future__ import annotations

import logging
import select
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import InvalidatePoolError

log = logging.getLogger(__name__)


def check_on_checkout(engine: Engine) -> None:
    """Ping a pooled server connection only when its socket says the server spoke or hung
    up; a dead one is replaced (with every other made before it) before anyone uses it."""
    dialect = engine.dialect

    def checked(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if not _has_news(dbapi_connection):
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error:
            log.info("A pooled connection to the team database had dropped; reconnecting")
            raise InvalidatePoolError() from None

    event.listen(engine, "checkout", checked)


def _has_news(dbapi_connection: Any) -> bool:
    """True when the idle connection is closed or something waits on its socket."""
    if getattr(dbapi_connection, "closed", False) or getattr(dbapi_connection, "broken", False):
        return True
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True  # no socket to ask: the ping decides
    return bool(readable)
