"""MainWindow: the welcome page or the plan view, with menus, toolbar, undo and settings.

The window shows a plan's first rows before the database layer (SQLAlchemy) has loaded:
it starts from a first look read with sqlite3 alone, then opens the database just after.
So the services that need that layer are imported where they are used, not up here.

What the window works on lives in its workspace; the window answers the workspace's
``changed`` signal for the plan list, the plan on screen and the database.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
)

from actionplan.gui import prompts, window_state
from actionplan.gui import settings as prefs
from actionplan.gui.after_paint import after_paint, open_in_background
from actionplan.gui.changes import Changes, Kind
from actionplan.gui.closed_plan_bar import ClosedPlanWatch
from actionplan.gui.live_refresh import LiveRefresh
from actionplan.gui.menus.database_menu import DatabaseMenu
from actionplan.gui.menus.file_menu import FileMenu
from actionplan.gui.menus.menu_bar import WindowParts, build_actions, build_menus
from actionplan.gui.pages.plan_view import PlanView
from actionplan.gui.pages.welcome_page import WelcomePage
from actionplan.gui.pending_edits import PendingEdits
from actionplan.gui.plan_refresh import PlanRefresher
from actionplan.gui.recommendation_edits import RecommendationEdits
from actionplan.gui.rights_guard import guard_window
from actionplan.gui.row_reader import FIRST_ROWS, RowReader
from actionplan.gui.settings import Settings
from actionplan.gui.widgets.team_banner import TeamBanner
from actionplan.gui.workspace import Workspace
from actionplan.services.errors import USER_ERRORS
from actionplan.services.first_look import first_look, pick_plan
from actionplan.services.views import ActionRow, PlanInfo

if TYPE_CHECKING:
    from actionplan.gui.menus.edit_menu import EditMenu
    from actionplan.gui.menus.plan_menu import PlanMenu
    from actionplan.gui.menus.year_menu import YearMenu
    from actionplan.gui.rounds.round_menu import RoundMenu
    from actionplan.services.workspace import Database

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
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
        self.workspace = workspace = Workspace(settings or Settings(), db, target, self)
        # The plan asked for, else the one on screen when the window last closed.
        self._wanted_plan: str | None = plan_name or workspace.settings.get(prefs.LAST_PLAN)
        self._filling: int | None = None
        self._target_shown = workspace.target  # whose filters the filter bar holds
        self.setWindowTitle("actionplan")
        self.resize(1400, 860)  # brought within a smaller screen by window_state.restore
        self.welcome = WelcomePage()
        self.plan_view = PlanView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.plan_view)
        self.banner = TeamBanner()
        self.setCentralWidget(self.banner.above(self.stack))
        self.plan_box = QComboBox()
        self.plan_box.setMinimumWidth(320)
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self._build_parts()
        self.data_label = QLabel()
        self.data_label.setTextFormat(Qt.TextFormat.PlainText)  # a path is shown as it is
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.data_label)
        window_state.restore(self, workspace.settings, self.plan_view, self.commands.details_action)
        window_state.restore_filters(workspace.settings, workspace.target, self.plan_view)
        self._remember_database()

    def _build_parts(self) -> None:
        workspace, view = self.workspace, self.plan_view
        self.rows = RowReader(workspace, view, self.busy)
        self.refresher = PlanRefresher(workspace, view, self.rows)
        self.pending = PendingEdits(workspace, view, lambda: self.edits, self)
        self.refresher.pending = self.pending
        self.live = LiveRefresh(workspace, self)
        self.live.lost.connect(self.banner.show_lost)
        self.live.back.connect(self.banner.clear)
        self.files = FileMenu(workspace, view, self)
        self.databases = DatabaseMenu(workspace, self)
        self.recommendation_edits = RecommendationEdits(workspace, view.recommendations, self)
        parts = WindowParts(
            self, workspace, view, lambda: self.edits, lambda: self.plan_edits,
            lambda: self.years, self.files, self.databases, self.pending.save, self.refresh,
            lambda: self.rounds,
        )  # fmt: skip
        self.commands = build_actions(parts)
        self.toolbar = build_menus(parts, self.commands, self.plan_box)
        self.guard = guard_window(self, view, self.welcome, self.commands, self.files)
        self.closed_watch = ClosedPlanWatch(
            workspace, view, lambda: self.commands.editing_commands, lambda: self.years.reopen()
        )
        view.detail.carried_open_requested.connect(lambda link: self.years.open_carried(link))
        self._connect()

    def _connect(self) -> None:
        self.welcome.new_plan_requested.connect(lambda: self.plan_edits.new_plan())
        self.welcome.samples_requested.connect(self.files.load_samples)
        self.welcome.import_requested.connect(self.files.choose_workbook)
        detail = self.plan_view.detail
        detail.record_progress_requested.connect(lambda _id: self.record_progress())
        detail.edit_requested.connect(
            lambda action_id, draft: self.edits.save_action_edit(action_id, draft)
        )
        detail.changes_pending.connect(self.commands.save_changes_action.setEnabled)
        # Choosing a priority or outcome on the left leaves the action being edited.
        self.plan_view.navigator.selectionModel().selectionChanged.connect(
            lambda *_: self.pending.save()
        )
        measures = self.plan_view.measures
        measures.new_measure_requested.connect(lambda: self.edits.new_measure())
        measures.delete_measure_requested.connect(lambda i: self.edits.delete_measure(i))
        measures.edit_measure_requested.connect(lambda i: self.edits.edit_measure(i))
        measures.add_reading_requested.connect(lambda i: self.edits.add_reading(i))
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)
        self.refresher.action_shown.connect(self._action_shown)
        self.workspace.changed.connect(self._changed)
        self.workspace.told.connect(self.statusBar().showMessage)

    def _remember_database(self) -> None:
        self.data_label.setText(f"Data: {self.workspace.shown}")
        self.databases.remember(self.workspace.target)

    def closeEvent(self, event: QCloseEvent) -> None:  # overrides QWidget.closeEvent
        """Save what was typed, remember the window's layout and choices, then close."""
        if not self.pending.leave(show_later=False):
            event.ignore()  # the user was told why the words cannot be saved; they stay
            return
        workspace = self.workspace
        window_state.remember(self, workspace.settings, self.plan_view)
        window_state.keep_filters(workspace.settings, workspace.target, self.plan_view)
        self.rows.drop()  # a read still running must not deliver rows to a closed window
        self.live.close()
        super().closeEvent(event)

    @cached_property
    def edits(self) -> EditMenu:
        """Recording progress, saving edits and readings (loads the writing services)."""
        from actionplan.gui.menus.edit_menu import EditMenu

        return EditMenu(self.workspace, self.plan_view, self)

    @cached_property
    def years(self) -> YearMenu:
        """Next year's plan, reopening a closed plan (loads the writing services)."""
        from actionplan.gui.menus.year_menu import YearMenu

        return YearMenu(self.workspace, self.plan_view, self)

    @cached_property
    def plan_edits(self) -> PlanMenu:
        """Adding, changing and deleting plans, priorities, actions and measures."""
        from actionplan.gui.menus.plan_menu import PlanMenu

        return PlanMenu(self.workspace, self.plan_view, self)

    @cached_property
    def rounds(self) -> RoundMenu:
        """The update round: starting one and the round screen."""
        from actionplan.gui.rounds.round_menu import RoundMenu

        return RoundMenu(self.workspace, self)

    def start(self) -> None:
        """Show the window with the plan's first rows at once, and read the rest just after.

        A database that cannot be opened raises the store's error before anything shows.
        """
        workspace, look = self.workspace, None
        if not workspace.is_open:
            look = first_look(workspace.target, self._wanted_plan, workspace.as_of, FIRST_ROWS)
        if look is None:
            workspace.db  # noqa: B018 - opened here, so a failure is told before the window shows
            self._show_on_screen()
            self.reload_plans()
            self.live.start()
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
        workspace = self.workspace
        if not workspace.is_open and not workspace.is_opening:
            workspace.opening(
                open_in_background(
                    workspace.target, lambda: self._fill_rest(), lambda: self._database_open()
                )
            )

    def close_database(self) -> None:
        """Close the database, if it was opened (when the app ends)."""
        self.workspace.close()

    def _database_open(self) -> bool:
        """Open the database if the window started without it; on failure say so and close."""
        if self.workspace.is_open:
            return True
        try:
            self.workspace.db  # noqa: B018 - opens it, or waits for the opening under way
        except USER_ERRORS as exc:
            prompts.warn(self, "actionplan cannot open its database", str(exc))
            self.close()
            return False
        return True

    def _changed(self, changes: Changes) -> None:
        # The window answers for the plan list, the plan on screen and the database; the
        # plan view's refresher answers for what is inside the plan.
        if changes.touches(Kind.DATABASE):
            self._database_switched()
        elif changes.touches(Kind.PLAN_LIST, Kind.PLAN_SETTINGS):
            if changes.plan_title:
                self.show_plan_titled(changes.plan_title)
            else:
                self.show_plan_id(changes.plan_id)
        elif changes.touches(Kind.PLAN_SHOWN):
            self._plan_switched()

    def reload_plans(self) -> None:
        """Read the list of plans and show the chosen one, or the welcome page."""
        from actionplan.services.plans import list_plans

        plans = list_plans(self.workspace.db)
        self._show_plans(plans, pick_plan(plans, self._wanted_plan))

    def _show_plans(
        self, plans: list[PlanInfo], chosen: int, first_rows: list[ActionRow] | None = None
    ) -> None:
        chosen = self.pending.plan_to_show(plans, chosen)
        workspace = self.workspace
        workspace.set_plans(plans)
        with QSignalBlocker(self.plan_box):
            self.plan_box.clear()
            for plan in plans:
                self.plan_box.addItem(plan.title, plan.id)
            if plans:
                self.plan_box.setCurrentIndex(chosen)
        for plan_only in self.commands.plan_actions:
            plan_only.setEnabled(bool(plans))
        self.files.set_plan_open(bool(plans))
        self.guard.read_rights()
        workspace.current_plan = plans[chosen] if plans else None
        if not plans:
            workspace.shown_plan = None
            self.refresher.clear_detail()
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("actionplan")
            return
        self._show_plan(first_rows)

    def show_plan_titled(self, title: str | None) -> None:
        """Reload the plans and show the one with this title (after an import, say)."""
        self._wanted_plan = title
        self.reload_plans()

    def _plan_chosen(self, index: int) -> None:
        # Chosen in the plan box: the words typed for the plan on screen are saved first;
        # when they cannot be, the user was told why and the box goes back to their plan.
        plans, shown, box = self.workspace.plans, self.workspace.shown_plan, self.plan_box
        if shown is not None and not self.pending.leave(show_later=False):
            if box.findData(shown.id) >= 0:
                with QSignalBlocker(box):
                    box.setCurrentIndex(box.findData(shown.id))
            return
        self.workspace.choose_plan(plans[index] if 0 <= index < len(plans) else None)

    def _plan_switched(self) -> None:
        # Another plan put on screen: from the plan box, or by an undo of another plan's
        # change, which needs that plan whole (its navigator and measures) at once.
        plan, box = self.workspace.current_plan, self.plan_box
        index = box.findData(plan.id) if plan is not None else -1
        elsewhere = index >= 0 and index != box.currentIndex()
        if elsewhere:
            with QSignalBlocker(box):
                box.setCurrentIndex(index)
        self._show_plan()
        if elsewhere:
            self._fill_rest()

    def _show_plan(self, first_rows: list[ActionRow] | None = None) -> None:
        workspace = self.workspace
        plan = workspace.current_plan
        if plan is None:
            return
        if workspace.shown_plan is None or workspace.shown_plan.id != plan.id:
            self.refresher.clear_detail()  # the panel never shows an action of another plan,
            self.plan_view.outline = []  # nor offers its priorities, until this one's are read
        workspace.shown_plan = plan
        self.stack.setCurrentWidget(self.plan_view)
        self.setWindowTitle(f"{plan.title} — actionplan")
        workspace.settings.set(prefs.LAST_PLAN, plan.title)
        # The first screenful at once; the navigator, measures and the rest of a big plan
        # just after, so the window shows actions without a wait.
        self._filling = plan.id
        if first_rows is not None:
            # Started from a first look: the rest follows once the database has opened.
            self.plan_view.set_rows(first_rows)
            return
        from actionplan.services.actions import action_rows

        rows = action_rows(workspace.db, plan.id, workspace.as_of, limit=FIRST_ROWS)
        self.plan_view.set_rows(rows)
        QTimer.singleShot(0, self._fill_rest)

    def _fill_rest(self) -> None:
        from actionplan.services.measure_rows import measure_rows
        from actionplan.services.outline import plan_outline

        plan = self.workspace.current_plan
        if plan is None or plan.id != self._filling or not self._database_open():
            return
        self._filling = None
        self.guard.read_rights()
        self.live.start()
        db = self.workspace.db
        self.plan_view.show_outline(plan.title, plan_outline(db, plan.id))
        self.plan_view.measures.set_rows(measure_rows(db, plan.id))
        self.closed_watch.update()
        if self.plan_view.table_model.rowCount() == FIRST_ROWS:
            self.rows.read_rest(plan.id)

    @property
    def loading(self) -> bool:
        """True while the plan on screen is still being read."""
        return self._filling is not None or self.rows.busy

    def refresh(self, action_id: int | None = None) -> None:
        """Re-read after a change: just the action changed, or the whole plan on screen."""
        self.refresher.refresh(action_id)

    def selected_row(self) -> ActionRow | None:
        """The action selected in the table."""
        return self.plan_view.selected_row()

    def _action_shown(self, shown: bool) -> None:
        for needs_action in self.commands.action_commands:
            needs_action.setEnabled(shown)

    def show_plan_id(self, plan_id: int | None) -> None:
        """Read the list of plans again and show the one with this id (else the newest)."""
        self._wanted_plan = None
        self.reload_plans()
        ids = [plan.id for plan in self.workspace.plans]
        if plan_id in ids and self.plan_box.currentIndex() != ids.index(plan_id):
            self.plan_box.setCurrentIndex(ids.index(plan_id))

    def record_progress(self) -> None:
        """Record progress on the selected action."""
        self.edits.record_progress()

    def _database_switched(self) -> None:
        # Another database: the filters used on the last one are kept for it, and this
        # one's come back.
        workspace, view = self.workspace, self.plan_view
        window_state.keep_filters(workspace.settings, self._target_shown, view)
        self._target_shown = workspace.target
        self._remember_database()
        window_state.restore_filters(workspace.settings, workspace.target, view)
        self.reload_plans()
