"""Update returns as a lead receives them, and reading back what the lead filled in."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from actionplan.domain.plan_values import ActionRow
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.errors import WorkbookError
from actionplan.excel.returns.reader import read_return
from actionplan.excel.returns.writer import ReturnIssue, write_return

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def returned_action(
    action_id: int,
    ref: str,
    priority: str,
    text: str,
    timescale: str,
    due: date | None,
    rag: Rag,
    status: Status,
    suggested: Rag,
    latest_update: str = "",
    latest_date: date | None = None,
) -> ActionRow:
    """One of the lead's actions as it stands at issue, with only what a return shows."""
    return ActionRow(
        id=action_id,
        priority_id=1,
        priority_title=priority,
        outcome_id=None,
        outcome_title="",
        ref=ref,
        text=text,
        leads=("Police",),
        agencies=(),
        lead_raw="Police",
        timescale_raw=timescale,
        due_date=due,
        status=status,
        rag=rag,
        suggested_rag=suggested,
        suggestion_reason="",
        overdue=False,
        stale=False,
        latest_update=latest_update,
        latest_update_date=latest_date,
        latest_update_author="",
        how_we_know="",
        has_update=bool(latest_update),
    )


def issue(lead: str = "Police") -> ReturnIssue:
    """A return for one lead with two actions, one with formula-looking words."""
    return ReturnIssue(
        plan_id=7,
        plan_title="Northbridge Priorities Action Plan 2025-26",
        lead=lead,
        as_of=date(2025, 12, 1),
        send_to="Ana Novak, NSCP Business Manager",
        seal=lambda row, column, _text: f"seal {row}.{column}",
        actions=[
            returned_action(
                11,
                "1.2",
                "Contextual Risk",
                "=Safer Spaces: sign up businesses",
                "Q4 2025/26",
                date(2026, 3, 31),
                Rag.AMBER,
                Status.IN_PROGRESS,
                Rag.GREEN,
                "14 signed up",
                date(2025, 11, 3),
            ),
            returned_action(
                12,
                "1.6",
                "Contextual Risk",
                "Operation Makesafe training",
                "November 2025",
                date(2025, 11, 30),
                Rag.RED,
                Status.DELAYED,
                Rag.RED,
            ),
        ],
        revisions={11: 3, 12: 5},
        versions={11: 8, 12: 2},
    )


@pytest.fixture
def return_file(tmp_path: Path) -> Path:
    """A freshly written return."""
    path = tmp_path / "Return - Police.xlsx"
    write_return(issue(), path)
    return path


def fill_in(path: Path, cells: dict[str, object], sheet: str = "Your actions") -> None:
    """Type into the return as the lead would (the update cells take text as text), and save."""
    book = load_workbook(path)
    for coordinate, value in cells.items():
        cell = book[sheet][coordinate]
        cell.value = value
        if cell.number_format == "@":
            cell.data_type = "s"
    book.save(path)


def test_the_return_opens_on_instructions_naming_the_lead_and_where_to_send_it(
    return_file: Path,
) -> None:
    """The first sheet tells the lead what to do, in words."""
    book = load_workbook(return_file)
    assert book.sheetnames == ["Instructions", "Your actions", "_return"]
    words = [row[0] for row in book["Instructions"].iter_rows(values_only=True) if row[0]]
    assert words[0] == "Update return for Police"
    assert any("Ana Novak, NSCP Business Manager" in line for line in words)
    assert book["_return"].sheet_state == "veryHidden"


def test_only_rag_status_update_date_and_reason_can_be_edited(return_file: Path) -> None:
    """The sheet is protected; the five columns a lead fills in are unlocked, the rest locked."""
    sheet = load_workbook(return_file)["Your actions"]
    assert sheet.protection.sheet
    unlocked = [cell.column for cell in sheet[2] if not cell.protection.locked]
    assert unlocked == [8, 9, 10, 11, 12]
    assert [sheet.cell(1, c).value for c in (8, 9, 10, 11)] == [
        "RAG",
        "Status",
        "Your update",
        "Date of update",
    ]
    assert sheet["C2"].value.startswith("=") and sheet["C2"].data_type == "s"
    assert sheet["J2"].number_format == sheet["L2"].number_format == "@"  # typed text stays text


def test_rag_and_status_are_chosen_from_drop_downs(return_file: Path) -> None:
    """Drop-down lists on RAG and Status, and a date check on the date."""
    validations = load_workbook(return_file)["Your actions"].data_validations.dataValidation
    kinds = {str(v.sqref): v.type for v in validations}
    assert kinds == {"H2:H3": "list", "I2:I3": "list", "K2:K3": "date"}


def test_an_untouched_return_reads_back_as_issued(return_file: Path) -> None:
    """Plan, lead, each action's id, revision and row version at issue come back; nothing
    changed."""
    returned = read_return(return_file)
    assert (returned.plan_id, returned.lead, returned.issued_on) == (7, "Police", date(2025, 12, 1))
    assert [row.action_id for row in returned.rows] == [11, 12]
    assert [(row.revision, row.version) for row in returned.rows] == [(3, 8), (5, 2)]
    assert not any(row.changed for row in returned.rows)


def test_what_the_lead_wrote_is_read(return_file: Path) -> None:
    """RAG, status, update, date and reason as the lead typed them."""
    fill_in(
        return_file,
        {
            "H2": "Green",
            "I2": "Complete",
            "J2": "=All 25 signed up",
            "K2": datetime(2025, 11, 28),
            "L2": "Target met early",
        },
    )
    row = read_return(return_file).rows[0]
    assert (row.rag, row.status, row.update) == (Rag.GREEN, Status.COMPLETE, "=All 25 signed up")
    assert (row.update_date, row.reason, row.changed) == (
        date(2025, 11, 28),
        "Target met early",
        True,
    )


def test_a_word_that_is_no_rag_is_a_problem_for_that_row_only(return_file: Path) -> None:
    """An unknown RAG is reported against its row; the other rows read normally."""
    fill_in(return_file, {"H2": "Purple", "J3": "Post filled"})
    first, second = read_return(return_file).rows
    assert first.problem == "'Purple' is not a RAG"
    assert second.update == "Post filled" and not second.problem


def test_locked_cells_are_read_as_they_stand_beside_their_seals(return_file: Path) -> None:
    """An edited locked cell is read as edited, with the seal it was issued with, for the
    merge to compare; the lead's own cells read as before."""
    fill_in(return_file, {"C3": "Something else entirely", "J3": "Post filled"})
    first, second = read_return(return_file).rows
    assert (3, "Something else entirely") in second.locked
    assert (3, "=Safer Spaces: sign up businesses") in first.locked
    assert second.seals == tuple(f"seal 3.{column}" for column in range(1, 8))
    assert second.update == "Post filled"


def test_a_row_the_lead_added_is_read_as_added(return_file: Path) -> None:
    """Words typed below the lead's actions come back as an added row, not dropped."""
    fill_in(return_file, {"A5": "1.9", "C5": "Extra training", "J5": "Done"})
    returned = read_return(return_file)
    assert [(row.row, row.ref, row.text) for row in returned.added] == [
        (5, "1.9", "Extra training")
    ]
    assert [row.action_id for row in returned.rows] == [11, 12]


def test_a_return_made_before_returns_were_signed_is_refused(return_file: Path) -> None:
    """An unsigned return of the earlier kind cannot be checked, so it is refused in words."""
    fill_in(return_file, {"B2": 1}, sheet="_return")
    with pytest.raises(
        WorkbookError, match=r"made before returns were signed.*send Police a fresh"
    ):
        read_return(return_file)


def test_a_return_whose_row_version_is_not_a_number_is_refused_as_damaged(
    return_file: Path,
) -> None:
    """The hidden row version typed over with words: one sentence, nothing read."""
    fill_in(return_file, {"F12": "eight"}, sheet="_return")
    with pytest.raises(WorkbookError, match="has damaged return details, so it cannot be merged"):
        read_return(return_file)


def test_a_workbook_that_is_not_a_return_is_refused(tmp_path: Path) -> None:
    """A partnership's own workbook or a text file is not mistaken for a return."""
    with pytest.raises(WorkbookError, match="not an update return made by actionplan"):
        read_return(SAMPLES / "northbridge_tracker_2025.xlsx")
    text = tmp_path / "notes.csv"
    text.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="not an update return"):
        read_return(text)


def test_every_lead_gets_the_same_shape_of_workbook(tmp_path: Path) -> None:
    """Leads' names with any characters are written and read back as typed."""
    path = tmp_path / "r.xlsx"
    write_return(issue("Zofia Wiśniewska / @Health"), path)
    assert read_return(path).lead == "Zofia Wiśniewska / @Health"
    sheet: Any = load_workbook(path)["Your actions"]
    assert sheet.freeze_panes == "D2" and sheet.print_title_rows == "$1:$1"
