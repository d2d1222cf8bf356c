"""Reading the fill colours of just the RAG cells that have no text, with openpyxl read_only.

Only .xlsx files carry fills openpyxl reads; only the rows between the first and last
wanted cell are parsed, and only when at least one RAG cell is blank.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterable
from typing import Any

import openpyxl

from actionplan.domain.rag import Rag
from actionplan.excel.colours import Palette, rag_of_fill, theme_palette

log = logging.getLogger(__name__)

Cell = tuple[int, int]  # (row, column), both 1-based


class FillsUnreadable(Exception):
    """openpyxl could not read the workbook's styles; RAG colours stay unknown."""


def read_fill_rags(content: bytes, wanted: dict[str, set[Cell]]) -> dict[str, dict[Cell, Rag]]:
    """For each sheet, the RAG each wanted cell's fill stands for (cells without one left out)."""
    wanted = {sheet: cells for sheet, cells in wanted.items() if cells}
    if not wanted:
        return {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it does not read
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                palette = workbook_palette(workbook)
                return {
                    sheet: _sheet_rags(workbook[sheet], cells, palette)
                    for sheet, cells in wanted.items()
                }
            finally:
                workbook.close()
    except Exception as exc:  # styles are optional: a broken stylesheet must not stop an import
        log.info("fills unreadable: %s", type(exc).__name__)
        raise FillsUnreadable(str(exc) or type(exc).__name__) from exc


def workbook_palette(workbook: Any) -> Palette:
    """The colours an open workbook's theme and indexed numbers stand for."""
    indexed = tuple(str(argb)[-6:] for argb in getattr(workbook, "_colors", ()) or ())
    return theme_palette(getattr(workbook, "loaded_theme", None), indexed or None)


def _sheet_rags(sheet: Any, cells: set[Cell], palette: Palette) -> dict[Cell, Rag]:
    rows = [row for row, _ in cells]
    columns = [column for _, column in cells]
    found: dict[Cell, Rag] = {}
    for row in sheet.iter_rows(
        min_row=min(rows), max_row=max(rows), min_col=min(columns), max_col=max(columns)
    ):
        _collect(row, cells, palette, found)
    return found


def _collect(
    row: Iterable[Any], cells: set[Cell], palette: Palette, found: dict[Cell, Rag]
) -> None:
    for cell in row:
        position = (getattr(cell, "row", None), getattr(cell, "column", None))
        if position in cells:
            rag = rag_of_fill(getattr(cell, "fill", None), palette)
            if rag is not None:
                found[(cell.row, cell.column)] = rag
