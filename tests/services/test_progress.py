"""Recording progress: update, RAG and status together; a reason when the RAG disagrees."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.errors import ReasonNeeded, ServiceError
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.store.database import Database
from actionplan.store.tables import Action, ProgressUpdate
from tests.conftest import PlanFactory


def _action(factory: PlanFactory, timescale: str = "31/12/2025") -> int:
    priority = factory.priority("Domestic Abuse")
    return factory.action(priority, "Roll out Operation Encompass", timescale=timescale)


def test_update_sets_the_actions_rag_and_status(db: Database, factory: PlanFactory) -> None:
    """After recording, the action shows the new RAG, status and latest update."""
    action_id = _action(factory)
    entry = ProgressEntry(
        action_id, date(2025, 6, 1), Rag.GREEN, Status.IN_PROGRESS, "32 schools signed up", "Amira"
    )
    record_progress(db, entry)
    row = action_rows(db, factory.plan.id, date(2025, 6, 2))[0]
    assert (row.rag, row.status) == (Rag.GREEN, Status.IN_PROGRESS)
    assert (row.latest_update, row.latest_update_date) == ("32 schools signed up", date(2025, 6, 1))
    assert row.latest_update_author == "Amira"


def test_history_is_kept_newest_first_with_who_and_when(db: Database, factory: PlanFactory) -> None:
    """Every RAG change is kept, with its author and date, never overwritten."""
    action_id = _action(factory)
    for day, rag, author in [(1, Rag.GREEN, "Amira"), (20, Rag.AMBER, "Tomasz")]:
        status = Status.IN_PROGRESS if rag is Rag.GREEN else Status.DELAYED
        record_progress(
            db, ProgressEntry(action_id, date(2025, 6, day), rag, status, f"day {day}", author)
        )
    updates = history(db, action_id)
    assert [(u.update_date.day, u.rag, u.author) for u in updates] == [
        (20, Rag.AMBER, "Tomasz"),
        (1, Rag.GREEN, "Amira"),
    ]
    assert updates[0].suggested_rag is Rag.AMBER


def test_disagreeing_rag_needs_a_reason_and_writes_nothing_without_one(
    db: Database, factory: PlanFactory
) -> None:
    """Green on an overdue action asks why; until answered, nothing is saved."""
    action_id = _action(factory, timescale="January 2025")
    entry = ProgressEntry(action_id, date(2025, 3, 1), Rag.GREEN, Status.IN_PROGRESS, "fine")
    with pytest.raises(ReasonNeeded) as raised:
        record_progress(db, entry)
    assert raised.value.suggested is Rag.RED
    assert "reason" in str(raised.value)
    assert history(db, action_id) == []
    with_reason = ProgressEntry(
        action_id, date(2025, 3, 1), Rag.GREEN, Status.IN_PROGRESS, "fine", reason="new date agreed"
    )
    record_progress(db, with_reason)
    [update] = history(db, action_id)
    assert (update.reason, update.suggested_rag) == ("new date agreed", Rag.RED)


def test_failing_update_leaves_nothing_behind(db: Database, factory: PlanFactory) -> None:
    """If the transaction fails half way, neither the update nor the new RAG is kept."""
    action_id = _action(factory)
    with pytest.raises(RuntimeError), db.writing() as session:
        session.add(
            ProgressUpdate(
                action_id=action_id, update_date=date(2025, 6, 1), text="half", rag="red"
            )
        )
        action = session.get(Action, action_id)
        assert action is not None
        action.rag = Rag.RED.value
        session.add(action)
        session.flush()
        raise RuntimeError("power cut")
    with db.reading() as session:
        assert session.exec(select(ProgressUpdate)).all() == []
        action = session.get(Action, action_id)
        assert action is not None and action.rag == Rag.UNRATED.value


def test_update_for_a_deleted_action_is_refused(db: Database) -> None:
    """An action that no longer exists gives one sentence."""
    entry = ProgressEntry(999, date(2025, 6, 1), Rag.GREEN, Status.IN_PROGRESS, "x")
    with pytest.raises(ServiceError, match="no longer exists"):
        record_progress(db, entry)


def test_absurdly_long_update_is_refused(db: Database, factory: PlanFactory) -> None:
    """A pasted document is refused with the limit stated, and nothing saved."""
    action_id = _action(factory)
    entry = ProgressEntry(action_id, date(2025, 6, 1), Rag.GREEN, Status.IN_PROGRESS, "x" * 40_000)
    with pytest.raises(ServiceError, match="32,000"):
        record_progress(db, entry)
    assert history(db, action_id) == []


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "<b>bold</b> & more", "Zażółć gęślą jaźń", "مرحبا", "Tiến độ 🚸"],
)
def test_update_words_are_kept_exactly_as_typed(
    db: Database, factory: PlanFactory, text: str
) -> None:
    """Formula-looking text, markup and any script come back exactly as typed."""
    action_id = _action(factory)
    record_progress(
        db, ProgressEntry(action_id, date(2025, 6, 1), Rag.GREEN, Status.IN_PROGRESS, text)
    )
    assert history(db, action_id)[0].text == text


def test_withdrawing_the_newest_update_restores_the_rating(
    db: Database, factory: PlanFactory
) -> None:
    """Undo takes back the update just recorded and puts RAG and status back."""
    from actionplan.services.progress import current_rating, withdraw_update

    action_id = _action(factory)
    before = current_rating(db, action_id)
    update_id = record_progress(
        db, ProgressEntry(action_id, date(2025, 6, 1), Rag.GREEN, Status.IN_PROGRESS, "on track")
    )
    withdraw_update(db, update_id, *before)
    assert history(db, action_id) == []
    assert current_rating(db, action_id) == before


def test_only_the_newest_update_can_be_withdrawn(db: Database, factory: PlanFactory) -> None:
    """An older update stays in the history for good."""
    from actionplan.services.progress import withdraw_update

    action_id = _action(factory)
    entries = [
        ProgressEntry(action_id, date(2025, 6, d), Rag.GREEN, Status.IN_PROGRESS, f"d{d}")
        for d in (1, 2)
    ]
    first, _second = (record_progress(db, entry) for entry in entries)
    with pytest.raises(ServiceError, match="newest"):
        withdraw_update(db, first, Rag.UNRATED, Status.NOT_STARTED)
    assert len(history(db, action_id)) == 2
