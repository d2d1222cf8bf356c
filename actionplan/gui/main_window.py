"""MainWindow: the welcome page or the plan view, with menus, toolbar, undo and settings."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QProgressBar, QStackedWidget, QToolBar

from actionplan import __version__
from actionplan.gui import prompts
from actionplan.gui import settings as prefs
from actionplan.gui.edit_actions import EditActions
from actionplan.gui.file_actions import FileActions
from actionplan.gui.plan_view import PlanView
from actionplan.gui.settings import Settings
from actionplan.gui.welcome_page import WelcomePage
from actionplan.gui.worker import Worker, start
from actionplan.services.actions import ActionRow, action_rows
from actionplan.services.editing import action_draft
from actionplan.services.errors import USER_ERRORS
from actionplan.services.measure_rows import measure_rows
from actionplan.services.outline import plan_outline
from actionplan.services.plans import PlanInfo, create_plan, list_plans
from actionplan.services.progress import history
from actionplan.services.workspace import Database, open_database

log = logging.getLogger(__name__)

FIRST_ROWS = 200


class MainWindow(QMainWindow):
    """The app's one main window."""

    def __init__(
        self,
        db: Database,
        plan_name: str | None = None,
        settings: Settings | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings or Settings()
        self.as_of = date.today()
        self._plans: list[PlanInfo] = []
        self._wanted_plan = plan_name
        self._loader: Worker | None = None
        self._filling: int | None = None
        self.undo_stack = QUndoStack(self)
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
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self._build_actions()
        self.files = FileActions(self)
        self.edits = EditActions(self)
        self._build_menus()
        self.setAcceptDrops(True)
        self._connect()
        self.data_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.data_label)
        self._restore_settings()

    def _build_actions(self) -> None:
        act = self._action
        self.new_plan_action = act("&New plan…", QKeySequence.StandardKey.New, self.new_plan)
        self.open_db_action = act("&Open database…", QKeySequence.StandardKey.Open, self.open_db)
        self.backup_action = act("&Back up database…", "Ctrl+Shift+B", self.backup)
        self.quit_action = act("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.record_action = act("&Record progress…", "Ctrl+R", self.record_progress)
        self.find_action = act("&Find", QKeySequence.StandardKey.Find, self._focus_search)
        self.whoami_action = act("&Who am I…", None, lambda: self.edits.choose_my_name())
        self.refresh_action = act("Re&fresh", QKeySequence.StandardKey.Refresh, self.refresh)
        self.about_action = act("&About actionplan", None, self.about)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)

    def _action(self, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        files = self.files
        self.file_menu = self.menuBar().addMenu("&File")
        self.file_menu.addActions([self.new_plan_action, files.import_action, files.samples_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([files.export_action, files.write_back_action])
        self.file_menu.addActions([files.returns_action, files.merge_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([files.report_action, files.snapshot_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_db_action)
        self.recent_menu = self.file_menu.addMenu("Open &recent")
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        edit = self.menuBar().addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([self.record_action, self.find_action, self.whoami_action])
        view = self.menuBar().addMenu("&View")
        view.addAction(self.refresh_action)
        self.menuBar().addMenu("&Help").addAction(self.about_action)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.addWidget(QLabel(" Plan: "))
        toolbar.addWidget(self.plan_box)
        toolbar.addSeparator()
        toolbar.addActions([self.record_action, self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([files.import_action, files.export_action, files.report_action])
        self.toolbar = toolbar
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self.welcome.new_plan_requested.connect(self.new_plan)
        self.welcome.samples_requested.connect(self.files.load_samples)
        self.welcome.import_requested.connect(self.files.choose_workbook)
        self.plan_view.action_selected.connect(self._show_action)
        self.plan_view.detail.record_progress_requested.connect(lambda _id: self.record_progress())
        self.plan_view.detail.edit_requested.connect(self.edits.save_action_edit)
        self.plan_view.measures.add_reading_requested.connect(self.edits.add_reading)
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)

    def _restore_settings(self) -> None:
        geometry = self.settings.get(prefs.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        state = self.settings.get(prefs.WINDOW_STATE)
        if state:
            self.restoreState(state)
        self.plan_view.hide_columns(self.settings.get(prefs.HIDDEN_COLUMNS))
        self.plan_view.filter_bar.my_name = self.settings.get(prefs.MY_NAME)
        self.plan_view.filter_bar.restore(self.settings.get(prefs.FILTERS))
        self._remember_database()

    def _remember_database(self) -> None:
        self.data_label.setText(f"Data: {self.db.target}")
        recent = self.settings.remember_database(self.db.target)
        self.recent_menu.clear()
        for target in recent:
            self.recent_menu.addAction(target, lambda t=target: self.switch_database(t))

    def closeEvent(self, event: QCloseEvent) -> None:  # overrides QWidget.closeEvent
        """Remember the window's layout and choices, then close."""
        self.settings.set(prefs.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(prefs.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.set(prefs.HIDDEN_COLUMNS, self.plan_view.hidden_columns())
        self.settings.set(prefs.FILTERS, self.plan_view.filter_bar.saved())
        self._drop_loader()
        super().closeEvent(event)

    def _drop_loader(self) -> None:
        # A load still running must not deliver its rows to a closed or changed window.
        if self._loader is not None:
            self._loader.cancel()
            self._loader.signals.succeeded.disconnect(self._rows_loaded)
            self._loader = None

    def start(self) -> None:
        """Show the window at once and load the plans just after."""
        self.show()
        self.reload_plans()

    def reload_plans(self) -> None:
        """Read the list of plans and show the chosen one, or the welcome page."""
        self._plans = list_plans(self.db)
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in self._plans:
            self.plan_box.addItem(plan.title, plan.id)
        self.plan_box.blockSignals(False)
        self.record_action.setEnabled(bool(self._plans))
        self.files.set_plan_open(bool(self._plans))
        if not self._plans:
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("actionplan")
            return
        self.plan_box.setCurrentIndex(self._initial_index())
        self._plan_chosen()

    def show_plan_titled(self, title: str | None) -> None:
        """Reload the plans and show the one with this title (after an import, say)."""
        self._wanted_plan = title
        self.reload_plans()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # overrides QWidget.dragEnterEvent
        """Accept a workbook dragged onto the window."""
        if _dropped_workbook(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # overrides QWidget.dropEvent
        """Open the import wizard on a dropped workbook."""
        path = _dropped_workbook(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.files.open_wizard(path)

    def _initial_index(self) -> int:
        wanted = (self._wanted_plan or "").casefold()
        for number, plan in enumerate(self._plans):
            if wanted and wanted == plan.title.casefold():
                return number
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
        self.setWindowTitle(f"{plan.title} — actionplan")
        # The first screenful at once; the navigator, measures and the rest of a big plan
        # just after, so the window shows actions without a wait.
        self.plan_view.set_rows(action_rows(self.db, plan.id, self.as_of, limit=FIRST_ROWS))
        self._filling = plan.id
        QTimer.singleShot(0, self._fill_rest)

    def _fill_rest(self) -> None:
        plan = self.current_plan
        if plan is None or plan.id != self._filling:
            return
        self._filling = None
        self.plan_view.show_outline(plan.title, plan_outline(self.db, plan.id))
        self.plan_view.measures.set_rows(measure_rows(self.db, plan.id))
        if self.plan_view.table_model.rowCount() == FIRST_ROWS:
            self.load_rows()

    @property
    def loading(self) -> bool:
        """True while the plan on screen is still being read."""
        return self._filling is not None or self._loader is not None

    def load_rows(self) -> None:
        """Read the plan's actions on a worker thread and show them when ready."""
        plan = self.current_plan
        if plan is None:
            return
        self._drop_loader()
        db, as_of, plan_id = self.db, self.as_of, plan.id
        worker = Worker(lambda _progress, _cancelled: (plan_id, action_rows(db, plan_id, as_of)))
        worker.signals.succeeded.connect(self._rows_loaded)
        worker.signals.failed.connect(lambda exc: prompts.warn(self, "Loading the plan", str(exc)))
        self._loader = start(worker)
        self.busy.setRange(0, 0)
        self.busy.show()

    def _rows_loaded(self, result: tuple[int, list[ActionRow]]) -> None:
        plan_id, rows = result
        self._loader = None
        self.busy.hide()
        current = self.current_plan
        if current is None or current.id != plan_id:
            return
        self.plan_view.set_rows(rows)

    def refresh(self, action_id: int | None = None) -> None:
        """Re-read the plan on screen after a change (synchronously: edits are small)."""
        plan = self.current_plan
        if plan is None:
            return
        self.plan_view.set_rows(action_rows(self.db, plan.id, self.as_of))
        if action_id is not None:
            self.plan_view.select_action(action_id)
        self._show_action(self.selected_row())

    def selected_row(self) -> ActionRow | None:
        """The action selected in the table."""
        rows = self.plan_view.table.selectionModel().selectedRows()
        return rows[0].data(self.plan_view.table_model.ROW_ROLE) if rows else None

    def _show_action(self, row: ActionRow | None) -> None:
        if row is None:
            self.plan_view.detail.show_action(None, [])
            return
        draft = action_draft(self.db, row.id)
        self.plan_view.detail.show_action(row, history(self.db, row.id), draft)

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

    def refresh_measures(self, measure_id: int | None = None) -> None:
        """Re-read the plan's measures after a change."""
        plan = self.current_plan
        if plan is not None:
            self.plan_view.measures.set_rows(measure_rows(self.db, plan.id), keep=measure_id)

    def record_progress(self) -> None:
        """Record progress on the selected action."""
        self.edits.record_progress()

    def open_db(self) -> None:
        """Open another database file."""
        path = prompts.open_file(self, "Open database", "actionplan database (*.db);;All files (*)")
        if path is not None:
            self.switch_database(str(path))

    def switch_database(self, target: str) -> None:
        """Close this database and show another."""
        try:
            db = open_database(target)
        except USER_ERRORS as exc:
            prompts.warn(self, "Open database", str(exc))
            return
        self.db.close()
        self.db = db
        self.undo_stack.clear()
        self._remember_database()
        self.reload_plans()

    def backup(self) -> None:
        """Copy the database to a file the user picks."""
        from actionplan.services.backup import backup_database

        suggested = f"actionplan-backup-{date.today():%Y-%m-%d}.db"
        target = prompts.save_file(self, "Back up database", suggested, "Database (*.db)")
        if target is None:
            return
        if self._try(lambda: backup_database(self.db, Path(target)), "Back up database"):
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
        self.plan_view.tabs.setCurrentIndex(0)
        self.plan_view.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.plan_view.search.selectAll()


WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}


def _dropped_workbook(mime: QMimeData) -> Path | None:
    """The one workbook file being dragged, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in WORKBOOK_SUFFIXES else None
