"""DatabaseMenu: open another database, open a recent one, back the database up."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from actionplan.gui import prompts
from actionplan.gui.dialogs.task_dialog import TaskDialog
from actionplan.gui.shortcuts import make_action
from actionplan.services.errors import USER_ERRORS
from actionplan.services.workspace import open_database, shown_target

if TYPE_CHECKING:
    from actionplan.gui.workspace import Workspace

DATABASES = "actionplan database (*.db);;All files (*)"


class DatabaseMenu(QObject):
    """The File menu's database items, for one main window."""

    def __init__(self, workspace: Workspace, window: QWidget) -> None:
        """Database items for the workspace; their shortcuts work in ``window``."""
        super().__init__(window)
        self.workspace, self.widget = workspace, window
        self.task: TaskDialog | None = None
        self.open_action = make_action(
            window, "&Open database…", QKeySequence.StandardKey.Open, self.choose
        )
        self.backup_action = make_action(window, "&Back up database…", "Ctrl+Shift+B", self.backup)
        self.recent_menu = QMenu("Open &recent", window)

    def remember(self, target: str) -> None:
        """Put the database on screen first in the recent list."""
        self.recent_menu.clear()
        for recent in self.workspace.settings.remember_database(target):
            self.recent_menu.addAction(shown_target(recent), partial(self.switch, recent))

    def choose(self) -> None:
        """Ask for another database file and show it."""
        path = prompts.open_file(self.widget, "Open database", DATABASES)
        if path is not None:
            self.switch(str(path))

    def switch(self, target: str) -> None:
        """Open the database at the target and show it in the window."""
        try:
            db = open_database(target)
        except USER_ERRORS as exc:
            prompts.warn(self.widget, "Open database", str(exc))
            return
        self.workspace.use_database(db)

    def backup(self) -> None:
        """Copy the database to a file the user picks, while it stays in use."""
        from actionplan.services.backup import backup_database

        suggested = f"actionplan-backup-{date.today():%Y-%m-%d}.db"
        target = prompts.save_file(self.widget, "Back up database", suggested, "Database (*.db)")
        if target is None:
            return
        db = self.workspace.db
        self.task = TaskDialog(
            "Back up database",
            f"Copying the database to {target.name}…",
            lambda _progress, _cancelled: backup_database(db, Path(target)),
            self.widget,
            lambda copy: f"The database was copied to {copy}.",
            open_folder=True,
        )
        self.task.run()
