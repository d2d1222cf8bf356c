"""LeadEdits: the plan's leads edited in the window — the agency each belongs to and the
address an update round writes to — each saved undoably.

The dialog stays open until what was typed can be saved: a wrong address is said in one
sentence with its cell chosen, and nothing typed in the dialog is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from actionplan.gui import prompts
from actionplan.gui.changes import Kind, changed
from actionplan.gui.commands import ChangeCommand
from actionplan.gui.dialogs.leads_dialog import LeadsDialog, LeadTableModel
from actionplan.services.editing import plan_leads, set_agencies
from actionplan.services.errors import ServiceError
from actionplan.services.lead_emails import round_history, set_lead_emails, tidy_email

if TYPE_CHECKING:
    from actionplan.gui.workspace import Workspace
    from actionplan.services.workspace import Database

    # What saves one column of the dialog: the values by lead id in, those replaced out.
    Saver = Callable[[Database, dict[int, str]], dict[int, str]]


class LeadEdits:
    """Edit ▸ Leads and agencies… for one main window."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        """Saves to the workspace's plan; the dialog opens over ``parent``."""
        self.workspace, self.widget = workspace, parent
        self.dialog: LeadsDialog | None = None

    def open(self) -> None:
        """Show the plan's leads; Save keeps the agencies and addresses typed."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        db = self.workspace.db
        self.dialog = LeadsDialog(
            plan_leads(db, plan.id), self.widget, round_history(db, plan.id), self._save
        )
        self.dialog.open()

    def _save(self, model: LeadTableModel) -> bool:
        emails = model.changed_emails()
        for lead_id, email in emails.items():
            try:
                tidy_email(email)
            except ServiceError as exc:
                if self.dialog is not None:
                    self.dialog.choose(lead_id, LeadTableModel.EMAIL)
                prompts.warn(self.dialog or self.widget, "Leads", str(exc))
                return False
        return self._push("Agencies", set_agencies, model.changed()) and self._push(
            "Email addresses", set_lead_emails, emails
        )

    def _push(self, what: str, save: Saver, values: dict[int, str]) -> bool:
        if not values:
            return True
        db = self.workspace.db
        store = partial(save, db)
        before = prompts.attempt(self.dialog or self.widget, lambda: store(values), "Leads")
        if before is False:
            return False
        self.workspace.push(ChangeCommand(what, store, before, values, changed(Kind.LEADS)))
        return True
