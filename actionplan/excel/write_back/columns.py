"""Adding the RAG, Status or Latest update column a partnership's layout lacks, styled to match.

A new column goes at the right of the table. Its heading copies the look of the heading
beside it, its cells the look of the action cells in the same row (without their fill);
title and heading rows merged across the whole table are widened to take it in.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter

from actionplan.excel.cell_safety import put_text
from actionplan.excel.write_back.layout import SheetMap

NEW_COLUMNS = (("rag", "RAG", 10.0), ("status", "Status", 14.0), ("update", "Latest update", 48.0))


def add_columns(sheet: Any, sheet_map: SheetMap, needed: set[str]) -> dict[str, int]:
    """Each field's column, adding a missing RAG, Status or Latest update column if needed.

    A column is added only when something is to be written in it, so a plan with nothing
    new to say leaves the table (and its title's merge) as it was.
    """
    columns = dict(sheet_map.columns)
    missing = [spec for spec in NEW_COLUMNS if spec[0] not in columns and spec[0] in needed]
    if not missing or not sheet_map.action_rows:
        return columns
    right = right_edge(sheet, sheet_map)
    for offset, (name, heading, width) in enumerate(missing, 1):
        columns[name] = right + offset
        _fill_column(sheet, sheet_map, right, right + offset, heading)
        sheet.column_dimensions[get_column_letter(right + offset)].width = width
    _widen_merges(sheet, min(columns.values()), right, right + len(missing))
    return columns


def right_edge(sheet: Any, sheet_map: SheetMap) -> int:
    """The last column of the table: the last mapped column or heading, whichever is further."""
    edge = max(sheet_map.columns.values(), default=1)
    for row in header_rows(sheet_map):
        cells = sheet.iter_rows(min_row=row, max_row=row, max_col=min(sheet.max_column, 200))
        filled = [cell.column for cell in next(cells, ()) if cell.value not in (None, "")]
        edge = max([edge, *filled])
    return edge


def header_rows(sheet_map: SheetMap) -> list[int]:
    """The heading rows, or the row above the first action when none were recorded."""
    if sheet_map.header_rows:
        return sheet_map.header_rows
    first = min(sheet_map.action_rows, default=1)
    return [first - 1] if first > 1 else []


def _look_of(sheet: Any, row: int, column: int) -> Any:
    """The cell whose look counts at (row, column): a merged block's first cell for its others."""
    cell = sheet.cell(row, column)
    if isinstance(cell, MergedCell):
        for block in sheet.merged_cells.ranges:
            if cell.coordinate in block:
                return sheet.cell(block.min_row, block.min_col)
    return cell


def _fill_column(sheet: Any, sheet_map: SheetMap, right: int, column: int, heading: str) -> None:
    for row in header_rows(sheet_map):
        cell = sheet.cell(row, column)
        cell._style = copy(_look_of(sheet, row, right)._style)
        put_text(cell, heading)
    source = sheet_map.columns.get("action", right)
    headings = set(header_rows(sheet_map))
    actions = set(sheet_map.action_rows)
    for row in range(min(actions), _last_row(sheet, max(actions), source) + 1):
        look = _look_of(sheet, row, source)
        if row in headings or (row not in actions and not _has_border(look)):
            continue
        cell = sheet.cell(row, column)
        cell._style = copy(look._style)
        cell.fill = PatternFill()
        if heading == "RAG":
            cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)


def _last_row(sheet: Any, last_action: int, column: int) -> int:
    """The table's last row: rows with borders below the last action (a measure row) count."""
    row = last_action
    while row < sheet.max_row and _has_border(_look_of(sheet, row + 1, column)):
        row += 1
    return row


def _has_border(cell: Any) -> bool:
    border = cell.border
    return any(side is not None and side.style for side in (border.left, border.right, border.top))


def _widen_merges(sheet: Any, first: int, right: int, new_right: int) -> None:
    """Title and heading rows merged across the whole table now reach the new columns too."""
    for block in list(sheet.merged_cells.ranges):
        if block.min_row == block.max_row and block.min_col <= first and block.max_col == right:
            row, start = block.min_row, block.min_col
            sheet.unmerge_cells(str(block))
            sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=new_right)
