"""RightsGuard: greys out what the connected person may not do, with a tooltip saying why.

On a team's server a lead records progress only on the actions they lead and a reader only
reads and prints; the server refuses the rest anyway, so this only spares them trying. Menus
and pages enable their commands as a plan or action shows; the guard watches each command
it holds and turns it off again whenever the person's rights say no. A one-person file has
every right, and nothing is greyed out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from actionplan.gui import prompts
from actionplan.services.rights import EVERY_RIGHT, Rights

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from actionplan.gui.menus.file_menu import FileMenu
    from actionplan.gui.menus.menu_bar import WindowCommands
    from actionplan.gui.pages.activity_view import ActivityView
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.pages.welcome_page import WelcomePage
    from actionplan.gui.workspace import Workspace

log = logging.getLogger(__name__)

Item = QAction | QWidget
# The leads of the action selected now, or None when no action is selected.
LeadsNow = Callable[[], Sequence[str] | None]


@dataclass
class _Held:
    item: Item
    tip: str  # its own tooltip, shown again when the rights allow it
    on_the_selection: bool  # recording progress: allowed or not per action
    turned_off: bool = False  # the guard (not the window) greyed it out


class RightsGuard(QObject):
    """Holds commands and fields to the connected person's rights."""

    def __init__(self, workspace: Workspace, leads_now: LeadsNow, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.workspace = workspace
        self.rights: Rights = EVERY_RIGHT
        self._leads_now = leads_now
        self._read_for: str | None = None  # the database the rights were read from
        self._held: list[_Held] = []
        self._applying = False
        # Told the rights each time they are read: what is not a command or a field.
        self.on_rights: list[Callable[[Rights], None]] = []

    def hold_to_editing(self, items: Sequence[Item]) -> None:
        """Keep these off unless the person may change the plan itself."""
        self._hold(items, on_the_selection=False)

    def hold_to_progress(self, items: Sequence[Item]) -> None:
        """Keep these off unless the person may record progress on the selected action."""
        self._hold(items, on_the_selection=True)

    def _hold(self, items: Sequence[Item], *, on_the_selection: bool) -> None:
        for item in items:
            self._held.append(_Held(item, item.toolTip(), on_the_selection))
            if isinstance(item, QAction):
                item.enabledChanged.connect(self._action_enabled)
            else:
                item.installEventFilter(self)

    def _action_enabled(self, on: bool) -> None:
        if on and isinstance(self.sender(), QAction):
            self._apply_to(self.sender())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # overrides QObject
        """Turn a held field off again when something else enables it."""
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            if watched.isEnabled():
                self._apply_to(watched)
        return False

    def read_rights(self) -> None:
        """Read the person's rights once the database is open (again after a switch), warn
        an owner once, and grey out what they may not do."""
        workspace = self.workspace
        if not workspace.is_open or self._read_for == workspace.target:
            return
        self._read_for = workspace.target
        try:
            self.rights = _rights_of(workspace)
        except Exception:  # rights unread must not stop the window: the server still rules
            log.exception("The person's rights could not be read; the server enforces them")
            self.rights = EVERY_RIGHT
        for tell in self.on_rights:
            tell(self.rights)
        self.apply_all()
        if self.rights.owner_warning:
            prompts.warn(self._window, "Team database", self.rights.owner_warning)

    def apply_all(self) -> None:
        """Grey out what the rights rule out now (another action selected, say)."""
        for held in self._held:
            self._apply(held)

    def _apply_to(self, item: QObject) -> None:
        for held in self._held:
            if held.item is item:
                self._apply(held)

    def _apply(self, held: _Held) -> None:
        if self._applying:
            return  # our own setEnabled, echoed back
        self._applying = True
        try:
            self._set(held, self._why_not(held))
        finally:
            self._applying = False

    def _why_not(self, held: _Held) -> str | None:
        """Why the item must be off now; blank when it may be on; None: no action is
        selected, and the window's own rule (off) stands."""
        rights = self.rights
        if not held.on_the_selection:
            return rights.why_not_edit
        leads = self._leads_now()
        if rights.record_any:
            return ""
        if leads is None:
            return None
        return "" if rights.may_record_on(leads) else rights.why_not_record

    def _set(self, held: _Held, why: str | None) -> None:
        item = held.item
        if why is None:
            return
        item.setToolTip(why or held.tip)
        if why and item.isEnabled():
            held.turned_off = True
            item.setEnabled(False)
        elif not why and held.turned_off:
            held.turned_off = False
            item.setEnabled(True)


def _rights_of(workspace: Workspace) -> Rights:
    from actionplan.services.rights import rights_of  # loads the store, open by now

    return rights_of(workspace.db)


def guard_window(
    window: QMainWindow,
    view: PlanView,
    welcome: WelcomePage,
    commands: WindowCommands,
    files: FileMenu,
) -> RightsGuard:
    """Hold the window's commands and the detail panel's fields to the person's rights."""
    workspace: Workspace = window.workspace  # type: ignore[attr-defined]
    guard = RightsGuard(workspace, lambda: _leads_selected(view), window)
    made, detail, measures = commands, view.detail, view.measures
    guard.hold_to_editing([
        made.new_plan_action, made.plan_settings_action, made.delete_plan_action,
        made.new_priority_action, made.edit_priority_action, made.delete_priority_action,
        made.narrative_action, made.new_outcome_action, made.delete_outcome_action,
        made.leads_action, made.new_action_action, made.delete_action_action,
        made.move_up_action, made.move_down_action, made.save_changes_action,
        files.import_action, files.samples_action, files.returns_action, files.merge_action,
        files.snapshot_action,
        detail.ref, detail.text, detail.leads, detail.timescale, detail.priority,
        detail.outcome, detail.how_we_know, detail.save_button, detail.revert_button,
        measures.new_button, measures.edit_button, measures.delete_button, measures.add_button,
        welcome.samples_button, welcome.import_button, welcome.new_plan_button,
    ])  # fmt: skip
    guard.hold_to_progress([made.record_action, detail.record_button])
    guard.on_rights.append(lambda rights: _log_readable(rights, detail.activity, files))
    view.action_selected.connect(lambda _row: guard.apply_all())
    return guard


def _log_readable(rights: Rights, log_view: ActivityView, files: FileMenu) -> None:
    why = rights.why_not_read_log
    log_view.set_unreadable(why)
    files.activity_action.setEnabled(not why)
    files.activity_action.setToolTip(why or files.activity_action.text().replace("&", ""))


def _leads_selected(view: PlanView) -> Sequence[str] | None:
    row = view.selected_row()
    return None if row is None else row.leads
