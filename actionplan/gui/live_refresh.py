"""LiveRefresh: a colleague's change appears in the window within a second or two, unasked.

It follows the database through a ``ChangeListener`` (services/live_changes.py): on a team
server a QSocketNotifier wakes it the moment the server announces a change; on a SQLite
file a timer asks every half second. What a colleague changed reaches the views through the
workspace's one ``changed`` signal, marked ``elsewhere`` so they read it again quietly.
A connection that drops is tried again, less and less often, while the window says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from actionplan.gui.changes import Changes, Kind, changed_elsewhere
from actionplan.services.errors import USER_ERRORS

if TYPE_CHECKING:
    from actionplan.gui.workspace import Workspace
    from actionplan.services.live_changes import ChangeListener, PlanChange

log = logging.getLogger(__name__)

FIRST_RETRY_MS = 1000
LAST_RETRY_MS = 30_000


class LiveRefresh(QObject):
    """Tells the workspace of what others change in its database, as they change it."""

    lost = Signal()  # the team database is out of reach: the window says it is reconnecting
    back = Signal()  # in touch again (what changed meanwhile has been read)
    heard = Signal(object)  # Changes from elsewhere, just announced (for tests and benchmarks)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        self._retry_ms = FIRST_RETRY_MS
        self.out_of_touch = False
        self._poll = _timer(self, 500, self._tick)
        self._recheck = _timer(self, 60_000, self._recheck_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._reconnect)
        workspace.changed.connect(self._workspace_changed)

    def _workspace_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.DATABASE):
            self.stop()  # the next tick listens to the new one

    def close(self) -> None:
        """Stop listening for good (the window closes)."""
        for timer in (self._poll, self._recheck, self._retry):
            timer.stop()
        self.stop()

    def stop(self) -> None:
        """Stop listening (the window closes, or works on another database)."""
        self._drop_notifier()
        self._retry.stop()
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        if self.out_of_touch:
            self.out_of_touch = False
            self.back.emit()

    def start(self) -> None:
        """Start listening once the database is open (the plan on screen was just read)."""
        if (
            self._poll.isActive()
            and self.listener is None
            and self.workspace.is_open
            and not self.out_of_touch
        ):
            self._listen()

    def _tick(self) -> None:
        if self.listener is None:
            self.start()
        elif self.listener.polled:
            self._take(self.listener.heard)

    def _listen(self) -> None:
        from actionplan.services.live_changes import LostTouch, listen

        try:
            self.listener = listen(self.workspace.db)
        except LostTouch:
            self._lost()
            return
        self._watch_socket()

    def _watch_socket(self) -> None:
        socket = self.listener.socket if self.listener is not None else None
        if socket is not None:
            self._notifier = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(lambda *_: self._take(self._heard))

    def _heard(self) -> list[PlanChange]:
        assert self.listener is not None
        return self.listener.heard()

    def _recheck_now(self) -> None:
        if self.listener is not None and not self.out_of_touch:
            self._take(self.listener.recheck)

    def _take(self, hear: object) -> None:
        from actionplan.services.live_changes import LostTouch

        try:
            changes = hear()  # type: ignore[operator]
        except LostTouch:
            self._lost()
            return
        if changes:
            self._show(changes)

    def _lost(self) -> None:
        # The socket of a dead connection stays readable: it must not be watched meanwhile.
        self._drop_notifier()
        if not self.out_of_touch:
            self.out_of_touch = True
            log.info("Lost touch with the team database; reconnecting")
            self.lost.emit()
        self._retry.start(self._retry_ms)
        self._retry_ms = min(self._retry_ms * 2, LAST_RETRY_MS)

    def _reconnect(self) -> None:
        from actionplan.services.live_changes import LostTouch, listen

        try:
            if self.listener is None:
                self.listener = listen(self.workspace.db)
                changes = []
            else:
                changes = self.listener.reconnect()
        except LostTouch:
            self._lost()
            return
        self._watch_socket()
        self.out_of_touch, self._retry_ms = False, FIRST_RETRY_MS
        log.info("In touch with the team database again")
        self.back.emit()
        # What changed while away was not announced: the plan on screen is read again.
        plan = self.workspace.current_plan
        self._show(changes or ([_whole(plan.id)] if plan is not None else []))

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _show(self, changes: list[PlanChange]) -> None:
        try:
            news = self._news(changes)
        except USER_ERRORS as exc:  # the database cannot be read this moment: next time
            log.info("A colleague's change could not be read yet: %s", exc)
            return
        if news:
            self.workspace.announce(news)
            self.heard.emit(news)

    def _news(self, changes: list[PlanChange]) -> Changes | None:
        from actionplan.services.plans import list_plans

        workspace = self.workspace
        shown = workspace.current_plan
        plans = list_plans(workspace.db)
        listed = [(plan.id, plan.title) for plan in workspace.plans]
        if shown is not None and shown.id not in [plan.id for plan in plans]:
            workspace.tell(f"A colleague deleted the plan '{shown.title}'.", 15_000)
            return Changes(frozenset({Kind.PLAN_LIST}), elsewhere=True)
        if [(plan.id, plan.title) for plan in plans] != listed:
            if shown is None:
                return Changes(frozenset({Kind.PLAN_LIST}), elsewhere=True)
            return changed_elsewhere(shown.id, Kind.PLAN_LIST)
        if shown is not None and any(change.plan_id == shown.id for change in changes):
            return changed_elsewhere(shown.id)
        return None


def _whole(plan_id: int) -> PlanChange:
    from actionplan.services.live_changes import PlanChange

    return PlanChange(plan_id, None)


def _timer(parent: QObject, milliseconds: int, run: object) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(milliseconds)
    timer.timeout.connect(run)
    timer.start()
    return timer
