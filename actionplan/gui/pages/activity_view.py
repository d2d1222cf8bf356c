"""ActivityView: the activity log of the action on screen, newest first, kept current.

It reads the log again after every write the workspace announces (a colleague's too, in
team mode), so an edit, a progress update or an undo shows at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from actionplan.gui.models.activity_list_model import ActivityListModel

if TYPE_CHECKING:
    from actionplan.gui.changes import Changes
    from actionplan.gui.workspace import Workspace

NOTHING_YET = "No changes to this action have been logged yet."


class ActivityView(QWidget):
    """Who changed what in one action, from what to what, and when."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = None
        self._action_id: int | None = None
        self._why_unreadable = ""  # the log is not this person's to read (a team's lead)
        self.model = ActivityListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)  # entries of several lines read apart
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(NOTHING_YET)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def follow(self, workspace: Workspace) -> None:
        """Read the shown action's log through this workspace, again after every write."""
        self._workspace = workspace
        workspace.changed.connect(self._changed)

    def show_action(self, action_id: int | None) -> None:
        """Show the log of this action (None: of none)."""
        if action_id != self._action_id:
            self._action_id = action_id
            self.read()

    def set_unreadable(self, why: str) -> None:
        """Say why the log cannot be read by this person instead of reading it (blank: it
        can be read)."""
        self._why_unreadable = why
        self.empty.setText(why or NOTHING_YET)
        self.read()

    def read(self) -> None:
        """Read the shown action's entries again."""
        from actionplan.services.activity import action_activity

        workspace, action_id = self._workspace, self._action_id
        if workspace is None or action_id is None or self._why_unreadable:
            entries = []
        else:
            entries = action_activity(workspace.db, action_id)
        self.model.set_entries(entries)
        self.empty.setVisible(not entries)

    def _changed(self, changes: Changes) -> None:
        if changes:
            self.read()
