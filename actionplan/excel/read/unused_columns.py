"""The columns of a used sheet that the import leaves out, named so the preview can say so.

A partnership must never lose words without being told: every headed column not read, and
every column of words with no heading, is listed by its heading and letter.
"""

from __future__ import annotations

from actionplan.excel.errors import quoted
from actionplan.excel.read.cell_values import is_blank, one_line
from actionplan.excel.read.column_mapping import SheetMapping, column_letter
from actionplan.excel.read.grid import Grid

NAMED_LIMIT = 20  # a sheet wider than this with nothing read is a calendar; say how many more


def unused_columns(grid: Grid, mapping: SheetMapping) -> list[str]:
    """Each column not read, as "'Budget code' (column D)" or "column E (no heading)"."""
    used = set(mapping.columns.values()) | set(mapping.readings) | set(mapping.comparators)
    below = grid.rows[mapping.header_row :]
    width = max([max(mapping.headers, default=0), *(len(row) for row in below)])
    found = []
    for column in range(1, width + 1):
        if column in used:
            continue
        heading = one_line(mapping.headers.get(column, ""))
        if heading:
            found.append(f"{quoted(heading)} (column {column_letter(column)})")
        elif any(not is_blank(row[column - 1]) for row in below if column <= len(row)):
            found.append(f"column {column_letter(column)} (no heading)")
    if len(found) > NAMED_LIMIT:
        return [*found[:NAMED_LIMIT], f"{len(found) - NAMED_LIMIT} more columns"]
    return found
