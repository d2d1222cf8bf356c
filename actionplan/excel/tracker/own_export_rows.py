"""Reading the rows of the app's own tracker back: visible cells first, hidden values for the rest.

A visible cell someone has changed wins; where it still shows what was written, the hidden
value kept beside it gives back the exact words (the RAG as first typed, each lead's agency).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from actionplan.domain.leads import split_leads
from actionplan.domain.measures import parse_direction, parse_number
from actionplan.domain.plan_data import (
    ActionData,
    ComparatorData,
    LeadData,
    MeasureData,
    ReadingData,
    UpdateData,
)
from actionplan.domain.rag import Rag, parse_rag
from actionplan.domain.status import Status, parse_status
from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.domain.update_dates import UNDATED, DatePrecision
from actionplan.excel.cell_safety import cell_text, from_excel
from actionplan.excel.errors import WorkbookError
from actionplan.excel.read.cell_values import written_day
from actionplan.excel.tracker.schema import (
    Column,
    agency_text,
    direction_text,
    leads_text,
    number_shown,
    same_number,
    timescale_text,
)


class Row:
    """One row of a data sheet, read by column key."""

    def __init__(self, values: Sequence[Any], where: dict[str, int], sheet: str, number: int):
        self.values, self.where = values, where
        self.sheet, self.number = sheet, number

    def raw(self, key: str) -> Any:
        """The cell's value as stored (None when the column is missing or empty)."""
        index = self.where.get(key)
        return self.values[index] if index is not None and index < len(self.values) else None

    def text(self, key: str) -> str:
        """The cell as the text a user typed."""
        return cell_text(self.raw(key))

    def date(self, key: str) -> date | None:
        """The cell as a date; raises WorkbookError when it holds something that is not one."""
        value = self.raw(key)
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        timescale = parse_timescale(cell_text(value))
        if timescale.due is None or timescale.kind.value != "date":
            raise WorkbookError(
                f"Row {self.number} of the {self.sheet} sheet has '{cell_text(value)}' where "
                "a date should be."
            )
        return timescale.due

    def key(self, key: str) -> int | None:
        """A whole number kept in a hidden column (None when missing)."""
        value = self.raw(key)
        return (
            int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )

    def extra(self) -> dict[str, Any]:
        """The hidden values kept for re-import ({} when the row was added by hand)."""
        text = self.raw("extra")
        if not isinstance(text, str):
            return {}
        try:
            found = json.loads(from_excel(text))
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    @property
    def blank(self) -> bool:
        """True when the row holds nothing at all."""
        return all(value is None or value == "" for value in self.values)


def locate(header: Sequence[Any], columns: Sequence[Column]) -> dict[str, int]:
    """Where each column is: as written when the headings are unchanged, else by heading."""
    seen = [cell_text(value) for value in header]
    if seen[: len(columns)] == [column.header for column in columns]:
        return {c.key: i for i, c in reversed(list(enumerate(columns)))}
    where: dict[str, int] = {}
    for column in columns:
        if column.header in seen and column.key not in where:
            where[column.key] = seen.index(column.header)
    return where


def read_action(row: Row) -> ActionData:
    """An action from its row: visible words, with RAG, status and leads checked against hidden."""
    extra = row.extra()
    action = ActionData(
        text=row.text("action"),
        ref=row.text("ref"),
        timescale_raw=_timescale(row, extra),
        how_we_know=row.text("how"),
        outcome=row.text("outcome"),
    )
    action.rag, action.rag_raw = _rag(row, extra)
    action.status, action.status_raw = _status(row, extra)
    action.leads, action.lead_raw = _leads(row, extra)
    return action


def _timescale(row: Row, extra: dict[str, Any]) -> str:
    """The timescale as first written when its cell is unchanged; a due date typed alone counts."""
    shown = row.text("timescale")
    kept = str(extra.get("tr", shown))
    if shown == timescale_text(kept):
        return kept
    return shown or format_due(row.date("due"))


def _rag(row: Row, extra: dict[str, Any]) -> tuple[Rag, str]:
    shown = row.text("rag")
    rag = parse_rag(shown) or Rag.UNRATED
    if rag.value == extra.get("r", Rag.UNRATED.value):
        return rag, str(extra.get("rr", ""))
    return rag, shown


def _status(row: Row, extra: dict[str, Any]) -> tuple[Status, str]:
    shown = row.text("status")
    status = parse_status(shown) or Status.NOT_RECORDED
    if status.value == extra.get("s", Status.NOT_RECORDED.value):
        return status, str(extra.get("sr", ""))
    return status, shown


def _leads(row: Row, extra: dict[str, Any]) -> tuple[list[LeadData], str]:
    kept = [LeadData(*(str(part) for part in lead[:3])) for lead in extra.get("l", [])]
    kept_raw = str(extra.get("lr", ""))
    shown, agency = row.text("leads"), row.text("agency")
    if shown == leads_text(kept, kept_raw):
        leads = kept
    else:
        known = {lead.name.casefold(): lead for lead in kept}
        leads = [known.get(name.casefold(), LeadData(name)) for name in split_leads(shown)]
        leads = [lead if lead.name == name else LeadData(name, lead.agency, lead.email)
                 for lead, name in zip(leads, split_leads(shown), strict=True)]  # fmt: skip
        kept_raw = shown
    if agency != agency_text(leads) and len(leads) == 1:
        leads = [LeadData(leads[0].name, agency, leads[0].email)]
    return leads, kept_raw


def read_update(row: Row) -> UpdateData:
    """One update of an action's history; "date not given" or a blank date stays undated."""
    when, precision = _update_when(row)
    suggested = row.text("suggested")
    return UpdateData(
        update_date=when,
        text=row.text("text"),
        author=row.text("author"),
        rag=parse_rag(row.text("rag")) or Rag.UNRATED,
        status=parse_status(row.text("status")) or Status.NOT_RECORDED,
        suggested_rag=parse_rag(suggested) if suggested else None,
        reason=row.text("reason"),
        precision=precision,
    )


def _update_when(row: Row) -> tuple[date | None, DatePrecision]:
    value = row.raw("date")
    if isinstance(value, str) and value.strip().casefold() in ("", UNDATED):
        return None, DatePrecision.DAY
    if isinstance(value, str):
        day, precision = written_day(value)
        if day is not None:
            return day, precision
    return row.date("date"), DatePrecision.DAY


def read_measure(row: Row, periods: list[tuple[int, str]]) -> MeasureData:
    """A measure with its readings: one per period column, plus any kept but not shown."""
    extra = row.extra()
    measure = MeasureData(name=row.text("name"), unit=row.text("unit"))
    kept = MeasureData(
        "", direction=str(extra.get("dir", "")), direction_raw=str(extra.get("dr", ""))
    )
    shown = row.text("direction")
    if shown == direction_text(kept):
        measure.direction, measure.direction_raw = kept.direction, kept.direction_raw
    else:
        measure.direction, measure.direction_raw = parse_direction(shown).value, shown
    measure.baseline, measure.baseline_raw = _number(
        row.raw("baseline"), extra.get("b"), extra.get("br")
    )
    measure.target, measure.target_raw = _number(row.raw("target"), extra.get("t"), extra.get("tr"))
    measure.readings = _readings(row, periods, extra.get("n"))
    measure.comparators = _comparators(extra.get("c"))
    return measure


def _comparators(kept: Any) -> list[ComparatorData]:
    # Kept whole in the re-import column; the Compared with cell is for people to read.
    found = []
    for entry in kept if isinstance(kept, list) else []:
        name, period, value, raw = (list(entry) + [None] * 4)[:4]
        number = float(value) if isinstance(value, int | float) else None
        found.append(ComparatorData(str(name or ""), str(period or ""), number, str(raw or "")))
    return found


def _number(cell: Any, value: Any, raw: Any) -> tuple[float | None, str]:
    """A number cell against the number and words kept for it: unchanged gives them back exactly."""
    kept = (float(value) if isinstance(value, int | float) else None, str(raw or ""))
    if _unchanged(cell, *kept):
        return kept
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell), ""
    text = cell_text(cell)
    return parse_number(text), text


def _unchanged(cell: Any, value: float | None, raw: str) -> bool:
    shown = number_shown(value, raw)
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return isinstance(shown, float) and same_number(float(cell), shown)
    return not isinstance(shown, float) and cell_text(cell) == (shown or "")


def _readings(row: Row, periods: list[tuple[int, str]], kept: Any) -> list[ReadingData]:
    readings: list[ReadingData] = []
    columns = {label: index for index, label in reversed(periods)}
    used: set[str] = set()
    for entry in kept if isinstance(kept, list) else []:
        label, value, raw, end, note = (list(entry) + [None] * 5)[:5]
        label = str(label)
        reading = ReadingData(
            label, None, "", date.fromisoformat(end) if end else None, str(note or "")
        )
        reading.value, reading.value_raw = (
            (float(value) if value is not None else None),
            str(raw or ""),
        )
        if label in columns and label not in used:
            used.add(label)
            cell = row.values[columns[label]] if columns[label] < len(row.values) else None
            reading.value, reading.value_raw = _number(cell, reading.value, reading.value_raw)
        readings.append(reading)
    for index, label in periods:
        cell = row.values[index] if index < len(row.values) else None
        if label not in used and cell not in (None, ""):
            value, raw = _number(cell, None, "")
            readings.append(ReadingData(label, value, raw))
    return readings
