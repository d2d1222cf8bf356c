"""MainWindow: the welcome page or the plan view, with menus and a toolbar."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QMainWindow, QStackedWidget, QToolBar

from actionplan import __version__
from actionplan.gui import prompts
from actionplan.gui.plan_view import PlanView
from actionplan.gui.record_progress_dialog import RecordProgressDialog
from actionplan.gui.welcome_page import WelcomePage
from actionplan.services.actions import ActionRow, action_rows
from actionplan.services.errors import USER_ERRORS, ReasonNeeded
from actionplan.services.outline import plan_outline
from actionplan.services.plans import PlanInfo, create_plan, list_plans
from actionplan.services.progress import history, record_progress
from actionplan.services.workspace import Database

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The app's one main window."""

    def __init__(self, db: Database, plan_name: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.as_of = date.today()
        self._plans: list[PlanInfo] = []
        self._wanted_plan = plan_name
        self.setWindowTitle("actionplan")
        self.resize(1400, 860)
        self.welcome = WelcomePage()
        self.plan_view = PlanView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.plan_view)
        self.setCentralWidget(self.stack)
        self.plan_box = QComboBox()
        self.plan_box.setMinimumWidth(320)
        self._build_actions()
        self._connect()
        self.statusBar().addPermanentWidget(QLabel(f"Data: {db.target}"))

    def _build_actions(self) -> None:
        self.new_plan_action = self._action(
            "&New plan…", QKeySequence.StandardKey.New, self.new_plan
        )
        self.record_action = self._action("&Record progress…", "Ctrl+R", self.record_progress)
        self.backup_action = self._action("&Back up database…", "Ctrl+Shift+B", self.backup)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.about_action = self._action("&About actionplan", None, self.about)
        self.find_action = self._action("&Find", QKeySequence.StandardKey.Find, self._focus_search)
        file_menu = self.menuBar().addMenu("&File")
        for action in (self.new_plan_action, self.backup_action, self.quit_action):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.record_action)
        edit_menu.addAction(self.find_action)
        self.menuBar().addMenu("&Help").addAction(self.about_action)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.addWidget(QLabel(" Plan: "))
        toolbar.addWidget(self.plan_box)
        toolbar.addAction(self.record_action)
        self.addToolBar(toolbar)

    def _action(self, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _connect(self) -> None:
        self.welcome.new_plan_requested.connect(self.new_plan)
        # Importing arrives with the workbook importer; until then the buttons are off.
        self.welcome.samples_button.setEnabled(False)
        self.welcome.import_button.setEnabled(False)
        self.plan_view.action_selected.connect(self._show_action)
        self.plan_view.detail.record_progress_requested.connect(lambda _id: self.record_progress())
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)

    def start(self) -> None:
        """Show the window at once and load the plans just after."""
        self.show()
        QTimer.singleShot(0, self.reload_plans)

    def reload_plans(self) -> None:
        """Read the list of plans and show the chosen one, or the welcome page."""
        self._plans = list_plans(self.db)
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in self._plans:
            self.plan_box.addItem(plan.title, plan.id)
        self.plan_box.blockSignals(False)
        if not self._plans:
            self.stack.setCurrentWidget(self.welcome)
            self.record_action.setEnabled(False)
            return
        self.plan_box.setCurrentIndex(self._initial_index())
        self._plan_chosen()

    def _initial_index(self) -> int:
        wanted = (self._wanted_plan or "").casefold()
        for number, plan in enumerate(self._plans):
            if wanted and wanted in plan.title.casefold():
                return number
        return 0

    @property
    def current_plan(self) -> PlanInfo | None:
        """The plan on screen."""
        index = self.plan_box.currentIndex()
        return self._plans[index] if 0 <= index < len(self._plans) else None

    def _plan_chosen(self, *_: Any) -> None:
        plan = self.current_plan
        if plan is None:
            return
        self.stack.setCurrentWidget(self.plan_view)
        self.record_action.setEnabled(True)
        rows = action_rows(self.db, plan.id, self.as_of)
        self.plan_view.show_plan(plan.title, plan_outline(self.db, plan.id), rows)
        self.setWindowTitle(f"{plan.title} — actionplan")

    def refresh(self) -> None:
        """Re-read the plan on screen after a change."""
        plan = self.current_plan
        if plan is not None:
            self.plan_view.set_rows(action_rows(self.db, plan.id, self.as_of))
            self._show_action(self.selected_row())

    def selected_row(self) -> ActionRow | None:
        """The action selected in the table."""
        rows = self.plan_view.table.selectionModel().selectedRows()
        return rows[0].data(self.plan_view.table_model.ROW_ROLE) if rows else None

    def _show_action(self, row: ActionRow | None) -> None:
        self.plan_view.detail.show_action(row, history(self.db, row.id) if row else [])

    def new_plan(self) -> None:
        """Ask for a title and start an empty plan."""
        title = prompts.ask_text(self, "New plan", "Title of the plan:")
        if not title:
            return
        try:
            plan = create_plan(self.db, title)
        except USER_ERRORS as exc:
            prompts.warn(self, "New plan", str(exc))
            return
        self._wanted_plan = plan.title
        self.reload_plans()

    def record_progress(self) -> None:
        """Open the record-progress dialog for the selected action."""
        row = self.selected_row()
        if row is None:
            prompts.inform(self, "Record progress", "Select an action first.")
            return
        dialog = RecordProgressDialog(row, parent=self)
        dialog.accepted.connect(lambda: self._save_progress(dialog))
        dialog.open()
        self.progress_dialog = dialog

    def _save_progress(self, dialog: RecordProgressDialog) -> None:
        entry = dialog.entry()
        try:
            record_progress(self.db, entry)
        except ReasonNeeded as needed:
            reason = prompts.ask_text(self, "Why this RAG?", str(needed))
            if not reason:
                return
            try:
                record_progress(self.db, dialog.entry(reason))
            except USER_ERRORS as exc:
                prompts.warn(self, "Record progress", str(exc))
                return
        except USER_ERRORS as exc:
            prompts.warn(self, "Record progress", str(exc))
            return
        self.refresh()
        self.statusBar().showMessage("Progress recorded.", 4000)

    def backup(self) -> None:
        """Copy the database to a file the user picks."""
        from actionplan.services.backup import backup_database

        target = prompts.save_file(
            self,
            "Back up database",
            f"actionplan-backup-{date.today():%Y-%m-%d}.db",
            "Database (*.db)",
        )
        if target is None:
            return
        try:
            backup_database(self.db, target)
        except USER_ERRORS as exc:
            prompts.warn(self, "Back up database", str(exc))
            return
        prompts.inform(self, "Back up database", f"The database was copied to {target}.")

    def about(self) -> None:
        """Show the version and where the data lives."""
        prompts.inform(
            self,
            "About actionplan",
            f"actionplan {__version__}\n\nA partnership's action plan, kept safe and ready "
            f"for the board.\n\nData: {self.db.target}",
        )

    def _focus_search(self) -> None:
        self.plan_view.search.setFocus()
        self.plan_view.search.selectAll()


def run_dialog(dialog: QDialog) -> None:
    """Open a dialog window-modally (tests answer it by calling accept)."""
    dialog.open()
