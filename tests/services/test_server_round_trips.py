"""A team's server is asked as few times as the work needs: every question is a round trip
over the network, felt at each start and each save. Counted from the driver's own record of
what it sent (each request answered by the server's "ready"), so nothing is missed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.live_changes import latest_revision
from actionplan.services.plans import PlanInfo, chosen_plan
from actionplan.services.progress import history, record_progress
from actionplan.services.rights import rights_of
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.round_trips import round_trips

AS_OF = date(2025, 3, 31)


def _progress(action_id: int, words: str) -> ProgressEntry:
    return ProgressEntry(action_id, date(2025, 3, 1), Rag.GREEN, Status.IN_PROGRESS, words)


@pytest.mark.server_only
def test_opening_a_plan_on_the_server_asks_it_at_most_fifteen_times(
    db: Database, factory: PlanFactory
) -> None:
    """Start: connect and check the schema (7: the driver's own questions, the schema's
    revision), read the person's rights (1), the plans (1) and the first view (5)."""
    priority = factory.priority("Neglect")
    for number in range(30):
        factory.action(priority, f"Audit the front door, part {number}", lead="Ana Novak")
    with round_trips() as counted:
        started = Database.open(db.target)
        try:
            rights_of(started)
            rows = action_rows(started, chosen_plan(started, None).id, AS_OF)
            asked = counted.count()
        finally:
            started.close()
    assert len(rows) == 30 and rows[0].leads == ("Ana Novak",)
    assert asked <= 15, f"opening a plan took {asked} round trips"


@pytest.mark.server_only
def test_a_save_asks_the_server_at_most_eight_times(db: Database, factory: PlanFactory) -> None:
    """Progress and an edit of an action's words: BEGIN, the action locked, the closed-plan
    check, the row written (and the update added), the activity log, this save's revisions,
    COMMIT. No question before it, none to fetch an id nobody needs."""
    action_id = factory.action(factory.priority("Neglect"), "Audit the front door", lead="Ana")
    saver = Database.open(db.target, user="Sam Patel")
    try:
        with round_trips() as counted:
            record_progress(saver, _progress(action_id, "First visit made"))  # connects
            before = counted.count()
            record_progress(saver, _progress(action_id, "Second visit made"))
            progress = counted.count() - before
            draft = action_draft(saver, action_id)
            before = counted.count()
            edit_action(saver, action_id, replace(draft, text="Audit the front door twice"))
            words = counted.count() - before
    finally:
        saver.close()
    assert [update.text for update in history(db, action_id)][:2] == [
        "Second visit made",
        "First visit made",
    ]
    assert action_draft(db, action_id).text == "Audit the front door twice"
    assert progress <= 8, f"a progress save took {progress} round trips"
    assert words <= 8, f"a words save took {words} round trips"


def test_changing_only_an_actions_words_is_one_change_of_the_plan(
    db: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """Its leads, unchanged, are left linked as they were: colleagues' windows hear of one
    change, not three; a change of lead still moves the action to the new lead."""
    action_id = factory.action(factory.priority("Neglect"), "Audit the front door", lead="Ana")
    before = latest_revision(db, plan.id) or 0
    edit_action(db, action_id, replace(action_draft(db, action_id), text="Audit it twice"))
    assert latest_revision(db, plan.id) == before + 1
    edit_action(db, action_id, replace(action_draft(db, action_id), lead="Ben Okafor"))
    (row,) = action_rows(db, plan.id, AS_OF)
    assert (row.text, row.leads) == ("Audit it twice", ("Ben Okafor",))


@pytest.mark.server_only
def test_a_connection_the_server_ended_is_replaced_before_the_next_read_and_save(
    db: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """An administrator ends the app's idle connection (as a server restart does): the next
    read and save work without a word, on a new connection."""
    action_id = factory.action(factory.priority("Neglect"), "Audit the front door")
    other = Database.open(db.target)
    try:
        with other.writing() as session:
            ended = session.connection().exec_driver_sql(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert ended.scalar() >= 1  # the app's idle connection, at least
    finally:
        other.close()
    assert [row.text for row in action_rows(db, plan.id, AS_OF)] == ["Audit the front door"]
    record_progress(db, _progress(action_id, "Visit made after the connection dropped"))
    assert history(db, action_id)[0].text == "Visit made after the connection dropped"
