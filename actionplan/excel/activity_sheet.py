"""The activity log written out as a workbook or a CSV file, every word as text.

Words that look like a formula stay words: in the workbook each is a text cell (with
Excel's quote prefix); in a CSV file, which has no cell types, a leading apostrophe keeps
Excel and LibreOffice from running it. Any script is written as typed (UTF-8 with the
mark Excel looks for).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from actionplan.excel.cell_safety import append_text, is_risky

Row = Sequence[datetime | str]

_WIDTHS = (18, 18, 26, 20, 50, 50, 18)


def write_activity_workbook(path: Path, headers: Sequence[str], rows: Sequence[Row]) -> None:
    """One sheet, "Activity": a heading row, then one entry a row, times as real dates."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Activity"
    append_text(sheet, list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_text(sheet, list(row))
    for number, width in enumerate(_WIDTHS[: len(headers)], start=1):
        sheet.column_dimensions[chr(64 + number)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=2):
        line[0].number_format = "yyyy-mm-dd hh:mm"
        for cell in line[1:]:
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    book.save(path)


def write_activity_csv(path: Path, headers: Sequence[str], rows: Sequence[Row]) -> None:
    """A CSV file a spreadsheet opens with every word intact and no formula run."""
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_text(value) for value in row])


def _csv_text(value: datetime | str) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return f"'{value}" if is_risky(value) else value
