"""The board pack's facts per action as at the pack's date: how long overdue, how long since
its last update, and what changed since the last board, named."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.reports.board_pack_data import ActionLine, BoardPackData
from actionplan.services.impact import add_measure
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.report import board_pack_data
from actionplan.services.snapshots import take_snapshot
from actionplan.store.database import Database
from tests.conftest import PlanFactory

AS_OF = date(2025, 3, 31)
BOARD = date(2024, 12, 12)


def _rate(db: Database, action_id: int, day: date, rag: Rag, reason: str = "Lead's view") -> None:
    status = Status.COMPLETE if rag is Rag.BLUE else Status.IN_PROGRESS
    record_progress(db, ProgressEntry(action_id, day, rag, status, "Update", "Amira", reason))


def _lines(db: Database, as_of: date = AS_OF) -> dict[str, ActionLine]:
    return {a.text: a for a in board_pack_data(db, None, as_of).actions}


def test_days_overdue_and_days_since_the_last_update_are_counted_at_the_as_at_date(
    db: Database, factory: PlanFactory
) -> None:
    """Due 30 Jun 2024 is 274 days overdue on 31 Mar 2025; updated 1 Mar, 30 days ago; an
    action never updated has no count, and one not yet due is not overdue."""
    neglect = factory.priority("Neglect")
    late = factory.action(neglect, "Map hotspots", timescale="June 2024")
    factory.action(neglect, "Train staff", timescale="2026")
    _rate(db, late, date(2025, 3, 1), Rag.AMBER)
    _rate(db, late, date(2025, 4, 20), Rag.RED)  # after the pack's date: not counted
    lines = _lines(db)
    assert (lines["Map hotspots"].days_overdue, lines["Map hotspots"].days_since_update) == (
        274,
        30,
    )
    assert (lines["Train staff"].days_overdue, lines["Train staff"].days_since_update) == (0, None)


def test_exceptions_rank_red_first_then_the_longest_overdue(
    db: Database, factory: PlanFactory
) -> None:
    """Of two red actions the one 274 days overdue comes before one 31 days overdue, though
    it comes later in the plan and was updated more recently; amber comes after both."""
    p = factory.priority("Exploitation")
    ids = {
        "amber": factory.action(p, "Amber long overdue", timescale="March 2024"),
        "recent": factory.action(p, "Red a month overdue", timescale="February 2025"),
        "long": factory.action(p, "Red long overdue", timescale="June 2024"),
    }
    _rate(db, ids["amber"], date(2025, 1, 5), Rag.AMBER)
    _rate(db, ids["recent"], date(2024, 11, 1), Rag.RED)
    _rate(db, ids["long"], date(2025, 3, 20), Rag.RED)
    ranked = [a.text for a in board_pack_data(db, None, AS_OF).exceptions]
    assert ranked == ["Red long overdue", "Red a month overdue", "Amber long overdue"]


def test_a_change_since_the_last_board_is_named_with_the_day_it_happened(
    db: Database, factory: PlanFactory
) -> None:
    """Against the board of 12 Dec 2024: Green then Red on 12 Mar reads "went from Green to Red
    on 12 Mar 2025"; after a swing (Red, Amber, Red) the day it last became Red is named; an
    action added since is new; one that stayed Green says nothing."""
    p = factory.priority("Neglect")
    ids = {name: factory.action(p, name, timescale="2026") for name in ("Audit", "Swing", "Same")}
    for action_id in ids.values():
        _rate(db, action_id, date(2024, 12, 1), Rag.GREEN)
    take_snapshot(db, "Board December", None, BOARD)
    added = factory.action(p, "Added later", timescale="2026")
    _rate(db, ids["Audit"], date(2025, 3, 12), Rag.RED, "staff vacancies")
    for day, rag in [(date(2025, 1, 10), Rag.RED), (date(2025, 2, 1), Rag.AMBER)]:
        _rate(db, ids["Swing"], day, rag)
    _rate(db, ids["Swing"], date(2025, 3, 3), Rag.RED)
    _rate(db, ids["Audit"], date(2025, 4, 2), Rag.AMBER)  # after the pack's date
    _rate(db, added, date(2025, 2, 2), Rag.GREEN)
    lines = _lines(db)
    assert lines["Audit"].change == "went from Green to Red on 12 Mar 2025"
    assert lines["Swing"].change == "went from Green to Red on 3 Mar 2025"
    assert lines["Added later"].change == "new since the last board"
    assert lines["Same"].change == ""


def test_a_change_recorded_late_is_named_without_inventing_a_day(
    db: Database, factory: PlanFactory
) -> None:
    """Green at the board of 12 Dec; an update dated 10 Dec but recorded after the board made
    it Red: the change is named, and no day after the board is made up for it."""
    p = factory.priority("Neglect")
    action_id = factory.action(p, "Audit", timescale="2026")
    _rate(db, action_id, date(2024, 11, 1), Rag.GREEN)
    take_snapshot(db, "Board December", None, BOARD)
    _rate(db, action_id, date(2024, 12, 10), Rag.RED)
    assert _lines(db)["Audit"].change == "went from Green to Red"


def test_with_no_earlier_board_the_latest_rag_change_is_named_from_the_updates(
    db: Database, factory: PlanFactory
) -> None:
    """No snapshot yet: "Red since 12 Mar 2025 (was Green)"; an action rated Green twice, or
    rated once, has no change to name."""
    p = factory.priority("Neglect")
    ids = {name: factory.action(p, name, timescale="2026") for name in ("Audit", "Steady", "Once")}
    _rate(db, ids["Audit"], date(2025, 1, 5), Rag.GREEN)
    _rate(db, ids["Audit"], date(2025, 3, 12), Rag.RED)
    _rate(db, ids["Steady"], date(2025, 1, 5), Rag.GREEN)
    _rate(db, ids["Steady"], date(2025, 3, 1), Rag.GREEN)
    _rate(db, ids["Once"], date(2025, 3, 1), Rag.AMBER)
    lines = _lines(db)
    assert board_pack_data(db, None, AS_OF).comparison is None
    assert lines["Audit"].change == "Red since 12 Mar 2025 (was Green)"
    assert lines["Steady"].change == lines["Once"].change == ""
    assert _lines(db, date(2025, 3, 1))["Audit"].change == ""  # as it stood before the change


def test_completed_since_the_board_is_told_apart_from_complete_before_it(
    db: Database, factory: PlanFactory
) -> None:
    """An action completed after the board counts as completed since; one complete at the
    board does not."""
    p = factory.priority("Neglect")
    before, after = factory.action(p, "Done before"), factory.action(p, "Done after")
    _rate(db, before, date(2024, 11, 1), Rag.BLUE)
    _rate(db, after, date(2024, 11, 1), Rag.GREEN)
    take_snapshot(db, "Board December", None, BOARD)
    _rate(db, after, date(2025, 2, 1), Rag.BLUE)
    lines = _lines(db)
    assert lines["Done after"].completed_since_board
    assert not lines["Done before"].completed_since_board


def test_a_one_priority_pack_knows_how_many_measures_the_whole_plan_has(
    db: Database, factory: PlanFactory
) -> None:
    """The pack for Exploitation shows none of Neglect's two measures, but knows they exist."""
    neglect, exploitation = factory.priority("Neglect"), factory.priority("Exploitation")
    factory.action(exploitation, "Map hotspots")
    for name in ("Repeat referrals", "Neglect audits"):
        add_measure(db, factory.plan.id, name, "%", "lower", 20, 15, neglect)
    pack = board_pack_data(db, None, AS_OF, priority="Exploitation")
    assert (len(pack.measures), pack.plan_measures) == (0, 2)
    assert board_pack_data(db, None, AS_OF).plan_measures == 2


@contextmanager
def _counted_queries(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _pack_queries(db: Database) -> int:
    with _counted_queries(db) as seen:
        pack: BoardPackData = board_pack_data(db, None, AS_OF)
    assert pack.actions
    return len(seen)


def test_the_rag_history_is_read_once_for_the_whole_plan(
    db: Database, factory: PlanFactory
) -> None:
    """Naming each action's change does not cost a query per action: a plan of 12 rated
    actions is read with as many queries as a plan of 2."""
    p = factory.priority("Neglect")
    for n in range(2):
        _rate(db, factory.action(p, f"Action {n}"), date(2025, 1, 5), Rag.GREEN)
    few = _pack_queries(db)
    for n in range(10):
        action_id = factory.action(p, f"More {n}")
        _rate(db, action_id, date(2025, 1, 5), Rag.GREEN)
        _rate(db, action_id, date(2025, 2, 5), Rag.AMBER)
    assert _pack_queries(db) == few


def test_an_action_completed_since_the_last_board_reads_completed_on_its_day(
    db: Database, factory: PlanFactory
) -> None:
    """Green at the board and Blue on 3 Feb reads "completed on 3 Feb 2025", the words a
    board uses, not "went from Green to Blue"."""
    p = factory.priority("Neglect")
    done = factory.action(p, "Publish the neglect strategy", timescale="2026")
    _rate(db, done, date(2024, 12, 1), Rag.GREEN)
    take_snapshot(db, "Board 12 December 2024", None, BOARD)
    _rate(db, done, date(2025, 2, 3), Rag.BLUE)
    assert _lines(db)["Publish the neglect strategy"].change == "completed on 3 Feb 2025"
