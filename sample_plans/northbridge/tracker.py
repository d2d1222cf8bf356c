"""Layout 3, the tracker: one row per action on an "Actions" sheet, indicators, champions.

Refs are stored as text ("1.10" stays 1.10), dates are real dates, status words come with
the variants people type and RAG is a letter R/A/G/B on its own fill. Updates that begin
with "=", "+", "-" or "@" are stored as text, never as formulas.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from northbridge.workbook import (
    fit_heights,
    landscape,
    new_workbook,
    put_row,
    save,
    set_widths,
    style_range,
    words,
    write_champions,
    write_header,
    write_indicator_rows,
)

WIDTHS = (7, 26, 50, 28, 12, 13, 6, 50, 14)
DATE_FORMAT = "dd/mm/yyyy"
RAG_FILLS: dict[str, str] = {"R": "FF0000", "A": "FFC000", "G": "00B050", "B": "0070C0"}


def _day(text: str | None) -> date | None:
    """A date kept in the data as YYYY-MM-DD, or None for no date."""
    return None if text is None else date.fromisoformat(text)


def tracker_rows(plan: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every tracker action with its reference and priority name."""
    return [
        (f"{number}.{index}", priority["priority"], action)
        for number, priority in enumerate(plan["priorities"], start=1)
        for index, action in enumerate(priority["actions"], start=1)
    ]


def write_tracker_row(
    ws: Worksheet, row: int, ref: str, priority: str, item: dict[str, Any]
) -> None:
    """Write one tracker action with dates formatted and RAG coloured."""
    rag = item["rag"]
    values = (ref, priority, item["action"], item["lead"], _day(item["due"]), item["status"])
    put_row(ws, row, (*values, rag, item["update"], _day(item["updated"])))
    for column in (5, 9):
        ws.cell(row=row, column=column).number_format = DATE_FORMAT
    fill = RAG_FILLS.get(rag.upper())
    rag_cell = ws.cell(row=row, column=7)
    rag_cell.alignment = Alignment(horizontal="center", vertical="top")
    if fill:
        rag_cell.fill = PatternFill(fill_type="solid", fgColor="FF" + fill)


def write_actions_sheet(wb: Workbook, plan: dict[str, Any]) -> None:
    """Add the tracker's Actions sheet with a frozen header and an autofilter."""
    ws = wb.create_sheet(plan["sheet"])
    header = plan["header"]
    write_header(ws, 1, header)
    rows = tracker_rows(plan)
    last = len(rows) + 1
    style_range(ws, 2, last, len(header))
    for row, (ref, priority, item) in enumerate(rows, start=2):
        write_tracker_row(ws, row, ref, priority, item)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"
    ws.print_title_rows = "1:1"
    set_widths(ws, WIDTHS)
    fit_heights(ws, range(2, last + 1), WIDTHS)
    landscape(ws)


def write_quarterly_indicators(wb: Workbook, table: dict[str, Any]) -> None:
    """Add the tracker's quarterly indicators sheet."""
    ws = wb.create_sheet(table["sheet"])
    write_header(ws, 1, table["header"])
    rows = [
        (row["indicator"], row["unit"], row["direction"], row["baseline"], row["target"],
         *row["quarters"])
        for row in table["rows"]
    ]  # fmt: skip
    write_indicator_rows(ws, rows, first_number=4)
    set_widths(ws, (58, 9, 10, 10, 10, 12, 12, 12))


def build_tracker(path: Path) -> Path:
    """Write the layout 3 workbook: actions, indicators, champions."""
    plan = words("tracker")
    wb = new_workbook(plan["title"])
    write_actions_sheet(wb, plan)
    write_quarterly_indicators(wb, plan["indicators"])
    write_champions(wb, plan["champions"])
    return save(wb, path)
