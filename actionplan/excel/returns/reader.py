"""Reading an update return back: who sent it, for which plan, and what each row now says.

A file that is not a return or was made for another version is refused with one sentence.
What the file claims (its return, plan, lead, actions and signature) and what each row holds
(the lead's cells, the locked cells and their seals, rows the lead added) are read as they
are: checking them against what the database issued is the merge's work (services/returns).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from actionplan.domain.rag import Rag, parse_rag, rag_from_word
from actionplan.domain.status import Status, parse_status
from actionplan.domain.timescale import TimescaleKind, parse_timescale
from actionplan.excel.cell_safety import cell_text
from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.opening.safety import open_source
from actionplan.excel.returns.writer import (
    ACTION,
    ACTIONS_SHEET,
    COLUMNS,
    DATE,
    LOCKED_COLUMNS,
    MARKER_SHEET,
    RAG,
    REASON,
    REF,
    RETURN_FORMAT,
    RETURN_VERSION,
    SIGNED_SINCE,
    STATUS,
    UPDATE,
    locked_text,
)


@dataclass(frozen=True)
class ReturnedRow:
    """One action's row of a return: what was issued and what the lead wrote.
    Separate from ActionRow because it holds the words a lead typed into a return beside
    the state it was issued with, before anything is merged into the plan.
    """

    action_id: int
    row: int
    ref: str
    text: str
    revision: int
    version: int | None  # the action's row version at issue; None: issued before they were kept
    issued_rag: Rag
    issued_status: Status
    rag: Rag
    status: Status
    update: str
    update_date: date | None
    reason: str
    problem: str = ""
    locked: tuple[tuple[int, str], ...] = ()  # (column, words) of each locked cell as it is now
    seals: tuple[str, ...] = ()  # each locked cell's seal as issued, in the same order

    @property
    def changed(self) -> bool:
        """True when the lead changed the RAG or status or wrote an update."""
        return bool(self.update) or (self.rag, self.status) != (self.issued_rag, self.issued_status)


@dataclass(frozen=True)
class AddedRow:
    """A row the lead added below their actions: its sheet row and the words in it."""

    row: int
    ref: str
    text: str


@dataclass(frozen=True)
class ReturnedFile:
    """A whole return: what it says it was issued as, each action's row and any added rows."""

    return_id: int
    plan_id: int
    plan_title: str
    lead: str
    lead_id: int
    issued_on: date
    signature: str
    rows: list[ReturnedRow]
    added: list[AddedRow]


def read_return(path: Path) -> ReturnedFile:
    """Read a return; WorkbookError with one sentence when it is not one or was altered."""
    name = quoted(path.name)
    source = open_source(path)
    if source.kind != "xlsx":
        raise WorkbookError(f"{name} is not an update return: it is not an Excel workbook (.xlsx).")
    try:
        # Formulas as typed, not their results: "=All signed up" typed in Excel is the words.
        book = load_workbook(io.BytesIO(source.content))
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WorkbookError(f"{name} could not be opened as a workbook ({exc}).") from None
    if MARKER_SHEET not in book.sheetnames:
        raise WorkbookError(
            f"{name} is not an update return made by actionplan; only returns made with "
            "'export --returns' can be merged."
        )
    facts, issued = _marker(book[MARKER_SHEET], name)
    lead = facts["lead"]
    if ACTIONS_SHEET not in book.sheetnames:
        raise WorkbookError(_altered(name, lead))
    sheet = book[ACTIONS_SHEET]
    versioned = int(facts["version"]) > SIGNED_SINCE
    rows = [_row(sheet, entry, versioned) for entry in issued]
    return ReturnedFile(
        return_id=int(facts["return_id"]),
        plan_id=int(facts["plan_id"]),
        plan_title=facts["plan_title"],
        lead=lead,
        lead_id=int(facts["lead_id"]),
        issued_on=date.fromisoformat(facts["issued_on"]),
        signature=facts["signature"],
        rows=rows,
        added=_added_rows(sheet, max((row.row for row in rows), default=1)),
    )


def _altered(name: str, lead: str) -> str:
    return (
        f"{name} has been changed in its structure (a sheet renamed or deleted), so it cannot "
        f"be merged safely; send {lead} a fresh return."
    )


# Rows looked at below the lead's actions for rows they added; past these, one problem says so.
_ADDED_ROWS_LOOKED_AT = 500


def _added_rows(sheet: Any, last: int) -> list[AddedRow]:
    end = min(sheet.max_row, last + _ADDED_ROWS_LOOKED_AT)
    added = []
    for number in range(last + 1, end + 1):
        words = [cell_text(sheet.cell(number, column).value).strip() for column in (REF, ACTION)]
        filled = any(
            sheet.cell(number, column).value not in (None, "")
            for column in range(1, len(COLUMNS) + 1)
        )
        if filled:
            added.append(AddedRow(number, *words))
    if sheet.max_row > end:
        added.append(AddedRow(sheet.max_row, "", f"rows down to row {sheet.max_row}"))
    return added


def _marker(sheet: Any, name: str) -> tuple[dict[str, str], list[list[Any]]]:
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    facts: dict[str, str] = {}
    issued: list[list[Any]] = []
    for row in rows:
        if isinstance(row[0], int | float):
            issued.append(row)
        elif row[0] is not None:
            facts[cell_text(row[0])] = cell_text(row[1] if len(row) > 1 else None)
    if facts.get("format") != RETURN_FORMAT:
        raise WorkbookError(f"{name} is not an update return made by actionplan.")
    if not facts.get("version", "").isdigit() or int(facts["version"]) > RETURN_VERSION:
        raise WorkbookError(f"{name} was made by a newer version of actionplan: update the app.")
    if int(facts["version"]) < SIGNED_SINCE:
        raise WorkbookError(
            f"{name} was made before returns were signed, so it cannot be checked; send "
            f"{facts.get('lead') or 'the lead'} a fresh return."
        )
    needed = ("return_id", "plan_id", "plan_title", "lead", "lead_id", "issued_on", "signature")
    numbers = ("return_id", "plan_id", "lead_id")
    if any(key not in facts for key in needed) or not all(facts[n].isdigit() for n in numbers):
        raise WorkbookError(f"{name} has damaged return details, so it cannot be merged.")
    try:
        date.fromisoformat(facts["issued_on"])
        places = [(int(entry[0]), int(entry[1] or 0), int(entry[2] or 0)) for entry in issued]
        if int(facts["version"]) > SIGNED_SINCE:
            _row_versions(issued)
    except (TypeError, ValueError, IndexError):
        raise WorkbookError(f"{name} has damaged return details, so it cannot be merged.") from None
    if any(not 2 <= row <= 1_048_576 for _action, row, _revision in places):
        raise WorkbookError(f"{name} has damaged return details, so it cannot be merged.")
    return facts, issued


def _row_versions(issued: list[list[Any]]) -> list[int]:
    """Each action's row version at issue; TypeError, ValueError or IndexError if damaged."""
    return [int(entry[5]) for entry in issued]


def _row(sheet: Any, entry: list[Any], versioned: bool) -> ReturnedRow:
    action_id, row, revision, rag_word, status_word = ([*entry, None, None, None, None, None])[:5]
    action_id, row, revision = int(action_id), int(row), int(revision or 0)
    # A versioned return keeps the row version after the status, and the seals after it.
    version, first_seal = (int(entry[5]), 6) if versioned else (None, 5)
    issued_rag, issued_status = (
        rag_from_word(cell_text(rag_word)),
        _status_of(cell_text(status_word)),
    )
    problems: list[str] = []
    rag = _choice(sheet.cell(row, RAG).value, parse_rag, issued_rag, "RAG", problems)
    status = _choice(sheet.cell(row, STATUS).value, parse_status, issued_status, "status", problems)
    when = _date(sheet.cell(row, DATE).value, problems)
    return ReturnedRow(
        action_id=action_id,
        row=row,
        ref=cell_text(sheet.cell(row, REF).value),
        text=cell_text(sheet.cell(row, ACTION).value),
        revision=revision,
        version=version,
        issued_rag=issued_rag,
        issued_status=issued_status,
        rag=rag,
        status=status,
        update=cell_text(sheet.cell(row, UPDATE).value).strip(),
        update_date=when,
        reason=cell_text(sheet.cell(row, REASON).value).strip(),
        problem="; ".join(problems),
        locked=tuple((n, locked_text(sheet.cell(row, n).value)) for n in LOCKED_COLUMNS),
        seals=tuple(
            cell_text(seal) for seal in entry[first_seal : first_seal + len(LOCKED_COLUMNS)]
        ),
    )


def _status_of(word: str) -> Status:
    try:
        return Status(word)
    except ValueError:
        return Status.NOT_RECORDED


def _choice(value: object, parse: Any, issued: Any, what: str, problems: list[str]) -> Any:
    """The lead's choice; a cleared cell keeps what was issued, an unknown word is a problem."""
    text = cell_text(value).strip()
    if not text:
        return issued
    found = parse(text)
    if found is None:
        problems.append(f"'{text}' is not a {what}")
        return issued
    return found


def _date(value: object, problems: list[str]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    timescale = parse_timescale(cell_text(value))
    if timescale.kind is TimescaleKind.DATE and timescale.due is not None:
        return timescale.due
    problems.append(f"'{cell_text(value)}' is not a date")
    return None
