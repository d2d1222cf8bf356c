"""Reading an update return back: who sent it, for which plan, and what each row now says.

A file that is not a return, was made for another version, or whose rows or locked cells
were changed is refused with one sentence, so nothing is merged into the wrong action.
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
from actionplan.excel.returns import (
    ACTION,
    ACTIONS_SHEET,
    DATE,
    MARKER_SHEET,
    RAG,
    REASON,
    REF,
    RETURN_FORMAT,
    RETURN_VERSION,
    STATUS,
    UPDATE,
    structure_checksum,
)
from actionplan.excel.safety import open_source


@dataclass(frozen=True)
class ReturnedRow:
    """One action's row of a return: what was issued and what the lead wrote."""

    action_id: int
    row: int
    ref: str
    text: str
    issued_updated_at: str
    issued_rag: Rag
    issued_status: Status
    rag: Rag
    status: Status
    update: str
    update_date: date | None
    reason: str
    problem: str = ""

    @property
    def changed(self) -> bool:
        """True when the lead changed the RAG or status or wrote an update."""
        return bool(self.update) or (self.rag, self.status) != (self.issued_rag, self.issued_status)


@dataclass(frozen=True)
class ReturnedFile:
    """A whole return: the plan and lead it was issued for and each action's row."""

    plan_id: int
    plan_title: str
    lead: str
    issued_on: date
    rows: list[ReturnedRow]


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
    identity = [_identity(sheet, entry) for entry in issued]
    checksum = structure_checksum(int(facts["plan_id"]), facts["plan_title"], lead, identity)
    if checksum != facts["checksum"]:
        raise WorkbookError(_altered(name, lead))
    return ReturnedFile(
        plan_id=int(facts["plan_id"]),
        plan_title=facts["plan_title"],
        lead=lead,
        issued_on=date.fromisoformat(facts["issued_on"]),
        rows=[_row(sheet, entry) for entry in issued],
    )


def _altered(name: str, lead: str) -> str:
    return (
        f"{name} has been changed in its structure (rows added, moved or deleted, or locked "
        f"cells edited), so it cannot be merged safely; send {lead} a fresh return."
    )


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
    needed = ("plan_id", "plan_title", "lead", "issued_on", "checksum")
    if any(key not in facts for key in needed) or not facts["plan_id"].isdigit():
        raise WorkbookError(f"{name} has damaged return details, so it cannot be merged.")
    return facts, issued


def _identity(sheet: Any, entry: list[Any]) -> tuple[int, int, str, str, str, str, str]:
    action_id, row, updated_at, rag, status = ([*entry, None, None, None, None, None])[:5]
    return (
        int(action_id),
        int(row or 0),
        cell_text(sheet.cell(int(row or 1), REF).value),
        cell_text(sheet.cell(int(row or 1), ACTION).value),
        cell_text(updated_at),
        cell_text(rag),
        cell_text(status),
    )


def _row(sheet: Any, entry: list[Any]) -> ReturnedRow:
    action_id, row, ref, text, updated_at, rag_word, status_word = _identity(sheet, entry)
    issued_rag, issued_status = rag_from_word(rag_word), _status_of(status_word)
    problems: list[str] = []
    rag = _choice(sheet.cell(row, RAG).value, parse_rag, issued_rag, "RAG", problems)
    status = _choice(sheet.cell(row, STATUS).value, parse_status, issued_status, "status", problems)
    when = _date(sheet.cell(row, DATE).value, problems)
    return ReturnedRow(
        action_id=action_id,
        row=row,
        ref=ref,
        text=text,
        issued_updated_at=updated_at,
        issued_rag=issued_rag,
        issued_status=issued_status,
        rag=rag,
        status=status,
        update=cell_text(sheet.cell(row, UPDATE).value).strip(),
        update_date=when,
        reason=cell_text(sheet.cell(row, REASON).value).strip(),
        problem="; ".join(problems),
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
