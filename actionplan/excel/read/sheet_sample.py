"""The first rows of each sheet the reader uses, as written, for the import preview's grid."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from actionplan.excel.read.cell_values import cell_text, is_blank
from actionplan.excel.read.column_mapping import ColumnMapping
from actionplan.excel.read.grid import CellValue, Grid

SAMPLE_ROWS = 20  # a screenful: enough to see whether each column is read right
MAX_SAMPLE_COLUMNS = 60  # beyond this a sheet is notes or a calendar, not columns to check


@dataclass(frozen=True)
class SheetSample:
    """One sheet's header row and first rows below it, each cell as the words it shows."""

    sheet: str
    header_row: int  # 1-based
    headings: tuple[str, ...]  # one per column, as written ("" when the column has none)
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (1-based row number, cell texts)


def sample_sheets(
    grids: Iterable[Grid], mapping: ColumnMapping, limit: int = SAMPLE_ROWS
) -> tuple[SheetSample, ...]:
    """A sample of every sheet in the mapping, in the mapping's order."""
    by_name = {grid.name: grid for grid in grids}
    return tuple(
        sample_sheet(
            by_name[sheet.sheet], sheet.header_row, max(sheet.columns.values(), default=0), limit
        )
        for sheet in mapping.sheets
        if sheet.sheet in by_name
    )


def sample_sheet(
    grid: Grid, header_row: int, widest: int = 0, limit: int = SAMPLE_ROWS
) -> SheetSample:
    """The header row and the first ``limit`` rows under it that hold anything."""
    header = grid.rows[header_row - 1] if 0 < header_row <= len(grid.rows) else []
    rows: list[tuple[int, Sequence[CellValue]]] = []
    for number in range(header_row + 1, len(grid.rows) + 1):
        cells = grid.rows[number - 1]
        if not all(is_blank(value) for value in cells):
            rows.append((number, cells))
        if len(rows) == limit:
            break
    width = min(
        max(widest, _used(header), *(_used(cells) for _, cells in rows)), MAX_SAMPLE_COLUMNS
    )
    return SheetSample(
        grid.name,
        header_row,
        _texts(header, width),
        tuple((number, _texts(cells, width)) for number, cells in rows),
    )


def _used(cells: Sequence[CellValue]) -> int:
    """How many columns a row uses, up to its last cell holding anything."""
    return next((i + 1 for i in range(len(cells) - 1, -1, -1) if not is_blank(cells[i])), 0)


def _texts(cells: Sequence[CellValue], width: int) -> tuple[str, ...]:
    return tuple(cell_text(cells[i]) if i < len(cells) else "" for i in range(width))
