"""The tracker workbook: a whole plan written for people to read, filter, print and send on.

Sheets: Summary, Actions, Measures, Updates (the whole history) and Priorities, plus a
very hidden sheet that marks the file as this app's own export so it re-imports exactly.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from actionplan.domain.plan_data import PlanData, UpdateData
from actionplan.domain.timescale import format_due
from actionplan.domain.update_dates import DatePrecision, format_update_date
from actionplan.excel.tracker.book import TrackerBook
from actionplan.excel.tracker.facts import ActionFacts, action_facts
from actionplan.excel.tracker.fast_cells import speed_up
from actionplan.excel.tracker.schema import (
    ACTION_COLUMNS,
    ACTIONS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MARKER_SHEET,
    UPDATE_COLUMNS,
    UPDATES,
    agency_text,
    json_text,
    leads_text,
    schema_row,
    timescale_text,
)
from actionplan.excel.tracker.sheets import (
    measure_columns,
    write_measures,
    write_priorities,
    write_summary,
)
from actionplan.excel.tracker.style import (
    RAG_WORDS,
    STATUS_WORDS,
    body,
    drop_down,
    footer_text,
    overdue_colouring,
    rag_colouring,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_REPORT_EVERY = 500
_SHORT_ACTION = 120


class WriteCancelled(Exception):
    """The user cancelled the export; nothing was saved."""


def write_tracker(
    plan: PlanData,
    out: Path | IO[bytes],
    as_of: date,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Write the plan as a tracker workbook; raises WriteCancelled when ``cancelled()`` is true."""
    facts = action_facts(plan, as_of)
    book = TrackerBook(plan, as_of)
    ticker = _Ticker(len(facts) + sum(len(f.action.updates) for f in facts), progress, cancelled)
    try:
        write_summary(book, facts)
        _write_actions(book, facts, ticker)
        write_measures(book)
        _write_updates(book, facts, ticker)
        write_priorities(book)
        _write_marker(book)
        _set_properties(book)
        book.workbook.save(out)
    except BaseException:
        _discard(book.workbook)
        raise


def _discard(workbook: Workbook) -> None:
    """Close the streams of a workbook that will not be saved, so none is left half-written."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()


class _Ticker:
    """Reports progress every few hundred rows and stops when the user cancels."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None):
        self.total, self.done = total, 0
        self.progress, self.cancelled = progress, cancelled

    def tick(self) -> None:
        self.done += 1
        if self.done % _REPORT_EVERY and self.done != self.total:
            return
        if self.cancelled is not None and self.cancelled():
            raise WriteCancelled()
        if self.progress is not None:
            self.progress(self.done, self.total)


def _write_actions(book: TrackerBook, facts: list[ActionFacts], ticker: _Ticker) -> None:
    sheet = book.sheet(ACTIONS, ACTION_COLUMNS, len(facts))
    rows = len(facts)
    rag_colouring(sheet, body("J", "K", rows))
    overdue_colouring(sheet, body("H", "H", rows), "$H2", "$I2", "$J2", book.as_of)
    drop_down(sheet, body("I", "I", rows), STATUS_WORDS, "Status")
    drop_down(sheet, body("J", "J", rows), RAG_WORDS, "RAG")
    for fact in facts:
        book.add(sheet, _action_row(book, sheet, fact))
        ticker.tick()


def _action_row(book: TrackerBook, sheet: Any, fact: ActionFacts) -> list[Any]:
    action, latest, cell = fact.action, fact.latest, book.looks.cell
    return [
        cell(sheet, action.ref),
        cell(sheet, book.plan.priorities[fact.priority].title),
        cell(sheet, action.outcome),
        cell(sheet, action.text),
        cell(sheet, leads_text(action.leads, action.lead_raw)),
        cell(sheet, agency_text(action.leads)),
        cell(sheet, timescale_text(action.timescale_raw)),
        cell(sheet, fact.due, "date"),
        cell(sheet, action.status.word),
        cell(sheet, action.rag.word, "centre"),
        cell(sheet, fact.suggested.word, "centre"),
        cell(sheet, latest.text if latest else None),
        _update_when(book, sheet, latest),
        cell(sheet, action.how_we_know),
        cell(sheet, fact.key),
        cell(sheet, json_text(_action_extra(fact))),
    ]


def _action_extra(fact: ActionFacts) -> dict[str, Any]:
    action = fact.action
    extra: dict[str, Any] = {"p": fact.priority, "r": action.rag.value, "s": action.status.value}
    if action.leads:
        extra["l"] = [
            [lead.name, lead.agency, *([lead.email] if lead.email else [])] for lead in action.leads
        ]
    kept = (("rr", action.rag_raw), ("sr", action.status_raw), ("lr", action.lead_raw))
    for name, value in kept:
        if value:
            extra[name] = value
    if timescale_text(action.timescale_raw) != action.timescale_raw:
        extra["tr"] = action.timescale_raw
    return extra


def _write_updates(book: TrackerBook, facts: list[ActionFacts], ticker: _Ticker) -> None:
    total = sum(len(fact.action.updates) for fact in facts)
    sheet = book.sheet(UPDATES, UPDATE_COLUMNS, total)
    rag_colouring(sheet, f"{body('F', 'F', total)} {body('I', 'I', total)}")
    drop_down(sheet, body("F", "F", total), RAG_WORDS, "RAG")
    drop_down(sheet, body("G", "G", total), STATUS_WORDS, "Status")
    cell = book.looks.cell
    for fact in facts:
        action = fact.action
        heading = [
            cell(sheet, action.ref),
            cell(sheet, book.plan.priorities[fact.priority].title),
            cell(sheet, _shortened(action.text)),
        ]
        for update in action.updates:
            suggested = update.suggested_rag.word if update.suggested_rag else None
            book.add(
                sheet,
                [
                    *heading,
                    _update_when(book, sheet, update),
                    cell(sheet, update.author),
                    cell(sheet, update.rag.word, "centre"),
                    cell(sheet, update.status.word),
                    cell(sheet, update.text),
                    cell(sheet, suggested, "centre"),
                    cell(sheet, update.reason),
                    cell(sheet, fact.key),
                ],
            )
            ticker.tick()


def _update_when(book: TrackerBook, sheet: Any, update: UpdateData | None) -> Any:
    """A real date when the day is known; otherwise the words ("Aug 2020", "date not given")."""
    if update is None:
        return None
    if update.update_date is not None and update.precision is DatePrecision.DAY:
        return book.looks.cell(sheet, update.update_date, "date")
    return book.looks.cell(sheet, format_update_date(update.update_date, update.precision))


def _shortened(text: str) -> str:
    return text if len(text) <= _SHORT_ACTION else text[: _SHORT_ACTION - 1].rstrip() + "…"


def _write_marker(book: TrackerBook) -> None:
    sheet = book.workbook.create_sheet(MARKER_SHEET)
    speed_up(sheet)
    sheet.sheet_state = "veryHidden"
    # Period labels are the partnership's words: text cells, never formulas.
    periods = [book.looks.cell(sheet, label) for label in measure_columns(book.plan)[1]]
    rows: list[list[Any]] = [
        ["format", FORMAT_NAME],
        ["version", FORMAT_VERSION],
        ["as_of", book.as_of],
        schema_row(ACTIONS, ACTION_COLUMNS),
        schema_row(UPDATES, UPDATE_COLUMNS),
        ["periods", *periods],
    ]
    for row in rows:
        sheet.append(row)


def _set_properties(book: TrackerBook) -> None:
    properties = book.workbook.properties
    properties.title = footer_text(book.plan.title, 200).replace("&&", "&")
    properties.subject = "Action plan tracker"
    properties.description = f"Position as at {format_due(book.as_of)}"
    properties.creator = "actionplan"
    properties.keywords = "action plan; RAG; tracker"
    properties.created = datetime.now().replace(microsecond=0)
    custom = book.workbook.custom_doc_props
    custom.append(StringProperty(name=FORMAT_NAME, value=str(FORMAT_VERSION)))
    custom.append(StringProperty(name="as-of", value=book.as_of.isoformat()))
