"""Hearing of a colleague's change: which plans changed since last asked, and when.

A ``ChangeListener`` follows every plan's revision in one database. On a server it is told
at once (its ``socket`` turns readable; ``heard`` then says what changed); on a SQLite file
it is asked every ``POLL_MS``. It answers only for changes this app's own Database did not
make, so a window refreshes once for its own writes. ``wait`` blocks until a change arrives,
for a script or a benchmark measuring how soon other listeners see a write.
"""

from __future__ import annotations

import select
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from actionplan.services.errors import ServiceError
from actionplan.store.listening import FileWatcher, LostConnection, ServerListener
from actionplan.store.plan_revisions import plan_revision

if TYPE_CHECKING:
    from actionplan.store.database import Database

__all__ = ["ChangeListener", "LostTouch", "PlanChange", "latest_revision", "listen"]

POLL_MS = 500  # how often a SQLite file is asked whether another program wrote to it
RECHECK_MS = 60_000  # how often a server's revisions are read again (an announcement can be lost)


class LostTouch(ServiceError):
    """The connection to the team database is down; the listener can try again."""


@dataclass(frozen=True)
class PlanChange:
    """A plan someone else changed: its revision now, or None when it was deleted."""

    plan_id: int
    revision: int | None


def latest_revision(db: Database, plan_id: int) -> int | None:
    """The plan's revision now (None: no such plan); every write moves it on."""
    return plan_revision(db, plan_id)


def listen(db: Database, *, own_too: bool = False) -> ChangeListener:
    """A listener for changes to the database's plans (``own_too``: db's own writes too)."""
    return ChangeListener(db, own_too=own_too)


class ChangeListener:
    """Follows every plan's revision in one database and tells what others changed."""

    def __init__(self, db: Database, *, own_too: bool = False) -> None:
        self._db, self._own_too = db, own_too
        self._server: ServerListener | None = None
        self._file: FileWatcher | None = None
        try:
            if db.path is None and db.engine.dialect.name == "postgresql":
                self._server = ServerListener(db)
                self._known = self._server.revisions()
            else:
                self._file = FileWatcher(db)
                self._known = self._file.revisions()
        except LostConnection as exc:
            raise LostTouch(_LOST) from exc

    @property
    def polled(self) -> bool:
        """True when this listener is asked every POLL_MS (a file) rather than told (a server)."""
        return self._server is None

    @property
    def socket(self) -> int | None:
        """The socket to watch for readability (a server in touch), else None."""
        return self._server.fileno() if self._server is not None else None

    def heard(self) -> list[PlanChange]:
        """What others changed since last asked; LostTouch when the server is out of reach."""
        if self._file is not None:
            news = self._file.news()
            return self._compare(news, whole=True) if news is not None else []
        assert self._server is not None
        try:
            notes = self._server.heard()
        except LostConnection as exc:
            raise LostTouch(_LOST) from exc
        gone = {plan_id for plan_id, revision in notes if revision == 0}
        latest: dict[int, int] = {}
        for plan_id, revision in notes:
            if revision > 0 and plan_id not in gone:
                latest[plan_id] = max(revision, latest.get(plan_id, 0))
        return self._compare(latest, whole=False) + self._forget(gone)

    def recheck(self) -> list[PlanChange]:
        """Read every plan's revision again and tell what differs from what was heard."""
        try:
            now = self._server.revisions() if self._server else self._file.revisions()  # type: ignore[union-attr]
        except LostConnection as exc:
            raise LostTouch(_LOST) from exc
        return self._compare(now, whole=True)

    def reconnect(self) -> list[PlanChange]:
        """Open the server connection again and tell what changed while it was down."""
        if self._server is not None:
            try:
                self._server.connect()
            except LostConnection as exc:
                raise LostTouch(_LOST) from exc
        return self.recheck()

    def wait(self, timeout: float) -> list[PlanChange]:
        """Block until others change something (or ``timeout`` seconds pass); what changed."""
        deadline = time.monotonic() + timeout
        while True:
            changes = self.heard()
            left = deadline - time.monotonic()
            if changes or left <= 0:
                return changes
            if self._server is not None:
                socket = self._server.fileno()
                if socket is None:
                    raise LostTouch(_LOST)
                select.select([socket], [], [], left)
            else:
                time.sleep(min(left, 0.01))

    def close(self) -> None:
        """Stop listening."""
        for part in (self._server, self._file):
            if part is not None:
                part.close()

    def _compare(self, now: dict[int, int], *, whole: bool) -> list[PlanChange]:
        changes = []
        own = self._db.own_revisions
        for plan_id, revision in now.items():
            before = self._known.get(plan_id, 0)
            if revision == before or (revision < before and not whole):
                continue  # nothing new, or an announcement older than a revision read since
            if revision < before:
                before = 0  # the plan deleted and brought back (an undo): counted afresh
            self._known[plan_id] = revision
            if self._own_too or not own.covers(plan_id, before, revision):
                changes.append(PlanChange(plan_id, revision))
            own.forget(plan_id, revision)
        if whole:
            changes += self._forget(set(self._known) - set(now))
        return changes

    def _forget(self, gone: set[int]) -> list[PlanChange]:
        known = [plan_id for plan_id in sorted(gone) if plan_id in self._known]
        for plan_id in known:
            del self._known[plan_id]
        return [PlanChange(plan_id, None) for plan_id in known]


_LOST = "Lost touch with the team database."
