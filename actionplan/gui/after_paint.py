"""Running work just after a widget has painted, so what it shows is on screen first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

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
