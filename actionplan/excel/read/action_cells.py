"""One action row's cells read into an ActionData: words kept, dates, status, RAG and updates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from actionplan.domain.leads import split_leads
from actionplan.domain.plan_data import ActionData, LeadData, UpdateData
from actionplan.domain.rag import Rag, parse_rag
from actionplan.domain.status import Status, parse_status, status_in_text
from actionplan.domain.timescale import Timescale, TimescaleKind, parse_timescale
from actionplan.domain.update_dates import DatePrecision, oldest_first
from actionplan.excel.read.cell_updates import CellUpdate, extract_updates
from actionplan.excel.read.cell_values import (
    cell_date,
    cell_text,
    is_blank,
    split_numbering,
    timescale_words,
    written_day,
)
from actionplan.excel.read.grid import CellValue
from actionplan.excel.read.import_report import SheetReport


@dataclass
class RowCells:
    """The mapped cells of one data row: field -> value, merged blocks filled in.
    Separate from ActionData because it holds the cells as they are in one row of a
    workbook, before any parsing.
    """

    number: int  # 1-based row
    values: dict[str, CellValue]
    own: set[str] = field(default_factory=set)  # fields with a value in the row's own cell

    def text(self, name: str) -> str:
        """A field's words ("" when blank)."""
        return cell_text(self.values.get(name))

    def has(self, name: str) -> bool:
        """True when the field has a value (its own or from a merged block)."""
        return not is_blank(self.values.get(name))


@dataclass
class ParsedAction:
    """An action read from a row, with what the sheet walker still needs to know.
    Separate from ActionData because the numbering and the blank RAG cell matter only while
    the sheet is read, and are not part of the plan.
    """

    action: ActionData
    numbering: str  # "2" for "2.Review...", "" when not numbered
    rag_blank: bool  # the RAG cell has no text: its fill colour may say the RAG


class ActionParser:
    """Reads action rows of one sheet, warning on the sheet's report as it goes."""

    def __init__(self, report: SheetReport, has_ref_column: bool) -> None:
        self.report = report
        self.has_ref_column = has_ref_column
        self.undated_rows: list[int] = []

    def parse(self, cells: RowCells, outcome: str) -> ParsedAction:
        """The action in a row whose Action cell has words."""
        text, notes = extract_updates(cells.text("action"))
        numbering = ""
        if not self.has_ref_column:
            numbering, text = split_numbering(text)
        timescale_raw, timescale, more_notes = self._timescale(cells)
        lead_raw = cells.text("lead")
        action = ActionData(
            text=text,
            ref=cells.text("ref"),
            leads=_with_emails(_leads(lead_raw, cells.text("agency")), cells.text("email")),
            lead_raw=lead_raw,
            timescale_raw=timescale_raw,
            how_we_know=cells.text("how_we_know"),
            outcome=outcome,
        )
        self._rag(cells, action)
        updates = self._updates(cells, notes + more_notes)
        self._status(cells, action, timescale, updates)
        action.updates = _dated(updates, action)
        rag_blank = "rag" in cells.values and not cells.has("rag")
        return ParsedAction(action, numbering, rag_blank)

    def _timescale(self, cells: RowCells) -> tuple[str, Timescale, list[CellUpdate]]:
        words, notes = extract_updates(timescale_words(cells.values.get("timescale")))
        if not words:
            words = timescale_words(cells.values.get("due_date"))
        timescale = parse_timescale(words)
        if timescale.kind is TimescaleKind.UNKNOWN:
            self.report.warn(cells.number, f"timescale '{words}' not understood; kept as written.")
        return words, timescale, notes

    def _rag(self, cells: RowCells, action: ActionData) -> None:
        raw = cells.text("rag")
        if not raw:
            return
        rag = parse_rag(raw)
        action.rag_raw = raw
        if rag is None:
            self.report.warn(cells.number, f"RAG '{raw}' not understood; left unrated.")
        action.rag = rag or Rag.UNRATED

    def _status(
        self, cells: RowCells, action: ActionData, timescale: Timescale, updates: list[CellUpdate]
    ) -> None:
        raw = cells.text("status")
        if raw:
            action.status_raw = raw
            status = parse_status(raw)
            if status is None:
                self.report.warn(cells.number, f"status '{raw}' not understood; kept as written.")
            else:
                action.status = status
                return
        latest = updates[-1].text if updates else ""
        found = timescale.status or status_in_text(latest) or status_in_text(action.text)
        # Where no cell and no words say a status, the workbook never said one: "Not started"
        # or "In progress" would be the app's guess printed as the partnership's word.
        action.status = found or Status.NOT_RECORDED

    def _updates(self, cells: RowCells, notes: list[CellUpdate]) -> list[CellUpdate]:
        words, dated = extract_updates(cells.text("update"))
        notes = notes + dated
        if words or cells.has("update_date"):
            day, precision = _update_day(cells.values.get("update_date"))
            if day is None and words:
                # No date is invented: the update stays undated ("date not given").
                self.undated_rows.append(cells.number)
            if day is not None or words:
                notes.append(CellUpdate(day, words, precision))
        # Undated notes first: nothing shows they are newer than the dated ones beside them.
        return sorted(notes, key=lambda note: oldest_first(note.day))


def _leads(lead_raw: str, agency: str) -> list[LeadData]:
    names = _lead_names(lead_raw)
    if names:
        return [LeadData(name, agency) for name in names]
    return [LeadData(name, name) for name in _lead_names(agency)]


def _with_emails(leads: list[LeadData], emails_raw: str) -> list[LeadData]:
    """Each lead with the email address the row gives: one address for one lead, or as many
    addresses as leads, in order; any other count is not guessed at."""
    emails = [word for word in re.split(r"[;,\s]+", emails_raw) if "@" in word]
    if not emails or len(emails) != len(leads):
        return leads
    return [replace(lead, email=email) for lead, email in zip(leads, emails, strict=True)]


@lru_cache(maxsize=4096)  # plans name the same few leads on row after row
def _lead_names(raw: str) -> tuple[str, ...]:
    return tuple(split_leads(raw))


def _update_day(value: CellValue) -> tuple[date | None, DatePrecision]:
    """A Date of update cell: a real date is a day; words such as "August 2020" a month."""
    if isinstance(value, str):
        return written_day(value)
    return cell_date(value), DatePrecision.DAY


def _dated(notes: list[CellUpdate], action: ActionData) -> list[UpdateData]:
    """Progress updates, oldest first; the latest carries the action's RAG and status."""
    updates = []
    for index, note in enumerate(notes):
        latest = index == len(notes) - 1
        status = action.status if latest else (status_in_text(note.text) or action.status)
        rag = action.rag if latest else Rag.UNRATED
        updates.append(
            UpdateData(note.day, note.text, rag=rag, status=status, precision=note.precision)
        )
    return updates
