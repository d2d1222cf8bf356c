"""Layout 2, the business plan: one sheet with a heading per priority, then
Outcome | Action | Who | When under each, each outcome merged down its actions.

Progress is written inside the cells and there is no RAG column. An annex gives each
priority's story for the year, on a sheet with no Action column, naming priorities as
people refer to them; a performance table in the annual report's style gives the whole
plan's figures by year, then its benchmarks and the change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from northbridge.workbook import (
    fit_heights,
    landscape,
    merge_down,
    new_workbook,
    put,
    put_row,
    save,
    set_widths,
    style_range,
    words,
    write_header,
    write_indicator_rows,
    write_title,
)

WIDTHS = (32, 60, 28, 30)
HEADING_FILL = PatternFill(fill_type="solid", fgColor="FFDDEBF7")
NARRATIVE_FIELDS = ("priority", "period", "done", "analysis", "impact", "next_steps")
PERFORMANCE_FIELDS = (
    "indicator",
    "unit",
    "last_year",
    "this_year",
    "statistical_neighbours",
    "london",
    "england",
    "change",
)


def write_priority_heading(ws: Worksheet, row: int, heading: str, columns: int) -> None:
    """Write a bold, filled priority heading merged across the table."""
    cell = put(ws, row, 1, heading)
    cell.font = Font(bold=True, size=12)
    cell.fill = HEADING_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    ws.row_dimensions[row].height = 21


def write_outcome(ws: Worksheet, row: int, outcome: dict[str, Any], columns: int) -> int:
    """Write an outcome merged down its actions; return the next free row."""
    actions = outcome["actions"]
    last = row + len(actions) - 1
    style_range(ws, row, last, columns)
    for offset, action in enumerate(actions):
        put_row(ws, row + offset, ("", action["action"], action["who"], action["when"]))
    merge_down(ws, 1, row, last, outcome["outcome"])
    fit_heights(ws, range(row, last + 1), WIDTHS)
    return last + 1


def write_business_priority(
    ws: Worksheet, row: int, priority: dict[str, Any], header: list[str]
) -> int:
    """Write a priority heading, its header and outcomes; return the next free row."""
    write_priority_heading(ws, row, priority["heading"], len(header))
    write_header(ws, row + 1, header)
    row += 2
    for outcome in priority["outcomes"]:
        row = write_outcome(ws, row, outcome, len(header))
    return row + 1


def write_narrative_annex(wb: Workbook, table: dict[str, Any]) -> None:
    """Add the annual report annex: each priority's narrative for the year."""
    ws = wb.create_sheet(table["sheet"])
    header = table["header"]
    write_header(ws, 1, header)
    for row, values in enumerate(table["rows"], start=2):
        put_row(ws, row, (values[field] for field in NARRATIVE_FIELDS))
    last = len(table["rows"]) + 1
    style_range(ws, 2, last, len(header))
    widths = (28, 10, 44, 40, 40, 40)
    set_widths(ws, widths)
    fit_heights(ws, range(2, last + 1), widths)
    landscape(ws)


def write_performance(wb: Workbook, table: dict[str, Any]) -> None:
    """Add the performance table: two years, three comparators and the change."""
    ws = wb.create_sheet(table["sheet"])
    write_header(ws, 1, table["header"])
    rows = [tuple(row[field] for field in PERFORMANCE_FIELDS) for row in table["rows"]]
    write_indicator_rows(ws, rows, first_number=3)
    set_widths(ws, (58, 7, 10, 10, 14, 10, 10, 10))


def build_business_plan(path: Path) -> Path:
    """Write the layout 2 workbook: headings per priority, no RAG column, an annex of
    narrative by priority and a performance table with comparators."""
    plan = words("business_plan")
    wb = new_workbook(plan["title"])
    ws = wb.create_sheet(plan["sheet"])
    write_title(ws, 1, plan["title"], len(plan["header"]))
    row = 3
    for priority in plan["priorities"]:
        row = write_business_priority(ws, row, priority, plan["header"])
    set_widths(ws, WIDTHS)
    landscape(ws)
    write_narrative_annex(wb, plan["narratives"])
    write_performance(wb, plan["performance"])
    return save(wb, path)
