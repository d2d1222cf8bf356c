"""The fields a workbook column can be mapped to, for the import wizard's mapping editor."""

from __future__ import annotations

from actionplan.excel.column_mapping import column_letter
from actionplan.excel.synonyms import ACTION_FIELDS, IGNORE, field_label

__all__ = ["FIELD_CHOICES", "column_letter"]

# (field name, label people read); "not used" drops a column from the import.
FIELD_CHOICES: tuple[tuple[str, str], ...] = (
    (IGNORE, "Not used"),
    *((name, field_label(name)) for name in ACTION_FIELDS),
)
