"""The main window's menus and toolbar: where each command sits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QToolBar

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow


def build_menus(window: MainWindow) -> QToolBar:
    """Fill the window's menu bar and add its toolbar (returned)."""
    files, databases = window.files, window.databases
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([window.new_plan_action, files.import_action, files.samples_action])
    file_menu.addSeparator()
    file_menu.addActions([files.export_action, files.write_back_action])
    file_menu.addActions([files.returns_action, files.merge_action])
    file_menu.addSeparator()
    file_menu.addActions([files.report_action, files.snapshot_action])
    file_menu.addSeparator()
    file_menu.addAction(databases.open_action)
    file_menu.addMenu(databases.recent_menu)
    file_menu.addAction(databases.backup_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit = bar.addMenu("&Edit")
    edit.addActions([window.undo_action, window.redo_action])
    edit.addSeparator()
    edit.addActions([window.record_action, window.find_action, window.whoami_action])
    edit.addSeparator()
    edit.addActions(
        [window.new_priority_action, window.new_action_action, window.delete_action_action]
    )
    view = bar.addMenu("&View")
    view.addAction(window.refresh_action)
    bar.addMenu("&Help").addAction(window.about_action)
    toolbar = QToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.addWidget(QLabel(" Plan: "))
    toolbar.addWidget(window.plan_box)
    toolbar.addSeparator()
    toolbar.addActions([window.new_action_action, window.record_action])
    toolbar.addActions([window.undo_action, window.redo_action])
    toolbar.addSeparator()
    toolbar.addActions([files.import_action, files.export_action, files.report_action])
    window.addToolBar(toolbar)
    return toolbar
