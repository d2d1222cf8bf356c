"""What the original workbook itself says of each action, read again at write-back.

A change is measured against this: an action whose RAG, status and latest update are what
the workbook already says keeps its cells exactly as the partnership left them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from actionplan.domain.plan_data import ActionData
from actionplan.excel.opening.safety import SourceBook
from actionplan.excel.read.column_mapping import ColumnMapping, SheetMapping
from actionplan.excel.read.reader import Overrides, read_source
from actionplan.excel.write_back.layout import Mapping

log = logging.getLogger(__name__)


def imported_actions(content: bytes, mapping: Mapping, filename: str) -> list[ActionData | None]:
    """Each mapped action as the workbook gives it (None where it cannot be read again).

    The stored mapping is tried first, then the reader's own guess.
    """
    book = SourceBook(Path(filename), content, "xlsx")
    for overrides in (_stored(mapping), None):
        found = _read(book, overrides, mapping.actions)
        if found is not None:
            return found
    return [None] * len(mapping.actions)


def _stored(mapping: Mapping) -> ColumnMapping:
    sheets = tuple(
        SheetMapping(name, "actions", min(sheet.header_rows, default=1), dict(sheet.columns))
        for name, sheet in mapping.sheets.items()
    )
    return ColumnMapping(sheets)


def _read(
    book: SourceBook, overrides: Overrides, places: Sequence[tuple[str, int]]
) -> list[ActionData | None] | None:
    try:
        read = read_source(book, overrides)
    except Exception as exc:  # the baseline is a help, not a need: without it all is written
        log.info("original workbook not read again for write-back: %s", type(exc).__name__)
        return None
    actions = [action for priority in read.plan.priorities for action in priority.actions]
    by_place = dict(zip(read.action_rows, actions, strict=False))
    found = [by_place.get((sheet, row)) for sheet, row in places]
    return found if all(action is not None for action in found) else None
