"""Writing a plan back into the workbook it was imported from, in the partnership's own layout.

The original file is opened as it was (sheets, merged cells, fonts, widths, fills) and only
what changed in the app since the import is written into each action's own row: a RAG in
the workbook's own words or letters and fills, a status in its own words, the latest update
dated like its other dates. Where the layout had no column for something to write, one is
added at the right of the table, styled like its neighbours, so the business manager can
send it on as if they had typed it. Cells nobody changed are left exactly as they were.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles.numbers import is_date_format

from actionplan.domain.plan_data import ActionData, PlanData, UpdateData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status, parse_status
from actionplan.domain.update_dates import DatePrecision
from actionplan.excel.cell_safety import cell_text, put_text
from actionplan.excel.fills import workbook_palette
from actionplan.excel.tracker.facts import latest_update
from actionplan.excel.tracker.schema import DATE_FORMAT
from actionplan.excel.write_back.columns import add_columns
from actionplan.excel.write_back.kept_headings import keep_headings, original_headings
from actionplan.excel.write_back.layout import Mapping, SheetMap, WriteBackError
from actionplan.excel.write_back.rag_look import RagLook, shown_rag, write_rag


@dataclass
class WrittenBack:
    """The workbook with the changes written in, notes for the user, and how many cells changed.

    ``book`` is None when nothing was to be written: the original file is the answer.
    """

    book: Workbook | None
    notes: list[str]
    cells: int = 0


@dataclass(frozen=True)
class Changes:
    """What of one action differs from what its workbook says: the cells to write."""

    rag: bool
    status: bool
    update: UpdateData | None

    @property
    def fields(self) -> set[str]:
        """The columns these changes are written in."""
        wanted = {"rag"} if self.rag else set()
        wanted |= {"status"} if self.status else set()
        return wanted | ({"update"} if self.update is not None else set())


def write_back(
    content: bytes,
    mapping: Mapping,
    plan: PlanData,
    placement: Sequence[int | None],
    as_of: date,
    imported: Sequence[ActionData | None] | None = None,
) -> WrittenBack:
    """The original workbook with what changed since the import written in, and nothing else.

    ``placement`` gives, for each action in plan order, its index in ``mapping.actions``
    (None for an action added in the app since the import). ``imported`` gives, for each of
    ``mapping.actions``, the action as the workbook itself says it (see
    write_back.baseline); an action without one has its RAG, status and latest update
    written. Notes tell the user about anything that could not be placed.
    """
    actions = [action for priority in plan.priorities for action in priority.actions]
    notes: list[str] = []
    rows = _rows_by_sheet(mapping, actions, placement, imported or (), notes)
    if not any(changes.fields for placed in rows.values() for _row, _action, changes in placed):
        return WrittenBack(None, notes)  # nothing to write: the workbook need not be opened
    book = _open(content)
    written = WrittenBack(book, notes)
    style = _BookStyle(book, mapping)
    for name, placed in rows.items():
        if name not in book.sheetnames:
            raise WriteBackError(f"its sheet '{name}' is no longer in the original workbook")
        sheet_map = mapping.sheets.get(name) or SheetMap(name, [], {})
        sheet_map.action_rows = [row for row, _action, _changes in placed]
        written.cells += _write_sheet(book[name], sheet_map, placed, style, notes)
    if written.cells and not book.properties.description:  # never over the partnership's own
        book.properties.description = f"RAG, status and updates as at {as_of.day} {as_of:%B %Y}"
    return written


def _open(content: bytes) -> Workbook:
    try:
        # Rich text kept as runs, so a cell with a bold word in it comes back with it.
        book = load_workbook(io.BytesIO(content), rich_text=True)
        keep_headings(book, original_headings(content))
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WriteBackError(f"the original workbook could not be opened again ({exc})") from None
    return book


Placed = tuple[int, ActionData, Changes]


def _rows_by_sheet(
    mapping: Mapping,
    actions: list[ActionData],
    placement: Sequence[int | None],
    imported: Sequence[ActionData | None],
    notes: list[str],
) -> dict[str, list[Placed]]:
    rows: dict[str, list[Placed]] = {}
    for action, index in zip(actions, placement, strict=True):
        if index is None or not 0 <= index < len(mapping.actions):
            notes.append(f"{_name(action)} was added in the app and has no row in the workbook.")
            continue
        sheet, row = mapping.actions[index]
        before = imported[index] if index < len(imported) else None
        rows.setdefault(sheet, []).append((row, action, changes_since(before, action)))
    return rows


def changes_since(before: ActionData | None, now: ActionData) -> Changes:
    """What to write for an action, given what the workbook says of it (None: write it all)."""
    latest = latest_update(now.updates)
    if before is None:
        return Changes(True, True, latest)
    previous = latest_update(before.updates)
    # An update that only set a RAG or status has no words to write.
    new = (
        latest is not None
        and bool(latest.text.strip())
        and (
            previous is None
            or (latest.update_date, latest.text) != (previous.update_date, previous.text)
        )
    )
    return Changes(
        now.rag is not before.rag, now.status is not before.status, latest if new else None
    )


def _name(action: ActionData) -> str:
    words = action.text if len(action.text) <= 50 else action.text[:49] + "…"
    return f"Action {action.ref} ({words})" if action.ref else f"Action '{words}'"


class _BookStyle:
    """The workbook's own ways: RAG words and fills per sheet, status words, date formats."""

    def __init__(self, book: Workbook, mapping: Mapping) -> None:
        self.palette = workbook_palette(book)
        self.sheets = {name: RagLook() for name in mapping.sheets}
        self.statuses: dict[Status, str] = {}
        self.whole = RagLook()
        for name, row in mapping.actions:
            sheet_map = mapping.sheets.get(name)
            if sheet_map is None or name not in book.sheetnames:
                continue
            self._learn(book[name], sheet_map, row)

    def _learn(self, sheet: Any, sheet_map: SheetMap, row: int) -> None:
        if "rag" in sheet_map.columns:
            cell = sheet.cell(row, sheet_map.columns["rag"])
            self.sheets[sheet_map.name].learn([cell], self.palette)
            self.whole.learn([cell], self.palette)
        if "status" in sheet_map.columns:
            words = cell_text(sheet.cell(row, sheet_map.columns["status"]).value).strip()
            status = parse_status(words) if words else None
            if status is not None:
                self.statuses.setdefault(status, words)

    def rag_look(self, name: str) -> RagLook:
        """The RAG look of one sheet, the rest of the workbook filling in."""
        return self.sheets.get(name, RagLook()).within(self.whole)

    def status_word(self, status: Status) -> str:
        """The workbook's own word for a status, else the app's."""
        return self.statuses.get(status, status.word)


def _write_sheet(
    sheet: Any, sheet_map: SheetMap, placed: list[Placed], style: _BookStyle, notes: list[str]
) -> int:
    needed = set().union(*(_needed(action, changes) for _row, action, changes in placed))
    columns = add_columns(sheet, sheet_map, needed)
    look = style.rag_look(sheet_map.name)
    dates = _date_format(sheet, columns["update_date"]) if "update_date" in columns else None
    cells = 0
    for row, action, changes in placed:
        if changes.rag and "rag" in columns:
            cell = sheet.cell(row, columns["rag"])
            if shown_rag(cell, style.palette) is not action.rag and _writable(cell, notes, action):
                write_rag(cell, action.rag, look, style.palette)
                cells += 1
        if changes.status and "status" in columns and action.status.is_known:
            # A status nobody recorded is not written into the partnership's workbook.
            cell = sheet.cell(row, columns["status"])
            if parse_status(cell_text(cell.value).strip()) is not action.status:
                cells += _write(cell, style.status_word(action.status), notes, action)
        if changes.update is not None:
            cells += _write_update(sheet, row, columns, changes.update, dates, notes, action)
    return cells


def _needed(action: ActionData, changes: Changes) -> set[str]:
    """The columns an action's changes need; taking a rating away needs no new RAG column."""
    fields = changes.fields
    if not action.status.is_known:
        fields = fields - {"status"}
    return fields - {"rag"} if action.rag is Rag.UNRATED else fields


def _write_update(
    sheet: Any,
    row: int,
    columns: dict[str, int],
    latest: UpdateData,
    dates: str | None,
    notes: list[str],
    action: ActionData,
) -> int:
    """The latest update in its column; its date in the date column, in the column's format."""
    if "update_date" in columns:
        cells = _write(sheet.cell(row, columns["update"]), latest.text, notes, action)
        if latest.update_date is None:
            return cells  # a date the workbook never gave is not invented
        cell = sheet.cell(row, columns["update_date"])
        return cells + _write_date(cell, latest.update_date, dates or DATE_FORMAT)
    text = f"{_update_words(latest)}: {latest.text}".rstrip(": ")
    return _write(sheet.cell(row, columns["update"]), text, notes, action)


def _update_words(update: UpdateData) -> str:
    """ "Update 3 August 2020", "Update August 2020" for a month, "Update" when undated."""
    when = update.update_date
    if when is None:
        return "Update"
    day = "" if update.precision is DatePrecision.MONTH else f"{when.day} "
    return f"Update {day}{when:%B %Y}"


def _writable(cell: Any, notes: list[str], action: ActionData) -> bool:
    if isinstance(cell, MergedCell):
        notes.append(
            f"{_name(action)}: cell {cell.coordinate} is merged, so it was left as it was."
        )
        return False
    return True


def _write(cell: Any, text: str, notes: list[str], action: ActionData) -> int:
    if not _writable(cell, notes, action):
        return 0
    put_text(cell, text)
    return 1


def _write_date(cell: Any, when: date, number_format: str) -> int:
    """A date written as the column's other dates are: a cell not yet dated takes their format."""
    if isinstance(cell, MergedCell):
        return 0
    dated = is_date_format(cell.number_format)
    cell.value = when
    if not dated:
        cell.number_format = number_format
    return 1


def _date_format(sheet: Any, column: int) -> str | None:
    """The number format of the first real date in a column (None when it holds none)."""
    for (cell,) in sheet.iter_rows(min_col=column, max_col=column):
        if cell.is_date and isinstance(cell.value, date):
            return str(cell.number_format)
    return None
