"""PendingEdits: the detail panel's typed words are saved whenever the user moves on.

The README promises every edit is saved at once, so words typed in the panel are saved
when the focus leaves the panel, when another row, priority or plan is chosen, when a
filter hides the row, before an undo and when the window closes, or with Ctrl+S.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from actionplan.gui.changes import Kind, changed

if TYPE_CHECKING:
    from actionplan.gui.menus.edit_menu import EditMenu
    from actionplan.gui.pages.action_detail_panel import ActionDetailPanel
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace
    from actionplan.services.views import ActionRow, PlanInfo


class PendingEdits(QObject):
    """Saves the words typed in one window's detail panel, into the action they were typed for."""

    def __init__(
        self,
        workspace: Workspace,
        view: PlanView,
        edits: Callable[[], EditMenu],
        window: QWidget,
    ) -> None:
        """``edits`` gives the menu that saves (loaded when first needed); ``window`` is the
        window whose widgets taking the focus from the panel mean the user moved on."""
        super().__init__(window)
        self.workspace, self.view, self._edits, self._window = workspace, view, edits, window
        self._saved_while_leaving: tuple[int, int] | None = None  # plan id, action id
        workspace.typed = self
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    @property
    def panel(self) -> ActionDetailPanel:
        """The detail panel whose words are kept."""
        return self.view.detail

    def save(self) -> bool:
        """Save the panel's words where the user is (Ctrl+S); False when they could not be
        saved, and the user has been told why."""
        panel = self.panel
        if not panel.has_changes or panel.action_id is None:
            return True
        return self._edits().save_action_edit(panel.action_id, panel.edited_draft())

    def leave(self, show_later: bool = True, *, quietly: bool = False) -> bool:
        """Save the panel's words as the user leaves the row; False when they could not be
        saved (the user has been told why, in a message or, ``quietly``, in the status bar;
        the words stay in the panel).

        The saved row is shown by ``show_saved`` once the window has moved on (not at all
        when ``show_later`` is False: the whole plan is read again anyway)."""
        panel, plan = self.panel, self.workspace.shown_plan
        action_id = panel.action_id
        if not panel.has_changes or action_id is None:
            return True
        edits = self._edits()
        save = edits.save_quietly if quietly else edits.save_action_edit
        saved = save(action_id, panel.edited_draft(), moving_on=True)
        if saved and show_later and plan is not None:
            self._saved_while_leaving = (plan.id, action_id)
        return saved

    def plan_to_show(self, plans: list[PlanInfo], chosen: int) -> int:
        """Which of the plans read again to show: the one chosen, once the words typed for the
        plan on screen are saved; the plan on screen again when they cannot be."""
        shown = self.workspace.shown_plan
        if shown is None or (plans and plans[chosen].id == shown.id):
            return chosen
        ids = [plan.id for plan in plans]
        if self.leave(show_later=False) or shown.id not in ids:
            return chosen
        return ids.index(shown.id)

    def moving_to(self, row: ActionRow | None) -> bool:
        """Before the panel shows another action (or none), save the words typed for the one
        it shows; False when they could not be saved: the user was told why, the words stay
        and the table goes back to their row where it can."""
        kept = self.panel.action_id
        same_row = row is not None and row.id == kept
        if not self.panel.has_changes or same_row or self.leave(show_later=True):
            return True
        if kept is not None:
            self.view.select_action(kept)
        return False

    def show_saved(self) -> None:
        """Show in the table, on the next turn of the event loop, the action saved while
        leaving it, keeping the new selection.

        Not at once: the user may be leaving because a filter is hiding the row, and the
        table's filter must finish before its rows change again."""
        if self._saved_while_leaving is not None:
            QTimer.singleShot(0, self._show_saved_now)

    def _show_saved_now(self) -> None:
        saved, self._saved_while_leaving = self._saved_while_leaving, None
        plan = self.workspace.shown_plan
        if saved is not None and plan is not None and plan.id == saved[0]:
            self._show_row(plan.id, saved[1])

    def _show_row(self, plan_id: int, action_id: int) -> None:
        from actionplan.services.actions import action_rows

        workspace, view = self.workspace, self.view
        if view.table_model.row_of(action_id) is None:
            return  # not read into the table (yet): nothing shown to bring up to date
        rows = action_rows(workspace.db, plan_id, workspace.as_of, action_ids=[action_id])
        if rows and not view.moved(rows[0]) and view.replace_rows(rows):
            self.view.show_selected()  # the panel too, if it still shows that action
            return
        # It moved to another priority: the plan's order and counts change.
        workspace.announce(changed(Kind.OUTLINE))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Focus leaving the panel for another part of this window saves what was typed;
        # dialogs, message boxes and other windows taking the focus do not. The table is
        # brought up to date after the click that moved the focus has done its work (a
        # click on another row must land on the row under the pointer).
        if old is None or new is None:
            return  # the window lost the focus, or a widget holding it went away
        panel = self.panel
        if not panel.isAncestorOf(old):
            return
        if panel.isAncestorOf(new) or not self._window.isAncestorOf(new):
            return
        if self.leave(quietly=True):
            self.show_saved()
