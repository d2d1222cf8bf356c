"""The shape of the tracker workbook, shared by its writer and its reader.

Each data sheet is a list of columns. The visible cells are what people read and edit;
one hidden column per row keeps what the sheet does not show (the words as first written,
each lead's agency, which priority a row belongs to) so that re-importing the export gives
back the same plan. The reader trusts a visible cell whenever someone has changed it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from actionplan.domain.measures import Direction
from actionplan.domain.plan_data import LeadData, MeasureData
from actionplan.domain.timescale import parse_timescale

FORMAT_NAME = "actionplan-export"
FORMAT_VERSION = 1
MARKER_SHEET = "_actionplan"
DATE_FORMAT = "dd/mm/yyyy"

SUMMARY = "Summary"
ACTIONS = "Actions"
MEASURES = "Measures"
UPDATES = "Updates"
PRIORITIES = "Priorities"
SHEET_ORDER = (SUMMARY, ACTIONS, MEASURES, UPDATES, PRIORITIES)

# Kinds of column: how a cell is written and styled.
TEXT, DATE, NUMBER, RAG, STATUS, KEY, EXTRA = (
    "text",
    "date",
    "number",
    "rag",
    "status",
    "key",
    "extra",
)
HIDDEN_KINDS = (KEY, EXTRA)


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: the field it holds, its heading, width and kind."""

    key: str
    header: str
    width: float
    kind: str = TEXT

    @property
    def hidden(self) -> bool:
        """True for the columns kept for re-import, which people do not need to see."""
        return self.kind in HIDDEN_KINDS


ACTION_COLUMNS = (
    Column("ref", "Ref", 6),
    Column("priority", "Priority", 18),
    Column("outcome", "Outcome", 22),
    Column("action", "Action", 44),
    Column("leads", "Leads", 20),
    Column("agency", "Lead agency", 14),
    Column("timescale", "Timescale", 15),
    Column("due", "Due date", 11, DATE),
    Column("status", "Status", 11.5, STATUS),
    Column("rag", "RAG", 9, RAG),
    Column("suggested", "Suggested RAG", 10, RAG),
    Column("latest", "Latest update", 44),
    Column("latest_date", "Update date", 11, DATE),
    Column("how", "How we will know", 32),
    Column("key", "Row key", 8, KEY),
    Column("extra", "Kept for re-import (do not edit)", 12, EXTRA),
)
UPDATE_COLUMNS = (
    Column("ref", "Ref", 7),
    Column("priority", "Priority", 22),
    Column("action", "Action", 40),
    Column("date", "Date", 11.5, DATE),
    Column("author", "By", 20),
    Column("rag", "RAG", 10, RAG),
    Column("status", "Status", 12.5, STATUS),
    Column("text", "Update", 60),
    Column("suggested", "Suggested RAG", 11, RAG),
    Column("reason", "Reason for a different RAG", 30),
    Column("key", "Action key", 8, KEY),
)
MEASURE_HEAD = (
    Column("owner", "For", 26),
    Column("name", "Indicator", 44),
    Column("unit", "Unit", 9),
    Column("direction", "Better when", 11),
    Column("baseline", "Baseline", 10, NUMBER),
    Column("target", "Target", 10, NUMBER),
)
PERIOD_WIDTH = 11
MEASURE_TAIL = (
    Column("measure_status", "Latest against target", 14),
    Column("trend", "Trend", 11),
    Column("comparators", "Compared with", 30),
    Column("extra", "Kept for re-import (do not edit)", 12, EXTRA),
)
PRIORITY_COLUMNS = (
    Column("number", "No.", 5),
    Column("title", "Priority", 26),
    Column("aim", "Aim", 40),
    Column("champion", "Executive champion", 22),
    Column("outcomes", "Outcomes", 36),
    Column("period", "Period", 12),
    Column("done", "What we have done", 40),
    Column("analysis", "Analysis of progress", 40),
    Column("impact", "Impact of the work", 40),
    Column("next_steps", "Next steps", 36),
    Column("extra", "Kept for re-import (do not edit)", 12, EXTRA),
)

# The plan's own facts on the Summary sheet: the title in A1, then label and value rows.
SUMMARY_LABELS = {
    "as_of": "Position as at",
    "partnership": "Partnership",
    "period_raw": "Period",
    "period_start": "Period starts",
    "period_end": "Period ends",
    "prepared_by": "Prepared by",
    "marking": "Protective marking",
}
SUMMARY_TABLE_ROW = len(SUMMARY_LABELS) + 3

_DIRECTION_WORDS = {Direction.HIGHER.value: "Higher", Direction.LOWER.value: "Lower"}


def leads_text(leads: list[LeadData], lead_raw: str) -> str:
    """The Leads cell: the words as written, else the leads the app knows, one after another."""
    return lead_raw or "; ".join(lead.name for lead in leads)


def timescale_text(raw: str) -> str:
    """The Timescale cell: the words as written, a date written by a machine as "31 Mar 2025"."""
    return parse_timescale(raw).label


def agency_text(leads: list[LeadData]) -> str:
    """The Lead agency cell: each agency named once."""
    return "; ".join(dict.fromkeys(lead.agency for lead in leads if lead.agency))


def outcomes_text(outcomes: list[str]) -> str:
    """The Outcomes cell of a priority: one outcome a line."""
    return "\n".join(outcomes)


def direction_text(measure: MeasureData) -> str:
    """The Better when cell: Higher or Lower, else the words as written."""
    return _DIRECTION_WORDS.get(measure.direction, measure.direction_raw)


def number_shown(value: float | None, raw: str) -> float | str | None:
    """A measure's number as a cell shows it: the number, else the words, else nothing."""
    if value is not None:
        return value
    return raw or None


def same_number(shown: float, value: float) -> bool:
    """True when a cell's number is the value written (cells keep 16 significant digits)."""
    return float(f"{value:.16g}") == shown


def period_labels(measures: list[MeasureData]) -> list[str]:
    """Every period named by any measure, in the order they are first met: one column each."""
    return list(dict.fromkeys(r.period_label for m in measures for r in m.readings))


def json_text(value: object) -> str:
    """Values kept for re-import, as compact JSON text."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def schema_row(sheet: str, columns: tuple[Column, ...] | list[Column]) -> list[str]:
    """The marker sheet's record of a data sheet's columns, in order."""
    return ["columns", sheet, *(column.key for column in columns)]
