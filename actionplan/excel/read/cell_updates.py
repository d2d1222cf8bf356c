"""Dated progress notes written inside cells ("Update August 2020: 32 schools signed up")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from actionplan.domain.update_dates import DatePrecision
from actionplan.excel.read.cell_values import written_day

_MARKER = re.compile(
    r"(?<![\w-])(?:progress[ \t]+)?update[ds]?[ \t]*"
    r"(?:as[ \t]+(?:at|of)[ \t]+|on[ \t]+|for[ \t]+|\([ \t]*|[-–—][ \t]*)?"
    r"(?P<when>[^:\n()]{3,40}?)[ \t]*\)?[ \t]*(?::|[-–—](?=[ \t]))[ \t]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CellUpdate:
    """One note found inside a cell; ``day`` is None when the workbook gave no date."""

    day: date | None
    text: str
    precision: DatePrecision = DatePrecision.DAY


def extract_updates(text: str) -> tuple[str, list[CellUpdate]]:
    """The cell's own words without its dated notes, and the notes (in the order written)."""
    if "update" not in text.casefold():
        return text, []
    found = [(m, written_day(m["when"])) for m in _MARKER.finditer(text)]
    markers = [(m, when) for m, when in found if when[0] is not None]
    if not markers:
        return text, []
    updates = []
    for index, (match, (day, precision)) in enumerate(markers):
        end = markers[index + 1][0].start() if index + 1 < len(markers) else len(text)
        updates.append(CellUpdate(day, text[match.end() : end].strip(), precision))
    return text[: markers[0][0].start()].rstrip(" \t\n-–—:;,"), updates
