"""A change is named for whoever makes it: on a team's server the person's login there (the
one its rights are checked against), on a file the computer's login name; and stamped by
the database's clock, not the writer's computer's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from actionplan.services.activity import action_activity
from actionplan.services.editing import ActionDraft, action_draft, edit_action
from actionplan.store.database import Database
from actionplan.store.row_changes import last_change
from actionplan.store.versions import default_user
from tests.conftest import PlanFactory
from tests.pc_zone import pc_in_zone


def test_the_activity_log_names_the_login_that_made_the_change(
    db: Database, factory: PlanFactory
) -> None:
    action = factory.action(factory.priority(), "Run a joint audit")
    edit_action(db, action, ActionDraft(**{**vars(action_draft(db, action)), "text": "Audit"}))
    login = make_url(db.target).username if "://" in db.target else None
    expected = login or default_user()
    assert expected
    assert {entry.who for entry in action_activity(db, action)} == {expected}
    assert db.user == expected


def test_a_change_is_stamped_by_the_database_clock_and_shown_in_local_time(
    db: Database, factory: PlanFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fourteen hours ahead of UTC on this PC, the stamp stored is still the database's UTC
    time (so a team's PCs agree whatever their clocks say), and it is shown in local time."""
    with pc_in_zone(monkeypatch, "Pacific/Kiritimati"):
        action = factory.action(factory.priority(), "Run a joint audit")
        edit_action(db, action, ActionDraft(**{**vars(action_draft(db, action)), "text": "Go"}))
        query = text("SELECT changed_at FROM action WHERE id = :id")
        with db.engine.connect() as connection:
            stored = connection.execute(query, {"id": action}).scalar_one()
        stamp = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
        assert abs(datetime.now(UTC).replace(tzinfo=None) - stamp) < timedelta(minutes=5)
        who, when = last_change(db, "action", action)
        assert who == db.user
        assert when is not None and abs(datetime.now() - when) < timedelta(minutes=5)
        assert when - stamp == timedelta(hours=14)
