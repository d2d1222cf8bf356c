"""A sheet of per-priority narrative (what has been done, analysis, impact, next steps).

Annual reports' annexes and some plans keep the story of each priority on a sheet of its
own, one row per priority and period, with no Action column. Each row is attached to the
priority it names (matched as champions are), and a row naming none is reported with its
words, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actionplan.domain.plan_data import NarrativeData, PriorityData
from actionplan.excel.errors import quoted
from actionplan.excel.read.cell_values import cell_text, one_line
from actionplan.excel.read.champions import similarity
from actionplan.excel.read.column_mapping import SheetMapping
from actionplan.excel.read.grid import Grid
from actionplan.excel.read.headers import RowMatch, find_header
from actionplan.excel.read.import_report import SheetReport
from actionplan.excel.read.synonyms import STORY_FIELDS, action_field, normalise_header

# Headings a narrative sheet may use beyond those an action sheet's narrative columns use.
_WORDS: dict[str, tuple[str, ...]] = {
    "period": (
        "period", "reporting period", "year", "reporting year", "quarter", "period covered",
    ),
    "done": ("progress made", "achievements", "key achievements", "done"),
    "analysis": ("analysis of impact", "evaluation", "assessment of progress"),
    "impact": ("impact on children and families", "outcomes achieved"),
    "next_steps": (
        "what we will do next", "priorities for next year", "future plans",
        "areas for development",
    ),
}  # fmt: skip
_LOOKUP = {word: name for name, words in _WORDS.items() for word in words}
_MATCH_THRESHOLD = 0.5
_QUOTE_LIMIT = 200


@dataclass(frozen=True)
class NarrativeRow:
    """One row of a narrative sheet: the priority it names and the story it tells.
    Separate from NarrativeData because it keeps the row number and the priority's name as
    typed, until the story is matched to a priority of the plan.
    """

    row: int  # 1-based
    priority: str
    narrative: NarrativeData


def narrative_field(header: str) -> tuple[str | None, bool]:
    """The field a narrative-sheet heading names: the priority, the period or a story part."""
    name = _LOOKUP.get(normalise_header(header))
    if name is not None:
        return name, True
    found, listed = action_field(header)
    return (found, listed) if found == "priority" or found in STORY_FIELDS else (None, False)


def _is_narrative_header(match: RowMatch) -> bool:
    return "priority" in match.columns and any(f in match.columns for f in STORY_FIELDS)


def narratives_mapping(grid: Grid) -> SheetMapping | None:
    """The mapping of a sheet of per-priority narrative (it needs no Action column), or None."""
    match = find_header(grid, narrative_field, _is_narrative_header)
    if match is None:
        return None
    return SheetMapping(grid.name, "narrative", match.row + 1, match.columns, match.headers)


def narrative_rows(grid: Grid, mapping: SheetMapping) -> list[NarrativeRow]:
    """Every row under the header that names a priority and tells some of its story."""
    columns = {name: column - 1 for name, column in mapping.columns.items()}

    def text(index: int, name: str) -> str:
        return cell_text(grid.value(index, columns[name])) if name in columns else ""

    found = []
    for index in range(mapping.header_row, len(grid.rows)):
        story: dict[str, Any] = {name: text(index, name) for name in STORY_FIELDS}
        priority = one_line(text(index, "priority"))
        if priority and any(story.values()):
            narrative = NarrativeData(one_line(text(index, "period")), **story)
            found.append(NarrativeRow(index + 1, priority, narrative))
    return found


def attach_narratives(
    rows: list[NarrativeRow],
    priorities: list[PriorityData],
    aliases: dict[str, str],
    report: SheetReport,
) -> None:
    """Give each row's narrative to the priority it names; report each match and each miss."""
    attached = 0
    for row in rows:
        priority = _named(row.priority, priorities, aliases)
        if priority is None:
            report.warn(row.row, _unmatched(row))
            continue
        priority.narratives.append(row.narrative)
        attached += 1
        if priority.title != row.priority:
            report.notes.append(
                f"Row {row.row}: {quoted(row.priority)} matched priority {quoted(priority.title)}."
            )
    report.counts["narratives"] = attached


def _named(
    name: str, priorities: list[PriorityData], aliases: dict[str, str]
) -> PriorityData | None:
    best: tuple[float, PriorityData] | None = None
    for priority in priorities:
        score = _score(name, priority, aliases)
        if score >= _MATCH_THRESHOLD and (best is None or score > best[0]):
            best = (score, priority)
    return best[1] if best else None


def _score(name: str, priority: PriorityData, aliases: dict[str, str]) -> float:
    key = normalise_header(name)
    number = normalise_header(priority.number)
    if number and key in (number, f"priority {number}"):
        return 1.0
    candidates = [priority.title, aliases.get(priority.title, priority.title)]
    return max(similarity(name, candidate) for candidate in candidates)


def _unmatched(row: NarrativeRow) -> str:
    words = " / ".join(part for part in vars(row.narrative).values() if part)
    shown = words if len(words) <= _QUOTE_LIMIT else words[:_QUOTE_LIMIT].rstrip() + " …"
    return (
        f"no priority matches {quoted(row.priority)}, so its narrative was not imported: “{shown}”."
    )
