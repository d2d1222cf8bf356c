"""The fields a workbook column can be read as, for the import wizard's column headings."""

from __future__ import annotations

from actionplan.excel.read.column_mapping import column_letter
from actionplan.excel.read.synonyms import ACTION_FIELDS, IGNORE, field_label

__all__ = ["FIELD_CHOICES", "IGNORE", "NOT_IMPORTED", "column_letter"]

NOT_IMPORTED = "Not imported"

# (field name, label people read); "Not imported" drops a column from the import.
FIELD_CHOICES: tuple[tuple[str, str], ...] = (
    (IGNORE, NOT_IMPORTED),
    *((name, field_label(name)) for name in ACTION_FIELDS),
)
