"""Gathering priorities, actions and measures from every sheet into one plan, in order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from actionplan.domain.plan_data import ActionData, MeasureData, PriorityData
from actionplan.excel.read.cell_values import one_line

_PRIORITY_HEADING = re.compile(
    r"^\s*(?:key\s+)?priority(?:\s+area)?\s*(?:no\.?\s*)?(?P<number>\d{1,2}[a-z]?)\b\s*"
    r"(?:[:.)\-–—]\s*)?(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBERED_TITLE = re.compile(r"^\s*(?P<number>\d{1,2})\s*[.):\-–—]\s*(?P<title>\S.*)$", re.DOTALL)
_KEY_DASHES = str.maketrans({ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def priority_key(title: str) -> str:
    """Two spellings of one priority share a key: case, spaces, dashes and "&" do not count."""
    text = title.casefold().translate(_KEY_DASHES).replace("&", " and ")
    return " ".join(text.split())


def split_priority_title(text: str) -> tuple[str, str]:
    """("2", "Tackling Peer on Peer Abuse") from "Priority 2 – Tackling Peer on Peer Abuse"."""
    title = one_line(text)
    for pattern in (_PRIORITY_HEADING, _NUMBERED_TITLE):
        match = pattern.match(title)
        if match and match["title"].strip():
            return match["number"], match["title"].strip()
    return "", title


def is_priority_heading(text: str) -> bool:
    """True for a heading that names a numbered priority ("Priority 4 - Neglect")."""
    match = _PRIORITY_HEADING.match(text)
    return bool(match and match["title"].strip())


@dataclass
class _Entry:
    """A priority being built, with the sheet row and numbering of each of its actions."""

    data: PriorityData
    stated_number: str
    named_at: tuple[str, int]  # the sheet and row that first named it
    rows: list[tuple[str, int]] = field(default_factory=list)
    numbering: list[str] = field(default_factory=list)
    sheets: set[str] = field(default_factory=set)


class PlanBuilder:
    """Priorities in the order first met, found again by name wherever they reappear."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._by_id: dict[int, _Entry] = {}
        self.dropped: list[tuple[str, str, int]] = []  # (title, sheet, row) of empty priorities

    def priority(self, heading: str, where: tuple[str, int]) -> PriorityData:
        """The priority a heading or cell names (at a sheet and row), created when first met."""
        number, title = split_priority_title(heading)
        key = priority_key(title)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(PriorityData(title=title), number, where)
            self._by_id[id(entry.data)] = entry
        entry.sheets.add(where[0])
        return entry.data

    def set_number(self, priority: PriorityData, number: str) -> None:
        """Record a number the workbook states for a priority (a heading's "Priority 2")."""
        entry = self._by_id[id(priority)]
        entry.stated_number = entry.stated_number or number

    def add_action(
        self, priority: PriorityData, action: ActionData, where: tuple[str, int], numbering: str
    ) -> None:
        """Add an action, remembering its row and the number written before its text ("2.")."""
        entry = self._by_id[id(priority)]
        priority.actions.append(action)
        entry.rows.append(where)
        entry.numbering.append(numbering)
        if action.outcome and action.outcome not in priority.outcomes:
            priority.outcomes.append(action.outcome)

    def add_measure(self, priority: PriorityData, measure: MeasureData) -> None:
        """Add a measure that belongs to the priority as a whole."""
        priority.measures.append(measure)

    def finish(self) -> list[PriorityData]:
        """Every priority with anything in it, in the order met, numbered, with refs."""
        for key, entry in list(self._entries.items()):
            if not entry.data.actions and not entry.data.measures:
                self.dropped.append((entry.data.title, *entry.named_at))
                del self._entries[key]
        for position, entry in enumerate(self._entries.values(), start=1):
            entry.data.number = entry.stated_number or str(position)
            for action, numbering in zip(entry.data.actions, entry.numbering, strict=True):
                if numbering and not action.ref:
                    deep = "." in numbering
                    action.ref = numbering if deep else f"{entry.data.number}.{numbering}"
        return [entry.data for entry in self._entries.values()]

    def aliases(self) -> dict[str, str]:
        """Each priority that alone fills a sheet, with that sheet's name (champions use it)."""
        owners = Counter(sheet for entry in self._entries.values() for sheet in entry.sheets)
        return {
            entry.data.title: sheet
            for entry in self._entries.values()
            if len(entry.sheets) == 1 and owners[sheet := next(iter(entry.sheets))] == 1
        }

    def action_rows(self) -> list[tuple[str, int]]:
        """(sheet, row) of every action, priority by priority, in PlanData order."""
        return [row for entry in self._entries.values() for row in entry.rows]
