"""How the tracker looks: shared cell styles, RAG colours by rule, drop-downs and print set-up.

Styling cell by cell is what makes openpyxl slow, so each look is made once per workbook
and every cell shares it; RAG colours come from conditional formatting on whole columns,
so the word stays in the cell and the colour follows it when someone changes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.excel.cell_safety import excel_text, is_risky
from actionplan.excel.tracker.fast_cells import FAST, LightCell, kind_of
from actionplan.excel.tracker.schema import DATE_FORMAT

FONT = "Calibri"
HEADER_FILL = "FFDCE6F1"
HEADER_TEXT = "FF1F3864"
RULE_GREY = "FF8EA9C1"
RAG_WORDS = tuple(rag.word for rag in RAG_ORDER)
# The dash of an unrecorded status is shown, never offered: a lead picks a real status.
STATUS_WORDS = tuple(status.word for status in Status if status.is_known)


def _argb(colour: str) -> str:
    """An opaque ARGB colour from "#RRGGBB" (some programs read a missing alpha as clear)."""
    return "FF" + colour.lstrip("#").upper()


def text_colour(rag: Rag) -> str:
    """The colour of a RAG word on its pale fill (amber darkened so it can be read)."""
    return "FF8A5A00" if rag is Rag.AMBER else _argb(rag.colour)


_TOP = Alignment(vertical="top", wrap_text=True)
_LINE = Side(style="thin", color=RULE_GREY)
_LOOKS: dict[str, dict[str, Any]] = {
    "text": {"alignment": _TOP},
    "centre": {"alignment": Alignment(horizontal="center", vertical="top", wrap_text=True)},
    "date": {
        "alignment": Alignment(horizontal="left", vertical="top"),
        "number_format": DATE_FORMAT,
    },
    "number": {"alignment": Alignment(horizontal="right", vertical="top")},
    "header": {
        "font": Font(name=FONT, size=11, bold=True, color=HEADER_TEXT),
        "fill": PatternFill(fill_type="solid", fgColor=HEADER_FILL),
        "alignment": Alignment(vertical="center", wrap_text=True),
        "border": Border(bottom=Side(style="medium", color=HEADER_TEXT)),
    },
    "title": {"font": Font(name=FONT, size=16, bold=True, color=HEADER_TEXT)},
    "label": {"font": Font(name=FONT, size=11, bold=True), "alignment": _TOP},
    "note": {
        "font": Font(name=FONT, size=11, italic=True, color="FF595959"),
        "alignment": Alignment(vertical="top"),
    },
    "count": {"alignment": Alignment(horizontal="center", vertical="top")},
    "total": {
        "font": Font(name=FONT, size=11, bold=True),
        "border": Border(top=_LINE),
        "alignment": _TOP,
    },
    "total_count": {
        "font": Font(name=FONT, size=11, bold=True),
        "border": Border(top=_LINE),
        "alignment": Alignment(horizontal="center", vertical="top"),
    },
}
for _rag in Rag:
    _LOOKS[f"rag_{_rag.value}"] = {
        "font": Font(name=FONT, size=11, bold=True, color=text_colour(_rag)),
        "fill": PatternFill(fill_type="solid", fgColor=_argb(_rag.pale_colour)),
        "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "border": Border(bottom=Side(style="medium", color=HEADER_TEXT)),
    }


class Palette:
    """The workbook's looks, each made once; ``cell`` makes a styled cell sharing one of them."""

    def __init__(self, any_sheet: Any) -> None:
        self.sheet = any_sheet  # any sheet of the workbook: looks belong to the workbook
        self.styles: dict[str, StyleArray] = {}
        self.numbers: dict[str, int] = {}
        for name, look in _LOOKS.items():
            for key, quote in ((name, False), (f"{name}+q", True)):
                template = self._make(look, quote=quote)
                self.styles[key], self.numbers[key] = StyleArray(template._style), template.style_id

    def _make(self, look: dict[str, Any], *, quote: bool) -> Cell:
        template = Cell(self.sheet)
        for attribute, value in look.items():
            setattr(template, attribute, value)
        template.quotePrefix = quote
        return template

    def cell(self, sheet: Any, value: object, look: str = "text") -> Cell | LightCell | None:
        """A cell for a write-only sheet; text is always written as text, never a formula."""
        if value is None or value == "":
            return None  # nothing to show: the row is shorter to write
        if isinstance(value, str):
            look, value = look + "+q" * is_risky(value), excel_text(value)
        if FAST:
            return LightCell(sheet, value, kind_of(value), self.numbers[look])
        cell = Cell(sheet, 1, 1, value, self.styles[look])
        cell.data_type = kind_of(value) if isinstance(value, str) else cell.data_type
        return cell

    def blank(self, sheet: Any, look: str) -> Cell | LightCell:
        """An empty cell that still has the look (a border across a total row)."""
        if FAST:
            return LightCell(sheet, None, "n", self.numbers[look])
        return Cell(sheet, 1, 1, None, self.styles[look])

    def row(self, sheet: Any, values: Iterable[tuple[object, str]]) -> list[Cell | None]:
        """Cells for one row from (value, look) pairs."""
        return [self.cell(sheet, value, look) for value, look in values]


LINE_HEIGHT = 15.0
_MAX_HEIGHT = 409.0  # Excel's tallest row


def wrapping(widths: Sequence[float]) -> list[tuple[int, int]]:
    """The columns whose text may wrap, with about how many characters fit on one line."""
    return [(index, int(width * 1.15)) for index, width in enumerate(widths) if width >= 12]


def wrapped_lines(text: str, per_line: int) -> int:
    """How many lines the text takes when wrapped at spaces (long words break anywhere)."""
    lines = 0
    for paragraph in text.split("\n"):
        lines, used = lines + 1, 0
        for word in paragraph.split(" "):
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
            while used > per_line:
                lines, used = lines + 1, used - per_line
    return lines


def row_height(cells: Sequence[Any], wraps: Sequence[tuple[int, int]]) -> float | None:
    """A height that shows every line of the row's wrapped text; None for one line.

    Excel grows such rows itself, but LibreOffice and PDF converters show them one line
    high with the text spilling over, so the writer sets the height it estimates.
    """
    lines = 1
    for index, per_line in wraps:
        value = getattr(cells[index], "value", None) if index < len(cells) else None
        if isinstance(value, str) and (len(value) > per_line or "\n" in value):
            lines = max(lines, wrapped_lines(value, per_line))
    return None if lines == 1 else min(lines * LINE_HEIGHT + 2, _MAX_HEIGHT)


def body(first: str, last: str, rows: int) -> str:
    """The data cells of columns ``first`` to ``last`` under a one-row header (at least one row)."""
    return f"{first}2:{last}{max(rows, 1) + 1}"


def rag_colouring(sheet: Any, ranges: str) -> None:
    """Colour each RAG word in the ranges (its pale colour, its word in bold, strong colour)."""
    colour_words(sheet, ranges, {rag.word: rag for rag in Rag})


def colour_words(sheet: Any, ranges: str, words: dict[str, Rag]) -> None:
    """Colour cells holding one of the words as its RAG; the word itself stays in the cell."""
    for word, rag in words.items():
        pale = _argb(rag.pale_colour)
        rule = CellIsRule(
            operator="equal",
            formula=['"' + word.replace('"', '""') + '"'],
            fill=PatternFill(fill_type="solid", fgColor=pale, bgColor=pale),
            font=Font(bold=True, color=text_colour(rag)),
        )
        sheet.conditional_formatting.add(ranges, rule)


def overdue_colouring(
    sheet: Any, due_range: str, due_cell: str, status_cell: str, rag_cell: str, on: date
) -> None:
    """Show a due date in bold red when it has passed and the action is still open (not
    complete, cancelled or Blue: the rules' own definition of overdue)."""
    closed = ",".join(
        [f'{status_cell}<>"{s.word}"' for s in Status if s.is_closed]
        + [f'{rag_cell}<>"{Rag.BLUE.word}"']
    )
    formula = f"AND(ISNUMBER({due_cell}),{due_cell}<DATE({on.year},{on.month},{on.day}),{closed})"
    font = Font(bold=True, color=_argb(Rag.RED.colour))
    sheet.conditional_formatting.add(due_range, FormulaRule(formula=[formula], font=font))


def drop_down(sheet: Any, ranges: str, words: tuple[str, ...], what: str) -> None:
    """A drop-down list on the ranges that accepts only the given words."""
    listed = ", ".join(words[:-1]) + " or " + words[-1]
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(words) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=what,
        error=f"Choose {listed}.",
    )
    validation.add(ranges)
    sheet.data_validations.append(validation)


def footer_text(text: str, limit: int = 80) -> str:
    """Text made safe for a printed header or footer ("&" is a code there; no control codes)."""
    plain = "".join(char if char.isprintable() else " " for char in text)
    plain = plain if len(plain) <= limit else plain[: limit - 1] + "…"
    return plain.replace("&", "&&")


A4, A3 = 9, 8  # Excel's paper size codes


def set_up_printing(
    sheet: Any,
    plan_title: str,
    as_of: date,
    title_rows: str | None,
    paper: int = A4,
    marking: str = "",
) -> None:
    """Landscape, fit to the page width, header rows on every page, plan name and page,
    and the protective marking (if any) at the top of every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = paper
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3)
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddHeader.right.text = footer_text(f"Position as at {format_due(as_of)}")
    if marking.strip():
        sheet.oddHeader.center.text = footer_text(marking.strip().upper())
    sheet.oddFooter.left.text = footer_text(plan_title)
    sheet.oddFooter.center.text = "&A"
    sheet.oddFooter.right.text = "Page &P of &N"
