"""Next year's plan from this one: what is copied, carried and left, and the old plan closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

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
from actionplan.services.editing import ActionDraft, action_draft, add_action, edit_action
from actionplan.services.errors import ServiceError
from actionplan.services.impact import add_reading
from actionplan.services.next_plan import (
    NextPlan,
    carried_from,
    leave_by_refs,
    plan_closure,
    propose_next_plan,
    redo_next_plan,
    reopen_plan,
    start_next_plan,
    undo_next_plan,
)
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import find_plan, list_plans, rename_plan
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.summary import plan_summary
from actionplan.store.database import Database

OLD_TITLE = "Northbridge Business Plan 2024-25"
POLICE, HEALTH = LeadData("Police", "Northbridge Police"), LeadData("Health")


def _action(ref: str, status: Status, rag: Rag, **more: object) -> ActionData:
    fields: dict[str, object] = {"leads": [POLICE], **more}
    return ActionData(f"Action {ref}", ref, status=status, rag=rag, **fields)  # type: ignore[arg-type]


def _year_plan() -> PlanData:
    """Two priorities, one outcome, five actions: two done (Complete; Blue), one cancelled,
    two still to do; a measure with readings over two years; a narrative."""
    update = UpdateData(date(2024, 9, 1), "32 schools signed up", "Ana", Rag.AMBER)
    measure = MeasureData(
        "Children on a protection plan",
        direction="lower",
        baseline=520,
        baseline_raw="520",
        readings=[
            ReadingData("2023-24", 398, "398", date(2024, 3, 31)),
            ReadingData("2024-25", 467, "467", date(2025, 3, 31)),
        ],
    )
    return PlanData(
        title=OLD_TITLE,
        partnership="Northbridge SCP",
        period_start=date(2024, 4, 1),
        period_end=date(2025, 3, 31),
        period_raw="2024/25",
        priorities=[
            PriorityData(
                "Contextual Risk",
                "1",
                champion="Ana Novak",
                outcomes=["Safer spaces"],
                actions=[
                    _action("1.1", Status.COMPLETE, Rag.GREEN),
                    _action(
                        "1.2",
                        Status.IN_PROGRESS,
                        Rag.AMBER,
                        outcome="Safer spaces",
                        updates=[update],
                        leads=[POLICE, HEALTH],
                        timescale_raw="March 2025",
                    ),
                    _action("1.3", Status.CANCELLED, Rag.UNRATED),
                ],
                measures=[measure],
                narratives=[NarrativeData("2024-25", done="We ran the audit")],
            ),
            PriorityData(
                "Neglect",
                "2",
                actions=[
                    _action("2.1", Status.IN_PROGRESS, Rag.BLUE),
                    _action("2.2", Status.DELAYED, Rag.RED),
                ],
            ),
        ],
    )


def _chosen(**changes: object) -> NextPlan:
    chosen = NextPlan("Northbridge Business Plan 2025-26", date(2025, 4, 1), date(2026, 3, 31))
    return replace(chosen, **changes)  # type: ignore[arg-type]


def test_the_proposal_follows_the_old_plan_and_offers_the_unfinished_actions(db: Database) -> None:
    """The dialog proposes "… 2025-26", April to March, and the two actions still to do."""
    plan_id = save_plan_data(db, _year_plan())
    proposal = propose_next_plan(db, plan_id)
    assert proposal.plan.title == "Northbridge Business Plan 2025-26"
    assert (proposal.plan.period_start, proposal.plan.period_end) == (
        date(2025, 4, 1),
        date(2026, 3, 31),
    )
    assert proposal.plan.period_raw == "2025/26"
    assert [c.ref for c in proposal.candidates] == ["1.2", "2.2"]


def test_a_roll_forward_copies_the_shape_carries_the_unfinished_and_rebases_measures(
    db: Database,
) -> None:
    """Priorities, outcomes and leads copied; unfinished actions carried with their words,
    leads, timescale, RAG and status; the measure's baseline is last year's latest reading."""
    plan_id = save_plan_data(db, _year_plan())
    made = start_next_plan(db, plan_id, _chosen())
    assert (made.priorities, made.outcomes, made.leads) == (2, 1, 2)
    assert (made.actions, made.left, made.measures, made.narratives) == (2, 0, 1, 0)
    new = load_plan_data(db, made.plan_id)
    carried = [a for p in new.priorities for a in p.actions]
    assert [(a.ref, a.status, a.rag) for a in carried] == [
        ("1.2", Status.IN_PROGRESS, Rag.AMBER),
        ("2.2", Status.DELAYED, Rag.RED),
    ]
    assert {lead.name for lead in carried[0].leads} == {"Police", "Health"}
    assert carried[0].outcome == "Safer spaces" and carried[0].timescale_raw == "March 2025"
    assert carried[0].updates == []  # its history stays on the old plan
    measure = new.priorities[0].measures[0]
    assert (measure.baseline, measure.readings) == (467, [])
    assert new.priorities[0].narratives == []
    assert (new.period_start, new.period_end, new.period_raw) == (
        date(2025, 4, 1),
        date(2026, 3, 31),
        "",
    )


def test_each_carried_action_links_to_the_one_it_continues(db: Database) -> None:
    """The new 1.2 says it was carried forward from the old plan's 1.2."""
    plan_id = save_plan_data(db, _year_plan())
    old = load_plan_data(db, plan_id)
    made = start_next_plan(db, plan_id, _chosen())
    new_summary = plan_summary(db, made.title)
    assert new_summary["actions"] == 2
    new_ids = [row.action_id for row in propose_next_plan(db, made.plan_id).candidates]
    link = carried_from(db, new_ids[0])
    assert link is not None
    assert (link.plan_title, link.ref, link.plan_id) == (OLD_TITLE, "1.2", plan_id)
    assert action_draft(db, link.action_id or 0).ref == "1.2"
    assert load_plan_data(db, plan_id) == old  # the old plan's history untouched


def test_unticked_actions_stay_behind_and_narratives_come_when_asked(db: Database) -> None:
    """Leaving 2.2 behind carries only 1.2; asking for narratives copies them."""
    plan_id = save_plan_data(db, _year_plan())
    leave = leave_by_refs(db, plan_id, ["2.2"])
    made = start_next_plan(db, plan_id, _chosen(leave=leave, narratives=True))
    assert (made.actions, made.left, made.narratives) == (1, 1, 1)
    new = load_plan_data(db, made.plan_id)
    assert [a.ref for p in new.priorities for a in p.actions] == ["1.2"]
    assert new.priorities[0].narratives[0].done == "We ran the audit"


def test_an_unknown_reference_to_leave_is_refused_in_one_sentence(db: Database) -> None:
    """A complete action cannot be left behind: it was never going to be carried."""
    plan_id = save_plan_data(db, _year_plan())
    with pytest.raises(ServiceError, match=r"no unfinished action 1\.1 to leave behind"):
        leave_by_refs(db, plan_id, ["1.1"])


def test_the_old_plan_refuses_edits_until_reopened(db: Database) -> None:
    """Every kind of write to a closed plan is refused, in one sentence, and changes nothing."""
    plan_id = save_plan_data(db, _year_plan())
    before = load_plan_data(db, plan_id)
    start_next_plan(db, plan_id, _chosen())
    old_action = next(c for c in propose_next_plan(db, plan_id).candidates if c.ref == "1.2")
    sentence = f"{OLD_TITLE} is closed, rolled forward to Northbridge Business Plan 2025-26 on "
    draft = action_draft(db, old_action.action_id)
    attempts = [
        lambda: edit_action(db, old_action.action_id, ActionDraft(text="New words", ref="1.2")),
        lambda: record_progress(
            db,
            ProgressEntry(
                old_action.action_id, date(2025, 4, 2), Rag.RED, Status.DELAYED, "Late news"
            ),
        ),
        lambda: rename_plan(db, plan_id, "Something else"),
        lambda: add_action(db, _priority_of(db, plan_id), ActionDraft(text="One more")),
        lambda: add_reading(db, _measure_of(db, plan_id), "2025-26", 1.0),
    ]
    for attempt in attempts:
        with pytest.raises(Exception, match=sentence) as refused:
            attempt()
        assert str(refused.value).endswith(": reopen it to change it.")
    assert load_plan_data(db, plan_id) == before
    assert draft.text == "Action 1.2"
    closed = reopen_plan(db, plan_id)
    assert closed is not None and plan_closure(db, plan_id) is None
    edit_action(db, old_action.action_id, ActionDraft(text="New words", ref="1.2"))
    assert action_draft(db, old_action.action_id).text == "New words"


def _priority_of(db: Database, plan_id: int) -> int:
    from actionplan.services.outline import plan_outline

    return plan_outline(db, plan_id)[0].id


def _measure_of(db: Database, plan_id: int) -> int:
    from actionplan.services.measure_rows import measure_rows

    return measure_rows(db, plan_id)[0].id


def test_a_title_in_use_is_refused_and_nothing_is_written(db: Database) -> None:
    """All or nothing: a clash of titles leaves one plan, still open."""
    plan_id = save_plan_data(db, _year_plan())
    with pytest.raises(ServiceError, match="already called"):
        start_next_plan(db, plan_id, _chosen(title=OLD_TITLE.upper()))
    assert len(list_plans(db)) == 1 and plan_closure(db, plan_id) is None


def test_a_closed_plan_cannot_be_rolled_forward_twice(db: Database) -> None:
    """Rolling the same year forward again is refused with the closed plan's sentence."""
    plan_id = save_plan_data(db, _year_plan())
    start_next_plan(db, plan_id, _chosen())
    with pytest.raises(Exception, match="is closed"):
        start_next_plan(db, plan_id, _chosen(title="Another 2025-26"))


def test_undo_deletes_the_new_plan_and_reopens_the_old_and_redo_brings_both_back(
    db: Database,
) -> None:
    """Undo and redo of a roll-forward, each whole."""
    plan_id = save_plan_data(db, _year_plan())
    made = start_next_plan(db, plan_id, _chosen())
    new = load_plan_data(db, made.plan_id)
    undone = undo_next_plan(db, made.plan_id)
    assert [p.id for p in list_plans(db)] == [plan_id] and plan_closure(db, plan_id) is None
    redo_next_plan(db, undone)
    assert load_plan_data(db, made.plan_id) == new
    closed = plan_closure(db, plan_id)
    assert closed is not None and closed.rolled_to_plan_id == made.plan_id
    found = find_plan(db)
    assert found is not None and found.id == made.plan_id


def test_deleting_the_closed_plan_keeps_the_carried_actions_words_and_undo_links_them_again(
    db: Database,
) -> None:
    """A closed plan may still be deleted; its carried actions still say where they came
    from (without a link to open), and putting the plan back links them again."""
    from actionplan.services.editing import restore
    from actionplan.services.plans import delete_plan

    plan_id = save_plan_data(db, _year_plan())
    made = start_next_plan(db, plan_id, _chosen())
    new_id = propose_next_plan(db, made.plan_id).candidates[0].action_id
    removed = delete_plan(db, plan_id)
    link = carried_from(db, new_id)
    assert link is not None and (link.plan_id, link.action_id) == (None, None)
    assert (link.plan_title, link.ref) == (OLD_TITLE, "1.2")
    restore(db, removed)
    again = carried_from(db, new_id)
    assert again is not None and again.plan_id == plan_id
    assert plan_closure(db, plan_id) is not None


def test_hostile_titles_are_kept_as_typed_and_blank_ones_refused(db: Database) -> None:
    """A title that looks like a formula or markup, in any script, is stored as typed (its
    spaces tidied); a blank title or a period ending before it starts is refused."""
    plan_id = save_plan_data(db, _year_plan())
    with pytest.raises(ServiceError, match="needs a title"):
        start_next_plan(db, plan_id, _chosen(title="   "))
    with pytest.raises(ServiceError, match="ends before it starts"):
        start_next_plan(db, plan_id, _chosen(period_end=date(2025, 1, 1)))
    assert len(list_plans(db)) == 1
    hostile = '=HYPERLINK("x")  <b>Plan</b> & Zażółć تقييم 2025-26 👶'
    made = start_next_plan(db, plan_id, _chosen(title=hostile))
    assert made.title == '=HYPERLINK("x") <b>Plan</b> & Zażółć تقييم 2025-26 👶'
    assert list_plans(db)[0].title == made.title
