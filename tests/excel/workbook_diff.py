"""Every difference a person could see between two workbooks, listed cell by cell.

Compares the sheets and their order, and on each sheet every cell's value, data type, fill,
font and number format, the merged ranges, the column widths and the row heights. An empty
list means the two workbooks look the same in Excel.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter


def workbook_diff(first: Path, second: Path) -> list[str]:
    """One line per difference ("Sheet!F4 fill: 'FF0000' -> '00B050'"); [] when identical."""
    old = load_workbook(first, rich_text=True)
    new = load_workbook(second, rich_text=True)
    if old.sheetnames != new.sheetnames:
        return [f"sheets: {old.sheetnames} -> {new.sheetnames}"]
    lines: list[str] = []
    for name in old.sheetnames:
        lines += sheet_diff(old[name], new[name])
    return lines


def sheet_diff(old: Any, new: Any) -> list[str]:
    """The differences between two versions of one sheet."""
    old_merges = {str(block) for block in old.merged_cells.ranges}
    new_merges = {str(block) for block in new.merged_cells.ranges}
    old_only, new_only = old_merges - new_merges, new_merges - old_merges
    lines = []
    if old_only or new_only:
        lines.append(f"{old.title} merged: {sorted(old_only)} -> {sorted(new_only)}")
    lines += _dimension_diff(old, new)
    for row in range(1, max(old.max_row, new.max_row) + 1):
        for column in range(1, max(old.max_column, new.max_column) + 1):
            lines += _cell_diff(old, new, row, column)
    return lines


def _dimension_diff(old: Any, new: Any) -> list[str]:
    lines = []
    last = max(old.max_column, new.max_column)
    letters = {get_column_letter(n) for n in range(1, last + 1)}
    for letter in letters | set(old.column_dimensions) | set(new.column_dimensions):
        before, after = _width(old, letter), _width(new, letter)
        if before != after:
            lines.append(f"{old.title} column {letter} width: {before} -> {after}")
    for row in range(1, max(old.max_row, new.max_row) + 1):
        before, after = _height(old, row), _height(new, row)
        if before != after:
            lines.append(f"{old.title} row {row} height: {before} -> {after}")
    return sorted(lines)


def _width(sheet: Any, letter: str) -> object:
    dimension = sheet.column_dimensions.get(letter)
    return (dimension.width, dimension.hidden) if dimension is not None else None


def _height(sheet: Any, row: int) -> object:
    dimension = sheet.row_dimensions.get(row)
    return (dimension.height, dimension.hidden) if dimension is not None else None


def _cell_diff(old: Any, new: Any, row: int, column: int) -> list[str]:
    before, after = old.cell(row, column), new.cell(row, column)
    where = f"{old.title}!{before.coordinate}"
    return [
        f"{where} {name}: {first!r} -> {second!r}"
        for name, first, second in _properties(before, after)
        if first != second
    ]


def _properties(before: Any, after: Any) -> Iterator[tuple[str, object, object]]:
    yield "value", _value(before.value), _value(after.value)
    yield "type", before.data_type, after.data_type
    yield "fill", fill_key(before.fill), fill_key(after.fill)
    yield "font", font_key(before.font), font_key(after.font)
    yield "number format", before.number_format, after.number_format


def _value(value: object) -> object:
    """Rich text compared by its runs (words and their fonts); everything else as it is."""
    if isinstance(value, list):
        runs = value
        return [
            (str(getattr(part, "text", part)), repr(getattr(part, "font", None))) for part in runs
        ]
    return value


def fill_key(fill: Any) -> tuple[object, ...]:
    """What a fill looks like: its pattern and its two colours."""
    return (fill.fill_type, colour_key(fill.fgColor), colour_key(fill.bgColor))


def font_key(font: Any) -> tuple[object, ...]:
    """What a font looks like: name, size, bold, italic, underline and colour."""
    return (font.name, font.sz, font.b, font.i, font.u, colour_key(font.color))


def colour_key(colour: Any) -> object:
    """A colour as the kind of colour it is and its value (rgb, theme with tint, or index)."""
    if colour is None:
        return None
    kind = colour.type
    return (kind, getattr(colour, kind), colour.tint)
