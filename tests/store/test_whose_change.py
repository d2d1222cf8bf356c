"""A change is named for whoever makes it: on a team's server the person's login there (the
one its rights are checked against), on a file the computer's login name."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from actionplan.services.activity import action_activity
from actionplan.services.editing import ActionDraft, action_draft, edit_action
from actionplan.store.database import Database
from actionplan.store.versions import default_user
from tests.conftest import PlanFactory


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
