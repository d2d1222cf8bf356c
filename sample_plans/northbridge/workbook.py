"""Cells, sheets and saving shared by the three sample workbooks, and their words from data/.

Text is always stored as text, never as a formula; the document dates and the zip member
times are fixed, so a workbook is byte-for-byte the same on every run.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

DATA = Path(__file__).resolve().parents[1] / "data"

FIXED_TIME = datetime(2025, 4, 1)
ZIP_TIME = (2025, 4, 1, 0, 0, 0)
AUTHOR = "NSCP Business Unit"
RISKY_START = ("=", "+", "-", "@")

THIN = Side(style="thin", color="FF808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_FILL = PatternFill(fill_type="solid", fgColor="FFD9D9D9")


def words(name: str) -> Any:
    """One workbook's words, as kept in data/<name>.json."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write a value; text is always stored as text, never as a formula."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(RISKY_START):
            cell.quotePrefix = True
    return cell


def put_row(ws: Worksheet, row: int, values: Iterable[object]) -> None:
    """Write values across a row from column A."""
    for column, value in enumerate(values, start=1):
        put(ws, row, column, value)


def style_range(ws: Worksheet, first_row: int, last_row: int, columns: int) -> None:
    """Give a block of cells thin borders and wrapped, top-aligned text."""
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=columns):
        for cell in row:
            cell.border = BORDER
            cell.alignment = WRAP_TOP


def write_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    """Write a bold, grey header row."""
    put_row(ws, row, headers)
    for column in range(1, len(headers) + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = WRAP_TOP


def write_title(ws: Worksheet, row: int, text: str, columns: int) -> None:
    """Write a bold title merged across the table width."""
    cell = put(ws, row, 1, text)
    cell.font = Font(bold=True, size=14)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


def merge_down(ws: Worksheet, column: int, first_row: int, last_row: int, value: str) -> None:
    """Write a value and merge it down a block of rows."""
    put(ws, first_row, column, value)
    if last_row > first_row:
        ws.merge_cells(
            start_row=first_row, start_column=column, end_row=last_row, end_column=column
        )


def set_widths(ws: Worksheet, widths: Sequence[int]) -> None:
    """Set the column widths from column A."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def line_count(text: str, width: int) -> int:
    """Roughly how many lines a text wraps to in a column of this width."""
    return sum(max(1, math.ceil(len(part) / max(width - 2, 1))) for part in text.split("\n"))


def fit_heights(ws: Worksheet, rows: Iterable[int], widths: Sequence[int]) -> None:
    """Set row heights so that wrapped text in unmerged cells is visible."""
    merged = {cell for rng in ws.merged_cells.ranges for cell in rng.cells}
    for row in rows:
        lines = 1
        for column, width in enumerate(widths, start=1):
            value = ws.cell(row=row, column=column).value
            if isinstance(value, str) and (row, column) not in merged:
                lines = max(lines, line_count(value, width))
        ws.row_dimensions[row].height = 15 * lines


def landscape(ws: Worksheet) -> None:
    """Print the sheet landscape, one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def new_workbook(title: str) -> Workbook:
    """An empty workbook with fixed document properties."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.title = title
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip archive with every member stamped at the same fixed time."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member))
    return out.getvalue()


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise a workbook to identical bytes on every run (no save-time timestamps)."""
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    return stable_zip(buffer.getvalue())


def save(wb: Workbook, path: Path) -> Path:
    """Write the workbook, leaving the file untouched when nothing changed."""
    data = workbook_bytes(wb)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def write_champions(wb: Workbook, table: dict[str, Any]) -> None:
    """Add the executive champions sheet: a priority and its champions on each row."""
    ws = wb.create_sheet(table["sheet"])
    headers, rows = table["header"], table["rows"]
    write_header(ws, 1, headers)
    for offset, row in enumerate(rows, start=2):
        put_row(ws, offset, row)
    style_range(ws, 2, len(rows) + 1, len(headers))
    set_widths(ws, (44, 40))


def number_format_for(unit: str) -> str:
    """Excel number format for an indicator's unit."""
    return "#,##0" if unit == "Number" else "0.0"


def write_indicator_rows(
    ws: Worksheet, rows: Sequence[Sequence[object]], first_number: int
) -> None:
    """Write indicator rows under a header, formatting the numeric columns."""
    for row_number, values in enumerate(rows, start=2):
        put_row(ws, row_number, values)
        unit = str(values[1])
        for column in range(first_number, len(values) + 1):
            ws.cell(row=row_number, column=column).number_format = number_format_for(unit)
    style_range(ws, 2, len(rows) + 1, len(rows[0]))
