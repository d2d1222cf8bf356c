"""Where the importer found everything in the original workbook, as stored with the plan.

Each sheet's header rows and columns, and each action's sheet and row: read back at
write-back so every change lands in its action's own row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


class WriteBackError(ValueError):
    """The original workbook or its mapping cannot be used; the message says why."""


@dataclass
class SheetMap:
    """One sheet of the original layout: its header rows and which column holds which field."""

    name: str
    header_rows: list[int]
    columns: dict[str, int]
    action_rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Mapping:
    """Where the importer found everything: each sheet's columns and each action's row."""

    layout: str
    sheets: dict[str, SheetMap]
    actions: list[tuple[str, int]]


def read_mapping(text: str) -> Mapping:
    """The mapping the importer stored (PlanSource.mapping_json); WriteBackError when unusable."""
    try:
        raw = json.loads(text)
        sheets = {
            str(s["name"]): SheetMap(
                str(s["name"]),
                [int(r) for r in s.get("header_rows", [])],
                {str(k): int(v) for k, v in s.get("columns", {}).items()},
            )
            for s in raw.get("sheets", [])
        }
        actions = [(str(name), int(row)) for name, row in raw.get("actions", [])]
        return Mapping(str(raw.get("layout", "")), sheets, actions)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise WriteBackError(
            f"the stored layout of the original workbook is damaged ({exc})"
        ) from None
