"""Two windows edit one action: the second save is refused with the colleague's words,
who and when beside the draft, and nothing of the draft is written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actionplan.services.conflicts import EditConflict, last_change, mine_on_top
from actionplan.services.editing import ActionDraft, action_draft, add_outcome, edit_action
from actionplan.services.impact import (
    add_measure,
    edit_measure,
    measure_heading,
    narrative_for,
    put_narrative,
)
from actionplan.services.plans import change_plan_settings, plan_settings
from actionplan.services.views import NarrativeData
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


def test_plan_settings_read_before_a_colleagues_save_are_refused_with_theirs_beside(
    db: Database, factory: PlanFactory
) -> None:
    """Two people open Plan settings; the second to save is refused, naming the first, and
    the stored settings are the first person's."""
    plan_id = factory.plan.id
    mine = plan_settings(db, plan_id)
    sam = Database.open(db.target, user="Sam Patel")
    try:
        change_plan_settings(sam, plan_id, replace(plan_settings(sam, plan_id), marking="OFFICIAL"))
    finally:
        sam.close()
    draft = replace(mine, partnership="Northbridge and Westmoor Partnership")
    refused = r"^The plan “.*” was changed by Sam Patel at "
    with pytest.raises(EditConflict, match=refused) as raised:
        change_plan_settings(db, plan_id, draft)
    assert raised.value.yours is draft
    assert raised.value.differing == ("partnership", "marking")
    stored = plan_settings(db, plan_id)
    assert (stored.partnership, stored.marking) == (mine.partnership, "OFFICIAL")
    assert stored.version == mine.version + 1
    change_plan_settings(db, plan_id, replace(draft, marking="OFFICIAL", version=stored.version))
    assert plan_settings(db, plan_id).partnership == "Northbridge and Westmoor Partnership"


def test_a_narrative_read_before_a_colleagues_save_is_refused_and_a_new_period_is_not(
    db: Database, factory: PlanFactory
) -> None:
    """The same period's narrative saved by a colleague since it was read refuses the
    user's words, theirs kept; words for a period nobody had written are simply saved."""
    priority = factory.priority("Neglect")
    put_narrative(db, priority, "Q1", NarrativeData("Q1", done="Toolkit drafted"))
    mine = narrative_for(db, priority, "Q1")
    assert mine is not None and mine.version == 1
    sam = Database.open(db.target, user="Sam Patel")
    try:
        put_narrative(sam, priority, "Q1", replace(mine, impact="Fewer repeat referrals"))
    finally:
        sam.close()
    with pytest.raises(EditConflict, match=r"^The narrative for Q1 was changed by Sam Patel"):
        put_narrative(db, priority, "Q1", replace(mine, done="Toolkit launched"))
    stored = narrative_for(db, priority, "Q1")
    assert stored is not None
    assert (stored.done, stored.impact) == ("Toolkit drafted", "Fewer repeat referrals")
    put_narrative(db, priority, "Q2", replace(mine, period_label="Q2", version=None))
    put_narrative(db, priority, "Q1", NarrativeData("Q1", done="Undone as it stands"))
    assert narrative_for(db, priority, "Q1") == NarrativeData("Q1", done="Undone as it stands")


def test_mine_on_top_keeps_the_users_changed_fields_and_theirs_elsewhere(
    db: Database, factory: PlanFactory
) -> None:
    """The user changed the words, Sam the leads: laid on top, the user's words and Sam's
    leads are saved from Sam's version, and who changed it last is Sam, then the user."""
    action_id = factory.action(factory.priority(), "Run a joint audit", lead="Police")
    started = action_draft(db, action_id)
    sam = Database.open(db.target, user="Sam Patel")
    try:
        edit_action(sam, action_id, replace(started, lead="Police / Health"))
    finally:
        sam.close()
    who, when = last_change(db, "action", action_id)
    assert who == "Sam Patel" and when is not None
    mine = replace(started, text="Run a joint audit with schools")
    with pytest.raises(EditConflict) as raised:
        edit_action(db, action_id, mine)
    merged = mine_on_top(mine, raised.value.theirs, started)
    edit_action(db, action_id, merged)
    stored = action_draft(db, action_id)
    assert (stored.text, stored.lead) == ("Run a joint audit with schools", "Police / Health")
    assert last_change(db, "action", action_id)[0] == db.user
    assert last_change(db, "action", 999_999) == ("", None)
