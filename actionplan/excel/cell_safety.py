"""User text into Excel cells safely: always text, never a formula, and nothing lost on the way.

openpyxl writes any string starting with "=" as a formula, and XML cannot hold control
characters at all (a carriage return even turns into a line feed when read back). Text goes
through ``excel_text`` on the way out and ``from_excel`` on the way in: characters XML cannot
hold are written with OOXML's own escape ``_xHHHH_`` (which Excel and LibreOffice show as the
character itself), so a round trip gives back exactly what was written.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell.cell import Cell

MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot hold (tab and line feed it can), the carriage return XML
# parsers turn into a line feed, and text that already looks like an escape, whose
# underscore must itself be escaped so it reads back as typed.
_NEEDS_ESCAPE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)|[\ud800-\udfff]"
)
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


class CellTextTooLong(ValueError):
    """The text is longer than Excel allows in one cell."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"the text is {length:,} characters long; Excel holds at most {MAX_CELL_TEXT:,}"
        )
        self.length = length


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"  # half of a broken emoji: no file format can hold it
    return f"_x{ord(char):04X}_"


def excel_text(text: str) -> str:
    """The text as it must be stored in a cell so that reading it back gives it unchanged."""
    if ("_x" in text or not text.isprintable()) and _NEEDS_ESCAPE.search(text):
        text = _NEEDS_ESCAPE.sub(_escape, text)  # (the cheap test first: most text is plain)
    if len(text) > MAX_CELL_TEXT:
        raise CellTextTooLong(len(text))
    return text


def from_excel(value: str) -> str:
    """Text read from a cell, with OOXML escapes turned back into the characters they stand for."""
    if "_x" not in value:
        return value
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), value)


def lost_characters(text: str) -> int:
    """How many characters of the text no file can hold (halves of broken characters)."""
    return sum(1 for char in text if "\ud800" <= char <= "\udfff")


def is_risky(text: str) -> bool:
    """True when a spreadsheet would read the text as a formula if it were typed in."""
    return text.startswith(RISKY_STARTS)


def put_text(cell: Any, text: str) -> None:
    """Write user text into a cell as text, never a formula; risky text gets a quote prefix."""
    cell.value = excel_text(text)
    cell.data_type = "s"
    if is_risky(text):
        cell.quotePrefix = True


def append_text(sheet: Any, values: list[Any]) -> None:
    """Append a row to a sheet, each string written as text (``put_text``), never a formula."""
    cells: list[Any] = []
    for value in values:
        if isinstance(value, str):
            cells.append(Cell(sheet))
            put_text(cells[-1], value)
        else:
            cells.append(value)
    sheet.append(cells)


def cell_text(value: object) -> str:
    """A cell's value as the text a user typed ("" for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return from_excel(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
