"""Telling an action plan from any list with a "Description" column: evidence beyond one column.

Headings like "Description" or "Task" read as the Action column, so a code list or a
contacts list would otherwise be imported as hundreds of actions. A sheet counts as a plan
only when something besides its Action column says so: a column for a lead, RAG, status,
timescale, reference, priority, measure or progress update, actions numbered like "1." or
"2.3", priority heading rows, or a sheet of executive champions or narrative beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from actionplan.domain.plan_data import PriorityData
from actionplan.excel.errors import quoted
from actionplan.excel.read.action_sheet import SheetOutcome
from actionplan.excel.read.column_mapping import ColumnMapping, SheetMapping
from actionplan.excel.read.grid import Grid
from actionplan.excel.read.synonyms import action_field, normalise_header

# Columns no list of codes carries; "agency" is the lead written as an organisation.
EVIDENCE_FIELDS = frozenset(
    {"lead", "agency", "email", "rag", "status", "timescale", "due_date", "ref", "priority"}
    | {"how_we_know", "update", "update_date"}
)
# Headings read as progress updates that any list may carry: on their own they show nothing.
_ANY_LISTS_NOTES = frozenset({"notes", "comment", "comments", "commentary"})
_PRIORITY_ROLES = frozenset({"champions", "narrative"})
_MAX_NAMED_COLUMNS = 12  # a refusal stays one readable sentence however wide the sheet
_MAX_HEADING_CHARS = 40


def shows_a_plan(
    mapping: ColumnMapping,
    grids: Mapping[str, Grid],
    outcomes: Mapping[str, SheetOutcome],
    priorities: Sequence[PriorityData],
) -> bool:
    """True when the sheets read show an action plan, not just a column read as Action."""
    if any(sheet.role in _PRIORITY_ROLES for sheet in mapping.sheets):
        return True
    for sheet in _action_sheets(mapping):
        if _evidence_columns(sheet) or _priority_named_above(grids[sheet.sheet], sheet):
            return True
    if any(outcome.headings for outcome in outcomes.values()):
        return True
    return _mostly_numbered(priorities)


def _evidence_columns(sheet: SheetMapping) -> list[str]:
    """The fields of a sheet's columns that only a plan carries."""
    return [
        name
        for name, column in sheet.columns.items()
        if name in EVIDENCE_FIELDS
        and normalise_header(sheet.headers.get(column, "")) not in _ANY_LISTS_NOTES
    ]


def _priority_named_above(grid: Grid, sheet: SheetMapping) -> bool:
    """A title cell above the headings names a priority ("Key Priority Area: Neglect")."""
    return any(
        isinstance(value, str) and action_field(value)[0] == "priority"
        for cells in grid.rows[: sheet.header_row - 1]
        for value in cells
    )


def _mostly_numbered(priorities: Sequence[PriorityData]) -> bool:
    """At least half the actions carry a reference taken from their numbering ("1.", "2.3")."""
    actions = [action for priority in priorities for action in priority.actions]
    numbered = sum(1 for action in actions if action.ref)
    return bool(actions) and 2 * numbered >= len(actions)


def _action_sheets(mapping: ColumnMapping) -> list[SheetMapping]:
    return [sheet for sheet in mapping.sheets if sheet.role == "actions"]


def not_a_plan(name: str, mapping: ColumnMapping, is_csv: bool) -> str:
    """The one sentence refusing a file with no evidence of a plan, naming the columns found."""
    sheets = _action_sheets(mapping)
    headings, count = _headings(sheets)
    columns = "column" if count == 1 else "columns"
    where = "" if is_csv or not sheets else f" on sheet {quoted(sheets[0].sheet)}"
    return (
        f"{quoted(name)} does not look like an action plan, so nothing was imported: "
        f"the import found the {columns} {headings}{where}, but no lead, RAG, status, "
        "timescale, reference or priority column (nor a measure or progress update) to show "
        "these rows are actions."
    )


def _headings(sheets: Sequence[SheetMapping]) -> tuple[str, int]:
    """The first sheet's headings as written, in column order, and how many there are."""
    if not sheets:
        return "(none)", 0
    headers = sheets[0].headers
    texts = [_short(" ".join(headers[column].split())) for column in sorted(headers)]
    shown = texts[:_MAX_NAMED_COLUMNS]
    more = len(texts) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else ""), len(texts)


def _short(heading: str) -> str:
    """A heading as written, cut with "…" when it would swamp the sentence."""
    if len(heading) <= _MAX_HEADING_CHARS:
        return heading
    return heading[: _MAX_HEADING_CHARS - 1].rstrip() + "…"
