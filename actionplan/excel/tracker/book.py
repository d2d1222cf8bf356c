"""One tracker workbook being written: shared by the writer and the smaller sheets it fills."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from actionplan.domain.plan_data import PlanData
from actionplan.excel.tracker.fast_cells import set_height, speed_up
from actionplan.excel.tracker.schema import Column
from actionplan.excel.tracker.style import A3, A4, Palette, row_height, set_up_printing, wrapping


class TrackerBook:
    """One tracker workbook being written: the write-only workbook, its looks and the plan."""

    def __init__(self, plan: PlanData, as_of: date) -> None:
        self.plan = plan
        self.as_of = as_of
        self.workbook = Workbook(write_only=True)
        self.palette: Palette | None = None
        self.wraps: dict[str, list[tuple[int, int]]] = {}
        self.rows: dict[str, int] = {}

    def sheet(
        self, name: str, columns: Sequence[Column], rows: int, title_rows: bool = True
    ) -> Any:
        """A new sheet with its columns, frozen header, filter and print set-up, header written."""
        sheet = self.workbook.create_sheet(name)
        speed_up(sheet)
        if self.palette is None:
            self.palette = Palette(sheet)
        for number, column in enumerate(columns, 1):
            dimension = sheet.column_dimensions[get_column_letter(number)]
            dimension.width = column.width
            dimension.hidden = column.hidden
        visible = [0.0 if c.hidden else c.width for c in columns]
        self.wraps[name], self.rows[name] = wrapping(visible), 0
        paper = A3 if title_rows else A4  # the wide tables print legibly on A3
        repeated = "1:1" if title_rows else None
        set_up_printing(sheet, self.plan.title, self.as_of, repeated, paper, self.plan.marking)
        if title_rows:
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
            sheet.row_dimensions[1].height = 32
            self.add(sheet, self.looks.row(sheet, ((c.header, "header") for c in columns)), False)
        return sheet

    def add(self, sheet: Any, row: list[Any], fit: bool = True) -> None:
        """Append a row, tall enough for its wrapped text."""
        number = self.rows[sheet.title] = self.rows[sheet.title] + 1
        height = row_height(row, self.wraps[sheet.title]) if fit else None
        if height is not None:
            set_height(sheet, number, height)
        sheet.append(row)

    @property
    def looks(self) -> Palette:
        """The shared looks (made with the first sheet)."""
        assert self.palette is not None
        return self.palette
