"""After the first paint: work run once a widget has painted, and the database opened on a
worker so the window answers the user meanwhile."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from actionplan.gui.worker import Worker, start
from actionplan.services.workspace import open_database

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

# A widget that is never painted (a minimised window, say) still gets its work done.
NEVER_PAINTED_MS = 500


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._work: Callable[[], object] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(NEVER_PAINTED_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # overrides QObject
        """On the widget's paint, queue the work behind it; never swallow the event."""
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        work()


def after_paint(widget: QWidget, work: Callable[[], object]) -> None:
    """Run ``work`` once, on the turn of the event loop after ``widget`` next paints."""
    _AfterPaint(widget, work)


# What the window needs just after its first rows, loaded with the database layer.
NEXT_SERVICES = (
    "actionplan.services.actions",
    "actionplan.services.outline",
    "actionplan.services.measure_rows",
    "actionplan.services.editing",
    "actionplan.services.progress",
)


def open_in_background(
    target: str, opened: Callable[[], object], failed: Callable[[], object]
) -> Future[Database]:
    """Open the database at the target (and load the services the window needs next) on a
    worker; ``opened`` or ``failed`` then runs on the GUI thread. The future lets the GUI
    thread wait for the database if the user needs it sooner."""
    opening: Future[Database] = Future()

    def job(_progress: object, _cancelled: object) -> Database:
        try:
            db = open_database(target)
            for name in NEXT_SERVICES:
                importlib.import_module(name)
        except BaseException as exc:
            opening.set_exception(exc)
            raise
        opening.set_result(db)
        return db

    worker = Worker(job)
    worker.signals.succeeded.connect(lambda _db: opened())
    worker.signals.failed.connect(lambda _exc: failed())
    start(worker)
    return opening
