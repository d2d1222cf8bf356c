"""Update returns from leads: issue one per lead, see what they change, record it safely."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.services.returns import (
    apply_returns,
    export_returns,
    preview_returns,
    recorded_updates,
)
from actionplan.store.database import Database
from tests.plan_helpers import fill_in, plan_with_leads

AS_OF = date(2025, 12, 1)
SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "northbridge_tracker_2025.xlsx"


def ids(db: Database, plan_id: int) -> dict[str, int]:
    """Each action's id by its ref."""
    return {row.ref: row.id for row in action_rows(db, plan_id, AS_OF)}


@pytest.fixture
def issued(db: Database, tmp_path: Path) -> tuple[int, dict[str, Path]]:
    """A plan and its returns, by lead."""
    plan_id = save_plan_data(db, plan_with_leads())
    result = export_returns(db, tmp_path / "returns", as_of=AS_OF)
    return plan_id, {path.stem.removeprefix("Return - "): path for path in result.files}


def test_one_return_is_written_per_lead_with_only_their_actions(
    db: Database, tmp_path: Path
) -> None:
    """Police get two actions, Health one; an action with no lead is counted, not lost."""
    save_plan_data(db, plan_with_leads())
    result = export_returns(db, tmp_path / "returns", as_of=AS_OF)
    assert result.leads == ["Police", "Health"]
    assert result.without_lead == 1
    police = load_workbook(result.files[0])["Your actions"]
    assert [police.cell(row, 1).value for row in (2, 3)] == ["1.1", "1.2"]
    assert police.cell(4, 1).value is None


def test_a_returns_cycle_records_updates_by_the_lead_and_leaves_a_conflict_alone(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """Preview shows old → new; apply records them by the lead; an action edited since is kept."""
    plan_id, files = issued
    action = ids(db, plan_id)
    fill_in(files["Police"], 2, "Green", "In progress", "- 25 businesses signed up")
    fill_in(files["Police"], 3, "Red", "Delayed", "Trainer off sick")
    # The business manager records progress on 1.2 in the app after the returns went out.
    edit = ProgressEntry(
        action["1.2"], date(2025, 11, 25), Rag.AMBER, Status.DELAYED, "Venue cancelled"
    )
    record_progress(db, replace(edit, author="Ana", reason="venue"))

    [preview] = preview_returns(db, [files["Police"]], as_of=AS_OF)
    assert [change.kind for change in preview.changes] == ["change", "conflict"]
    assert preview.changes[0].describe() == (
        "1.1 Safer Spaces: sign up businesses: RAG Amber → Green, "
        'update 28 Nov 2025: "- 25 businesses signed up".'
    )
    assert preview.changes[1].describe().startswith("CONFLICT 1.2 Operation Makesafe training")
    assert history(db, action["1.1"]) == []  # a preview records nothing

    [applied] = apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert [change.kind for change in applied.changes] == ["recorded", "conflict"]
    [update] = history(db, action["1.1"])
    [(entry, update_id, before)] = recorded_updates([applied])
    assert (entry.action_id, entry.author, update_id) == (action["1.1"], "Police", update.id)
    assert before == (Rag.AMBER, Status.IN_PROGRESS)
    assert (update.author, update.text, update.rag) == (
        "Police",
        "- 25 businesses signed up",
        Rag.GREEN,
    )
    assert [u.text for u in history(db, action["1.2"])] == ["Venue cancelled"]

    [again] = apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert [change.kind for change in again.changes] == ["already", "conflict"]
    assert len(history(db, action["1.1"])) == 1


def test_the_second_return_for_a_shared_action_is_a_conflict(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """Two leads of one action: the first return merged wins, the second is reported."""
    plan_id, files = issued
    fill_in(files["Police"], 3, "Green", "In progress", "Police view")
    fill_in(files["Health"], 2, "Red", "Delayed", "Health view", "no trainer")
    reports = apply_returns(db, [files["Police"], files["Health"]], as_of=AS_OF)
    assert [[c.kind for c in report.changes] for report in reports] == [
        ["unchanged", "recorded"],
        ["conflict"],
    ]
    texts = [u.text for u in history(db, ids(db, plan_id)["1.2"])]
    assert texts == ["Police view"]


def test_a_rag_against_the_suggestion_with_no_reason_is_recorded_and_flagged(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """The lead's update is never lost; the missing reason is said and recorded as missing."""
    plan_id, files = issued
    fill_in(files["Police"], 2, "Red", "In progress", "Behind on sign-ups")
    [preview] = preview_returns(db, [files["Police"]], as_of=AS_OF)
    assert "no reason given for Red where Green was suggested" in preview.changes[0].describe()
    apply_returns(db, [files["Police"]], as_of=AS_OF)
    [update] = history(db, ids(db, plan_id)["1.1"])
    assert update.reason == "No reason given in Police's return"


def test_a_reason_the_lead_gives_is_recorded(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """The Reason column is the update's reason."""
    plan_id, files = issued
    fill_in(files["Police"], 2, "Red", "In progress", "Behind", "two businesses withdrew")
    apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert history(db, ids(db, plan_id)["1.1"])[0].reason == "two businesses withdrew"


def test_a_return_for_another_plan_is_refused_by_name(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """Merging into the wrong plan says which plan the return is for."""
    _plan_id, files = issued
    save_plan_data(db, plan_with_leads("Business Plan 2025-26"))
    [report] = preview_returns(db, [files["Police"]], plan_name="Business Plan")
    assert report.error == (
        "'Return - Police.xlsx' is a return for the plan 'Northbridge Priorities Action Plan "
        "2025-26', not for 'Business Plan 2025-26'."
    )


def test_a_return_from_another_database_is_refused(
    issued: tuple[int, dict[str, Path]], tmp_path: Path
) -> None:
    """A database without the return's plan says so rather than merging into a stranger."""
    _plan_id, files = issued
    other = Database.open(tmp_path / "other.db")
    try:
        save_plan_data(other, plan_with_leads("Someone else's plan"))
        [report] = preview_returns(other, [files["Police"]])
    finally:
        other.close()
    assert "which is not in this database" in report.error


def test_foreign_workbooks_and_moved_rows_get_a_clear_message(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """Not a return: one sentence. A row moved down: its old place reads as locked cells
    emptied, its new place as an added row; both reported, nothing recorded."""
    plan_id, files = issued
    book = load_workbook(files["Police"])
    book["Your actions"].move_range("A3:L3", rows=1)
    book.save(files["Police"])
    reports = apply_returns(db, [SAMPLE, files["Police"]], as_of=AS_OF)
    assert "is not an update return made by actionplan" in reports[0].error
    assert [change.kind for change in reports[1].changes] == ["unchanged", "problem", "problem"]
    moved, added = (change.describe() for change in reports[1].changes[1:])
    assert moved.startswith("PROBLEM 1.2 Operation Makesafe training: locked cells were changed")
    assert "row 4 was added to the return" in added
    assert all(history(db, action_id) == [] for action_id in ids(db, plan_id).values())


def test_an_action_saved_unchanged_after_issue_is_no_conflict_but_an_edit_is(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """The business manager opens 1.1 and saves it as it was: the lead's update still merges.
    1.2 moved to a new timescale after the return went out: a conflict."""
    plan_id, files = issued
    action = ids(db, plan_id)
    edit_action(db, action["1.1"], action_draft(db, action["1.1"]))
    moved = replace(action_draft(db, action["1.2"]), timescale="June 2026")
    edit_action(db, action["1.2"], moved)
    fill_in(files["Police"], 2, "Green", "In progress", "25 signed up")
    fill_in(files["Police"], 3, "Green", "In progress", "Trainer booked")
    [applied] = apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert [change.kind for change in applied.changes] == ["recorded", "conflict"]


def test_updates_dated_before_the_plan_or_over_a_year_ahead_are_reported(
    db: Database, tmp_path: Path
) -> None:
    """A typo'd year either way is shown as a problem for its row, and nothing is recorded."""
    plan = replace(plan_with_leads(), period_start=date(2025, 4, 1))
    plan_id = save_plan_data(db, plan)
    [police, _health] = export_returns(db, tmp_path, as_of=AS_OF).files
    fill_in(police, 2, "Green", "In progress", "25 signed up")
    fill_in(police, 3, "Green", "In progress", "Trainer booked")
    book = load_workbook(police)
    book["Your actions"]["K2"].value = date(2015, 11, 28)
    book["Your actions"]["K3"].value = date(2027, 11, 28)
    book.save(police)
    [applied] = apply_returns(db, [police], as_of=AS_OF)
    assert [change.note for change in applied.changes] == [
        "the update is dated 28 Nov 2015, before the plan began (1 Apr 2025)",
        "the update is dated 28 Nov 2027, more than a year ahead",
    ]
    assert all(history(db, action_id) == [] for action_id in ids(db, plan_id).values())


def test_the_preview_echoes_the_leads_reason_and_the_update_names_its_return(
    db: Database, issued: tuple[int, dict[str, Path]]
) -> None:
    """The lead's reason is shown before it is recorded; the recorded update says which
    return, issued to whom and when, it came from."""
    plan_id, files = issued
    fill_in(files["Police"], 2, "Red", "In progress", "Behind", "two businesses withdrew")
    [preview] = preview_returns(db, [files["Police"]], as_of=AS_OF)
    assert preview.changes[0].describe() == (
        '1.1 Safer Spaces: sign up businesses: RAG Amber → Red, update 28 Nov 2025: "Behind", '
        'reason: "two businesses withdrew".'
    )
    assert preview.heading().startswith("Return - Police.xlsx – return issued 1 Dec 2025 from")
    apply_returns(db, [files["Police"]], as_of=AS_OF)
    [update] = history(db, ids(db, plan_id)["1.1"])
    assert update.from_return == "return issued to Police on 1 Dec 2025"
