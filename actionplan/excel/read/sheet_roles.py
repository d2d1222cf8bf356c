"""Deciding what each sheet is: actions, executive champions, indicators, or not the plan."""

from __future__ import annotations

from collections.abc import Sequence

from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.read.champions import champions_mapping
from actionplan.excel.read.column_mapping import ColumnMapping, SheetMapping
from actionplan.excel.read.grid import Grid
from actionplan.excel.read.headers import action_mapping
from actionplan.excel.read.import_report import SheetReport
from actionplan.excel.read.indicators import indicators_mapping
from actionplan.excel.read.narratives import narratives_mapping
from actionplan.excel.read.synonyms import normalise_header

_NEEDED = {
    "actions": ("action",),
    "champions": ("priority", "champion"),
    "indicators": ("indicator",),
    "narrative": ("priority",),
}


def guess_mapping(
    grids: Sequence[Grid], overrides: dict[str, str], reports: dict[str, SheetReport]
) -> ColumnMapping:
    """Each usable sheet's role and columns, found from its headings (and --map overrides)."""
    sheets = []
    for grid in grids:
        mapping = _guess_sheet(grid, overrides, reports[grid.name])
        if mapping is not None:
            sheets.append(mapping)
    return ColumnMapping(tuple(sheets))


def _guess_sheet(grid: Grid, overrides: dict[str, str], report: SheetReport) -> SheetMapping | None:
    if grid.hidden:
        report.notes.append("hidden sheet")
        return None
    if not grid.rows:
        report.notes.append("empty")
        return None
    mapping = action_mapping(grid, overrides) or champions_mapping(grid)
    mapping = mapping or indicators_mapping(grid) or narratives_mapping(grid)
    if mapping is None:
        report.notes.append("no row of headings with an Action column")
    return mapping


def check_overrides_used(grids: Sequence[Grid], overrides: dict[str, str], name: str) -> None:
    """Every --map heading names a column somewhere: a mistyped one must not pass unnoticed."""
    seen = {
        normalise_header(value)
        for grid in grids
        for cells in grid.rows[:40]
        for value in cells
        if isinstance(value, str)
    }
    missing = [heading for heading in overrides if heading not in seen]
    if missing:
        raise WorkbookError(
            f"No column in {quoted(name)} is headed {quoted(missing[0])}, so --map cannot "
            "use it (headings are matched ignoring case and punctuation)."
        )


def check_given_mapping(grids: Sequence[Grid], mapping: ColumnMapping, name: str) -> None:
    """A mapping handed back by the window still fits the file: its sheets and rows exist."""
    by_name = {grid.name: grid for grid in grids}
    for sheet in mapping.sheets:
        grid = by_name.get(sheet.sheet)
        if grid is None:
            raise WorkbookError(f"{quoted(name)} has no sheet named {quoted(sheet.sheet)}.")
        if not 1 <= sheet.header_row <= max(len(grid.rows), 1):
            raise WorkbookError(
                f"Sheet {quoted(sheet.sheet)} of {quoted(name)} has no row {sheet.header_row}."
            )
        needed = _NEEDED.get(sheet.role)
        if needed is None:
            raise WorkbookError(f"Sheet {quoted(sheet.sheet)} cannot be used as '{sheet.role}'.")
        if missing := [field for field in needed if field not in sheet.columns]:
            raise WorkbookError(
                f"The mapping of sheet {quoted(sheet.sheet)} needs a column for {missing[0]}."
            )
        if any(column < 1 for column in sheet.columns.values()):
            raise WorkbookError(f"The mapping of sheet {quoted(sheet.sheet)} has a bad column.")
