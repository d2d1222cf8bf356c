"""The mapping from each sheet's columns to plan fields: shown before import, correctable after.

A ``ColumnMapping`` is a plain value. The import preview returns it; a window (or a test)
may change it and hand it back, and the reader then uses it as given instead of guessing.
``--map "Who=lead"`` overrides are the command line's way to correct it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from actionplan.excel.errors import WorkbookError
from actionplan.excel.read.synonyms import (
    ACTION_FIELDS,
    IGNORE,
    field_label,
    field_named,
    normalise_header,
)

ROLES = ("actions", "champions", "indicators", "narrative")


@dataclass(frozen=True)
class SheetMapping:
    """One sheet's role, header row (1-based) and {field: column number (1-based)}."""

    sheet: str
    role: str
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)  # column number -> heading as written
    readings: tuple[int, ...] = ()  # indicators: the columns holding a reading per period
    comparators: tuple[int, ...] = ()  # indicators: England, London, statistical neighbours…

    def column_of(self, name: str) -> int | None:
        """The 1-based column holding a field, or None."""
        return self.columns.get(name)

    def with_field(self, name: str, column: int | None) -> SheetMapping:
        """A copy with one field moved to a column (None drops the field)."""
        columns = {k: v for k, v in self.columns.items() if k != name and v != column}
        if column is not None:
            columns[name] = column
        readings = tuple(c for c in self.readings if c != column)
        comparators = tuple(c for c in self.comparators if c != column)
        return replace(self, columns=columns, readings=readings, comparators=comparators)

    def lines(self) -> list[str]:
        """One line per heading: "Who (column C) → lead", or "not used"."""
        fields = {column: field_label(name) for name, column in self.columns.items()}
        fields |= {column: "reading" for column in self.readings}
        fields |= {column: "comparator" for column in self.comparators}
        out = []
        for column in sorted(set(self.headers) | set(fields)):
            heading = self.headers.get(column, "")
            target = fields.get(column, "not used")
            out.append(f"{heading or '(no heading)'} (column {column_letter(column)}) → {target}")
        return out


@dataclass(frozen=True)
class ColumnMapping:
    """Every sheet the reader uses, with its role and columns."""

    sheets: tuple[SheetMapping, ...] = ()

    def sheet(self, name: str) -> SheetMapping | None:
        """The mapping of the sheet with this name, or None."""
        return next((s for s in self.sheets if s.sheet == name), None)

    def with_sheet(self, mapping: SheetMapping) -> ColumnMapping:
        """A copy with one sheet's mapping replaced (or added)."""
        others = [s for s in self.sheets if s.sheet != mapping.sheet]
        order = [s.sheet for s in self.sheets]
        merged = [*others, mapping]
        merged.sort(key=lambda s: order.index(s.sheet) if s.sheet in order else len(order))
        return ColumnMapping(tuple(merged))


def column_letter(number: int) -> str:
    """Excel's letters for a 1-based column number (1 -> A, 28 -> AB)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def parse_overrides(texts: Iterable[str]) -> dict[str, str]:
    """``["Who=lead", "Notes=ignore"]`` as {normalised heading: field}; one sentence if wrong."""
    overrides: dict[str, str] = {}
    for text in texts:
        heading, sep, named = text.rpartition("=")
        name = field_named(named)
        if not sep or not heading.strip():
            raise WorkbookError(
                f"--map '{text}' is not written HEADING=field (for example --map \"Who=lead\")."
            )
        if name is None:
            raise WorkbookError(
                f"--map '{text}': '{named.strip()}' is not a field; use one of "
                f"{', '.join(ACTION_FIELDS)} or {IGNORE}."
            )
        overrides[normalise_header(heading)] = name
    return overrides


def mapping_json(
    layout: str,
    mapping: ColumnMapping,
    header_rows: dict[str, list[int]],
    action_rows: Sequence[tuple[str, int]],
) -> str:
    """The mapping kept with an imported plan, so an export can write back into its layout."""
    sheets = [
        {
            "name": sheet.sheet,
            "header_rows": header_rows.get(sheet.sheet, [sheet.header_row]),
            "columns": {
                name: sheet.columns[name] for name in ACTION_FIELDS if name in sheet.columns
            },
        }
        for sheet in mapping.sheets
        if sheet.role == "actions"
    ]
    document = {"layout": layout, "sheets": sheets, "actions": [list(row) for row in action_rows]}
    return json.dumps(document, ensure_ascii=False)
