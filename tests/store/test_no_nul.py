"""A NUL character pasted into any text is dropped on the way in, on a file and on a server
alike, so a plan saves the same everywhere and the words around it are kept."""

from __future__ import annotations

from sqlalchemy import select, text

from actionplan.services.editing import ActionDraft, action_draft, edit_action
from actionplan.store.database import Database
from actionplan.store.tables import Action
from tests.conftest import PlanFactory


def test_a_nul_in_typed_words_is_dropped_and_the_words_kept(
    db: Database, factory: PlanFactory
) -> None:
    action = factory.action(factory.priority("Neglect\x00"), "Launch the\x00 toolkit")
    draft = action_draft(db, action)
    assert draft.text == "Launch the toolkit"
    edit_action(db, action, ActionDraft(**{**vars(draft), "text": "Audit\x00 \x00twice"}))
    assert action_draft(db, action).text == "Audit twice"


def test_plain_statements_drop_it_too(db: Database, factory: PlanFactory) -> None:
    action = factory.action(factory.priority(), "Run a joint audit")
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE action SET how_we_know = :words WHERE id = :id"),
            {"words": "Audit\x00 report", "id": action},
        )
    with db.engine.connect() as connection:
        kept = connection.execute(select(Action.how_we_know).where(Action.id == action)).scalar()
    assert kept == "Audit report"
