"""ClosedPlanBar: the quiet bar over a closed plan ("This plan is closed … — Reopen"), and
the watch that shows it and greys the editing commands while the plan on screen is closed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

if TYPE_CHECKING:
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace


class ClosedPlanBar(QFrame):
    """A one-line bar saying the plan is closed and why, with a Reopen button."""

    reopen_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("closed-plan-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # One quiet line over the plan: it never takes the table's height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.words = QLabel()
        self.words.setTextFormat(Qt.TextFormat.PlainText)  # a plan's title is shown as typed
        self.words.setWordWrap(True)
        self.reopen_button = QPushButton("Reopen")
        self.reopen_button.setToolTip("Open this plan to edits again (you can undo it)")
        self.reopen_button.clicked.connect(self.reopen_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.reopen_button)
        self.hide()

    def show_closed(self, sentence: str | None) -> None:
        """Show the bar with this sentence; hide it for None (the plan is open)."""
        self.words.setText(f"{sentence} Editing is turned off." if sentence else "")
        self.setVisible(sentence is not None)


class ClosedPlanWatch:
    """Keeps the bar and the editing commands in step with the plan on screen."""

    def __init__(
        self,
        workspace: Workspace,
        view: PlanView,
        editing: Callable[[], Iterable[QAction]],
        reopen: Callable[[], object],
    ) -> None:
        """``editing`` gives the commands to grey on a closed plan; ``reopen`` reopens it."""
        self.workspace, self.view, self.editing = workspace, view, editing
        self.bar = ClosedPlanBar()
        self.bar.reopen_requested.connect(lambda: reopen())
        layout = view.layout()
        assert layout is not None
        layout.insertWidget(0, self.bar)  # type: ignore[attr-defined]
        self.closed = False

    def update(self) -> None:
        """Read whether the plan on screen is closed, and show it."""
        from actionplan.services.next_plan import closed_sentence, plan_closure

        plan = self.workspace.shown_plan
        found = None
        if plan is not None and self.workspace.is_open:
            found = plan_closure(self.workspace.db, plan.id)
        self.closed = found is not None
        self.bar.show_closed(closed_sentence(found) if found is not None else None)
        for command in self.editing():
            command.setEnabled(not self.closed)
        self.view.detail.set_read_only(self.closed)
        page = self.view.measures
        page.new_button.setEnabled(not self.closed)
        chosen = page.selected is not None
        for button in (page.add_button, page.edit_button, page.delete_button):
            button.setEnabled(chosen and not self.closed)
