"""RowReader: a plan's actions into the table — a screenful at once, the rest on a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from actionplan.gui import prompts
from actionplan.gui.worker import Worker, start

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow
    from actionplan.services.views import ActionRow

# Rows read before the window draws: a screenful, quick even on a 24,000-action plan.
FIRST_ROWS = 200


class RowReader(QObject):
    """Reads the plan on screen into the window's table, big plans off the GUI thread."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._loader: Worker | None = None
        self._show_when_read: tuple[int | None, bool] = (None, False)

    @property
    def busy(self) -> bool:
        """True while the rest of a big plan is being read."""
        return self._loader is not None

    def read_all(self, plan_id: int, action_id: int | None = None, reveal: bool = False) -> None:
        """Show the plan's rows: all at once when they fit a screenful, else the first
        screenful now and the rest from a worker; then select the action given, if any
        (``reveal``: clearing filters that hide it)."""
        from actionplan.services.actions import action_rows

        window = self.window
        rows = action_rows(window.db, plan_id, window.as_of, limit=FIRST_ROWS + 1)
        window.plan_view.set_rows(rows[:FIRST_ROWS])
        if len(rows) > FIRST_ROWS:
            self.read_rest(plan_id, action_id, reveal)
        else:
            self._select(action_id, reveal)

    def _select(self, action_id: int | None, reveal: bool) -> None:
        view = self.window.plan_view
        if action_id is not None:
            (view.show_action_in_table if reveal else view.select_action)(action_id)

    def read_rest(self, plan_id: int, action_id: int | None = None, reveal: bool = False) -> None:
        """Read every row of the plan on a worker and show them when ready."""
        from actionplan.services.actions import action_rows

        self.drop()
        db, as_of = self.window.db, self.window.as_of
        worker = Worker(lambda _progress, _cancelled: (plan_id, action_rows(db, plan_id, as_of)))
        worker.signals.succeeded.connect(self._read)
        worker.signals.failed.connect(
            lambda exc: prompts.warn(self.window, "Loading the plan", str(exc))
        )
        self._loader, self._show_when_read = start(worker), (action_id, reveal)
        self.window.busy.setRange(0, 0)
        self.window.busy.show()

    def drop(self) -> None:
        """Stop a read under way delivering its rows (the window closed or changed plan)."""
        if self._loader is not None:
            self._loader.cancel()
            self._loader.signals.succeeded.disconnect(self._read)
            self._loader = None

    def _read(self, result: tuple[int, list[ActionRow]]) -> None:
        plan_id, rows = result
        self._loader = None
        self.window.busy.hide()
        current = self.window.current_plan
        if current is None or current.id != plan_id:
            return
        self.window.plan_view.set_rows(rows)
        action_id, reveal = self._show_when_read
        if action_id is not None:
            self._select(action_id, reveal)
            self.window.show_selected_action()
        self._show_when_read = (None, False)
