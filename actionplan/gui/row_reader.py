"""RowReader: a plan's actions into the table — a screenful at once, the rest on a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from actionplan.gui import prompts
from actionplan.gui.worker import Worker, start

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar

    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace
    from actionplan.services.views import ActionRow

# Rows read before the window draws: a screenful, quick even on a 24,000-action plan.
FIRST_ROWS = 200


class RowReader(QObject):
    """Reads the plan on screen into the plan view's table, big plans off the GUI thread."""

    selection_read = Signal()  # the action asked for is selected, now its rows are read

    def __init__(self, workspace: Workspace, view: PlanView, busy: QProgressBar) -> None:
        super().__init__(view)
        self.workspace, self.view, self.busy_bar = workspace, view, busy
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

        workspace = self.workspace
        rows = action_rows(workspace.db, plan_id, workspace.as_of, limit=FIRST_ROWS + 1)
        self.view.set_rows(rows[:FIRST_ROWS])
        if len(rows) > FIRST_ROWS:
            self.read_rest(plan_id, action_id, reveal)
        else:
            self._select(action_id, reveal)

    def _select(self, action_id: int | None, reveal: bool) -> None:
        view = self.view
        if action_id is not None:
            (view.show_action_in_table if reveal else view.select_action)(action_id)

    def read_rest(self, plan_id: int, action_id: int | None = None, reveal: bool = False) -> None:
        """Read every row of the plan on a worker and show them when ready."""
        from actionplan.services.actions import action_rows

        self.drop()
        db, as_of = self.workspace.db, self.workspace.as_of
        worker = Worker(lambda _progress, _cancelled: (plan_id, action_rows(db, plan_id, as_of)))
        worker.signals.succeeded.connect(self._read)
        worker.signals.failed.connect(
            lambda exc: prompts.warn(self.view.window(), "Loading the plan", str(exc))
        )
        self._loader, self._show_when_read = start(worker), (action_id, reveal)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.show()

    def drop(self) -> None:
        """Stop a read under way delivering its rows (the window closed or changed plan)."""
        if self._loader is not None:
            self._loader.cancel()
            self._loader.signals.succeeded.disconnect(self._read)
            self._loader = None

    def _read(self, result: tuple[int, list[ActionRow]]) -> None:
        plan_id, rows = result
        self._loader = None
        self.busy_bar.hide()
        current = self.workspace.current_plan
        if current is None or current.id != plan_id:
            return
        self.view.set_rows(rows)
        action_id, reveal = self._show_when_read
        if action_id is not None:
            self._select(action_id, reveal)
            self.selection_read.emit()
        self._show_when_read = (None, False)
