"""No lost update: every UPDATE of a versioned row checks and bumps its version, and
progress updates, being only ever added, all land however many are recorded at once."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, update

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import (
    ActionDraft,
    PriorityHeading,
    action_draft,
    add_outcome,
    delete_outcome,
    edit_action,
    edit_priority,
    move_action,
    priority_heading,
    restore,
)
from actionplan.services.impact import add_measure, edit_measure, measure_heading, set_narrative
from actionplan.services.plans import rename_plan
from actionplan.services.progress import history, record_progress, withdraw_update
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from actionplan.store.tables import VERSIONED_TABLES
from actionplan.store.versions import Conflict, update_row
from tests.conftest import PlanFactory

_UPDATE = re.compile(r"^\s*UPDATE\s+\"?(\w+)\"?\s+SET\s+(.*?)\s+WHERE\s+(.*)$", re.S | re.I)


def unchecked_updates(statements: list[str]) -> list[str]:
    """The UPDATEs of a versioned table that neither check the version nor set a new one."""
    wrong = []
    for statement in statements:
        found = _UPDATE.match(statement)
        if found is None or found[1] not in VERSIONED_TABLES:
            continue
        sets, where = found[2], found[3]
        if not (re.search(r"\bversion\s*=", sets) and re.search(r"\bversion\s*=", where)):
            wrong.append(statement)
    return wrong


@contextmanager
def sql_sent(db: Database) -> Iterator[list[str]]:
    """Every SQL statement the database is sent while the block runs."""
    sent: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def _progress(action_id: int, text: str, rag: Rag = Rag.AMBER) -> ProgressEntry:
    return ProgressEntry(
        action_id, date(2025, 6, 30), rag, Status.IN_PROGRESS, text, "Jo", reason="As seen"
    )


def test_every_update_of_a_versioned_row_checks_and_bumps_its_version(
    db: Database, factory: PlanFactory
) -> None:
    """Edits of a plan, priority, outcome's actions, action, measure and narrative, moves,
    progress and its withdrawal, a delete and its undo: each UPDATE of a versioned table
    says the version it was made from and sets the next one."""
    priority = factory.priority("Neglect")
    outcome = add_outcome(db, priority, "Children are seen sooner")
    first = factory.action(priority, "Launch the toolkit", outcome_id=outcome)
    factory.action(priority, "Train the GPs")
    measure = add_measure(db, factory.plan.id, "Referrals", priority_id=priority)
    set_narrative(db, priority, "2025-26", done="Toolkit drafted")
    with sql_sent(db) as sent:
        rename_plan(db, factory.plan.id, "Northbridge plan, revised")
        edit_priority(db, priority, PriorityHeading("Neglect and abuse"))
        edit_action(db, first, ActionDraft("Launch the toolkit in schools", outcome_id=outcome))
        move_action(db, first, 1)
        update_id = record_progress(db, _progress(first, "Launched"))
        withdraw_update(db, update_id, Rag.UNRATED, Status.NOT_STARTED)
        edit_measure(db, measure, replace(measure_heading(db, measure), unit="children"))
        set_narrative(db, priority, "2025-26", done="Toolkit launched")
        restore(db, delete_outcome(db, outcome))
    updates = [s for s in sent if s.lstrip().upper().startswith("UPDATE")]
    touched = {found[1] for found in map(_UPDATE.match, updates) if found}
    assert {"plan", "priority", "action", "measure", "narrative"} <= touched
    assert unchecked_updates(sent) == []


def test_the_check_catches_an_update_without_the_version(
    db: Database, factory: PlanFactory
) -> None:
    """A plain UPDATE of an action, as a careless writer would send it, is caught; the
    one helper for Core writes is not."""
    from actionplan.store.tables import Action

    action_id = factory.action(factory.priority(), "Run a joint audit")
    table = Action.__table__  # type: ignore[attr-defined]
    with sql_sent(db) as sent, db.writing() as session:
        session.connection().execute(update(table).where(table.c.id == action_id).values(ref="9"))
    assert len(unchecked_updates(sent)) == 1
    with sql_sent(db) as sent, db.writing() as session:
        update_row(session.connection(), table, action_id, 1, {"ref": "10"}, "Jo")
    assert unchecked_updates(sent) == []
    assert action_draft(db, action_id).version == 2


def test_a_core_update_from_a_stale_version_is_a_conflict_and_changes_nothing(
    db: Database, factory: PlanFactory
) -> None:
    """The helper for Core writes refuses a row that moved on, and names who moved it."""
    from actionplan.store.tables import Action

    action_id = factory.action(factory.priority(), "Run a joint audit")
    edit_action(db, action_id, ActionDraft("Run a joint audit with police"))
    table = Action.__table__  # type: ignore[attr-defined]
    with pytest.raises(Conflict) as raised, db.writing() as session:
        update_row(session.connection(), table, action_id, 1, {"text": "Mine"}, "Jo")
    assert (raised.value.seen, raised.value.version) == (1, 2)
    assert raised.value.changed_by == db.user
    assert raised.value.theirs["text"] == "Run a joint audit with police"
    assert action_draft(db, action_id).text == "Run a joint audit with police"


def test_two_sessions_recording_progress_at_once_both_land(
    db: Database, factory: PlanFactory
) -> None:
    """Two leads, each with their own handle on one file, record progress on one action at
    the same time, many times over: every update is kept."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    handles = [Database.open(db.target, user=name) for name in ("Jo", "Sam")]
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def record(handle: Database, who: str) -> None:
        try:
            start.wait()
            for number in range(10):
                record_progress(handle, _progress(action_id, f"{who} {number}"))
        except BaseException as exc:  # reported below, in the test's own thread
            failures.append(exc)

    workers = [threading.Thread(target=record, args=(handle, handle.user)) for handle in handles]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for handle in handles:
        handle.close()
    assert failures == []
    texts = {update.text for update in history(db, action_id)}
    assert texts == {f"{who} {number}" for who in ("Jo", "Sam") for number in range(10)}


def test_two_sessions_interleaved_both_keep_their_progress(
    db: Database, factory: PlanFactory
) -> None:
    """Both sessions read the action, then each records an update: both persist, and the
    action's version moved on once for each."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    jo, sam = (Database.open(db.target, user=name) for name in ("Jo", "Sam"))
    try:
        seen = [action_draft(handle, action_id).version for handle in (jo, sam)]
        record_progress(jo, _progress(action_id, "Jo's news"))
        record_progress(sam, _progress(action_id, "Sam's news", Rag.GREEN))
    finally:
        jo.close()
        sam.close()
    assert seen == [1, 1]
    assert sorted(update.text for update in history(db, action_id)) == ["Jo's news", "Sam's news"]
    assert action_draft(db, action_id).version == 3


def test_a_priority_heading_from_before_a_colleagues_save_is_refused(
    db: Database, factory: PlanFactory
) -> None:
    """The priority read at version 1, saved by a colleague, then saved here: refused."""
    from actionplan.services.conflicts import EditConflict

    priority = factory.priority("Neglect")
    mine = priority_heading(db, priority)
    edit_priority(db, priority, PriorityHeading("Neglect and abuse", version=mine.version))
    with pytest.raises(EditConflict):
        edit_priority(db, priority, PriorityHeading("Neglect (all forms)", version=mine.version))
    assert priority_heading(db, priority).title == "Neglect and abuse"
