"""Workspace: what the window works on — the database, the as-at day, the plans and the one on
screen, the undo history — and the one signal, ``changed``, sent after every write.

Menus, dialogs and pages take the workspace rather than the window: they write through it
and read it, and the views refresh themselves from ``changed``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from actionplan.gui.changes import Changes, Kind, changed
from actionplan.gui.plan_undo_stack import PlanUndoStack
from actionplan.services.workspace import open_database, resolve_target, shown_target

if TYPE_CHECKING:
    from concurrent.futures import Future

    from PySide6.QtGui import QUndoCommand

    from actionplan.gui.settings import Settings
    from actionplan.services.views import PlanInfo
    from actionplan.services.workspace import Database


class TypedWords(Protocol):
    """Words typed in the window and not yet saved (the detail panel's)."""

    def save(self) -> bool:
        """Save them where the user is; False when they could not be (the user was told)."""

    def leave(self, show_later: bool = True, *, quietly: bool = False) -> bool:
        """Save them as the user moves away; False when they could not be."""


class Workspace(QObject):
    """The window's state, written only through here, and its one change signal."""

    changed = Signal(object)  # Changes, after every write
    told = Signal(str, int)  # a sentence for the status bar, and for how many milliseconds

    def __init__(
        self,
        settings: Settings,
        db: Database | None = None,
        target: str | None = None,
        parent: Any = None,
    ) -> None:
        """A workspace on an open database, or on a target it opens when first needed."""
        super().__init__(parent)
        self.settings = settings
        self._db = db
        self._opening: Future[Database] | None = None
        self.target = db.target if db is not None else resolve_target(target)
        self.as_of = date.today()
        self.plans: list[PlanInfo] = []
        self.current_plan: PlanInfo | None = None  # chosen in the plan box
        self.shown_plan: PlanInfo | None = None  # whose actions are on screen
        self.typed: TypedWords | None = None
        self.undo_stack = PlanUndoStack(self, self)

    @property
    def shown(self) -> str:
        """Where the data lives, as the window shows it (a server's password masked)."""
        return shown_target(self.target)

    @property
    def db(self) -> Database:
        """The open database (opened on first use, or waited for if opening already)."""
        if self._db is None:
            opening = self._opening
            self._db = opening.result() if opening else open_database(self.target)
        return self._db

    @property
    def is_open(self) -> bool:
        """True once the database has been opened."""
        return self._db is not None

    def opening(self, future: Future[Database]) -> None:
        """The database is being opened on a worker: ``db`` waits for it."""
        self._opening = future

    @property
    def is_opening(self) -> bool:
        """True while the database is being opened on a worker."""
        return self._opening is not None and self._db is None

    def close(self) -> None:
        """Close the database, if it was opened."""
        if self._db is not None:
            self._db.close()

    def announce(self, changes: Changes) -> None:
        """Tell every view what a write changed (nothing is said for no change)."""
        if changes:
            self.changed.emit(changes)

    def tell(self, words: str, milliseconds: int = 4000) -> None:
        """Say a sentence in the status bar."""
        self.told.emit(words, milliseconds)

    def push(self, command: QUndoCommand) -> None:
        """Keep a write on the undo history (the history announces what it changed)."""
        self.undo_stack.push(command)

    def save_typed(self) -> bool:
        """Save words typed and not yet saved; False when they could not be."""
        return self.typed.save() if self.typed is not None else True

    def leave_typed(self) -> bool:
        """Save typed words before the window moves away from them for good."""
        return self.typed.leave(show_later=False) if self.typed is not None else True

    def set_plans(self, plans: list[PlanInfo]) -> None:
        """The plans the database now holds (as read for the plan box)."""
        self.plans = plans

    def choose_plan(self, plan: PlanInfo | None) -> None:
        """Put another plan on screen."""
        self.current_plan = plan
        self.announce(changed(Kind.PLAN_SHOWN, plan_id=plan.id if plan else None))

    def go_to_plan(self, plan_id: int) -> None:
        """Put the plan with this id on screen, whole, if it is in the list."""
        plan = next((plan for plan in self.plans if plan.id == plan_id), None)
        current = self.current_plan
        if plan is not None and (current is None or current.id != plan_id):
            self.choose_plan(plan)

    def use_database(self, db: Database) -> None:
        """Close this database and work on the one given (after saving what was typed)."""
        if not self.leave_typed():
            db.close()
            return
        self.close()
        self.shown_plan = None
        self._db, self._opening = db, None
        self.target = db.target
        self.undo_stack.clear()
        self.announce(changed(Kind.DATABASE))

    def set_as_of(self, day: date) -> None:
        """See the plan as at another day."""
        self.as_of = day
        self.announce(changed(Kind.AS_OF))
