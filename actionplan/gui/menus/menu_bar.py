"""The main window's own commands, and where every command sits in menus and toolbar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from actionplan import __version__
from actionplan.gui import prompts
from actionplan.gui.plain import plain_tip
from actionplan.gui.shortcuts import make_action

if TYPE_CHECKING:
    from actionplan.gui.main_window import MainWindow
    from actionplan.gui.menus.edit_menu import EditMenu
    from actionplan.gui.menus.plan_menu import PlanMenu


class WindowCommands:
    """The main window's own commands, made by ``build_actions`` (declared here for types)."""

    new_plan_action: QAction
    plan_settings_action: QAction
    delete_plan_action: QAction
    quit_action: QAction
    record_action: QAction
    new_priority_action: QAction
    edit_priority_action: QAction
    delete_priority_action: QAction
    narrative_action: QAction
    new_outcome_action: QAction
    leads_action: QAction
    delete_outcome_action: QAction
    move_up_action: QAction
    move_down_action: QAction
    new_action_action: QAction
    delete_action_action: QAction
    find_action: QAction
    whoami_action: QAction
    refresh_action: QAction
    about_action: QAction
    undo_action: QAction
    redo_action: QAction
    save_changes_action: QAction
    details_action: QAction
    plan_actions: list[QAction]


def build_actions(window: MainWindow) -> None:
    """Give the window its commands (File and Database ones live with their own helpers)."""
    act = partial(make_action, window)
    keys = QKeySequence.StandardKey

    # The services behind these load on first use (see MainWindow.edits and .plan_edits).
    def edits() -> EditMenu:
        return window.edits

    def plan() -> PlanMenu:
        return window.plan_edits

    window.new_plan_action = act("&New plan…", keys.New, lambda: plan().new_plan())
    window.plan_settings_action = act("Plan se&ttings…", None, lambda: plan().edit_plan_settings())
    window.delete_plan_action = act("&Delete plan…", None, lambda: plan().delete_plan())
    window.quit_action = act("&Quit", keys.Quit, window.close)
    window.record_action = act("Record pro&gress…", "Ctrl+R", window.record_progress)
    window.new_priority_action = act("New &priority…", None, lambda: plan().new_priority())
    window.edit_priority_action = act("&Edit priority…", None, lambda: plan().edit_priority())
    window.delete_priority_action = act("Delete priorit&y…", None, lambda: plan().delete_priority())
    window.delete_outcome_action = act("Delete o&utcome…", None, lambda: plan().delete_outcome())
    window.leads_action = act("&Leads and agencies…", None, lambda: plan().edit_leads())
    window.new_outcome_action = act("New &outcome…", None, lambda: plan().new_outcome())
    window.narrative_action = act(
        "Narrati&ve for the board…", None, lambda: plan().write_narrative()
    )
    window.new_action_action = act("New &action…", "Ctrl+Shift+N", lambda: plan().new_action())
    window.delete_action_action = act(
        "&Delete action…", keys.Delete, lambda: plan().delete_selected()
    )
    window.move_up_action = act("Move action &up", "Alt+Up", lambda: plan().move_selected(-1))
    window.move_down_action = act("Move action dow&n", "Alt+Down", lambda: plan().move_selected(1))
    # These keys work on the selected action only while the table has the focus.
    for table_only in (window.delete_action_action, window.move_up_action, window.move_down_action):
        table_only.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table_only.setEnabled(False)
        window.plan_view.table.addAction(table_only)
    window.find_action = act("&Find", keys.Find, lambda: _focus_search(window))
    window.whoami_action = act("&Who am I…", None, lambda: edits().choose_my_name())
    window.refresh_action = act("Re&fresh", keys.Refresh, window.refresh)
    window.about_action = act("&About actionplan", None, lambda: _about(window))
    # Undo and Redo name the plan and action, and show that plan first (see PlanUndoStack).
    window.undo_action = window.undo_stack.undo_action
    window.redo_action = window.undo_stack.redo_action
    window.save_changes_action = act("&Save changes", keys.Save, lambda: window.pending.save())
    window.save_changes_action.setEnabled(False)  # until words are typed in the detail panel
    _name_what_undo_does(window)
    window.details_action = QAction("&Details panel", window, checkable=True, checked=True)
    window.details_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    window.details_action.toggled.connect(window.plan_view.set_details_shown)
    window.plan_actions = [
        window.plan_settings_action, window.delete_plan_action, window.record_action,
        window.new_priority_action, window.edit_priority_action,
        window.delete_priority_action, window.narrative_action, window.new_action_action,
        window.new_outcome_action, window.delete_outcome_action, window.leads_action,
    ]  # fmt: skip
    # Right-click a priority on the left for what can be done with it.
    navigator = window.plan_view.navigator
    navigator.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    navigator.addActions([window.new_action_action, window.new_outcome_action])
    navigator.addActions([window.edit_priority_action])
    navigator.addActions([window.narrative_action, window.delete_priority_action])
    navigator.addAction(window.delete_outcome_action)


def build_menus(window: MainWindow) -> QToolBar:
    """Fill the window's menu bar and add its toolbar (returned)."""
    files, databases = window.files, window.databases
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([window.new_plan_action, files.import_action, files.samples_action])
    file_menu.addActions([window.plan_settings_action, window.delete_plan_action])
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
    edit.addAction(window.save_changes_action)
    edit.addSeparator()
    edit.addActions([window.record_action, window.find_action, window.whoami_action])
    edit.addAction(window.leads_action)
    edit.addSeparator()
    edit.addActions([window.new_priority_action, window.edit_priority_action])
    edit.addActions([window.new_outcome_action, window.delete_outcome_action])
    edit.addAction(window.narrative_action)
    edit.addActions([window.delete_priority_action, window.new_action_action])
    edit.addActions([window.move_up_action, window.move_down_action])
    edit.addAction(window.delete_action_action)
    view = bar.addMenu("&View")
    view.addActions([window.details_action, window.refresh_action])
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
    _short_toolbar_labels(window)
    window.addToolBar(toolbar)
    return toolbar


def _short_toolbar_labels(window: MainWindow) -> None:
    # Short fixed words on the toolbar keep it within a laptop's screen; the menus and
    # tooltips keep the full names.
    files = window.files
    for action, label in (
        (window.new_action_action, "New action"),
        (window.record_action, "Record progress"),
        (window.undo_action, "Undo"),
        (window.redo_action, "Redo"),
        (files.import_action, "Import"),
        (files.export_action, "Export"),
        (files.report_action, "Board pack"),
    ):
        action.setIconText(label)


def _name_what_undo_does(window: MainWindow) -> None:
    """Undo and Redo name what they would do in the menu and tooltip, in the user's words."""
    for action, word, changed in (
        (window.undo_action, "Undo", window.undo_stack.undoTextChanged),
        (window.redo_action, "Redo", window.undo_stack.redoTextChanged),
    ):
        changed.connect(_CommandNamer(action, word).name)


class _CommandNamer(QObject):
    """Keeps Undo or Redo named in the user's own words (it goes with its action)."""

    def __init__(self, action: QAction, word: str) -> None:
        super().__init__(action)
        self._word = word
        self.name("")

    @Slot(str)  # a real slot, so Qt disconnects it when the action goes
    def name(self, text: str) -> None:
        """Name the command; runs after the undo stack's own renaming, so it has the last say."""
        word, action = self._word, cast(QAction, self.parent())  # asked each time, not kept
        # An "&" in a title stays a word in the menu, not an access key.
        action.setText(f"&{word} {text.replace('&', '&&')}" if text else f"&{word}")
        action.setToolTip(plain_tip(f"{word} {text}" if text else word))


def _about(window: MainWindow) -> None:
    prompts.inform(
        window,
        "About actionplan",
        f"actionplan {__version__}\n\nA partnership's action plan, kept safe and ready "
        f"for the board.\n\nData: {window.target}",
    )


def _focus_search(window: MainWindow) -> None:
    view = window.plan_view
    view.tabs.setCurrentIndex(0)
    view.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    view.search.selectAll()
