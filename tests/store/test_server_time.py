"""Every stamp the database keeps comes from its server's clock, in UTC, whoever writes the
row and whatever the writing PC's clock or time zone says; the app reads each in local time,
so a team's PCs order each other's work rightly."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import DateTime, text

from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import RecommendationDraft
from actionplan.domain.status import Status
from actionplan.services.activity import plan_activity
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.importing import import_workbook
from actionplan.services.next_plan import NextPlan, plan_closure, start_next_plan
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.services.recommendations import add_recommendation, delete_recommendation
from actionplan.services.recommendations import restore as restore_recommendation
from actionplan.services.returns import export_returns
from actionplan.services.snapshots import take_snapshot
from actionplan.store.database import Database
from actionplan.store.row_changes import last_change
from actionplan.store.schema import metadata
from actionplan.store.server_time import UtcStamp, as_local, as_utc, utc_now
from actionplan.store.tables import VERSIONED_TABLES
from tests.excel.import_books import TRACKER_SAMPLE
from tests.pc_zone import pc_in_zone

# Every stamp a plan's ordinary life writes, by table and column.
STAMPS = (
    ("plan", "created_at"),
    ("action", "created_at"),
    ("action", "updated_at"),
    ("action", "changed_at"),
    ("progress_update", "recorded_at"),
    ("plan_source", "imported_at"),
    ("snapshot", "taken_at"),
    ("issued_return", "issued_at"),
    ("plan_closure", "closed_at"),
    ("recommendation", "created_at"),
    ("activity", "at"),
)
# Stamps not written as the row is added: who changed a row when (set by the change), and
# the server's own stamp of a plan, copied into a file linked to it.
NOT_STAMPED_ON_ADDING = {(table, "changed_at") for table in VERSIONED_TABLES} | {
    ("team_link", "server_plan_created")
}
CLOCK_WRONG_BY = timedelta(days=3, minutes=17)
NEAR = timedelta(minutes=5)


class _SlowClock(datetime):
    """This PC's clock, three days and a bit behind."""

    @classmethod
    def now(cls, tz: object = None) -> _SlowClock:  # type: ignore[override]
        real = datetime.now(tz)  # type: ignore[arg-type]
        return cls.fromtimestamp(real.timestamp() - CLOCK_WRONG_BY.total_seconds(), real.tzinfo)

    @classmethod
    def today(cls) -> _SlowClock:  # type: ignore[override]
        return cls.now()


@pytest.fixture
def far_away(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This PC fourteen hours ahead of UTC, its clock three days slow as the app asks it."""
    with pc_in_zone(monkeypatch, "Pacific/Kiritimati"):
        for name, module in list(sys.modules.items()):
            if name.startswith("actionplan") and getattr(module, "datetime", None) is datetime:
                monkeypatch.setattr(module, "datetime", _SlowClock)
        yield


@pytest.fixture
def in_london(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This PC in London: GMT in winter, an hour ahead (BST) in summer."""
    with pc_in_zone(monkeypatch, "Europe/London"):
        yield


def _utc_now() -> datetime:
    return datetime.fromtimestamp(time.time(), UTC).replace(tzinfo=None)


def _local_now() -> datetime:
    return datetime.fromtimestamp(time.time())


def _moment(value: object) -> datetime:
    # A server hands back times; a SQLite file holds text.
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _stored(db: Database, table: str, column: str) -> list[datetime]:
    query = text(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL')
    with db.engine.connect() as connection:
        return [_moment(value) for value in connection.execute(query).scalars()]


def test_every_stamp_column_is_stamped_by_the_server_and_kept_in_utc() -> None:
    """No table of the schema stamps a row with this PC's clock: every time column keeps UTC,
    and every stamp written as a row is added is the server's, in the app's inserts and in
    plain SQL alike (a column default and a server default)."""
    for table in metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, DateTime | UtcStamp):
                continue
            where = f"{table.name}.{column.name}"
            assert isinstance(column.type, UtcStamp), f"{where} is not kept in UTC"
            if (table.name, column.name) in NOT_STAMPED_ON_ADDING:
                assert column.default is None and column.server_default is None, where
                continue
            assert column.default is not None, f"{where} is not stamped"
            assert isinstance(column.default.arg, utc_now), f"{where} stamped by this PC"  # type: ignore[attr-defined]
            assert column.server_default is not None, f"{where} is not stamped by plain SQL"
            assert isinstance(column.server_default.arg, utc_now), where  # type: ignore[attr-defined]


def test_a_plans_stamps_come_from_the_database_whatever_this_pcs_clock_says(
    db: Database, far_away: None, tmp_path: Path
) -> None:
    """On a PC fourteen hours ahead of UTC whose clock is three days slow, a plan imported,
    edited, updated, snapshotted, sent returns, linked to a recommendation and rolled forward
    has every stamp at the database's UTC time now; read back, each is the local time now."""
    plan = import_workbook(db, TRACKER_SAMPLE)
    action = _action_ids(db, plan.plan_id)[0]
    edit_action(db, action, replace(action_draft(db, action), text="Audit the front door"))
    entry = ProgressEntry(action, date(2025, 3, 1), Rag.GREEN, Status.IN_PROGRESS, "On track")
    record_progress(db, entry)
    take_snapshot(db, "Board 3 March", plan.title, date(2025, 3, 3))
    export_returns(db, tmp_path / "returns", plan.title, date(2025, 3, 3))
    add_recommendation(db, RecommendationDraft("Child Q", "Train staff"), [action])
    start_next_plan(db, plan.plan_id, NextPlan("Northbridge 2026-27"))

    for table, column in STAMPS:
        stamps = _stored(db, table, column)
        assert stamps, f"no {table}.{column} written"
        for stamp in stamps:
            assert abs(stamp - _utc_now()) < NEAR, f"{table}.{column} is {stamp}, not UTC now"
    shown = [
        history(db, action)[0].recorded_at,
        plan_activity(db, plan.plan_id)[0].when,
        last_change(db, "action", action)[1],
        getattr(plan_closure(db, plan.plan_id), "closed_at", None),
    ]
    for when in shown:
        assert when is not None and abs(when - _local_now()) < NEAR


def _action_ids(db: Database, plan_id: int) -> list[int]:
    query = text("SELECT id FROM action WHERE plan_id = :plan ORDER BY id")
    with db.engine.connect() as connection:
        return list(connection.execute(query, {"plan": plan_id}).scalars())


@pytest.mark.parametrize("utc", [datetime(2025, 10, 26, 0, 30), datetime(2025, 10, 26, 1, 30)])
def test_both_moments_of_the_hour_the_clocks_go_back_read_and_write_back_unchanged(
    in_london: None, utc: datetime
) -> None:
    """01:30 in London happens twice on the night BST ends (00:30 and 01:30 UTC): each reads
    as 01:30 local and goes back to its own moment, not the other."""
    local = as_local(utc)
    assert (local.hour, local.minute) == (1, 30)
    assert as_utc(local) == utc


def test_a_recommendation_deleted_and_put_back_keeps_its_stamp_to_the_microsecond(
    db: Database, in_london: None
) -> None:
    """Undoing a delete writes the stamp read back: a moment in the hour the clocks went
    back is the same moment afterwards, on both engines."""
    made = add_recommendation(db, RecommendationDraft("Child Q", "Train staff"))
    moment = "2025-10-26 01:30:00.123456"  # UTC: 01:30 GMT, the second 01:30 of the night
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE recommendation SET created_at = :at WHERE id = :id"),
            {"at": datetime.fromisoformat(moment), "id": made},
        )
    restore_recommendation(db, delete_recommendation(db, made))
    assert _stored(db, "recommendation", "created_at") == [datetime.fromisoformat(moment)]


def test_a_row_added_by_plain_sql_is_stamped_by_the_server(db: Database) -> None:
    """A script adding a snapshot without saying when gets the server's time, in UTC."""
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO plan (title, partnership, period_raw, prepared_by, marking, version,"
                " changed_by) VALUES ('P', '', '', '', '', 1, '')"
            )
        )
        plan_id = connection.execute(text("SELECT id FROM plan")).scalar_one()
        connection.execute(
            text("INSERT INTO snapshot (plan_id, name, taken_on) VALUES (:p, 'Board', :d)"),
            {"p": plan_id, "d": date(2025, 3, 3)},
        )
    for table, column in (("plan", "created_at"), ("snapshot", "taken_at")):
        [stamp] = _stored(db, table, column)
        assert abs(stamp - _utc_now()) < NEAR


def test_the_same_moment_reads_as_the_local_time_of_wherever_the_pc_is_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Noon UTC in July reads 13:00 in London and 02:00 the next day in Kiritimati, read in
    that order in one run of the app, and each goes back to noon UTC."""
    noon = datetime(2025, 7, 1, 12, 0)
    try:
        for zone, shown in (
            ("Europe/London", datetime(2025, 7, 1, 13, 0)),
            ("Pacific/Kiritimati", datetime(2025, 7, 2, 2, 0)),
            ("UTC", noon),
        ):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            assert as_local(noon) == shown, zone
            assert as_utc(shown) == noon, zone
    finally:
        monkeypatch.undo()
        time.tzset()
