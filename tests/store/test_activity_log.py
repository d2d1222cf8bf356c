"""The activity log: every write path leaves who changed what, from what to what, and when
by the server's clock, on both engines alike; and nobody can change or delete an entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import (
    action_draft,
    add_outcome,
    delete_action,
    delete_outcome,
    edit_action,
    move_action,
    restore,
)
from actionplan.services.impact import add_measure, add_reading, remove_reading
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import record_progress, withdraw_update
from actionplan.services.views import ProgressEntry
from actionplan.store.activity import LoggedChange, logged_changes
from actionplan.store.activity_log import undoing
from actionplan.store.database import Database
from actionplan.store.server_time import utc_now
from tests.plan_helpers import plan_with_leads

AS_OF = date(2025, 12, 1)


def _plan(db: Database) -> tuple[int, dict[str, int]]:
    db.user = "Ana Novak"
    plan_id = save_plan_data(db, plan_with_leads())
    return plan_id, {row.ref: row.id for row in action_rows(db, plan_id, AS_OF)}


def _since(db: Database, first: int) -> list[LoggedChange]:
    """Entries written after the one with id ``first``, oldest first."""
    return sorted((c for c in logged_changes(db) if c.id > first), key=lambda c: c.id)


def _last_id(db: Database) -> int:
    return max((change.id for change in logged_changes(db)), default=0)


def _server_now(db: Database) -> datetime:
    with db.reading() as session:
        return session.connection().execute(select(utc_now())).scalar_one()


def test_an_edit_logs_each_field_changed_with_words_whole_by_whom_and_when(db: Database) -> None:
    """Editing 1.1's words and timescale leaves two entries, old and new words whole (a
    40,000-character text in Arabic and emoji too), by the Database's user, stamped by the
    server between the moments before and after; the unchanged fields say nothing."""
    plan_id, action = _plan(db)
    first, before = _last_id(db), _server_now(db)
    long_words = "تقييم المخاطر 🙂 =SUM(A1) <b>" * 1400
    draft = action_draft(db, action["1.1"])
    edit_action(db, action["1.1"], replace(draft, text=long_words, timescale="May 2026"))
    after = _server_now(db)
    entries = _since(db, first)
    assert {(e.field, e.old, e.new) for e in entries} == {
        ("text", draft.text, long_words),
        ("timescale_raw", "March 2026", "May 2026"),
    }
    for entry in entries:
        assert (entry.who, entry.kind, entry.what, entry.label) == (
            "Ana Novak", "changed", "action", "action 1.1"
        )  # fmt: skip
        assert (entry.plan_id, entry.action_id, entry.row_id) == (
            plan_id, action["1.1"], action["1.1"]
        )  # fmt: skip
        assert before <= entry.at <= after


def test_progress_recorded_logs_the_update_and_the_rag_and_status_it_set(db: Database) -> None:
    """A progress update on 1.2 leaves "progress recorded" with its words, and the action's
    RAG and status each changed; withdrawing it as an undo leaves "undone" entries."""
    _plan_id, action = _plan(db)
    first = _last_id(db)
    entry = ProgressEntry(action["1.2"], date(2025, 11, 2), Rag.BLUE, Status.COMPLETE, "Done")
    update_id = record_progress(db, entry)
    logged = [(e.kind, e.what, e.field, e.old, e.new, e.label) for e in _since(db, first)]
    assert sorted(logged) == sorted(
        [
            ("progress recorded", "progress_update", "text", "", "Done", "progress on action 1.2"),
            ("changed", "action", "rag", "green", "blue", "action 1.2"),
            ("changed", "action", "status", "in_progress", "complete", "action 1.2"),
        ]
    )
    middle = _last_id(db)
    with undoing():
        withdraw_update(db, update_id, Rag.GREEN, Status.IN_PROGRESS)
    assert {(e.kind, e.what, e.field, e.old, e.new) for e in _since(db, middle)} == {
        ("undone", "progress_update", "text", "Done", ""),
        ("undone", "action", "rag", "blue", "green"),
        ("undone", "action", "status", "complete", "in_progress"),
    }
    assert all(e.action_id == action["1.2"] for e in _since(db, first))


def test_a_delete_and_its_undo_each_name_the_action_and_its_words(db: Database) -> None:
    """Deleting 1.2 logs it deleted with its words (its updates go with it unnamed); the
    undo logs it put back as "undone"."""
    _plan_id, action = _plan(db)
    words = action_draft(db, action["1.2"]).text
    first = _last_id(db)
    removed = delete_action(db, action["1.2"])
    deleted = [(e.kind, e.what, e.row_id, e.old, e.new) for e in _since(db, first)]
    assert deleted == [("deleted", "action", action["1.2"], words, "")]
    middle = _last_id(db)
    with undoing():
        restore(db, removed)
    put_back = [(e.kind, e.what, e.row_id, e.old, e.new) for e in _since(db, middle)]
    assert put_back == [("undone", "action", action["1.2"], "", words)]


def test_an_undone_edit_is_logged_as_undone(db: Database) -> None:
    """Putting 1.3's old words back under undo logs the words going back, as "undone"."""
    _plan_id, action = _plan(db)
    old = action_draft(db, action["1.3"])
    edit_action(db, action["1.3"], replace(old, lead="Education"))
    first = _last_id(db)
    with undoing():
        edit_action(db, action["1.3"], replace(old, version=None))
    assert [(e.kind, e.field, e.old, e.new) for e in _since(db, first)] == [
        ("undone", "lead_raw", "Education", old.lead)
    ]


def test_a_core_update_of_a_versioned_row_is_logged_too(db: Database) -> None:
    """Deleting the outcome 1.1 sits under clears its link through the one Core update
    helper: the log says the action's outcome went from the outcome's words to blank."""
    _plan_id, action = _plan(db)
    priority_id = action_rows(db, _plan_id, AS_OF)[0].priority_id
    outcome_id = add_outcome(db, priority_id, "Fewer children go missing")
    draft = action_draft(db, action["1.1"])
    edit_action(db, action["1.1"], replace(draft, outcome_id=outcome_id))
    first = _last_id(db)
    delete_outcome(db, outcome_id)
    logged = {(e.kind, e.what, e.field, e.old, e.new) for e in _since(db, first)}
    assert logged == {
        ("deleted", "outcome", "title", "Fewer children go missing", ""),
        ("changed", "action", "outcome_id", "Fewer children go missing", ""),
    }


def test_bookkeeping_is_not_logged(db: Database) -> None:
    """Moving an action renumbers its neighbours and an unchanged save stamps its time: no
    one changed any words, so neither adds an entry."""
    _plan_id, action = _plan(db)
    first = _last_id(db)
    assert move_action(db, action["1.2"], -1)
    edit_action(db, action["1.3"], action_draft(db, action["1.3"]))
    assert _since(db, first) == []


def test_a_reading_added_and_removed_is_logged_under_its_measure(db: Database) -> None:
    """A reading added to a measure says "reading added" with its figure, on the measure's
    plan; removing it under undo says "undone"."""
    plan_id, _action = _plan(db)
    measure_id = add_measure(db, plan_id, "Return interviews", "%")
    first = _last_id(db)
    reading_id = add_reading(db, measure_id, "2024-25", 78.5)
    with undoing():
        remove_reading(db, reading_id)
    logged = [(e.kind, e.label, e.old, e.new, e.plan_id) for e in _since(db, first)]
    label = "2024-25 reading of measure Return interviews"
    assert logged == [
        ("reading added", label, "", "78.5", plan_id),
        ("undone", label, "78.5", "", plan_id),
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE activity SET new = 'forged', who = 'nobody'",
        "DELETE FROM activity",
    ],
)
def test_the_log_refuses_to_change_or_lose_an_entry_even_to_plain_sql(
    db: Database, statement: str
) -> None:
    """An UPDATE or DELETE of the log, typed as plain SQL past the app, is refused by the
    database itself, and every entry stays as written."""
    _plan(db)
    before = logged_changes(db)
    assert before
    with pytest.raises(DatabaseError, match="only ever added to"), db.engine.begin() as sql:
        sql.execute(text(statement))
    assert logged_changes(db) == before
