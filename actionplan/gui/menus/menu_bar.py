"""The window's own commands, and where every command sits in menus and toolbar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QWidget

from actionplan import __version__
from actionplan.gui import prompts
from actionplan.gui.plain import plain_tip
from actionplan.gui.shortcuts import make_action

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QComboBox

    from actionplan.gui.menus.database_menu import DatabaseMenu
    from actionplan.gui.menus.edit_menu import EditMenu
    from actionplan.gui.menus.file_menu import FileMenu
    from actionplan.gui.menus.plan_menu import PlanMenu
    from actionplan.gui.menus.year_menu import YearMenu
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.rounds.round_menu import RoundMenu
    from actionplan.gui.workspace import Workspace


@dataclass(frozen=True)
class WindowParts:
    """What the window's commands act on (the menus behind edits load on first use)."""

    window: QMainWindow
    workspace: Workspace
    view: PlanView
    edits: Callable[[], EditMenu]
    plans: Callable[[], PlanMenu]
    years: Callable[[], YearMenu]
    files: FileMenu
    databases: DatabaseMenu
    save_typed: Callable[[], object]
    refresh: Callable[[], object]
    rounds: Callable[[], RoundMenu]


class WindowCommands:
    """The main window's own commands (QActions), made by ``build_actions``."""

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
    start_round_action: QAction
    round_action: QAction
    next_year_action: QAction
    reopen_plan_action: QAction
    plan_actions: list[QAction]

    @property
    def editing_commands(self) -> tuple[QAction, ...]:
        """The commands that change the plan on screen: greyed while it is closed."""
        kept = (self.delete_plan_action,)  # a closed plan may still be deleted (undoably)
        editing = [action for action in self.plan_actions if action not in kept]
        return (*editing, *self.action_commands, self.next_year_action)

    @property
    def action_commands(self) -> tuple[QAction, ...]:
        """The commands that work on the selected action."""
        return (self.delete_action_action, self.move_up_action, self.move_down_action)


def build_actions(parts: WindowParts) -> WindowCommands:
    """Make the window's commands (File and Database ones live with their own menus)."""
    made = WindowCommands()
    act = partial(make_action, parts.window)
    keys = QKeySequence.StandardKey
    edits, plan = parts.edits, parts.plans
    made.new_plan_action = act("&New plan…", keys.New, lambda: plan().new_plan())
    made.plan_settings_action = act("Plan se&ttings…", None, lambda: plan().edit_plan_settings())
    made.delete_plan_action = act("&Delete plan…", None, lambda: plan().delete_plan())
    made.quit_action = act("&Quit", keys.Quit, parts.window.close)
    made.record_action = act("Record pro&gress…", "Ctrl+R", lambda: edits().record_progress())
    made.new_priority_action = act("New &priority…", None, lambda: plan().new_priority())
    made.edit_priority_action = act("&Edit priority…", None, lambda: plan().edit_priority())
    made.delete_priority_action = act("Delete priorit&y…", None, lambda: plan().delete_priority())
    made.delete_outcome_action = act("Delete o&utcome…", None, lambda: plan().delete_outcome())
    made.leads_action = act("&Leads and agencies…", None, lambda: plan().edit_leads())
    made.new_outcome_action = act("New &outcome…", None, lambda: plan().new_outcome())
    made.narrative_action = act("Narrati&ve for the board…", None, lambda: plan().write_narrative())
    made.new_action_action = act("New &action…", "Ctrl+Shift+N", lambda: plan().new_action())
    made.delete_action_action = act(
        "&Delete action…", keys.Delete, lambda: plan().delete_selected()
    )
    made.move_up_action = act("Move action &up", "Alt+Up", lambda: plan().move_selected(-1))
    made.move_down_action = act("Move action dow&n", "Alt+Down", lambda: plan().move_selected(1))
    _table_only(parts.view, made)
    rounds = parts.rounds
    made.start_round_action = act("Start an &update round…", None, lambda: rounds().start_round())
    made.round_action = act("Update &round…", None, lambda: rounds().show_round())
    made.find_action = act("&Find", keys.Find, lambda: _focus_search(parts.view))
    made.whoami_action = act("&Who am I…", None, lambda: edits().choose_my_name())
    made.refresh_action = act("Re&fresh", keys.Refresh, parts.refresh)
    made.about_action = act("&About actionplan", None, lambda: _about(parts))
    _history_actions(parts, made)
    made.save_changes_action = act("&Save changes", keys.Save, parts.save_typed)
    made.save_changes_action.setEnabled(False)  # until words are typed in the detail panel
    made.details_action = QAction("&Details panel", parts.window, checkable=True, checked=True)
    made.details_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    made.details_action.toggled.connect(parts.view.set_details_shown)
    made.plan_actions = [
        made.plan_settings_action, made.delete_plan_action, made.record_action,
        made.new_priority_action, made.edit_priority_action,
        made.delete_priority_action, made.narrative_action, made.new_action_action,
        made.new_outcome_action, made.delete_outcome_action, made.leads_action,
        made.start_round_action, made.round_action,
    ]  # fmt: skip
    made.next_year_action = act(
        "Start &next year's plan…", None, lambda: parts.years().start_next_year()
    )
    made.reopen_plan_action = act("&Reopen plan", None, lambda: parts.years().reopen())
    made.plan_actions.append(made.next_year_action)
    _navigator_menu(parts.view, made)
    return made


def _table_only(view: PlanView, made: WindowCommands) -> None:
    # These keys work on the selected action only while the table has the focus.
    for table_only in made.action_commands:
        table_only.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table_only.setEnabled(False)
        view.table.addAction(table_only)


def _navigator_menu(view: PlanView, made: WindowCommands) -> None:
    # Right-click a priority on the left for what can be done with it.
    navigator = view.navigator
    navigator.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    navigator.addActions([made.new_action_action, made.new_outcome_action])
    navigator.addActions([made.edit_priority_action])
    navigator.addActions([made.narrative_action, made.delete_priority_action])
    navigator.addAction(made.delete_outcome_action)


def _history_actions(parts: WindowParts, made: WindowCommands) -> None:
    # Undo and Redo name the plan and action, and show that plan first (see PlanUndoStack).
    stack = parts.workspace.undo_stack
    keys = QKeySequence.StandardKey
    made.undo_action = make_action(parts.window, "&Undo", keys.Undo, stack.undo_entry)
    made.redo_action = make_action(parts.window, "&Redo", keys.Redo, stack.redo_entry)
    for action, word, can, text in (
        (made.undo_action, "Undo", stack.canUndoChanged, stack.undoTextChanged),
        (made.redo_action, "Redo", stack.canRedoChanged, stack.redoTextChanged),
    ):
        action.setEnabled(False)
        can.connect(action.setEnabled)
        _name_what_it_does(action, word, text)


def build_menus(parts: WindowParts, made: WindowCommands, plan_box: QComboBox) -> QToolBar:
    """Fill the window's menu bar and add its toolbar (returned)."""
    files, databases = parts.files, parts.databases
    bar = parts.window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([made.new_plan_action, files.import_action, files.samples_action])
    file_menu.addActions([made.plan_settings_action, made.delete_plan_action])
    file_menu.addSeparator()
    file_menu.addActions([files.export_action, files.write_back_action])
    file_menu.addActions([files.returns_action, files.merge_action])
    file_menu.addSeparator()
    file_menu.addActions(
        [files.report_action, files.yearly_action, files.snapshot_action, files.activity_action]
    )
    file_menu.addSeparator()
    file_menu.addAction(databases.open_action)
    file_menu.addMenu(databases.recent_menu)
    file_menu.addAction(databases.backup_action)
    file_menu.addSeparator()
    file_menu.addAction(made.quit_action)
    edit = bar.addMenu("&Edit")
    edit.addActions([made.undo_action, made.redo_action])
    edit.addAction(made.save_changes_action)
    edit.addSeparator()
    edit.addActions([made.record_action, made.find_action, made.whoami_action])
    edit.addAction(made.leads_action)
    edit.addSeparator()
    edit.addActions([made.new_priority_action, made.edit_priority_action])
    edit.addActions([made.new_outcome_action, made.delete_outcome_action])
    edit.addAction(made.narrative_action)
    edit.addActions([made.delete_priority_action, made.new_action_action])
    edit.addActions([made.move_up_action, made.move_down_action])
    edit.addAction(made.delete_action_action)
    plan_menu = bar.addMenu("&Plan")
    plan_menu.addActions([made.start_round_action, made.round_action])
    plan_menu.addSeparator()
    plan_menu.addActions([made.next_year_action, made.reopen_plan_action])
    view = bar.addMenu("&View")
    view.addActions([made.details_action, made.refresh_action])
    bar.addMenu("&Help").addAction(made.about_action)
    return _toolbar(parts, made, plan_box)


def _toolbar(parts: WindowParts, made: WindowCommands, plan_box: QWidget) -> QToolBar:
    files = parts.files
    toolbar = QToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.addWidget(QLabel(" Plan: "))
    toolbar.addWidget(plan_box)
    toolbar.addSeparator()
    toolbar.addActions([made.new_action_action, made.record_action])
    toolbar.addActions([made.undo_action, made.redo_action])
    toolbar.addSeparator()
    toolbar.addActions([files.import_action, files.export_action, files.report_action])
    # Short fixed words on the toolbar keep it within a laptop's screen; the menus and
    # tooltips keep the full names.
    for action, label in (
        (made.new_action_action, "New action"),
        (made.record_action, "Record progress"),
        (made.undo_action, "Undo"),
        (made.redo_action, "Redo"),
        (files.import_action, "Import"),
        (files.export_action, "Export"),
        (files.report_action, "Board pack"),
    ):
        action.setIconText(label)
    parts.window.addToolBar(toolbar)
    return toolbar


def _name_what_it_does(action: QAction, word: str, text_changed: SignalInstance) -> None:
    """Undo or Redo names what it would do in the menu and tooltip, in the user's words."""
    text_changed.connect(_CommandNamer(action, word).name)


class _CommandNamer(QObject):
    """Keeps Undo or Redo named in the user's own words (it goes with its action)."""

    def __init__(self, action: QAction, word: str) -> None:
        super().__init__(action)
        self._word = word
        self.name("")

    @Slot(str)  # a real slot, so Qt disconnects it when the action goes
    def name(self, text: str) -> None:
        """Name the command in the menu and tooltip."""
        word, action = self._word, cast(QAction, self.parent())  # asked each time, not kept
        # An "&" in a title stays a word in the menu, not an access key.
        action.setText(f"&{word} {text.replace('&', '&&')}" if text else f"&{word}")
        action.setToolTip(plain_tip(f"{word} {text}" if text else word))


def _about(parts: WindowParts) -> None:
    prompts.inform(
        parts.window,
        "About actionplan",
        f"actionplan {__version__}\n\nA partnership's action plan, kept safe and ready "
        f"for the board.\n\nData: {parts.workspace.shown}",
    )


def _focus_search(view: PlanView) -> None:
    view.tabs.setCurrentIndex(0)
    view.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    view.search.selectAll()
