"""Update returns: one workbook per lead with only their actions, for them to fill in and send back.

RAG, status, update, date and reason are the only cells a lead can change (drop-downs where
there is a choice); everything else is locked. A very hidden sheet records the plan, the
lead, each action's id, revision and row version at issue, the database's signature over them and a
seal of each locked cell, so a return can be merged back safely and a forged or altered one
is found (see ``returns.reader`` and ``domain/return_signature``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from actionplan.domain.plan_values import ActionRow
from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.excel.cell_safety import append_text, cell_text, put_text
from actionplan.excel.tracker.schema import DATE_FORMAT
from actionplan.excel.tracker.style import (
    FONT,
    HEADER_FILL,
    HEADER_TEXT,
    LINE_HEIGHT,
    RAG_WORDS,
    STATUS_WORDS,
    drop_down,
    rag_colouring,
    set_up_printing,
    wrapped_lines,
)

RETURN_FORMAT = "actionplan-return"
# 3: each action's row version too; 2: signed by the database (still merged, by revision);
# 1 had a checksum anyone could recompute.
RETURN_VERSION = 3
SIGNED_SINCE = 2
MARKER_SHEET = "_return"
ACTIONS_SHEET = "Your actions"
INSTRUCTIONS_SHEET = "Instructions"
FIRST_ROW = 2
EDITABLE_FILL = "FFFFF2CC"

# (heading, width, editable)
COLUMNS = (
    ("Ref", 7.0, False),
    ("Priority", 20.0, False),
    ("Action", 44.0, False),
    ("Timescale", 16.0, False),
    ("Due date", 11.5, False),
    ("Last update", 36.0, False),
    ("Suggested RAG", 11.0, False),
    ("RAG", 11.0, True),
    ("Status", 13.0, True),
    ("Your update", 48.0, True),
    ("Date of update", 12.0, True),
    ("Reason, if your RAG differs from the suggested RAG", 30.0, True),
)
REF, PRIORITY, ACTION, TIMESCALE, DUE, LAST, SUGGESTED, RAG, STATUS, UPDATE, DATE, REASON = range(
    1, len(COLUMNS) + 1
)


@dataclass(frozen=True)
class ReturnAsk:
    """What an update round adds to a return: the deadline, the board and where to reply."""

    due: date
    board: str
    reply_to: str = ""  # the business manager's email address; blank: not given


@dataclass(frozen=True)
class ReturnIssue:
    """A return for one lead: the plan, who to send it back to, and the lead's actions.

    ``signature`` is the database's signature of the issued return; ``seal`` gives the seal
    of a locked cell's words (row, column, text), made with a key that stays in the database.
    """

    plan_id: int
    plan_title: str
    lead: str
    as_of: date
    send_to: str
    actions: list[ActionRow]  # the lead's actions as they stand at issue
    revisions: dict[int, int]  # each action's revision at issue, by id, to spot later edits
    versions: dict[int, int] = field(default_factory=dict)  # each action's row version at issue
    return_id: int = 0
    lead_id: int = 0
    signature: str = ""
    seal: Callable[[int, int, str], str] = lambda _row, _column, _text: ""
    ask: ReturnAsk | None = None  # the round's deadline and board, when sent in a round


LOCKED_COLUMNS = tuple(number for number, column in enumerate(COLUMNS, 1) if not column[2])


def locked_text(value: object) -> str:
    """A locked cell's value as the words its seal is made of (a date as yyyy-mm-dd)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return cell_text(value)


def write_return(issue: ReturnIssue, out: Path | IO[bytes]) -> None:
    """Write the lead's return workbook: instructions first, then their actions to fill in."""
    book = Workbook()
    _instructions(book.active, issue)
    actions = book.create_sheet(ACTIONS_SHEET)
    _actions(actions, issue)
    _marker(book.create_sheet(MARKER_SHEET), issue, actions)
    book.security = WorkbookProtection(lockStructure=True)
    book.properties.title = f"Update return for {issue.lead}"[:200]
    book.properties.creator = "actionplan"
    book.properties.description = f"{issue.plan_title} – position as at {format_due(issue.as_of)}"
    book.save(out)


def _instructions(sheet: Any, issue: ReturnIssue) -> None:
    sheet.title = INSTRUCTIONS_SHEET
    sheet.column_dimensions["A"].width = 110
    lines = [
        (f"Update return for {issue.lead}", Font(name=FONT, bold=True, size=16, color=HEADER_TEXT)),
        (
            f"{issue.plan_title} – position as at {format_due(issue.as_of)}",
            Font(name=FONT, italic=True),
        ),
        ("", None),
        ("What to do", Font(name=FONT, bold=True, size=12)),
        (f"1. Open the '{ACTIONS_SHEET}' sheet: each row is one action you lead.", None),
        ("2. In the yellow columns, choose the RAG and the Status from the drop-down lists.", None),
        ("3. Write what has happened since the last update in 'Your update'.", None),
        (
            "4. Type the date of your update (dd/mm/yyyy); if blank, the day it is merged is used.",
            None,
        ),
        ("5. If your RAG differs from the Suggested RAG, say why in the last column.", None),
        (f"6. Save the file and send it back to {issue.send_to}.", None),
        ("", None),
        (
            "Please do not rename the file's sheets or add, move or delete rows: the other cells",
            None,
        ),
        ("are locked so that your return can be merged into the plan without mistakes.", None),
        ("", None),
        ("RAG", Font(name=FONT, bold=True, size=12)),
        ("Red – off track: the action will not be delivered on time without help.", None),
        ("Amber – at risk: delayed or facing problems, but can be brought back on track.", None),
        ("Green – on track.", None),
        ("Blue – complete.", None),
        ("The Suggested RAG comes from the dates and status; it never replaces your own.", None),
    ]
    if issue.ask is not None:
        lines[2:2] = _round_lines(issue, issue.ask)
    for row, (text, font) in enumerate(lines, 1):
        cell = sheet.cell(row, 1)
        if text:
            put_text(cell, text)  # the plan's title and the lead's name are words, not formulas
        if font is not None:
            cell.font = font
    sheet.protection.sheet = True


def _round_lines(issue: ReturnIssue, ask: ReturnAsk) -> list[tuple[str, Font | None]]:
    """The deadline, who to send it back to, and each action's suggested RAG with its reason."""
    bold = Font(name=FONT, bold=True, size=12)
    reply = f"{issue.send_to} ({ask.reply_to})" if ask.reply_to else issue.send_to
    lines: list[tuple[str, Font | None]] = [
        ("", None),
        (f"Please send this return back by {ask.due:%A} {format_due(ask.due)}.", bold),
        (f"Send it back to {reply}, for the {ask.board}.", None),
        ("", None),
        ("The suggested RAG for each of your actions, and why", bold),
    ]
    for action in issue.actions:
        why = suggestion_words(action)
        line = f"{action.ref} {action.text}"[:90]
        lines.append((f"{line}: {action.suggested_rag.word}" + (f" – {why}" if why else ""), None))
    return lines


def suggestion_words(action: ActionRow) -> str:
    """Why the RAG is suggested, in a lead's words: "no update since 2 Nov 2025"."""
    reason = action.suggestion_reason
    if reason.startswith("no update for over") and action.latest_update_date is not None:
        return f"no update since {format_due(action.latest_update_date)}"
    return reason


def _actions(sheet: Any, issue: ReturnIssue) -> None:
    _headings(sheet)
    for offset, action in enumerate(issue.actions):
        _action_row(sheet, FIRST_ROW + offset, action)
    last = FIRST_ROW + max(len(issue.actions), 1) - 1
    letter = get_column_letter
    drop_down(sheet, f"{letter(RAG)}{FIRST_ROW}:{letter(RAG)}{last}", RAG_WORDS, "RAG")
    drop_down(sheet, f"{letter(STATUS)}{FIRST_ROW}:{letter(STATUS)}{last}", STATUS_WORDS, "Status")
    _date_check(sheet, f"{letter(DATE)}{FIRST_ROW}:{letter(DATE)}{last}")
    rag_colouring(sheet, f"{letter(SUGGESTED)}{FIRST_ROW}:{letter(RAG)}{last}")
    sheet.freeze_panes = f"{letter(TIMESCALE)}{FIRST_ROW}"
    set_up_printing(sheet, issue.plan_title, issue.as_of, "1:1")
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # leads may widen columns and rows to read
    sheet.protection.formatRows = False


def _headings(sheet: Any) -> None:
    line = Side(style="medium", color=HEADER_TEXT)
    for number, (heading, width, editable) in enumerate(COLUMNS, 1):
        cell = sheet.cell(1, number, heading)
        cell.font = Font(name=FONT, bold=True, color=HEADER_TEXT)
        cell.fill = PatternFill(
            fill_type="solid", fgColor=EDITABLE_FILL if editable else HEADER_FILL
        )
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = Border(bottom=line)
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.row_dimensions[1].height = 45


def _action_row(sheet: Any, row: int, action: ActionRow) -> None:
    when = action.latest_update_when or format_due(action.latest_update_date)
    last = f"{when}: {action.latest_update}" if when else ""
    texts = {
        REF: action.ref,
        PRIORITY: action.priority_title,
        ACTION: action.text,
        TIMESCALE: parse_timescale(action.timescale_raw).label,
        LAST: last or action.latest_update,
        SUGGESTED: action.suggested_rag.word,
        RAG: action.rag.word,
        STATUS: action.status.word,
    }
    top = Alignment(vertical="top", wrap_text=True)
    for number, (_heading, _width, editable) in enumerate(COLUMNS, 1):
        cell = sheet.cell(row, number)
        if texts.get(number):
            put_text(cell, texts[number])
        cell.alignment = top
        if editable:
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill(fill_type="solid", fgColor=EDITABLE_FILL)
    due = sheet.cell(row, DUE, action.due_date)
    due.number_format = DATE_FORMAT
    sheet.cell(row, DATE).number_format = DATE_FORMAT
    for words in (UPDATE, REASON):  # typed "- awaiting reply" stays words, not a formula
        sheet.cell(row, words).number_format = "@"
    lines = max(
        wrapped_lines(texts[n], int(COLUMNS[n - 1][1] * 1.15)) for n in (PRIORITY, ACTION, LAST)
    )
    sheet.row_dimensions[row].height = max(lines, 2) * LINE_HEIGHT + 2  # room to write in


def _date_check(sheet: Any, ranges: str) -> None:
    check = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 1 January 2000
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Date of update",
        error="Type the date of your update, like 03/11/2025.",
    )
    check.add(ranges)
    sheet.data_validations.append(check)


def _marker(sheet: Any, issue: ReturnIssue, actions: Any) -> None:
    sheet.sheet_state = "veryHidden"
    facts: list[list[Any]] = [
        ["format", RETURN_FORMAT],
        ["version", RETURN_VERSION],
        ["return_id", issue.return_id],
        ["plan_id", issue.plan_id],
        ["plan_title", issue.plan_title],
        ["lead", issue.lead],
        ["lead_id", issue.lead_id],
        ["issued_on", issue.as_of.isoformat()],
        ["signature", issue.signature],
        ["actions"],
    ]
    for fact in facts:
        append_text(sheet, fact)  # the plan's title and the lead's name as text, never formulas
    for offset, action in enumerate(issue.actions):
        row = FIRST_ROW + offset
        seals = [
            issue.seal(row, column, locked_text(actions.cell(row, column).value))
            for column in LOCKED_COLUMNS
        ]
        revision, version = issue.revisions[action.id], issue.versions[action.id]
        state = [action.id, row, revision, action.rag.value, action.status.value, version]
        append_text(sheet, state + seals)
    sheet.protection.sheet = True
