"""Upgrading a database whose stamps were written in the writing PC's local time turns each
into UTC by this PC's time zone rules, summer time included, and leaves the stamps already
kept in UTC (the activity log's, who changed a row when) as they are."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import text

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.services.schema_upgrade import upgrade_team_database
from actionplan.services.snapshots import take_snapshot
from actionplan.store.database import Database
from actionplan.store.engine import make_engine
from tests.conftest import PlanFactory
from tests.store.schema_steps import column_values, set_back_to
from tests.store.test_server_time import in_london

__all__ = ["in_london"]  # the fixture, used by name below

BEFORE = "0017"  # the schema whose stamps were local times

# What a PC in London wrote before (local time) and what each is in UTC.
LOCAL_AND_UTC = {
    ("plan", "created_at"): ("2025-07-01 12:00:00", datetime(2025, 7, 1, 11, 0)),  # BST
    ("action", "created_at"): ("2025-01-15 09:30:00", datetime(2025, 1, 15, 9, 30)),  # GMT
    ("action", "updated_at"): (
        "2025-07-01 18:45:30.250000",
        datetime(2025, 7, 1, 17, 45, 30, 250000),
    ),
    # Half an hour before the clocks went forward that night: still GMT.
    ("progress_update", "recorded_at"): ("2025-03-30 00:30:00", datetime(2025, 3, 30, 0, 30)),
    # Just after: BST.
    ("snapshot", "taken_at"): ("2025-03-30 02:30:00", datetime(2025, 3, 30, 1, 30)),
}


def _moment(value: object) -> datetime:
    # A server hands back times; a SQLite file holds text.
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _stamps(target: str, table: str, column: str) -> list[datetime]:
    rows = column_values(target, f'SELECT "{column}" FROM "{table}" ORDER BY 1')
    return [_moment(value) for (value,) in rows]


def _upgrade(target: str) -> None:
    if "://" in target:
        upgrade_team_database(target)  # a team's server: its administrator upgrades it
    else:
        Database.open(target).close()  # a file upgrades itself as it is opened


def _old_database(db: Database, factory: PlanFactory) -> tuple[str, int]:
    """The database at the schema before, its plan's stamps the local times above."""
    action = factory.action(factory.priority(), "Run a joint audit")
    edit_action(db, action, replace(action_draft(db, action), text="Audit the front door"))
    entry = ProgressEntry(action, date(2025, 3, 1), Rag.GREEN, Status.IN_PROGRESS, "On track")
    record_progress(db, entry)
    take_snapshot(db, "Board 3 March", as_of=date(2025, 3, 3))
    target = db.target
    db.close()
    set_back_to(target, BEFORE)
    engine = make_engine(target)
    try:
        with engine.begin() as connection:
            for (table, column), (local, _utc) in LOCAL_AND_UTC.items():
                connection.execute(
                    text(f'UPDATE "{table}" SET "{column}" = :at'),
                    {"at": datetime.fromisoformat(local)},
                )
    finally:
        engine.dispose()
    return target, action


def test_the_upgrade_turns_local_stamps_into_utc_and_leaves_utc_ones_alone(
    db: Database, factory: PlanFactory, in_london: None
) -> None:
    """Summer stamps go back an hour, winter ones stay, either side of the night the clocks
    go forward; the log's times and the action's "changed at" are untouched; the app reads
    each as the local time it was written at."""
    target, action = _old_database(db, factory)
    kept_in_utc = {
        ("activity", "at"): _stamps(target, "activity", "at"),
        ("action", "changed_at"): _stamps(target, "action", "changed_at"),
    }
    assert all(kept_in_utc.values())

    _upgrade(target)

    for (table, column), (_local, utc) in LOCAL_AND_UTC.items():
        assert _stamps(target, table, column) == [utc], f"{table}.{column}"
    for (table, column), stamps in kept_in_utc.items():
        assert _stamps(target, table, column) == stamps, f"{table}.{column} was changed"
    upgraded = Database.open(target)
    try:
        assert history(upgraded, action)[0].recorded_at == datetime(2025, 3, 30, 0, 30)
    finally:
        upgraded.close()


def test_setting_the_database_back_gives_the_local_stamps_back(
    db: Database, factory: PlanFactory, in_london: None
) -> None:
    """Upgraded then set back to the schema before, every stamp is the local time it was."""
    target, _action = _old_database(db, factory)
    _upgrade(target)
    set_back_to(target, BEFORE)
    for (table, column), (local, _utc) in LOCAL_AND_UTC.items():
        assert _stamps(target, table, column) == [datetime.fromisoformat(local)]
