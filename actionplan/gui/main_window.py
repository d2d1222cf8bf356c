"""MainWindow: the welcome page or the plan view, with menus, toolbar, undo and settings.

The window shows a plan's first rows before the database layer (SQLAlchemy) has loaded:
it starts from a first look read with sqlite3 alone, then opens the database just after.
So the services that need that layer are imported where they are used, not up here.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QProgressBar, QStackedWidget

from actionplan.gui import prompts, window_state
from actionplan.gui import settings as prefs
from actionplan.gui.after_paint import after_paint, open_in_background
from actionplan.gui.menus.database_menu import DatabaseMenu
from actionplan.gui.menus.file_menu import FileMenu
from actionplan.gui.menus.menu_bar import WindowCommands, build_actions, build_menus
from actionplan.gui.pages.plan_view import PlanView
from actionplan.gui.pages.welcome_page import WelcomePage
from actionplan.gui.pending_edits import PendingEdits
from actionplan.gui.plan_undo_stack import PlanUndoStack
from actionplan.gui.row_reader import FIRST_ROWS, RowReader
from actionplan.gui.settings import Settings
from actionplan.services.errors import USER_ERRORS
from actionplan.services.first_look import first_look, pick_plan
from actionplan.services.views import ActionRow, PlanInfo
from actionplan.services.workspace import describe_target, open_database

if TYPE_CHECKING:
    from concurrent.futures import Future

    from actionplan.gui.menus.edit_menu import EditMenu
    from actionplan.gui.menus.plan_menu import PlanMenu
    from actionplan.services.workspace import Database

log = logging.getLogger(__name__)


class MainWindow(QMainWindow, WindowCommands):
    """The app's one main window."""

    def __init__(
        self,
        db: Database | None = None,
        plan_name: str | None = None,
        settings: Settings | None = None,
        parent: Any = None,
        *,
        target: str | None = None,
    ) -> None:
        """A window on an open database, or on a target (path or URL) it opens at start."""
        super().__init__(parent)
        self._db = db
        self.target = db.target if db is not None else describe_target(target)
        self.settings = settings or Settings()
        self.as_of = date.today()
        self._plans: list[PlanInfo] = []
        # The plan asked for, else the one on screen when the window last closed.
        self._wanted_plan: str | None = plan_name or self.settings.get(prefs.LAST_PLAN)
        self._filling: int | None = None
        self._opening: Future[Database] | None = None
        # The plan whose actions are on screen (the plan box can be a step ahead of it).
        self.shown_plan: PlanInfo | None = None
        self.undo_stack = PlanUndoStack(self)
        self.setWindowTitle("actionplan")
        self.resize(1400, 860)  # brought within a smaller screen by window_state.restore
        self.welcome = WelcomePage()
        self.plan_view = PlanView()
        self.pending = PendingEdits(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.plan_view)
        self.setCentralWidget(self.stack)
        self.plan_box = QComboBox()
        self.plan_box.setMinimumWidth(320)
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.rows = RowReader(self)
        build_actions(self)
        self.files = FileMenu(self)
        self.databases = DatabaseMenu(self)
        self.toolbar = build_menus(self)
        self._connect()
        self.data_label = QLabel()
        self.data_label.setTextFormat(Qt.TextFormat.PlainText)  # a path is shown as it is
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.data_label)
        window_state.restore(self)
        self._remember_database()

    def _connect(self) -> None:
        self.welcome.new_plan_requested.connect(lambda: self.plan_edits.new_plan())
        self.welcome.samples_requested.connect(self.files.load_samples)
        self.welcome.import_requested.connect(self.files.choose_workbook)
        self.plan_view.action_selected.connect(self._show_action)
        self.plan_view.detail.record_progress_requested.connect(lambda _id: self.record_progress())
        self.plan_view.detail.edit_requested.connect(
            lambda action_id, draft: self.edits.save_action_edit(action_id, draft)
        )
        self.plan_view.detail.changes_pending.connect(self.save_changes_action.setEnabled)
        # Choosing a priority or outcome on the left leaves the action being edited.
        self.plan_view.navigator.selectionModel().selectionChanged.connect(
            lambda *_: self.pending.save()
        )
        measures = self.plan_view.measures
        measures.new_measure_requested.connect(lambda: self.edits.new_measure())
        measures.delete_measure_requested.connect(lambda i: self.edits.delete_measure(i))
        measures.edit_measure_requested.connect(lambda i: self.edits.edit_measure(i))
        self.plan_view.measures.add_reading_requested.connect(
            lambda measure_id: self.edits.add_reading(measure_id)
        )
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)

    def _remember_database(self) -> None:
        self.data_label.setText(f"Data: {self.target}")
        self.databases.remember(self.target)

    def closeEvent(self, event: QCloseEvent) -> None:  # overrides QWidget.closeEvent
        """Save what was typed, remember the window's layout and choices, then close."""
        if not self.pending.leave(show_later=False):
            event.ignore()  # the user was told why the words cannot be saved; they stay
            return
        window_state.remember(self)
        self.rows.drop()  # a read still running must not deliver rows to a closed window
        super().closeEvent(event)

    @property
    def db(self) -> Database:
        """The open database (a window started from a target opens it on first use, or
        waits for the opening already under way)."""
        if self._db is None:
            opening = self._opening
            self._db = opening.result() if opening else open_database(self.target)
        return self._db

    @cached_property
    def edits(self) -> EditMenu:
        """Recording progress, saving edits and readings (loads the writing services)."""
        from actionplan.gui.menus.edit_menu import EditMenu

        return EditMenu(self)

    @cached_property
    def plan_edits(self) -> PlanMenu:
        """Adding, changing and deleting plans, priorities, actions and measures."""
        from actionplan.gui.menus.plan_menu import PlanMenu

        return PlanMenu(self)

    def start(self) -> None:
        """Show the window with the plan's first rows at once, and read the rest just after.

        A database that cannot be opened raises the store's error before anything shows.
        """
        look = None
        if self._db is None:
            look = first_look(self.target, self._wanted_plan, self.as_of, FIRST_ROWS)
        if look is None:
            self.db  # noqa: B018 - opened here, so a failure is told before the window shows
            self._show_on_screen()
            self.reload_plans()
            return
        self._show_on_screen()
        self._show_plans(look.plans, look.chosen, look.rows)
        shown = self.plan_view.table.viewport() if look.plans else self.welcome
        after_paint(shown, self._open_in_background)

    def _show_on_screen(self) -> None:
        self.show()
        window_state.fit_on_screen(self)  # now the frame's own size is known too

    def _open_in_background(self) -> None:
        # The database layer loads on a worker, so the window answers the user meanwhile.
        if self._db is None and self._opening is None:
            self._opening = open_in_background(
                self.target, lambda: self._fill_rest(), lambda: self._database_open()
            )

    def close_database(self) -> None:
        """Close the database, if it was opened (when the app ends)."""
        if self._db is not None:
            self._db.close()

    def _database_open(self) -> bool:
        """Open the database if the window started without it; on failure say so and close."""
        if self._db is not None:
            return True
        try:
            self.db  # noqa: B018 - opens it, or waits for the opening under way
        except USER_ERRORS as exc:
            prompts.warn(self, "actionplan cannot open its database", str(exc))
            self.close()
            return False
        return True

    def reload_plans(self) -> None:
        """Read the list of plans and show the chosen one, or the welcome page."""
        from actionplan.services.plans import list_plans

        plans = list_plans(self.db)
        self._show_plans(plans, pick_plan(plans, self._wanted_plan))

    def _show_plans(
        self, plans: list[PlanInfo], chosen: int, first_rows: list[ActionRow] | None = None
    ) -> None:
        chosen = self.pending.plan_to_show(plans, chosen)
        self._plans = plans
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in self._plans:
            self.plan_box.addItem(plan.title, plan.id)
        self.plan_box.blockSignals(False)
        for plan_only in self.plan_actions:
            plan_only.setEnabled(bool(self._plans))
        self.files.set_plan_open(bool(self._plans))
        if not self._plans:
            self.shown_plan = None
            self._clear_detail()
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("actionplan")
            return
        self.plan_box.setCurrentIndex(chosen)
        self._show_plan(first_rows)

    def show_plan_titled(self, title: str | None) -> None:
        """Reload the plans and show the one with this title (after an import, say)."""
        self._wanted_plan = title
        self.reload_plans()

    @property
    def current_plan(self) -> PlanInfo | None:
        """The plan on screen."""
        index = self.plan_box.currentIndex()
        return self._plans[index] if 0 <= index < len(self._plans) else None

    def _plan_chosen(self, *_: Any) -> None:
        if self.pending.leave_plan():
            self._show_plan()

    def go_to_plan(self, plan_id: int) -> None:
        """Show the plan with this id, whole at once, if it is in the list."""
        index = self.plan_box.findData(plan_id)
        if index >= 0 and index != self.plan_box.currentIndex():
            self.plan_box.setCurrentIndex(index)
            self._fill_rest()  # its navigator and measures now, before a change is undone there

    def _show_plan(self, first_rows: list[ActionRow] | None = None) -> None:
        plan = self.current_plan
        if plan is None:
            return
        if self.shown_plan is None or self.shown_plan.id != plan.id:
            self._clear_detail()  # the panel never shows an action of another plan,
            self.plan_view.outline = []  # nor offers its priorities, until this one's are read
        self.shown_plan = plan
        self.stack.setCurrentWidget(self.plan_view)
        self.setWindowTitle(f"{plan.title} — actionplan")
        self.settings.set(prefs.LAST_PLAN, plan.title)
        # The first screenful at once; the navigator, measures and the rest of a big plan
        # just after, so the window shows actions without a wait.
        self._filling = plan.id
        if first_rows is not None:
            # Started from a first look: the rest follows once the database has opened.
            self.plan_view.set_rows(first_rows)
            return
        from actionplan.services.actions import action_rows

        self.plan_view.set_rows(action_rows(self.db, plan.id, self.as_of, limit=FIRST_ROWS))
        QTimer.singleShot(0, self._fill_rest)

    def _fill_rest(self) -> None:
        from actionplan.services.measure_rows import measure_rows
        from actionplan.services.outline import plan_outline

        plan = self.current_plan
        if plan is None or plan.id != self._filling or not self._database_open():
            return
        self._filling = None
        self.plan_view.show_outline(plan.title, plan_outline(self.db, plan.id))
        self.plan_view.measures.set_rows(measure_rows(self.db, plan.id))
        if self.plan_view.table_model.rowCount() == FIRST_ROWS:
            self.rows.read_rest(plan.id)

    @property
    def loading(self) -> bool:
        """True while the plan on screen is still being read."""
        return self._filling is not None or self.rows.busy

    def refresh(self, action_id: int | None = None) -> None:
        """Re-read after a change: just the action changed, or the whole plan on screen."""
        from actionplan.services.actions import action_rows

        plan = self.current_plan
        if plan is None:
            return
        changed = None
        if action_id is not None:
            changed = action_rows(self.db, plan.id, self.as_of, action_ids=[action_id])
        if changed and self.plan_view.moved(changed[0]):
            self.reload_plan(action_id)  # a new place in the plan: its order and counts change
            return
        if not changed or not self.plan_view.replace_rows(changed):
            self.rows.read_all(plan.id, action_id)
        elif action_id is not None:
            self.plan_view.select_action(action_id)
        self.show_selected_action()

    def show_selected_action(self) -> None:
        """Show the selected action (or none) in the detail panel."""
        self._show_action(self.selected_row())

    def selected_row(self) -> ActionRow | None:
        """The action selected in the table."""
        rows = self.plan_view.table.selectionModel().selectedRows()
        return rows[0].data(self.plan_view.table_model.ROW_ROLE) if rows else None

    def _show_action(self, row: ActionRow | None) -> None:
        from actionplan.services.editing import action_draft
        from actionplan.services.progress import history

        if not self.pending.moving_to(row):
            return
        if row is None:
            self._clear_detail()
        else:
            for needs_action in self._action_commands():
                needs_action.setEnabled(True)
            draft = action_draft(self.db, row.id)
            outline = self.plan_view.outline
            self.plan_view.detail.show_action(row, history(self.db, row.id), draft, outline)
        self.pending.show_saved()

    def _action_commands(self) -> tuple[QAction, ...]:
        return (self.delete_action_action, self.move_up_action, self.move_down_action)

    def _clear_detail(self) -> None:
        for needs_action in self._action_commands():
            needs_action.setEnabled(False)
        self.plan_view.detail.show_action(None, [])

    def show_plan_id(self, plan_id: int | None) -> None:
        """Read the list of plans again and show the one with this id (else the newest)."""
        self._wanted_plan = None
        self.reload_plans()
        ids = [plan.id for plan in self._plans]
        if plan_id in ids and self.plan_box.currentIndex() != ids.index(plan_id):
            self.plan_box.setCurrentIndex(ids.index(plan_id))

    def reload_plan(self, action_id: int | None = None) -> None:
        """Read the plan on screen again after its shape changed, showing the action given."""
        from actionplan.services.measure_rows import measure_rows
        from actionplan.services.outline import plan_outline

        plan = self.current_plan
        if plan is None:
            return
        self.plan_view.show_outline(plan.title, plan_outline(self.db, plan.id))
        self.rows.read_all(plan.id, action_id, reveal=True)
        self.plan_view.measures.set_rows(measure_rows(self.db, plan.id))
        self.show_selected_action()

    def refresh_measures(self, measure_id: int | None = None) -> None:
        """Re-read the plan's measures after a change."""
        from actionplan.services.measure_rows import measure_rows

        plan = self.current_plan
        if plan is not None:
            self.plan_view.measures.set_rows(measure_rows(self.db, plan.id), keep=measure_id)

    def record_progress(self) -> None:
        """Record progress on the selected action."""
        self.edits.record_progress()

    def use_database(self, db: Database) -> None:
        """Close this database and show the one given (after saving what was typed), with
        the filters last used on it."""
        if not self.pending.leave(show_later=False):
            db.close()
            return
        window_state.keep_filters(self)
        self.close_database()
        self.shown_plan = None
        self._db = db
        self.target = db.target
        self.undo_stack.clear()
        self._remember_database()
        window_state.restore_filters(self)
        self.reload_plans()
