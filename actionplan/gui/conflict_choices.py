"""What the window does when a save meets a colleague's newer change: it asks, never guesses.

Every form that saves a versioned row (the action detail panel, the priority, measure and
narrative dialogs, plan settings) hands its EditConflict here with three answers of its own:
how to save a draft, how to show the colleague's words, and how to go back to the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from actionplan.gui import prompts
from actionplan.gui.conflict_fields import clashes, colleague_changed_nothing_shown
from actionplan.gui.dialogs.conflict_dialog import ConflictDialog
from actionplan.services.conflicts import EditConflict, mine_on_top
from actionplan.services.errors import USER_ERRORS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from actionplan.gui.changes import Changes
    from actionplan.gui.workspace import Workspace
    from actionplan.services.views import PriorityNode

ON_CLIPBOARD = "Their words are kept; yours are on the clipboard (Ctrl+V pastes them)."
STILL_TYPED = "Nothing was saved; your words are still in the form."


def needs_choice(conflict: EditConflict, started: Any | None) -> bool:
    """True when the user must choose: the colleague changed a field the form shows and the
    two differ there. Otherwise the user's words can go on top of theirs, losing nothing."""
    if colleague_changed_nothing_shown(conflict.theirs, started):
        return False
    return bool(clashes(conflict.yours, conflict.theirs, started))


def offer_choices(
    workspace: Workspace,
    parent: QWidget,
    conflict: EditConflict,
    started: Any | None,
    *,
    save: Callable[[Any], object],
    keep_theirs: Callable[[], object],
    back_to_form: Callable[[], object] = lambda: None,
    names: dict[str, dict[Any, str]] | None = None,
) -> ConflictDialog | None:
    """Show the user's draft beside the colleague's save and act on the answer.

    ``started``: what the form was filled with (None when not known). ``save`` saves a
    draft (the user's laid over theirs); ``keep_theirs`` shows the colleague's words in place
    of the user's; ``back_to_form`` returns to the form with the user's words (Escape).
    When the colleague changed no field the form shows (they recorded progress, say), the
    user's words are saved on top at once and no dialog is shown (None is returned).
    """
    if not needs_choice(conflict, started):
        save(mine_on_top(conflict.yours, conflict.theirs, started))
        return None
    found = clashes(conflict.yours, conflict.theirs, started, names)
    dialog = ConflictDialog(conflict, found, names, parent)

    def kept() -> None:
        keep_theirs()
        workspace.tell(ON_CLIPBOARD, 10000)

    def back() -> None:
        back_to_form()
        workspace.tell(STILL_TYPED, 6000)

    dialog.theirs_kept.connect(kept)
    dialog.mine_applied.connect(lambda: save(mine_on_top(conflict.yours, conflict.theirs, started)))
    dialog.rejected.connect(back)
    dialog.open()
    return dialog


class ConflictSaver:
    """Saves a form's words through a service; a colleague's newer save offers the choices."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        """Choices are offered over ``parent`` and told in the workspace's status bar."""
        self.workspace, self.parent = workspace, parent
        self.dialog: ConflictDialog | None = None  # the latest offered, for a test to drive

    def save(
        self,
        save: Callable[[Any], object],
        started: Any | None,
        new: Any,
        title: str,
        *,
        again: Callable[[Any, Any], object],
        shows: Changes,
        keep_theirs: Callable[[], object] = lambda: None,
        back_to_form: Callable[[], object] = lambda: None,
        names: dict[str, dict[Any, str]] | None = None,
    ) -> bool:
        """Save ``new`` (words made from ``started``) through ``save``; False when not saved.

        A refusal other than a conflict is told in a message titled ``title``. A colleague's
        newer save offers the choices: the user's words laid over theirs are saved by
        ``again(theirs, merged)``; keeping theirs calls ``keep_theirs`` and announces
        ``shows`` so the views show their words; ``back_to_form`` as for offer_choices.
        """
        try:
            save(new)
        except EditConflict as conflict:
            theirs = conflict.theirs

            def kept() -> None:
                keep_theirs()
                self.workspace.announce(shows)

            self.dialog = offer_choices(
                self.workspace,
                self.parent,
                conflict,
                started,
                save=lambda merged: again(theirs, merged),
                keep_theirs=kept,
                back_to_form=back_to_form,
                names=names,
            )
            return False
        except USER_ERRORS as exc:
            prompts.warn(self.parent, title, str(exc))
            return False
        return True


def reopen(form: QDialog | None) -> None:
    """Show again a form that Save closed: it still holds every word typed."""
    if form is not None:
        form.open()


def outline_names(outline: list[PriorityNode]) -> dict[str, dict[Any, str]]:
    """Priorities and outcomes by id, worded as the forms show them."""
    priorities = {node.id: f"{node.number}. {node.title}" for node in outline}
    outcomes = {outcome.id: outcome.title for node in outline for outcome in node.outcomes}
    return {"priority_id": priorities, "outcome_id": outcomes}
