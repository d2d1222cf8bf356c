"""Sheets as grids of values with their merged ranges, read by python-calamine or from CSV.

python-calamine reads values and merged ranges about ten times faster than openpyxl's
read_only mode, and reads .xls, .xlsb and .ods too; it does not read fills, which
fills.py reads with openpyxl only for the few cells that need them.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import python_calamine

from actionplan.excel.errors import WorkbookError, quoted, save_as_xlsx_hint
from actionplan.excel.opening import xml_scan
from actionplan.excel.opening.safety import SourceBook, password_message

log = logging.getLogger(__name__)

CellValue = str | float | int | bool | date | datetime | time | timedelta | None
MAX_CELL_CHARS = 32_767  # the most an Excel cell holds
_CSV_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based and inclusive."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass
class Grid:
    """One sheet: its rows of values (0-based; "" or None when empty) and merged ranges."""

    name: str
    rows: list[list[CellValue]]
    merges: list[Merge] = field(default_factory=list)
    merges_known: bool = True
    hidden: bool = False

    def value(self, row: int, col: int) -> CellValue:
        """The value at a 0-based position, None beyond the data."""
        if row < len(self.rows):
            cells = self.rows[row]
            if col < len(cells):
                return cells[col]
        return None


def load_grids(book: SourceBook) -> list[Grid]:
    """Every sheet of the file as a grid, in workbook order."""
    if book.kind == "csv":
        return [_csv_grid(book)]
    return _calamine_grids(book)


def _calamine_grids(book: SourceBook) -> list[Grid]:
    name = quoted(book.name)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(book.content))
        with workbook:
            return [_sheet_grid(workbook, meta, name) for meta in workbook.sheets_metadata]
    except python_calamine.PasswordError:
        raise WorkbookError(password_message(name)) from None
    except WorkbookError:
        raise
    except Exception as exc:  # the reader's errors vary by format; each means a damaged file
        log.info("calamine could not read a workbook: %s", type(exc).__name__)
        raise WorkbookError(_unreadable(book, name)) from None


def _unreadable(book: SourceBook, name: str) -> str:
    if book.kind == "xls":
        return (
            f"{name} is an old Excel 97-2003 workbook that could not be read: "
            f"{save_as_xlsx_hint()}."
        )
    if book.kind in ("ods", "xlsb"):
        return f"{name} could not be read: {save_as_xlsx_hint()}."
    return (
        f"{name} is damaged and could not be read: open it in Excel, let Excel repair it, "
        "save it and import it again."
    )


def _sheet_grid(
    workbook: python_calamine.CalamineWorkbook, meta: python_calamine.SheetMetadata, name: str
) -> Grid:
    hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
    if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
        return Grid(meta.name, [], hidden=True)
    sheet = workbook.get_sheet_by_name(meta.name)
    rows: list[list[CellValue]] = list(sheet.to_python(skip_empty_area=False))  # type: ignore[arg-type]
    ranges = sheet.merged_cell_ranges
    merges = [Merge(top[0], top[1], bottom[0], bottom[1]) for top, bottom in ranges or []]
    grid = Grid(meta.name, rows, merges, merges_known=ranges is not None, hidden=hidden)
    check_cell_lengths(grid, name)
    return grid


def check_cell_lengths(grid: Grid, name: str) -> None:
    """Refuse a cell longer than any Excel cell can be: no action plan holds one."""
    for row_number, cells in enumerate(grid.rows, start=1):
        for col, value in enumerate(cells):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                where = f"sheet {quoted(grid.name)}, row {row_number}, column {col + 1}"
                raise WorkbookError(_absurd(name, f"of {len(value):,} characters ({where})"))


def _absurd(name: str, what: str) -> str:
    return (
        f"{name} has a cell {what}, more than any spreadsheet cell holds "
        f"({MAX_CELL_CHARS:,} characters), so it is not an action plan."
    )


def _csv_grid(book: SourceBook) -> Grid:
    text = _decode(book.content)
    sample = text[:65_536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, _CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    sheet = book.path.stem or "Sheet1"
    try:
        rows = _csv_rows(csv.reader(io.StringIO(text), dialect), quoted(book.name), sheet)
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise WorkbookError(
                _absurd(quoted(book.name), "over 131,072 characters long")
            ) from None
        raise WorkbookError(f"{quoted(book.name)} is not a readable CSV file: {exc}.") from None
    grid = Grid(sheet, rows, merges_known=False)
    check_cell_lengths(grid, quoted(book.name))
    return grid


def _csv_rows(reader: Iterator[list[str]], name: str, sheet: str) -> list[list[CellValue]]:
    """The CSV's rows, read only as far as the row limit workbooks obey (never to the end)."""
    rows: list[list[CellValue]] = []
    for row in reader:
        if len(rows) == xml_scan.MAX_ROWS:
            limit = f"more than {xml_scan.MAX_ROWS:,}"
            raise WorkbookError(xml_scan.too_many_rows(name, sheet, limit))
        rows.append(list(row))
    return rows


def _decode(content: bytes) -> str:
    """CSV text: UTF-8 (with or without a BOM), else the Windows code page Excel uses."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")
