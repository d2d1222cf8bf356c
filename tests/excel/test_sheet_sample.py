"""The first rows of each sheet the reader uses, as the import preview shows them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.excel.read.reader import read_workbook
from actionplan.excel.read.sheet_sample import MAX_SAMPLE_COLUMNS, SAMPLE_ROWS
from tests.excel.import_books import book

HEADER = ["Ref", "Action", "Lead", "Due date"]


def test_the_sample_starts_under_the_header_skips_empty_rows_and_keeps_row_numbers(
    tmp_path: Path,
) -> None:
    """Title rows above the header are left out; blank rows are passed over; 20 rows at most."""
    rows: list[list[object]] = [["Neglect action plan 2025-26"], [], HEADER]
    for n in range(1, 31):
        rows.append([f"1.{n}", f"Action {n}", "Police", date(2026, 3, 31)])
        rows.append([])  # a spacer row under every action, as some plans have
    result = read_workbook(book(tmp_path / "plan.xlsx", {"Neglect": rows}))
    [sample] = result.samples
    assert (sample.sheet, sample.header_row, sample.headings) == ("Neglect", 3, tuple(HEADER))
    assert len(sample.rows) == SAMPLE_ROWS
    assert sample.rows[0] == (4, ("1.1", "Action 1", "Police", "2026-03-31"))
    assert sample.rows[1][0] == 6


def test_a_sheet_wider_than_anyone_checks_is_cut_to_its_first_columns(tmp_path: Path) -> None:
    """A row running to column 200 shows the first 60 columns, not 200."""
    wide = ["1.1", "Train staff", "Police", "March 2026", *(["x"] * 196)]
    result = read_workbook(book(tmp_path / "wide.xlsx", {"Plan": [HEADER, wide]}))
    [sample] = result.samples
    assert len(sample.headings) == MAX_SAMPLE_COLUMNS
    assert len(sample.rows[0][1]) == MAX_SAMPLE_COLUMNS
    assert sample.headings[4] == ""
