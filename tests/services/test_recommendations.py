"""Review recommendations: imported from a workbook, linked to actions, their standing
following those actions, signed off by the board, deleted and brought back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import (
    ActionDraft,
    add_action,
    add_priority,
    delete_action,
    restore,
)
from actionplan.services.errors import ServiceError
from actionplan.services.plans import PlanInfo, create_plan
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.recommendation_import import check_import, import_recommendations
from actionplan.services.recommendations import (
    RecommendationDraft,
    add_recommendation,
    by_review,
    delete_recommendation,
    link_action,
    recommendation_lines,
    recommendations_of_action,
    sign_off,
    unlink_action,
)
from actionplan.services.recommendations import restore as restore_recommendation
from actionplan.store.database import Database
from tests.conftest import PlanFactory

HEADER = [
    "Review",
    "Type",
    "Date",
    "Recommendation",
    "Partnership response",
    "Action",
    "Lead",
    "Due",
    "Status",
]


def write_register(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    """A recommendations workbook as a business manager keeps one."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Recommendations"
    sheet.append(["Northbridge SCP: review recommendations tracker"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text that looks like a formula, as Excel keeps it
    book.save(path)
    return path


@pytest.fixture
def two_actions(factory: PlanFactory) -> tuple[int, int, int]:
    """A priority with two actions, 1.1 and 1.2; returns (priority, 1.1, 1.2)."""
    priority = factory.priority("Neglect")
    first = factory.action(
        priority, "Train staff on the neglect toolkit", ref="1.1", timescale="31/01/2025"
    )
    second = factory.action(priority, "Audit neglect referrals", ref="1.2", timescale="30/06/2025")
    return priority, first, second


def _complete(db: Database, action_id: int) -> None:
    record_progress(
        db,
        ProgressEntry(
            action_id, date(2025, 3, 1), Rag.BLUE, Status.COMPLETE, "Done", reason="Done"
        ),
    )


def test_a_workbook_is_imported_linked_and_its_status_follows_the_actions(
    db: Database, plan: PlanInfo, two_actions: tuple[int, int, int], tmp_path: Path, as_of: date
) -> None:
    """Rows link by ref and by words; completing an action moves the review's count."""
    _, first, second = two_actions
    path = write_register(
        tmp_path / "recs.xlsx",
        [
            [
                "Child Q",
                "CSPR",
                date(2024, 5, 1),
                "Train staff in neglect",
                "Agreed",
                "1.1",
                "",
                "",
                "",
            ],
            [None, None, None, "Audit referrals", "Agreed", "audit neglect referrals", "", "", ""],
            [None, None, None, "Share learning", "Agreed", "", "", "", ""],
        ],
    )
    result = import_recommendations(db, path, plan.id, as_of)
    assert (
        result.sentence == "Imported 3 recommendations from 1 review, linked to 2 existing actions."
    )
    [group] = by_review(recommendation_lines(db, as_of))
    assert group.review == "Child Q"
    assert group.review_type.word == "Child safeguarding practice review"
    assert group.sentence == "0 of 3 recommendations from Child Q's review are complete"
    words = [line.state.words for line in group.lines]
    assert words == ["In progress — 1.1 overdue", "In progress", "No action yet"]
    assert group.lines[0].record.draft.review_date == date(2024, 5, 1)

    _complete(db, first)
    [group] = by_review(recommendation_lines(db, as_of))
    assert group.sentence == "1 of 3 recommendations from Child Q's review are complete"
    assert group.lines[0].state.words == "Actions complete — awaiting sign-off"
    assert [line.record.draft.text for line in recommendations_of_action(db, second, as_of)] == [
        "Audit referrals"
    ]


def test_reimporting_the_same_workbook_adds_nothing_twice(
    db: Database, plan: PlanInfo, two_actions: tuple[int, int, int], tmp_path: Path, as_of: date
) -> None:
    """Recommendations already in the register are left as they were."""
    path = write_register(
        tmp_path / "recs.xlsx", [["Child Q", "", "", "Train staff", "", "1.1", "", "", ""]]
    )
    import_recommendations(db, path, plan.id, as_of)
    again = import_recommendations(db, path, plan.id, as_of)
    assert again.added == 0 and again.skipped == 1
    assert len(recommendation_lines(db, as_of)) == 1


def test_an_action_the_plan_lacks_is_made_under_the_chosen_priority(
    db: Database, plan: PlanInfo, two_actions: tuple[int, int, int], tmp_path: Path, as_of: date
) -> None:
    """Without a priority the import is refused naming the row; with one the action is made."""
    priority, _, _ = two_actions
    path = write_register(
        tmp_path / "recs.xlsx",
        [
            [
                "Ofsted JTAI 2024",
                "",
                "",
                "Improve the front door",
                "",
                "Review MASH thresholds",
                "Jo Bell",
                "March 2026",
                "Not started",
            ]
        ],
    )
    assert check_import(db, path, plan.id, as_of).unmatched == 1
    with pytest.raises(
        ServiceError, match=r"Row 3 of .* names the action “Review MASH thresholds”"
    ):
        import_recommendations(db, path, plan.id, as_of)
    assert recommendation_lines(db, as_of) == []
    result = import_recommendations(db, path, plan.id, as_of, priority_id=priority)
    assert result.created == 1
    made = [row for row in action_rows(db, plan.id, as_of) if row.text == "Review MASH thresholds"]
    assert made[0].leads == ("Jo Bell",) and made[0].due_date == date(2026, 3, 31)
    [line] = recommendation_lines(db, as_of)
    assert line.record.draft.review_type.word == "Inspection"
    assert [a.action_id for a in line.record.actions] == [made[0].id]


def test_the_boards_sign_off_is_recorded_with_who_and_when(
    db: Database, two_actions: tuple[int, int, int], as_of: date
) -> None:
    """Signed off: closed, naming who and when; taking it back reopens it."""
    draft = RecommendationDraft("Child Q", "Train staff")
    rec = add_recommendation(db, draft, [two_actions[1]])
    with pytest.raises(ServiceError, match="who signed"):
        sign_off(db, rec, " ", date(2025, 3, 20))
    sign_off(db, rec, "Independent scrutineer", date(2025, 3, 20))
    [line] = recommendation_lines(db, as_of)
    assert line.state.words == "Closed"
    assert (line.record.signed_off_by, line.record.signed_off_on) == (
        "Independent scrutineer",
        date(2025, 3, 20),
    )
    sign_off(db, rec, "", None)
    assert recommendation_lines(db, as_of)[0].state.words == "In progress — 1.1 overdue"


def test_links_to_actions_of_another_plan_and_unlinking(
    db: Database, two_actions: tuple[int, int, int], as_of: date
) -> None:
    """Any action of any plan can answer it; a link added twice is kept once."""
    other = create_plan(db, "Northbridge Business Plan 2024-25", "Northbridge SCP")
    elsewhere = add_action(
        db, add_priority(db, other.id, "Early help"), ActionDraft("Refresh the EH offer")
    )
    rec = add_recommendation(db, RecommendationDraft("Child Q", "Train staff"), [two_actions[1]])
    assert link_action(db, rec, elsewhere) is True
    assert link_action(db, rec, elsewhere) is False
    [line] = recommendation_lines(db, as_of)
    assert [a.plan_title for a in line.record.actions] == [
        "Northbridge Priorities Action Plan 2025-26",
        "Northbridge Business Plan 2024-25",
    ]
    assert unlink_action(db, rec, two_actions[1]) is True
    assert [a.action_id for a in recommendation_lines(db, as_of)[0].record.actions] == [elsewhere]


def test_a_deleted_actions_link_goes_with_it_and_undo_brings_both_back(
    db: Database, two_actions: tuple[int, int, int], as_of: date
) -> None:
    """Deleting an action takes its link; restoring it puts the link back."""
    rec = add_recommendation(db, RecommendationDraft("Child Q", "Train staff"), [two_actions[1]])
    removed = delete_action(db, two_actions[1])
    assert recommendation_lines(db, as_of)[0].state.words == "No action yet"
    restore(db, removed)
    [line] = recommendation_lines(db, as_of)
    assert [a.action_id for a in line.record.actions] == [two_actions[1]]
    gone = delete_recommendation(db, rec)
    assert recommendation_lines(db, as_of) == []
    restore_recommendation(db, gone)
    assert recommendation_lines(db, as_of)[0].record.actions[0].ref == "1.1"


def test_a_recommendation_needs_a_review_and_words(db: Database) -> None:
    """Blank words are refused in one sentence."""
    with pytest.raises(ServiceError, match="name the review"):
        add_recommendation(db, RecommendationDraft(" ", "Train staff"))
    with pytest.raises(ServiceError, match="recommendation's words"):
        add_recommendation(db, RecommendationDraft("Child Q", ""))
