"""The tracker workbook as a business manager sees it in Excel: readable, filterable, printable."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import load_workbook

from actionplan.domain.plan_data import ActionData, PlanData, PriorityData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.cell_safety import cell_text
from actionplan.excel.tracker.writer import WriteCancelled, write_tracker
from tests.excel.plans import AWKWARD, realistic_plan

AS_OF = date(2025, 12, 1)


def workbook(plan: PlanData | None = None, **options: Any) -> Any:
    """The plan (the realistic one by default) written and opened again with openpyxl."""
    out = io.BytesIO()
    write_tracker(plan or realistic_plan(), out, AS_OF, **options)
    return load_workbook(io.BytesIO(out.getvalue()))


def column(sheet: Any, heading: str) -> list[Any]:
    """The cells under a heading of a data sheet."""
    headings = [cell.value for cell in sheet[1]]
    number = headings.index(heading) + 1
    return [sheet.cell(row, number) for row in range(2, sheet.max_row + 1)]


@pytest.fixture(scope="module")
def book() -> Any:
    """The realistic plan's tracker."""
    return workbook()


def test_the_sheets_come_in_order_and_the_marker_sheet_is_very_hidden(book: Any) -> None:
    """Summary, Actions, Measures, Updates, Priorities; the re-import marker is out of sight."""
    assert book.sheetnames[:5] == ["Summary", "Actions", "Measures", "Updates", "Priorities"]
    assert book["_actionplan"].sheet_state == "veryHidden"
    assert all(book[name].sheet_state == "visible" for name in book.sheetnames[:5])


@pytest.mark.parametrize("name", ["Actions", "Measures", "Updates", "Priorities"])
def test_each_table_has_a_bold_frozen_filtered_header(book: Any, name: str) -> None:
    """Bold filled headings, the header row frozen, and a filter over the whole table."""
    sheet = book[name]
    assert all(cell.font.b for cell in sheet[1] if cell.value)
    assert sheet["A1"].fill.fgColor.rgb == "FFDCE6F1"
    assert sheet.freeze_panes == "A2"
    last = sheet.cell(1, sheet.max_column).column_letter
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"


def test_columns_have_sensible_widths_and_long_text_wraps(book: Any) -> None:
    """Wide columns for words, narrow ones for refs and RAG; text wraps at the top of its cell."""
    sheet = book["Actions"]
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["Ref"] < 10 < widths["Action"]
    assert widths["RAG"] < widths["Latest update"]
    action = column(sheet, "Action")[0]
    assert action.alignment.wrap_text and action.alignment.vertical == "top"


def test_the_columns_kept_for_re_import_are_hidden(book: Any) -> None:
    """People see the plan, not the row keys and exact words kept for re-import."""
    sheet = book["Actions"]
    hidden = [c.value for c in sheet[1] if sheet.column_dimensions[c.column_letter].hidden]
    assert hidden == ["Row key", "Kept for re-import (do not edit)"]


def test_dates_are_real_dates_in_the_uk_format(book: Any) -> None:
    """Due dates and update dates are dates, shown dd/mm/yyyy."""
    due = column(book["Actions"], "Due date")[0]
    assert due.is_date and due.value == datetime(2025, 10, 31)
    assert due.number_format == "dd/mm/yyyy"
    updated = column(book["Updates"], "Date")[0]
    assert updated.is_date and updated.number_format == "dd/mm/yyyy"


def test_rag_and_status_have_drop_down_lists(book: Any) -> None:
    """Only the known RAG and status words can be chosen."""
    lists = {str(v.sqref): v.formula1 for v in book["Actions"].data_validations.dataValidation}
    assert lists == {
        "I2:I4": '"Not started,In progress,Complete,Ongoing,Delayed,Cancelled"',
        "J2:J4": '"Red,Amber,Green,Blue,Not rated"',
    }
    assert all(v.type == "list" for v in book["Updates"].data_validations.dataValidation)


def test_rag_cells_are_coloured_by_rule_and_keep_their_word(book: Any) -> None:
    """Conditional formats colour each RAG word; the word itself stays in the cell."""
    rules = {
        rule.formula[0]: rule.dxf.fill.fgColor.rgb
        for target in book["Actions"].conditional_formatting
        if str(target.sqref) == "J2:K4"
        for rule in target.rules
    }
    assert rules['"Red"'] == "FFF8D0CB" and rules['"Blue"'] == "FFCFE0F5"
    assert [cell.value for cell in column(book["Actions"], "RAG")] == ["Blue", "Red", "Not rated"]


def test_a_passed_due_date_is_red_only_while_the_action_is_open(book: Any) -> None:
    """Excel colours a due date as overdue as the app counts it: Complete, Cancelled and a
    Blue RAG all mean the action is closed."""
    [formula] = [
        rule.formula[0]
        for target in book["Actions"].conditional_formatting
        if str(target.sqref) == "H2:H4"
        for rule in target.rules
    ]
    assert formula == (
        'AND(ISNUMBER($H2),$H2<DATE(2025,12,1),$I2<>"Complete",$I2<>"Cancelled",$J2<>"Blue")'
    )


def test_each_sheet_prints_landscape_to_the_page_width_with_a_footer(book: Any) -> None:
    """Header rows repeat on every page; the footer names the plan and numbers the pages."""
    for name in ("Summary", "Actions", "Updates"):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddFooter.left.text == "Northbridge Priorities Action Plan 2025-26"
        assert sheet.oddFooter.right.text == "Page &P of &N"
    assert book["Actions"].print_title_rows == "$1:$1"


def test_the_workbook_is_titled_and_dated(book: Any) -> None:
    """File properties carry the plan's title and the as-at date."""
    assert book.properties.title == "Northbridge Priorities Action Plan 2025-26"
    assert book.properties.description == "Position as at 1 Dec 2025"
    assert {p.name: p.value for p in book.custom_doc_props.props}["as-of"] == "2025-12-01"


def test_the_summary_counts_rag_overdue_and_stale_per_priority_and_in_total(book: Any) -> None:
    """One row per priority and a total row, as the board reads it."""
    sheet = book["Summary"]
    rows = {row[0]: row[2:] for row in sheet.iter_rows(min_row=9, values_only=True) if row[0]}
    heads = list(rows["Priority"])
    assert heads == ["Actions", "Red", "Amber", "Green", "Blue", "Not rated", "Overdue",
                     "No update for 90 days", "Complete"]  # fmt: skip
    # 2.1 has never had an update: it counts among "no update for 90 days".
    assert rows["1. Exploitation and Contextual Safeguarding"] == (2, 1, 0, 0, 1, 0, 1, 0, 1)
    assert rows["2. Neglect"] == (1, 0, 0, 0, 0, 1, 0, 1, 0)
    assert rows["All priorities"] == (3, 1, 0, 0, 1, 1, 1, 1, 1)
    assert sheet["A1"].value == "Northbridge Priorities Action Plan 2025-26"
    assert sheet["B2"].value == datetime(2025, 12, 1)


def test_actions_show_the_suggested_rag_and_the_latest_update(book: Any) -> None:
    """The dates suggest a RAG beside the lead's own; the newest update is on the row."""
    sheet = book["Actions"]
    assert [c.value for c in column(sheet, "Suggested RAG")] == ["Blue", "Red", "Amber"]
    assert cell_text(column(sheet, "Latest update")[0].value) == "=Live on the website"
    assert column(sheet, "Update date")[0].value == datetime(2025, 10, 8)


def test_the_updates_sheet_holds_the_whole_dated_history(book: Any) -> None:
    """Every update of every action, oldest first, with who wrote it and why."""
    sheet = book["Updates"]
    texts = [cell_text(c.value) for c in column(sheet, "Update")]
    assert texts == ["Draft shared", "=Live on the website", "@Licensing post vacant"]
    assert [c.value for c in column(sheet, "Reason for a different RAG")] == [None, None,
            "post vacant since August"]  # fmt: skip


def test_measures_have_a_column_per_period_with_status_and_trend(book: Any) -> None:
    """Indicator, unit, direction, baseline, target, each period, and how it stands."""
    sheet = book["Measures"]
    headings = [cell.value for cell in sheet[1]]
    assert headings[6:9] == ["2023-24", "2024-25", "Q1 2025/26"]
    icpc = next(
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1].startswith("%")
    )
    assert icpc[3:8] == ("Higher", 78.2, 95, 88, "n/a")
    assert icpc[headings.index("Latest against target")] == "Below target"


def test_every_piece_of_user_text_is_a_text_cell_never_a_formula() -> None:
    """Whatever an action, lead or update starts with, the cell reads back as text."""
    actions = [ActionData(text=t, ref=t, lead_raw=t, how_we_know=t) for t in AWKWARD]
    plan = PlanData(AWKWARD[0], priorities=[PriorityData(title=AWKWARD[0], actions=actions)])
    sheet = workbook(plan)["Actions"]
    for heading in ("Ref", "Action", "Leads", "How we will know", "Priority"):
        cells = column(sheet, heading)
        assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
        risky = [c for c in cells if cell_text(c.value).startswith(("=", "+", "-", "@", "\t"))]
        assert risky and all(cell.quotePrefix for cell in risky)


def test_progress_is_reported_and_a_cancel_stops_the_export() -> None:
    """The writer reports rows written and stops as soon as the user cancels."""
    many = [
        ActionData(text=f"Action {n}", status=Status.IN_PROGRESS, rag=Rag.GREEN)
        for n in range(1200)
    ]
    plan = PlanData("Big", priorities=[PriorityData(title="One", actions=many)])
    seen: list[tuple[int, int]] = []
    workbook(plan, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1200, 1200) and len(seen) >= 3
    with pytest.raises(WriteCancelled):
        write_tracker(plan, io.BytesIO(), AS_OF, cancelled=lambda: True)


def test_the_plans_protective_marking_heads_every_printed_page_and_the_summary(
    book: Any,
) -> None:
    """The marking from Plan settings is on the Summary and at the top of every sheet printed."""
    facts = {row[0]: row[1] for row in book["Summary"].iter_rows(max_row=9, values_only=True)}
    assert facts["Protective marking"] == "Official-Sensitive"
    for name in book.sheetnames[:5]:
        assert book[name].oddHeader.center.text == "OFFICIAL-SENSITIVE"
    unmarked = workbook(replace(realistic_plan(), marking=""))
    assert all(not unmarked[name].oddHeader.center.text for name in unmarked.sheetnames[:5])
