"""Column widths for action tables: the room goes where it saves lines, within the page."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from actionplan.reports.column_sizes import Bounds, column_widths
from actionplan.reports.fonts import SANS, register_fonts
from actionplan.reports.listing_layout import PAD_X, Text
from actionplan.reports.styles import FRAME_WIDTH, TABLE_SIZE

FREE = Bounds(20 * mm, 200 * mm)
REF = Bounds(10 * mm, 10 * mm)


def test_widths_fill_the_page_and_keep_each_column_in_its_bounds() -> None:
    """The columns add up to the frame; a fixed column keeps its width."""
    register_fonts()
    rows = [[[Text("1.1")], [Text("Audit cases " * 8)], [Text("Police")]] for _ in range(10)]
    widths = column_widths([REF, FREE, FREE], rows, FRAME_WIDTH)
    assert sum(widths) == pytest.approx(FRAME_WIDTH)
    assert widths[0] == pytest.approx(10 * mm)
    assert all(w >= 20 * mm - 0.01 for w in widths[1:])


def test_the_wordier_column_gets_the_room() -> None:
    """Long updates beside short actions: the update column is the wider."""
    register_fonts()
    rows = [[[Text("1.1")], [Text("Audit cases")], [Text("Met the target " * 20)]]] * 12
    _, action, update = column_widths([REF, FREE, FREE], rows, FRAME_WIDTH)
    assert update > 2 * action


def test_a_word_is_kept_whole_when_the_column_can_take_it() -> None:
    """A lead such as "Commissioning Manager" is not broken inside its longest word."""
    register_fonts()
    rows = [[[Text("1.1")], [Text("Safeguarding checks " * 10)], [Text("Commissioning Manager")]]]
    widths = column_widths([REF, FREE, Bounds(15 * mm, 32 * mm)], rows * 6, FRAME_WIDTH)
    assert widths[2] >= stringWidth("Commissioning", SANS, TABLE_SIZE) + 2 * PAD_X


def test_very_long_words_never_push_the_table_off_the_page() -> None:
    """Web addresses in every column: the table still fits the frame (the words break)."""
    register_fonts()
    url = "https://example.org/" + "x" * 200
    rows = [[[Text("1.1")], [Text(url)], [Text(url)], [Text(url)]]] * 3
    widths = column_widths([REF, FREE, FREE, FREE], rows, FRAME_WIDTH)
    assert sum(widths) == pytest.approx(FRAME_WIDTH)
