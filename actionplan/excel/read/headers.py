"""Finding a sheet's header row, wherever it is, and what each of its columns means."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from actionplan.excel.read.column_mapping import SheetMapping
from actionplan.excel.read.grid import CellValue, Grid
from actionplan.excel.read.synonyms import IGNORE, action_field, normalise_header

HEADER_SEARCH_ROWS = 40  # title rows, logos and notes rarely push a header lower
FieldOf = Callable[[str], tuple[str | None, bool]]


@dataclass(frozen=True)
class RowMatch:
    """What one row would mean as a header: its fields, headings and how many were exact."""

    row: int  # 0-based
    columns: dict[str, int]  # field -> 1-based column
    headers: dict[int, str]
    exact: int


def match_row(
    cells: Sequence[CellValue], field_of: FieldOf, overrides: dict[str, str], row: int = 0
) -> RowMatch:
    """Read one row as headings: the first column that means a field takes it."""
    columns: dict[str, int] = {}
    headers: dict[int, str] = {}
    exact = 0
    for index, value in enumerate(cells):
        text = value.strip() if isinstance(value, str) else ""
        if not text:
            continue
        headers[index + 1] = text
        chosen = overrides.get(normalise_header(text))
        name, listed = (chosen, True) if chosen else field_of(text)
        if name and name != IGNORE and name not in columns:
            columns[name] = index + 1
            exact += listed
    return RowMatch(row, columns, headers, exact)


def find_header(
    grid: Grid,
    field_of: FieldOf,
    accept: Callable[[RowMatch], bool],
    overrides: dict[str, str] | None = None,
) -> RowMatch | None:
    """The first row among the top ones with the most recognised headings that ``accept``s."""
    best: RowMatch | None = None
    for row, cells in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        match = match_row(cells, field_of, overrides or {}, row)
        if accept(match) and (best is None or len(match.columns) > len(best.columns)):
            best = match
    return best


def is_action_header(match: RowMatch) -> bool:
    """An Action column and at least one other, or an Action column the table lists exactly."""
    return "action" in match.columns and (len(match.columns) >= 2 or match.exact >= 1)


def action_mapping(grid: Grid, overrides: dict[str, str]) -> SheetMapping | None:
    """The action-sheet mapping of a grid, or None when no row reads as an action header."""
    match = find_header(grid, action_field, is_action_header, overrides)
    if match is None:
        return None
    return SheetMapping(grid.name, "actions", match.row + 1, match.columns, match.headers)


class RepeatedHeader:
    """Spots the header row repeated lower down (as under each priority heading)."""

    def __init__(self, mapping: SheetMapping) -> None:
        self.texts = {
            column - 1: normalise_header(mapping.headers[column])
            for column in mapping.columns.values()
            if mapping.headers.get(column)
        }
        action = mapping.columns.get("action")
        self.action = action - 1 if action and action - 1 in self.texts else None
        self.needed = min(2, len(self.texts))

    def matches(self, cells: Sequence[CellValue]) -> bool:
        """True when two of the row's cells (or the only mapped one) repeat their heading."""
        if not self.needed:
            return False
        if self.action is not None and not self._same(cells, self.action):
            return False  # a repeated header always repeats the Action heading: check it first
        same = sum(self._same(cells, index) for index in self.texts)
        return same >= self.needed

    def _same(self, cells: Sequence[CellValue], index: int) -> bool:
        value = cells[index] if index < len(cells) else None
        text = self.texts[index]
        # Cheap length test first: most cells hold words nowhere near a heading's length.
        if not isinstance(value, str) or abs(len(value) - len(text)) > 8:
            return False
        return normalise_header(value) == text
