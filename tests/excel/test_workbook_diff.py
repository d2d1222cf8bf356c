"""The workbook comparison the write-back tests rely on sees every change a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill

from tests.excel.workbook_diff import workbook_diff

TRACKER = Path(__file__).resolve().parents[2] / "sample_plans" / "northbridge_tracker_2025.xlsx"


def changed_copy(tmp_path: Path, change: Callable[[Any], None]) -> Path:
    """The tracker sample saved again after one change."""
    book = load_workbook(TRACKER)
    change(book)
    path = tmp_path / "changed.xlsx"
    book.save(path)
    return path


def test_a_workbook_saved_again_unchanged_shows_no_difference(tmp_path: Path) -> None:
    """Opening and saving the sample changes nothing a person could see."""
    assert workbook_diff(TRACKER, changed_copy(tmp_path, lambda book: None)) == []


def test_each_kind_of_change_is_listed(tmp_path: Path) -> None:
    """A trailing space, a fill, a font, a number format, a width, a height and a merge."""

    def change(book: Any) -> None:
        sheet = book["Actions"]
        sheet["F3"] = "Ongoing "
        sheet["G3"].fill = PatternFill(fill_type="solid", fgColor="FFFFC000")
        sheet["A2"].font = Font(name="Arial", size=12)
        sheet["I3"].number_format = "d mmm yyyy"
        sheet.column_dimensions["C"].width = 99
        sheet.row_dimensions[5].height = 40
        sheet.merge_cells("J2:K2")

    lines = workbook_diff(TRACKER, changed_copy(tmp_path, change))
    found = {line.split(":")[0] for line in lines}
    assert {
        "Actions!F3 value",
        "Actions!G3 fill",
        "Actions!A2 font",
        "Actions!I3 number format",
        "Actions column C width",
        "Actions row 5 height",
        "Actions merged",
    } <= found


def test_sheets_in_another_order_are_a_difference(tmp_path: Path) -> None:
    """Moving a sheet is seen before anything else."""

    def change(book: Any) -> None:
        book.move_sheet("Actions", offset=1)

    lines = workbook_diff(TRACKER, changed_copy(tmp_path, change))
    assert lines and lines[0].startswith("sheets: ")
