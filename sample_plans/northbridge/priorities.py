"""Layout 1, the priorities action plan: a sheet per priority, champions and indicators.

Each priority sheet has a merged title, a blank row, the header, then the priority, its
impact and its lead merged down a block of actions. RAG is mostly a cell fill, as people
colour it: vivid fills, Office "Bad/Neutral/Good" pastels, theme and indexed colours, a few
written words or letters, and cells nobody has rated yet ("" in the data).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Color, Font, PatternFill

from northbridge.workbook import (
    fit_heights,
    landscape,
    merge_down,
    new_workbook,
    put,
    save,
    set_widths,
    style_range,
    words,
    write_champions,
    write_header,
    write_indicator_rows,
    write_title,
)

WIDTHS = (20, 34, 52, 46, 24, 8)


@dataclass(frozen=True)
class Rag:
    """How one RAG cell is written: its text, its fill and the rating it means."""

    text: str | None
    fill: Color | None
    meaning: str


def _rgb(hex6: str) -> Color:
    """An opaque RGB colour from six hex digits."""
    return Color(rgb="FF" + hex6)


# Theme colours refer to openpyxl's default theme (Office 2007): theme 6 is accent3 9BBB59
# (green), theme 9 is accent6 F79646 (orange); indexed 10 is FF0000 (red).
RAG_STYLES: dict[str, Rag] = {
    "R": Rag(None, _rgb("FF0000"), "red"),
    "A": Rag(None, _rgb("FFC000"), "amber"),
    "G": Rag(None, _rgb("00B050"), "green"),
    "B": Rag(None, _rgb("0070C0"), "blue"),
    "r": Rag(None, _rgb("FFC7CE"), "red"),
    "a": Rag(None, _rgb("FFEB9C"), "amber"),
    "g": Rag(None, _rgb("C6EFCE"), "green"),
    "b": Rag(None, _rgb("BDD7EE"), "blue"),
    "theme-green": Rag(None, Color(theme=6), "green"),
    "theme-amber": Rag(None, Color(theme=9, tint=0.3999755851924192), "amber"),
    "indexed-red": Rag(None, Color(indexed=10), "red"),
    "text-Amber": Rag("Amber", None, "amber"),
    "text-G": Rag("G", _rgb("00B050"), "green"),
    "text-green": Rag("green", None, "green"),
    "text-A": Rag("A", _rgb("FFC000"), "amber"),
}


def paint_rag(cell: Cell, key: str) -> None:
    """Colour and/or label a RAG cell as the style key says; "" leaves it unrated."""
    if not key:
        return
    rag = RAG_STYLES[key]
    if rag.text:
        put(cell.parent, cell.row, cell.column, rag.text)
    if rag.fill is not None:
        cell.fill = PatternFill(fill_type="solid", fgColor=rag.fill)
    cell.alignment = Alignment(horizontal="center", vertical="top")


def write_priority_sheet(wb: Workbook, plan: dict[str, Any], block: dict[str, Any]) -> None:
    """Add one priority's sheet: title, blank row, header, merged block of actions."""
    ws = wb.create_sheet(block["sheet"])
    header = plan["header"]
    columns = len(header)
    write_title(ws, 1, plan["title"], columns)
    write_header(ws, 3, header)
    rows = block["rows"]
    first = 4
    last = first + len(rows) - 1
    style_range(ws, first, last, columns)
    for row, item in enumerate(rows, start=first):
        put(ws, row, 3, item["action"])
        put(ws, row, 4, item["measure"])
        paint_rag(ws.cell(row=row, column=6), item["rag"])
    merge_down(ws, 1, first, last, block["name"])
    merge_down(ws, 2, first, last, block["impact"])
    merge_down(ws, 5, first, last, block["lead"])
    ws.cell(row=first, column=1).font = Font(bold=True)
    set_widths(ws, WIDTHS)
    fit_heights(ws, range(first, last + 1), WIDTHS)
    landscape(ws)


def write_yearly_indicators(wb: Workbook, table: dict[str, Any]) -> None:
    """Add the year-on-year indicators sheet."""
    ws = wb.create_sheet(table["sheet"])
    write_header(ws, 1, table["header"])
    rows = [
        (row["indicator"], row["unit"], row["better_when"], *row["years"]) for row in table["rows"]
    ]
    write_indicator_rows(ws, rows, first_number=4)
    set_widths(ws, (58, 9, 12, 10, 10, 10, 10))


def build_priorities(path: Path) -> Path:
    """Write the layout 1 workbook: a sheet per priority, champions, indicators."""
    plan = words("priorities")
    wb = new_workbook(plan["title"])
    for block in plan["priorities"]:
        write_priority_sheet(wb, plan, block)
    write_champions(wb, plan["champions"])
    write_yearly_indicators(wb, plan["indicators"])
    return save(wb, path)
