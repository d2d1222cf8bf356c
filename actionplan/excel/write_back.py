"""Writing a plan back into the workbook it was imported from, in the partnership's own layout.

The original file is opened as it was (sheets, merged cells, fonts, widths, fills) and only
the RAG, status and latest update of each action are written into its own row. Where the
layout had no column for them, one is added at the right of the table, styled like its
neighbours, so the business manager can send it on as if they had typed it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, PatternFill
from openpyxl.styles.colors import Color

from actionplan.domain.plan_data import ActionData, PlanData, UpdateData
from actionplan.domain.rag import Rag, parse_rag
from actionplan.domain.update_dates import DatePrecision
from actionplan.excel.cell_safety import put_text
from actionplan.excel.tracker_facts import latest_update
from actionplan.excel.tracker_schema import DATE_FORMAT
from actionplan.excel.write_back_columns import add_columns


class WriteBackError(ValueError):
    """The original workbook or its mapping cannot be used; the message says why."""


@dataclass
class SheetMap:
    """One sheet of the original layout: its header rows and which column holds which field."""

    name: str
    header_rows: list[int]
    columns: dict[str, int]
    action_rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Mapping:
    """Where the importer found everything: each sheet's columns and each action's row."""

    layout: str
    sheets: dict[str, SheetMap]
    actions: list[tuple[str, int]]


def read_mapping(text: str) -> Mapping:
    """The mapping the importer stored (PlanSource.mapping_json); WriteBackError when unusable."""
    try:
        raw = json.loads(text)
        sheets = {
            str(s["name"]): SheetMap(
                str(s["name"]),
                [int(r) for r in s.get("header_rows", [])],
                {str(k): int(v) for k, v in s.get("columns", {}).items()},
            )
            for s in raw.get("sheets", [])
        }
        actions = [(str(name), int(row)) for name, row in raw.get("actions", [])]
        return Mapping(str(raw.get("layout", "")), sheets, actions)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise WriteBackError(
            f"the stored layout of the original workbook is damaged ({exc})"
        ) from None


def write_back(
    content: bytes,
    mapping: Mapping,
    plan: PlanData,
    placement: Sequence[int | None],
    as_of: date,
) -> tuple[Workbook, list[str]]:
    """The original workbook with each action's RAG, status and latest update written in.

    ``placement`` gives, for each action in plan order, its index in ``mapping.actions``
    (None for an action added in the app since the import). Returns the workbook and notes
    for the user about anything that could not be placed.
    """
    book = _open(content)
    actions = [action for priority in plan.priorities for action in priority.actions]
    notes: list[str] = []
    rows = _rows_by_sheet(mapping, actions, placement, notes)
    for name, placed in rows.items():
        if name not in book.sheetnames:
            raise WriteBackError(f"its sheet '{name}' is no longer in the original workbook")
        sheet_map = mapping.sheets.get(name) or SheetMap(name, [], {})
        sheet_map.action_rows = [row for row, _action in placed]
        _write_sheet(book[name], sheet_map, placed, notes)
    book.properties.description = f"RAG, status and updates as at {as_of.day} {as_of:%B %Y}"
    return book, notes


def _open(content: bytes) -> Workbook:
    try:
        return load_workbook(io.BytesIO(content), rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WriteBackError(f"the original workbook could not be opened again ({exc})") from None


def _rows_by_sheet(
    mapping: Mapping,
    actions: list[ActionData],
    placement: Sequence[int | None],
    notes: list[str],
) -> dict[str, list[tuple[int, ActionData]]]:
    rows: dict[str, list[tuple[int, ActionData]]] = {}
    for action, index in zip(actions, placement, strict=True):
        if index is None or not 0 <= index < len(mapping.actions):
            notes.append(f"{_name(action)} was added in the app and has no row in the workbook.")
            continue
        sheet, row = mapping.actions[index]
        rows.setdefault(sheet, []).append((row, action))
    return rows


def _name(action: ActionData) -> str:
    words = action.text if len(action.text) <= 50 else action.text[:49] + "…"
    return f"Action {action.ref} ({words})" if action.ref else f"Action '{words}'"


def _write_sheet(
    sheet: Any, sheet_map: SheetMap, placed: list[tuple[int, ActionData]], notes: list[str]
) -> None:
    columns = add_columns(sheet, sheet_map)
    letters = _uses_letters(sheet, columns.get("rag"), sheet_map.action_rows)
    for row, action in placed:
        latest = latest_update(action.updates)
        if "rag" in columns:
            _write_rag(sheet.cell(row, columns["rag"]), action.rag, letters, notes, action)
        if action.status.is_known:  # a status nobody recorded is not written in
            _write(sheet.cell(row, columns["status"]), action.status.word, notes, action)
        if latest is None:
            continue
        if "update_date" in columns:
            _write(sheet.cell(row, columns["update"]), latest.text, notes, action)
            _write_date(sheet.cell(row, columns["update_date"]), latest.update_date)
        else:
            text = f"{_update_words(latest)}: {latest.text}".rstrip(": ")
            _write(sheet.cell(row, columns["update"]), text, notes, action)


def _uses_letters(sheet: Any, column: int | None, rows: list[int]) -> bool:
    """True when the layout's RAG cells hold letters (R, A, G, B) rather than words."""
    if column is None:
        return False
    values = [str(sheet.cell(row, column).value or "").strip() for row in rows]
    written = [value for value in values if value]
    return bool(written) and all(len(value) == 1 for value in written)


def _writable(cell: Any, notes: list[str], action: ActionData) -> bool:
    if isinstance(cell, MergedCell):
        notes.append(
            f"{_name(action)}: cell {cell.coordinate} is merged, so it was left as it was."
        )
        return False
    return True


def _write(cell: Any, text: str, notes: list[str], action: ActionData) -> None:
    if _writable(cell, notes, action):
        put_text(cell, text)


def _update_words(update: UpdateData) -> str:
    """ "Update 3 August 2020", "Update August 2020" for a month, "Update" when undated."""
    when = update.update_date
    if when is None:
        return "Update"
    day = "" if update.precision is DatePrecision.MONTH else f"{when.day} "
    return f"Update {day}{when:%B %Y}"


def _write_date(cell: Any, when: date | None) -> None:
    if isinstance(cell, MergedCell) or when is None:
        return
    cell.value = when
    if not cell.is_date:
        cell.number_format = DATE_FORMAT


_ON_STRONG = {Rag.AMBER: "FF000000"}  # black reads best on amber, white on the others


def _write_rag(cell: Any, rag: Rag, letters: bool, notes: list[str], action: ActionData) -> None:
    if not _writable(cell, notes, action):
        return
    if rag is Rag.UNRATED:
        _clear_rating(cell)
        return
    put_text(cell, rag.letter if letters else rag.word)
    cell.fill = PatternFill(fill_type="solid", fgColor="FF" + rag.colour.lstrip("#").upper())
    font = copy(cell.font)
    font.bold = True
    font.color = Color(rgb=_ON_STRONG.get(rag, "FFFFFFFF"))
    cell.font = font
    alignment = copy(cell.alignment) if cell.alignment else Alignment()
    alignment.horizontal = "center"
    cell.alignment = alignment


def _clear_rating(cell: Any) -> None:
    """An unrated action: take away a rating the cell shows, but never other words."""
    rated = parse_rag(str(cell.value)) not in (None, Rag.UNRATED) if cell.value else False
    if rated or cell.fill.fill_type == "solid":
        cell.value = None if rated else cell.value
        cell.fill = PatternFill()
