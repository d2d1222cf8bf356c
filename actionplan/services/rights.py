"""What the connected person may do, so the window greys out the rest and says why.

A database file is one person's: every right. On a team's server the rights come from the
login's team role (manager, lead, reader), as the server itself enforces them; this only
saves the user from trying what would be refused. A server with no team set up is one
person's too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

# Only the names of the roles here: the window holds its commands to EVERY_RIGHT before the
# database layer has loaded, so the store's query modules load when rights are read.
from actionplan.store.team_rights import LEAD, MANAGER, READER

if TYPE_CHECKING:
    from actionplan.store.database import Database

__all__ = ["EVERY_RIGHT", "LEAD", "MANAGER", "READER", "Rights", "rights_of"]


@dataclass(frozen=True)
class Rights:
    """What one person may do to the plans of the database they have open."""

    edit_plan: bool  # add, change and delete priorities, actions, measures; plan settings
    import_plans: bool  # import workbooks, load samples, merge returns
    record_any: bool  # record progress on every action
    my_leads: frozenset[str]  # a lead's own names: progress on the actions these lead
    login: str = ""
    role: str = ""  # "manager", "lead", "reader"; blank for a one-person database
    owner_warning: str = ""  # said once when a team database is opened by its owner

    def may_record_on(self, leads: Iterable[str]) -> bool:
        """True when the person may record progress on an action led by these names."""
        mine = {name.casefold() for name in self.my_leads}
        return self.record_any or any(lead.casefold() in mine for lead in leads)

    @property
    def why_not_edit(self) -> str:
        """Why the plan's own words cannot be changed by this person (blank when they can)."""
        if self.edit_plan:
            return ""
        if self.role == LEAD:
            return (
                f"Your login ({self.login}) is a lead's: you record progress on the actions "
                "you lead, and the business manager changes the plan itself."
            )
        return f"Your login ({self.login}) can read and print the plan, not change it."

    @property
    def why_not_read_log(self) -> str:
        """Why the activity log cannot be read by this person (blank when it can): the
        business manager and the board read it; a lead's saves only add to it."""
        if self.role != LEAD:
            return ""
        return (
            "The activity log is read by the business manager and the board; ask them "
            "for an action's history."
        )

    @property
    def why_not_record(self) -> str:
        """Why progress cannot be recorded on an action this person does not lead."""
        if self.record_any:
            return ""
        if self.role == LEAD:
            named = " or ".join(sorted(self.my_leads)) or "nobody yet"
            return f"You can record progress only on actions you lead (as {named})."
        return self.why_not_edit


EVERY_RIGHT = Rights(edit_plan=True, import_plans=True, record_any=True, my_leads=frozenset())


def rights_of(db: Database) -> Rights:
    """The connected person's rights, read from the server (a file: every right)."""
    from actionplan.store import team_roles

    standing = team_roles.standing(db)
    if not standing.team:
        return EVERY_RIGHT
    if standing.owner:
        return _owners(standing.login)
    if standing.role == MANAGER:
        return Rights(True, True, True, frozenset(), standing.login, MANAGER)
    if standing.role == LEAD:
        return Rights(False, False, False, standing.lead_names, standing.login, LEAD)
    return Rights(False, False, False, frozenset(), standing.login, READER)


def _owners(login: str) -> Rights:
    warning = (
        f"You are connected as {login}, who owns this team database and can change or "
        "remove anything in it, its rules too; for daily work, connect with your own "
        "login (made with 'actionplan team add-user')."
    )
    return Rights(True, True, True, frozenset(), login, MANAGER, warning)
