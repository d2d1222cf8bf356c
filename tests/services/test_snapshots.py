"""Snapshots freeze the plan at a board meeting; reports show what moved since."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.movement import Movement
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.errors import ServiceError
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.snapshots import (
    baseline_before,
    list_snapshots,
    movements,
    take_snapshot,
)
from actionplan.store.database import Database
from tests.conftest import PlanFactory


def _rate(db: Database, action_id: int, rag: Rag, day: date) -> None:
    status = Status.DELAYED if rag is Rag.AMBER else Status.IN_PROGRESS
    entry = ProgressEntry(action_id, day, rag, status, "update", reason="judgement")
    record_progress(db, entry)


def test_snapshot_freezes_every_actions_rag_and_status(db: Database, factory: PlanFactory) -> None:
    """The snapshot holds each action's RAG as it was, whatever happens after."""
    priority = factory.priority()
    first = factory.action(priority, "First", timescale="2026")
    factory.action(priority, "Second", timescale="2026")
    _rate(db, first, Rag.GREEN, date(2025, 3, 1))
    take_snapshot(db, "Board 12 March", None, date(2025, 3, 12))
    _rate(db, first, Rag.AMBER, date(2025, 3, 20))
    baseline = baseline_before(db, factory.plan.id, date(2025, 3, 31))
    assert baseline is not None
    assert baseline.info.name == "Board 12 March"
    assert baseline.rags[first] is Rag.GREEN
    assert [(s.name, s.taken_on, s.actions) for s in list_snapshots(db, factory.plan.id)] == [
        ("Board 12 March", date(2025, 3, 12), 2)
    ]


def test_movement_is_better_worse_same_or_new_against_the_latest_earlier_snapshot(
    db: Database, factory: PlanFactory
) -> None:
    """↑ when the RAG is less severe than at the snapshot, ↓ when worse, new when added since."""
    priority = factory.priority()
    better, worse, same = (factory.action(priority, n, timescale="2026") for n in "abc")
    _rate(db, better, Rag.AMBER, date(2025, 1, 5))
    _rate(db, worse, Rag.GREEN, date(2025, 1, 5))
    _rate(db, same, Rag.GREEN, date(2025, 1, 5))
    take_snapshot(db, "Board January", None, date(2025, 1, 10))
    _rate(db, better, Rag.GREEN, date(2025, 2, 1))
    _rate(db, worse, Rag.AMBER, date(2025, 2, 1))
    added = factory.action(priority, "d", timescale="2026")
    now = {better: Rag.GREEN, worse: Rag.AMBER, same: Rag.GREEN, added: Rag.UNRATED}
    assert movements(db, factory.plan.id, date(2025, 3, 31), now) == {
        better: Movement.BETTER,
        worse: Movement.WORSE,
        same: Movement.SAME,
        added: Movement.NEW,
    }


def test_only_snapshots_before_the_as_of_date_count(db: Database, factory: PlanFactory) -> None:
    """A report as at 1 March ignores a snapshot taken on 12 March, and today's own one."""
    factory.action(factory.priority())
    take_snapshot(db, "Board January", None, date(2025, 1, 10))
    take_snapshot(db, "Board March", None, date(2025, 3, 12))
    earlier = baseline_before(db, factory.plan.id, date(2025, 3, 1))
    assert earlier is not None and earlier.info.name == "Board January"
    assert baseline_before(db, factory.plan.id, date(2025, 1, 10)) is None
    assert movements(db, factory.plan.id, date(2025, 1, 10), {}) == {}


def test_snapshot_names_are_unique_within_a_plan_and_not_blank(
    db: Database, factory: PlanFactory
) -> None:
    """Taking the same name twice, or no name, is refused in one sentence."""
    take_snapshot(db, "Board 12 March", None, date(2025, 3, 12))
    with pytest.raises(ServiceError, match="already has a snapshot called 'board 12 march'"):
        take_snapshot(db, "board 12 march", None, date(2025, 3, 13))
    with pytest.raises(ServiceError, match="needs a name"):
        take_snapshot(db, "   ")
