"""Running long service calls off the GUI thread, with progress, cancel and one result signal."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from actionplan.log_words import where_it_failed

log = logging.getLogger(__name__)

# A job receives (progress, cancelled) and returns its result.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class WorkerSignals(QObject):
    """Signals a worker sends back to the GUI thread (queued, so widgets stay on their thread)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()


class Worker(QRunnable):
    """Runs one job on the thread pool; never touches a widget."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it rolls back what it started."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel was asked for."""
        return self._cancel.is_set()

    def run(self) -> None:  # overrides QRunnable.run
        """Run the job and report its outcome by signal."""
        try:
            result = self.job(self.signals.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the GUI thread, which shows it plainly
            log.info("Background job ended with %s", where_it_failed(exc))
            report, outcome = self.signals.failed, exc
        else:
            report, outcome = self.signals.succeeded, result
        try:
            report.emit(outcome)
            self.signals.finished.emit()
        except RuntimeError:
            # The app was closed while the job ran: nobody is left to tell.
            log.info("A background job finished after the app closed")


# Workers still running: held here so neither they nor their signals are collected mid-job.
_RUNNING: set[Worker] = set()


def start(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    """Start a worker on the global pool (or the one given) and return it."""
    _RUNNING.add(worker)
    worker.signals.finished.connect(lambda: _RUNNING.discard(worker))
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
