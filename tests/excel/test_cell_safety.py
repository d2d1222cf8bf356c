"""User text goes into cells as text, never a formula, and comes back exactly as typed."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from actionplan.excel.cell_safety import (
    MAX_CELL_TEXT,
    CellTextTooLong,
    append_text,
    cell_text,
    excel_text,
    from_excel,
    is_risky,
    lost_characters,
    put_text,
)

RISKY = ["=1+2", '=HYPERLINK("http://x")', "+44 20 7946 0123", "-10", "@SUM(A1)", "\tx", "\rx"]
PLAIN = ["Plain words", "#N/A", "#DIV/0!", "TRUE", "12", "2025-03-31", "<b>&amp;</b>"]


def saved_and_read(texts: list[str]) -> list[object]:
    """Write the texts into a row with put_text, save, reload; the cells as read back."""
    book = Workbook()
    for column, text in enumerate(texts, 1):
        put_text(book.active.cell(1, column), text)
    out = io.BytesIO()
    book.save(out)
    return list(load_workbook(io.BytesIO(out.getvalue())).active[1])


@pytest.mark.parametrize("text", RISKY + PLAIN)
def test_text_is_written_as_a_text_cell_whatever_it_starts_with(text: str) -> None:
    """Formula-looking text, error codes and numbers-as-words are text cells ("s") when read."""
    [cell] = saved_and_read([text])
    assert cell.data_type == "s"
    assert cell_text(cell.value) == text


def test_text_that_would_be_a_formula_if_typed_gets_a_quote_prefix() -> None:
    """Excel keeps such text as text even when someone edits the cell later."""
    cells = saved_and_read(RISKY + PLAIN)
    assert [cell.quotePrefix for cell in cells] == [True] * len(RISKY) + [False] * len(PLAIN)


def test_a_row_appended_as_text_has_no_formula_and_keeps_its_numbers() -> None:
    """Each string of an appended row is a text cell as typed; numbers and blanks stay so."""
    book = Workbook()
    book.active.append(["above"])
    append_text(book.active, ["lead", *RISKY, 7, None, "x\ry"])
    out = io.BytesIO()
    book.save(out)
    row = list(load_workbook(io.BytesIO(out.getvalue())).active[2])
    assert [cell_text(cell.value) for cell in row] == ["lead", *RISKY, "7", "", "x\ry"]
    assert [cell.data_type for cell in row[: len(RISKY) + 1]] == ["s"] * (len(RISKY) + 1)
    assert all(cell.quotePrefix for cell in row[1 : len(RISKY) + 1])


def test_control_characters_and_carriage_returns_come_back_exactly() -> None:
    """Characters XML cannot hold are escaped the OOXML way and read back as they were."""
    texts = ["a\r\nb", "bell\x07", "nul\x00end", "\x1f", "tab\tin", "_x0041_ literal"]
    assert [cell_text(cell.value) for cell in saved_and_read(texts)] == texts


def test_half_of_a_broken_character_is_replaced_and_counted() -> None:
    """A lone surrogate cannot be stored anywhere: it becomes the replacement character."""
    text = "emoji \ud83d broken"
    assert lost_characters(text) == 1
    assert from_excel(excel_text(text)) == "emoji \ufffd broken"


def test_text_longer_than_a_cell_holds_is_refused_rather_than_cut() -> None:
    """Excel cuts nothing silently here: the writer is told, with the length."""
    with pytest.raises(CellTextTooLong, match="32,767"):
        excel_text("x" * (MAX_CELL_TEXT + 1))


def test_risky_starts_are_the_ones_spreadsheets_read_as_formulas() -> None:
    """= + - @ tab and carriage return; other text is plain."""
    assert all(is_risky(text) for text in RISKY)
    assert not any(is_risky(text) for text in PLAIN)
