"""The fast way of writing cells gives the very workbook the ordinary openpyxl way gives."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook

from actionplan.excel.tracker import fast_cells
from actionplan.excel.tracker import style as tracker_style
from actionplan.excel.tracker.writer import write_tracker
from tests.excel.plans import realistic_plan


def what_a_user_sees(book: Any) -> list[tuple[Any, ...]]:
    """Every visible cell's sheet, place, value, type, format and look, in order."""
    seen = []
    for sheet in (sheet for sheet in book.worksheets if sheet.sheet_state == "visible"):
        for row in sheet.iter_rows():
            for cell in row:
                look = (cell.font.b, cell.fill.fgColor.rgb, cell.alignment.wrap_text,
                        cell.alignment.horizontal, cell.quotePrefix)  # fmt: skip
                seen.append((sheet.title, cell.coordinate, cell.value, cell.data_type,
                             cell.number_format, look))  # fmt: skip
        heights = {r: d.height for r, d in sheet.row_dimensions.items() if d.height}
        seen.append((sheet.title, "heights", heights))
    return seen


def written(plan: Any) -> Any:
    """The plan's tracker, opened again."""
    out = io.BytesIO()
    write_tracker(plan, out, date(2025, 12, 1))
    return load_workbook(io.BytesIO(out.getvalue()))


def test_the_fast_path_and_the_ordinary_path_write_the_same_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Values, types, formats, fonts, fills, alignment and row heights all agree."""
    assert fast_cells.FAST, "these tests expect openpyxl 3.1, where the fast path applies"
    fast = what_a_user_sees(written(realistic_plan()))
    monkeypatch.setattr(fast_cells, "FAST", False)
    monkeypatch.setattr(tracker_style, "FAST", False)
    ordinary = what_a_user_sees(written(realistic_plan()))
    assert fast == ordinary
