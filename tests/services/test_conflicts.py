"""Two windows edit one action: the second save is refused with the colleague's words,
who and when beside the draft, and nothing of the draft is written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actionplan.services.conflicts import EditConflict
from actionplan.services.editing import ActionDraft, action_draft, add_outcome, edit_action
from actionplan.services.impact import add_measure, edit_measure, measure_heading
from actionplan.store.database import Database
from tests.conftest import PlanFactory


def test_a_stale_edit_is_refused_with_the_colleagues_words_and_the_draft_kept(
    db: Database, factory: PlanFactory
) -> None:
    """Two windows loaded action 1.2 at the same version; one saves, then the other saves
    its draft: refused in one sentence naming the colleague, with their words field by field
    and the draft untouched; the database holds the colleague's words."""
    priority = factory.priority("Neglect")
    outcome = add_outcome(db, priority, "Children are seen sooner")
    factory.action(priority, "Audit the referrals")
    action_id = factory.action(priority, "Launch the toolkit", lead="Health", ref="1.2")
    for _ in range(2):  # a few saves first, so the windows load it at version 3
        edit_action(db, action_id, action_draft(db, action_id))
    sam = Database.open(db.target, user="Sam Patel")
    try:
        in_sams_window = action_draft(sam, action_id)
        in_my_window = action_draft(db, action_id)
        assert in_sams_window.version == in_my_window.version == 3
        theirs = replace(in_sams_window, text="Launch the toolkit in every school")
        edit_action(sam, action_id, replace(theirs, outcome_id=outcome))
    finally:
        sam.close()
    mine = replace(in_my_window, text="Launch the toolkit in GP surgeries", lead="Health / GPs")
    with pytest.raises(EditConflict) as raised:
        edit_action(db, action_id, mine)
    conflict = raised.value
    assert str(conflict).startswith("Action 1.2 was changed by Sam Patel at ")
    assert str(conflict).endswith(
        "after you opened it, so your changes were not saved; "
        "they are kept for you to compare and save again."
    )
    assert conflict.yours is mine
    assert conflict.theirs.text == "Launch the toolkit in every school"
    assert conflict.theirs.version == 4
    assert set(conflict.differing) == {"text", "lead", "outcome_id"}
    assert conflict.changed_by == "Sam Patel" and conflict.changed_at is not None
    stored = action_draft(db, action_id)
    assert (stored.text, stored.lead, stored.version) == (theirs.text, "Health", 4)
    edit_action(db, action_id, replace(mine, version=conflict.theirs.version))  # saved again
    assert action_draft(db, action_id).text == "Launch the toolkit in GP surgeries"


def test_a_stale_measure_edit_is_refused(db: Database, factory: PlanFactory) -> None:
    """A measure's definition read before a colleague's save is refused, theirs kept."""
    measure = add_measure(db, factory.plan.id, "Referrals")
    seen = measure_heading(db, measure)
    edit_measure(db, measure, replace(seen, unit="children"))
    with pytest.raises(EditConflict, match=r"^The measure “Referrals” was changed by "):
        edit_measure(db, measure, replace(seen, unit="families"))
    assert measure_heading(db, measure).unit == "children"


def test_a_draft_without_a_version_is_saved_over_the_action_as_it_stands(
    db: Database, factory: PlanFactory
) -> None:
    """The user's own undo and redo carry no version and are never refused."""
    action_id = factory.action(factory.priority(), "Run a joint audit")
    edit_action(db, action_id, ActionDraft("Run a joint audit with police"))
    edit_action(db, action_id, ActionDraft("Run a joint audit"))
    assert action_draft(db, action_id).version == 3
