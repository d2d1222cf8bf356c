"""Deleting and changing plans, priorities and actions, and putting them back (for Undo)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from actionplan.domain.plan_data import (
    ActionData,
    LeadData,
    MeasureData,
    NarrativeData,
    PlanData,
    PriorityData,
    ReadingData,
    UpdateData,
)
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import (
    ActionDraft,
    PriorityHeading,
    action_draft,
    add_action,
    delete_action,
    delete_outcome,
    delete_priority,
    edit_priority,
    move_action,
    priority_heading,
    restore,
)
from actionplan.services.errors import ServiceError
from actionplan.services.impact import edit_measure, measure_heading
from actionplan.services.measure_rows import measure_rows
from actionplan.services.outline import plan_outline
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import delete_plan, list_plans, rename_plan
from actionplan.services.sample_plans import load_sample_plans
from actionplan.services.snapshots import take_snapshot
from actionplan.services.views import MeasureHeading
from actionplan.store.database import Database
from actionplan.store.removal import METADATA

AS_OF = date(2025, 12, 1)


# Who last changed a row and its version only ever move on, undo included: a version that
# went back would let a draft made before the change be saved over it.
_BOOKKEEPING = {"version", "changed_by", "changed_at"}


# Each plan's revision counts every write, undo too: it only ever moves on.
_COUNTERS = {"plan_revision"}


def _everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, so two states of the database can be compared
    (without the rows' versions, which count every write, undo too, nor the activity log,
    which only grows: a delete and its undo are both in it)."""
    with db.reading() as session:
        connection = session.connection()
        return {
            table.name: sorted(
                tuple(row)
                for row in connection.execute(
                    select(*(c for c in table.c if c.name not in _BOOKKEEPING))
                )
            )
            for table in METADATA.sorted_tables
            if table.name not in _COUNTERS and table.name != "activity"
        }


def _plan() -> PlanData:
    police = LeadData("Police", "Northbridge Police")
    measured = ActionData(
        "Return home interviews within 72 hours",
        "1.2",
        [police, LeadData("Missing Children Coordinator")],
        timescale_raw="March 2026",
        status=Status.IN_PROGRESS,
        rag=Rag.AMBER,
        outcome="Fewer children go missing",
        updates=[
            UpdateData(date(2025, 7, 1), "Q1: 78% <b>offered</b>", "Lead", Rag.AMBER),
            UpdateData(date(2025, 10, 1), "=Q2: 82% — تحسن", "Lead", Rag.AMBER),
        ],
        measures=[
            MeasureData(
                "% offered within 72 hours",
                "%",
                "higher",
                readings=[ReadingData("Q1", 78.0), ReadingData("Q2", 82.0)],
            )
        ],
    )
    return PlanData(
        title="Northbridge 2025-26",
        priorities=[
            PriorityData(
                title="Exploitation",
                number="1",
                outcomes=["Fewer children go missing"],
                actions=[ActionData("Map hotspots", "1.1", [police]), measured],
                measures=[MeasureData("Children missing 3+ times", readings=[ReadingData("Q1")])],
                narratives=[NarrativeData("2025-26", done="Hotspot map agreed")],
            ),
            PriorityData(title="Neglect", number="2", actions=[ActionData("Toolkit", "2.1")]),
        ],
    )


def test_a_deleted_action_comes_back_exactly_with_its_history_and_measures(
    db: Database,
) -> None:
    """Every word, update, lead link, measure, reading and snapshot entry, with the same ids."""
    plan_id = save_plan_data(db, _plan())
    take_snapshot(db, "September board", None, AS_OF)
    before = _everything(db)
    action = next(row for row in action_rows(db, plan_id, AS_OF) if row.ref == "1.2")
    removed = delete_action(db, action.id)
    assert (
        removed.count("progress_update"),
        removed.count("action_lead"),
        removed.count("measure"),
        removed.count("measure_reading"),
        removed.count("snapshot_entry"),
    ) == (2, 2, 1, 2, 1)
    assert [row.ref for row in action_rows(db, plan_id, AS_OF)] == ["1.1", "2.1"]
    assert len(_everything(db)["lead"]) == len(before["lead"])  # leads belong to the plan
    restore(db, removed)
    assert _everything(db) == before


def test_a_deleted_priority_comes_back_whole(db: Database) -> None:
    """Its outcomes, actions, measures and narratives go with it, and all come back."""
    plan_id = save_plan_data(db, _plan())
    before = _everything(db)
    first = action_rows(db, plan_id, AS_OF)[0].priority_id
    removed = delete_priority(db, first)
    assert removed.count("action") == 2 and removed.count("narrative") == 1
    assert removed.count("measure") == 2 and removed.count("outcome") == 1
    assert [row.ref for row in action_rows(db, plan_id, AS_OF)] == ["2.1"]
    restore(db, removed)
    assert _everything(db) == before


def test_rows_added_after_an_undo_take_new_ids_on_either_engine(db: Database) -> None:
    """Undo puts rows back with their own ids; what is added afterwards gets fresh ones
    (on a server the id sequence is moved past the rows put back)."""
    plan_id = save_plan_data(db, _plan())
    first = action_rows(db, plan_id, AS_OF)[0].priority_id
    restore(db, delete_priority(db, first))
    taken = {row.id for row in action_rows(db, plan_id, AS_OF)}
    new = add_action(db, first, ActionDraft(text="Safer Spaces scheme"))
    assert new not in taken
    assert len(action_rows(db, plan_id, AS_OF)) == len(taken) + 1


def test_a_new_action_never_takes_the_ref_of_one_still_there(db: Database) -> None:
    """After 1.2 is deleted, the next action is 1.3, not a second 1.2 or 1.3."""
    plan_id = save_plan_data(db, _plan())
    rows = action_rows(db, plan_id, AS_OF)
    delete_action(db, rows[0].id)
    new = add_action(db, rows[0].priority_id, ActionDraft(text="Safer Spaces scheme"))
    assert [row.ref for row in action_rows(db, plan_id, AS_OF)] == ["1.2", "1.3", "2.1"]
    assert action_rows(db, plan_id, AS_OF, action_ids=[new])[0].text == "Safer Spaces scheme"


def test_deleting_what_is_not_there_says_so(db: Database) -> None:
    """One sentence, nothing changed."""
    save_plan_data(db, _plan())
    before = _everything(db)
    with pytest.raises(ServiceError, match="action"):
        delete_action(db, 10**6)
    with pytest.raises(ServiceError, match="priority"):
        delete_priority(db, 10**6)
    assert _everything(db) == before


def test_a_deleted_plan_comes_back_with_its_workbook_and_everything_in_it(
    db: Database,
) -> None:
    """Deleting the tracker sample leaves the other plans; restoring brings back every row."""
    load_sample_plans(db)
    before = _everything(db)
    tracker = next(plan for plan in list_plans(db) if "Tracker" in plan.title)
    removed = delete_plan(db, tracker.id)
    assert removed.count("action") == 70 and removed.count("plan_source") == 1
    assert "Tracker" not in " ".join(plan.title for plan in list_plans(db))
    assert len(list_plans(db)) == 2
    restore(db, removed)
    assert _everything(db) == before


def test_renaming_a_plan_and_editing_a_priority(db: Database) -> None:
    """New words are kept; blank titles are refused in one sentence and change nothing."""
    plan_id = save_plan_data(db, _plan())
    assert rename_plan(db, plan_id, "  Northbridge Partnership Plan 2025-26 ") == (
        "Northbridge 2025-26"
    )
    assert [plan.title for plan in list_plans(db)] == ["Northbridge Partnership Plan 2025-26"]
    priority_id = action_rows(db, plan_id, AS_OF)[0].priority_id
    heading = PriorityHeading("Exploitation & missing", "Marek Dvořák", "<i>Fewer</i> missing")
    edit_priority(db, priority_id, heading)
    assert priority_heading(db, priority_id) == heading
    before = _everything(db)
    with pytest.raises(ServiceError, match=r"^A plan needs a title\.$"):
        rename_plan(db, plan_id, "   ")
    with pytest.raises(ServiceError, match=r"^A priority needs a title\.$"):
        edit_priority(db, priority_id, PriorityHeading(" "))
    assert _everything(db) == before


def test_a_deleted_outcome_comes_back_with_its_actions_under_it_again(db: Database) -> None:
    """Its actions stay (under the priority) while it is gone, and are linked again after."""
    plan_id = save_plan_data(db, _plan())
    before = _everything(db)
    under = next(row for row in action_rows(db, plan_id, AS_OF) if row.outcome_id)
    removed = delete_outcome(db, under.outcome_id)
    after = next(row for row in action_rows(db, plan_id, AS_OF) if row.id == under.id)
    assert (after.outcome_id, after.outcome_title) == (None, "")
    assert removed.count("measure") == 0 and removed.links
    restore(db, removed)
    assert _everything(db) == before
    assert action_draft(db, under.id).version == 3  # unlinked, then linked again


def test_a_measure_is_redefined_and_a_blank_name_or_foreign_priority_refused(
    db: Database,
) -> None:
    """New words and numbers kept; bad ones change nothing and say why in one sentence."""
    plan_id = save_plan_data(db, _plan())
    other = save_plan_data(db, PlanData(title="Other", priorities=[PriorityData("Elsewhere")]))
    [measure, *_] = measure_rows(db, plan_id)
    heading = MeasureHeading("Missing episodes per 1,000 children", "", "lower", 12.5, 9.0)
    edit_measure(db, measure.id, heading)
    assert measure_heading(db, measure.id) == heading
    before = _everything(db)
    with pytest.raises(ServiceError, match=r"^A measure needs a name"):
        edit_measure(db, measure.id, MeasureHeading("  "))
    elsewhere = plan_outline(db, other)[0].id
    with pytest.raises(ServiceError, match=r"^That priority is not part of this plan\.$"):
        edit_measure(db, measure.id, MeasureHeading("x", priority_id=elsewhere))
    assert _everything(db) == before


def test_moving_an_action_up_and_down_within_its_priority(db: Database) -> None:
    """Up and down swap neighbours; the first cannot go up, the last cannot go down."""
    plan_id = save_plan_data(db, _plan())
    first, second, other = action_rows(db, plan_id, AS_OF)
    assert move_action(db, second.id, -1) is True
    assert [row.id for row in action_rows(db, plan_id, AS_OF)] == [second.id, first.id, other.id]
    assert move_action(db, second.id, -1) is False  # already first
    assert move_action(db, other.id, 1) is False  # alone, last of its priority
    assert move_action(db, second.id, 1) is True
    assert [row.id for row in action_rows(db, plan_id, AS_OF)] == [first.id, second.id, other.id]
