"""Writing many styled cells to openpyxl's write-only sheets quickly.

A styled cell given to a write-only sheet goes through a whole ``Cell``: its value is checked
twice, an exception is raised and caught for it, and its look is looked up again for every
cell. On openpyxl 3.1, whose sheet writer this relies on (checked below), rows are handed to
the writer as light cells carrying a style number worked out once per look, and row heights
as shared attributes. On any other version the ordinary ``Cell`` path writes the very same
workbook, only slower. ``benchmarks/export_bench.py`` measures the difference.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter

FAST = openpyxl.__version__.startswith("3.1.")


class LightCell:
    """The little of a cell the write-only writer reads: place, value, kind and style number."""

    __slots__ = ("_value", "column", "data_type", "parent", "row", "style_id")
    hyperlink = None
    _comment = None
    has_style = True

    def __init__(self, parent: Any, value: object, data_type: str, style_id: int) -> None:
        self.parent, self._value = parent, value
        self.data_type, self.style_id = data_type, style_id
        self.row = self.column = 1

    @property
    def value(self) -> object:
        """The value written."""
        return self._value

    @property
    def coordinate(self) -> str:
        """The cell's reference, like "B7"."""
        return f"{get_column_letter(self.column)}{self.row}"


def kind_of(value: object) -> str:
    """The cell type openpyxl writes a value as: "s" text, "d" date, "n" number."""
    if isinstance(value, str):
        return "s"
    return "d" if isinstance(value, date) else "n"


def speed_up(sheet: Any) -> None:
    """Let the write-only sheet take light cells in its rows (a no-op off openpyxl 3.1)."""
    if FAST and hasattr(sheet, "_values_to_row"):
        sheet._values_to_row = partial(_cells_of, sheet)


def _cells_of(sheet: Any, values: Sequence[Any], row: int) -> Iterator[Any]:
    """The cells of one row for the writer: light cells as they are, plain values in a Cell."""
    plain = Cell(sheet)
    for column, value in enumerate(values, 1):
        if value is None:
            continue
        if isinstance(value, LightCell | Cell):
            cell = value
        else:
            plain.value = value
            cell = plain
        cell.row, cell.column = row, column
        yield cell


_HEIGHTS: dict[float, dict[str, str]] = {}


def set_height(sheet: Any, row: int, height: float) -> None:
    """Give a row of a write-only sheet its height, before the row is written."""
    if not FAST:
        sheet.row_dimensions[row].height = height
        return
    attributes = _HEIGHTS.setdefault(height, {"ht": safe_string(height), "customHeight": "1"})
    dict.__setitem__(sheet.row_dimensions, row, attributes)  # read only as attributes
