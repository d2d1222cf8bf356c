"""Each action's revision counts changes written to it, so a return can tell it was overtaken."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlmodel import select

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action, move_action
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import ProgressEntry, record_progress, withdraw_update
from actionplan.store.database import Database
from actionplan.store.tables import Action
from tests.plan_helpers import plan_with_leads


def revisions(db: Database) -> dict[str, int]:
    """Each action's revision by its ref."""
    with db.reading() as session:
        return {action.ref: action.revision for action in session.exec(select(Action))}


def test_edits_progress_and_undo_count_but_a_reorder_or_an_unchanged_save_does_not(
    db: Database,
) -> None:
    """New actions start at 0; an edit, a progress update and taking it back each count one;
    moving 1.2 above 1.1 and saving 1.3 as it was change nothing a lead was asked about."""
    plan_id = save_plan_data(db, plan_with_leads())
    action = {row.ref: row.id for row in action_rows(db, plan_id, date(2025, 12, 1))}
    assert revisions(db) == {"1.1": 0, "1.2": 0, "1.3": 0}
    edit_action(db, action["1.1"], replace(action_draft(db, action["1.1"]), timescale="May 2026"))
    entry = ProgressEntry(action["1.2"], date(2025, 11, 2), Rag.GREEN, Status.IN_PROGRESS, "Booked")
    update_id = record_progress(db, entry)
    assert revisions(db) == {"1.1": 1, "1.2": 1, "1.3": 0}
    withdraw_update(db, update_id, Rag.GREEN, Status.IN_PROGRESS)
    assert move_action(db, action["1.2"], -1)
    edit_action(db, action["1.3"], action_draft(db, action["1.3"]))
    assert revisions(db) == {"1.1": 1, "1.2": 2, "1.3": 0}
