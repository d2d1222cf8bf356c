"""AnsweredView: the review recommendations the action on screen answers, with where each
stands; read again after every write, as a recommendation's standing follows its actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPlainTextEdit

if TYPE_CHECKING:
    from actionplan.gui.changes import Changes
    from actionplan.gui.workspace import Workspace

NONE_ANSWERED = "This action answers no review recommendation."


class AnsweredView(QPlainTextEdit):
    """One paragraph per recommendation: the review, the words, where it stands."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self._workspace: Workspace | None = None
        self._action_id: int | None = None
        self.setPlainText(NONE_ANSWERED)

    def follow(self, workspace: Workspace) -> None:
        """Read through this workspace, again after every write."""
        self._workspace = workspace
        workspace.changed.connect(self._changed)

    def show_action(self, action_id: int | None) -> None:
        """Show the recommendations this action answers (None: of none)."""
        if action_id != self._action_id:
            self._action_id = action_id
            self.read()

    def read(self) -> None:
        """Read them again."""
        from actionplan.services.recommendations import recommendations_of_action

        workspace, action_id = self._workspace, self._action_id
        if workspace is None or action_id is None or not workspace.is_open:
            self.setPlainText(NONE_ANSWERED)
            return
        lines = recommendations_of_action(workspace.db, action_id, workspace.as_of)
        paragraphs = [
            f"{line.record.draft.review}: {line.record.draft.text}\n{line.state.words}"
            for line in lines
        ]
        self.setPlainText("\n\n".join(paragraphs) or NONE_ANSWERED)

    def _changed(self, changes: Changes) -> None:
        if changes:
            self.read()
