"""Creating and editing a plan's priorities, outcomes, actions and leads; each edit commits."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from actionplan.domain.refs import next_ref
from actionplan.services.conflicts import EditConflict, keeping_draft
from actionplan.services.errors import ServiceError
from actionplan.services.row_sentences import in_sentences
from actionplan.services.views import ActionDraft, LeadView, PriorityHeading
from actionplan.store import deletes, leads, plan_edits
from actionplan.store.database import Database
from actionplan.store.removal import Removed

__all__ = [
    "ActionDraft",
    "EditConflict",
    "PriorityHeading",
    "Removed",
    "action_draft",
    "add_action",
    "add_outcome",
    "add_priority",
    "delete_action",
    "delete_outcome",
    "delete_priority",
    "edit_action",
    "edit_priority",
    "move_action",
    "next_ref",
    "plan_leads",
    "priority_heading",
    "restore",
    "set_agencies",
    "set_lead_agency",
]

# Where an edit names a priority or outcome that belongs elsewhere.
_MISPLACED = {
    "priority": "That priority is not part of this action's plan.",
    "outcome": "That outcome belongs to a different priority.",
}


def add_priority(
    db: Database, plan_id: int, title: str, aim: str = "", champion: str = "", number: str = ""
) -> int:
    """Add a priority at the end of the plan; returns its id."""
    if not title.strip():
        raise ServiceError("A priority needs a title.")
    heading = PriorityHeading(title.strip(), champion.strip(), aim)
    with in_sentences():
        return plan_edits.add_priority(db, plan_id, heading, number)


def priority_heading(db: Database, priority_id: int) -> PriorityHeading:
    """A priority's title, executive champion and aim as they stand."""
    with in_sentences():
        return plan_edits.priority_heading(db, priority_id)


def edit_priority(db: Database, priority_id: int, heading: PriorityHeading) -> None:
    """Change a priority's title, executive champion and aim.

    A heading read at another version than the stored one (a colleague saved first) raises
    EditConflict with their heading beside this one; nothing is saved.
    """
    if not heading.title.strip():
        raise ServiceError("A priority needs a title.")
    tidy = replace(heading, title=heading.title.strip(), champion=heading.champion.strip())
    now = partial(plan_edits.priority_heading, db, priority_id)
    with in_sentences(), keeping_draft(_priority_named, heading, now):
        plan_edits.edit_priority(db, priority_id, tidy)


def add_outcome(db: Database, priority_id: int, title: str) -> int:
    """Add an outcome under a priority; returns its id."""
    if not title.strip():
        raise ServiceError("An outcome needs a title saying what will be different.")
    with in_sentences():
        return plan_edits.add_outcome(db, priority_id, title.strip())


def add_action(db: Database, priority_id: int, draft: ActionDraft) -> int:
    """Add an action under a priority, with its leads; returns its id."""
    _require_words(draft)
    with in_sentences(_MISPLACED):
        return plan_edits.add_action(db, priority_id, draft)


def move_action(db: Database, action_id: int, step: int) -> bool:
    """Move an action up (step -1) or down (+1) among its priority's actions; False when it
    is already first or last. Positions are renumbered 0, 1, 2… in the order shown."""
    with in_sentences():
        return plan_edits.move_action(db, action_id, step)


def edit_action(db: Database, action_id: int, draft: ActionDraft) -> None:
    """Change an action's words, timescale and leads; RAG and status change through progress.

    A draft made from another version than the stored one (a colleague saved first) raises
    EditConflict with their words beside the draft; nothing is saved. A draft without a
    version (the user's own undo and redo) is saved over the action as it stands.
    """
    _require_words(draft)
    now = partial(plan_edits.action_draft, db, action_id)
    with in_sentences(_MISPLACED), keeping_draft(_action_named, draft, now):
        plan_edits.edit_action(db, action_id, draft)


def action_draft(db: Database, action_id: int) -> ActionDraft:
    """An action's editable words as they are now (for an edit form, or to undo an edit)."""
    with in_sentences():
        return plan_edits.action_draft(db, action_id)


def _action_named(draft: ActionDraft) -> str:
    return f"Action {draft.ref}" if draft.ref else "The action"


def _priority_named(heading: PriorityHeading) -> str:
    return f"The priority “{heading.title}”"


def _require_words(draft: ActionDraft) -> None:
    if not draft.text.strip():
        raise ServiceError("An action needs some words saying what will be done.")


def delete_action(db: Database, action_id: int) -> Removed:
    """Delete an action with its leads' links, updates and measures; ``restore`` undoes it."""
    return delete_row(db, "action", action_id)


def delete_outcome(db: Database, outcome_id: int) -> Removed:
    """Delete an outcome (its actions stay under the priority); ``restore`` undoes it."""
    return delete_row(db, "outcome", outcome_id)


def delete_priority(db: Database, priority_id: int) -> Removed:
    """Delete a priority with its outcomes, actions, measures and narratives."""
    return delete_row(db, "priority", priority_id)


def delete_row(db: Database, table: str, row_id: int) -> Removed:
    """Delete one row of ``table`` ("action", "measure"…) and every row that belongs to it,
    in one transaction; ``restore`` puts them all back."""
    with in_sentences():
        return deletes.delete_row(db, table, row_id, table)


def restore(db: Database, removed: Removed) -> None:
    """Put back exactly what a delete took out, with the same ids."""
    deletes.restore(db, removed)


def plan_leads(db: Database, plan_id: int) -> list[LeadView]:
    """The plan's leads by name, with their agencies and how many actions each leads."""
    return sorted(leads.plan_leads(db, plan_id), key=lambda lead: lead.name.casefold())


def set_agencies(db: Database, agencies: dict[int, str]) -> dict[int, str]:
    """Record the agency of each lead given (by id) in one go; returns the agencies replaced."""
    tidy = {lead_id: agency.strip() for lead_id, agency in agencies.items()}
    with in_sentences():
        return leads.set_agencies(db, tidy)


def set_lead_agency(db: Database, lead_id: int, agency: str) -> None:
    """Record the agency a lead belongs to."""
    set_agencies(db, {lead_id: agency})
