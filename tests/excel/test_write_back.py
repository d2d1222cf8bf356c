"""Writing a plan back into the partnership's own workbook: their layout, our RAG and updates."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from actionplan.domain.plan_data import ActionData, PlanData, UpdateData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.read.reader import ReadResult, read_workbook
from actionplan.excel.write_back.layout import WriteBackError, read_mapping
from actionplan.excel.write_back.writer import write_back

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
PRIORITIES = SAMPLES / "northbridge_priorities_2025.xlsx"
BUSINESS = SAMPLES / "northbridge_business_plan_2025.xlsx"
TRACKER = SAMPLES / "northbridge_tracker_2025.xlsx"
AS_OF = date(2025, 12, 1)


def actions_of(plan: PlanData) -> list[ActionData]:
    """Every action in plan order."""
    return [action for priority in plan.priorities for action in priority.actions]


def progressed(read: ReadResult) -> PlanData:
    """The imported plan after a round of progress: first action green and in progress."""
    plan = read.plan
    first = actions_of(plan)[0]
    first.rag, first.status = Rag.GREEN, Status.IN_PROGRESS
    first.updates.append(
        UpdateData(date(2025, 11, 20), "=12 sites signed up", "Ana", Rag.GREEN, Status.IN_PROGRESS)
    )
    return plan


def written_back(
    path: Path, plan: PlanData | None = None, placement: list[int | None] | None = None
) -> tuple[Any, Any, list[str]]:
    """(the original workbook, the written-back workbook, notes), both as openpyxl reads them."""
    read = read_workbook(path)
    plan = plan or progressed(read)
    places = placement if placement is not None else list(range(len(actions_of(plan))))
    written = write_back(read.content, read_mapping(read.mapping_json()), plan, places, AS_OF)
    out = io.BytesIO()
    assert written.book is not None
    written.book.save(out)
    return load_workbook(path), load_workbook(io.BytesIO(out.getvalue())), written.notes


@pytest.fixture(scope="module")
def priorities() -> tuple[Any, Any, list[str]]:
    """The priorities sample, before and after writing back."""
    return written_back(PRIORITIES)


def test_write_back_keeps_every_sheet_merged_range_and_width(priorities: Any) -> None:
    """Same sheets; every merged block is still merged (title rows widened to the new columns)."""
    before, after, _notes = priorities
    assert after.sheetnames == before.sheetnames
    for name in before.sheetnames:
        old, new = before[name], after[name]
        merged = {(m.min_row, m.min_col, m.max_row) for m in new.merged_cells.ranges}
        assert {(m.min_row, m.min_col, m.max_row) for m in old.merged_cells.ranges} <= merged
        for letter, dimension in old.column_dimensions.items():
            assert new.column_dimensions[letter].width == dimension.width


def test_write_back_keeps_the_original_fills_fonts_and_words(priorities: Any) -> None:
    """Header fills, the title's font and every word the partnership wrote are untouched."""
    before, after, _notes = priorities
    old, new = before["Contextual Risk"], after["Contextual Risk"]
    assert new["A3"].fill.fgColor.rgb == old["A3"].fill.fgColor.rgb == "FFD9D9D9"
    assert new["A1"].font.b == old["A1"].font.b and new["A1"].font.sz == old["A1"].font.sz
    for row in old.iter_rows(min_row=1, max_row=old.max_row, max_col=5):
        for cell in row:
            assert new[cell.coordinate].value == cell.value


def test_rag_cells_are_written_the_way_the_workbook_shows_rag(priorities: Any) -> None:
    """A cell coloured with no words gets the workbook's own green; the rest stay as written."""
    before, after, _notes = priorities
    old, sheet = before["Contextual Risk"], after["Contextual Risk"]
    assert sheet["F4"].value is None
    assert sheet["F4"].fill.fgColor.rgb == old["F6"].fill.fgColor.rgb == "FF00B050"
    assert sheet["F5"].fill.fgColor.rgb == "FFFFC000"  # still amber, left as it was
    assert sheet["F10"].value == "Amber"
    assert sheet["F8"].value is None and sheet["F8"].fill.fill_type is None  # not rated


def test_missing_status_and_update_columns_are_added_styled_like_their_neighbours(
    priorities: Any,
) -> None:
    """Status and Latest update appear right of RAG, headed and bordered like the table."""
    _before, after, _notes = priorities
    sheet = after["Contextual Risk"]
    assert (sheet["G3"].value, sheet["H3"].value) == ("Status", "Latest update")
    assert sheet["G3"].fill.fgColor.rgb == sheet["F3"].fill.fgColor.rgb
    assert sheet["G3"].font.b == sheet["F3"].font.b
    assert sheet["G4"].value == "In progress"
    assert sheet["H4"].value == "Update 20 November 2025: =12 sites signed up"
    assert sheet["H4"].data_type == "s"
    assert sheet["G4"].border.left.style == sheet["C4"].border.left.style
    assert sheet["G11"].border.left.style == sheet["C11"].border.left.style  # the measure row
    assert "A1:H1" in {str(m) for m in sheet.merged_cells.ranges}  # the title spans them too


def test_a_business_plan_gets_rag_status_and_update_under_every_repeated_header() -> None:
    """Each priority's header row is extended, and each priority heading still spans the table."""
    _before, after, _notes = written_back(BUSINESS)
    sheet = after.active
    for row in (4, 15, 25, 35, 45):
        assert [sheet.cell(row, c).value for c in (5, 6, 7)] == ["RAG", "Status", "Latest update"]
    assert "A14:G14" in {str(m) for m in sheet.merged_cells.ranges}
    assert (sheet["E5"].value, sheet["F5"].value) == ("Green", "In progress")
    assert sheet["F16"].value == "Complete"


def test_a_tracker_is_written_in_place_in_its_own_style() -> None:
    """RAG letters stay letters, the update and its date go in their own columns, nothing added."""
    before, after, _notes = written_back(TRACKER)
    old, new = before["Actions"], after["Actions"]
    assert new.max_column == old.max_column
    assert (new["G2"].value, new["F2"].value) == ("G", "In progress")
    assert new["H2"].value == "=12 sites signed up" and new["H2"].data_type == "s"
    assert new["I2"].value.date() == date(2025, 11, 20) and new["I2"].number_format == "dd/mm/yyyy"
    assert new.freeze_panes == old.freeze_panes and new.auto_filter.ref == old.auto_filter.ref


def raw_headings(content: bytes) -> list[str]:
    """The header and footer codes of the workbook's first sheet, as stored in the file."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    return re.findall(r"<(?:odd|even|first)(?:Header|Footer)>[^<]*<", xml)


def test_the_workbooks_own_printed_headers_and_footers_are_written_back_as_they_were(
    tmp_path: Path,
) -> None:
    """An escaped "&" before a quote or a number stays words, not a font or size code."""
    book = load_workbook(TRACKER)
    sheet = book["Actions"]
    sheet.oddHeader.center.text = 'Northbridge && Co &&"Quality" &&12 review'
    sheet.oddFooter.left.text = "OFFICIAL &&K00FF00 green"
    sheet.oddFooter.right.text = "Page &P of &N"
    path = tmp_path / "headed.xlsx"
    book.save(path)
    read = read_workbook(path)
    plan = progressed(read)
    places = list(range(len(actions_of(plan))))
    written = write_back(read.content, read_mapping(read.mapping_json()), plan, places, AS_OF)
    assert written.book is not None and written.cells
    out = io.BytesIO()
    written.book.save(out)
    assert raw_headings(out.getvalue()) == raw_headings(path.read_bytes())


def test_an_action_added_in_the_app_is_reported_not_forced_into_the_layout() -> None:
    """An action with no row in the workbook is named in the notes."""
    read = read_workbook(PRIORITIES)
    plan = read.plan
    plan.priorities[0].actions.append(ActionData(text="Brand new action", ref="1.8"))
    places: list[int | None] = [*range(7), None, *range(7, 37)]  # the new one is 8th of 38
    _before, _after, notes = written_back(PRIORITIES, plan, places)
    assert notes == [
        "Action 1.8 (Brand new action) was added in the app and has no row in the workbook."
    ]


def test_a_damaged_mapping_is_refused_in_words() -> None:
    """A mapping that is not what the importer stores ends in a WriteBackError."""
    with pytest.raises(WriteBackError, match="damaged"):
        read_mapping("{not json")
    with pytest.raises(WriteBackError, match="damaged"):
        read_mapping('{"sheets": [{"columns": {}}]}')
