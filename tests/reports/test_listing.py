"""The fast listing's text layout: wrapping, long words, typed line breaks, font encoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer

from actionplan.reports.fonts import SANS, QuickTTFont, register_fonts
from actionplan.reports.listing import Column, Headed, Listing
from actionplan.reports.listing_draw import CAPTION_HEIGHT, header_height
from actionplan.reports.listing_layout import INKS, LaidRow, Text, lay_cell, split_row, wrap_text
from actionplan.reports.styles import rich
from actionplan.reports.tables import plain_table
from actionplan.resources import resource_path
from tests.pdf_helpers import page_texts

INK = INKS["cell"]


def test_wrapped_lines_fit_the_width_and_keep_every_word() -> None:
    """No line is wider than the column and no word is lost or reordered."""
    register_fonts()
    text = "Roll out Operation Encompass to every school in Northbridge by September " * 5
    lines = wrap_text(text, INK, 120)
    assert len(lines) > 3
    assert all(stringWidth(line, SANS, INK.size) <= 120 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_a_word_longer_than_the_column_is_broken_not_cut() -> None:
    """A URL or a very long reference is broken across lines, every letter kept."""
    register_fonts()
    word = "https://example.org/" + "x" * 120
    lines = wrap_text(f"See {word} today", INK, 80)
    assert "".join(lines).replace(" ", "") == f"See{word}today"
    assert all(stringWidth(line, SANS, INK.size) <= 80 for line in lines)


def test_line_breaks_the_user_typed_are_kept() -> None:
    """An update written as separate lines prints as separate lines."""
    register_fonts()
    assert wrap_text("First point\nSecond point\n\nThird", INK, 200) == [
        "First point",
        "Second point",
        "",
        "Third",
    ]


def test_a_tall_row_splits_into_the_lines_that_fit_and_the_rest() -> None:
    """Splitting a row keeps every line, the first part no taller than the room given."""
    register_fonts()
    cell = lay_cell([Text(" ".join(f"word{i}" for i in range(300)))], 100)
    row = LaidRow([cell])
    head, tail = split_row(row, 200)
    assert head.height <= 200
    assert [line.text for line in head.cells[0].lines + tail.cells[0].lines] == [
        line.text for line in cell.lines
    ]


def test_quick_font_encodes_exactly_as_reportlab_does() -> None:
    """The fast encoding gives the same subsets and bytes as reportlab's own."""
    register_fonts()
    path = str(resource_path("fonts", "DejaVuSans.ttf"))
    plain = TTFont("PlainCheck", path)
    quick = QuickTTFont("QuickCheck", path)
    ours, theirs = Canvas("unused.pdf")._doc, Canvas("unused.pdf")._doc
    samples = ["Zażółć gęślą jaźń", "Nguyễn Thị Lan", "<b>&amp;</b> (x) \\ y", "Zażółć", "ab\xa0c"]
    for text in samples * 2:
        assert quick.splitString(text, ours) == plain.splitString(text, theirs)


def test_the_part_of_a_listing_carried_to_the_next_page_is_marked_continued() -> None:
    """Split for want of room, the first part is as it was and the rest is "continued": it
    keeps the caption, makes room for the caption line, and every row is kept."""
    register_fonts()
    columns = [Column("Ref", 30), Column("Action", 300)]
    rows = [[[Text(f"1.{i}")], [Text("Audit neglect cases with schools " * 4)]] for i in range(30)]
    listing = Listing.of(columns, rows, caption="Priority 2: Neglect – actions")
    head, rest = listing.split(330, 300)
    assert head.height <= 300
    assert (head.continued, rest.continued) == (False, True)
    assert rest.caption == "Priority 2: Neglect – actions"
    assert len(head.rows) + len(rest.rows) == 30
    assert rest.height == pytest.approx(
        header_height(columns) + CAPTION_HEIGHT + sum(r.height for r in rest.rows)
    )
    again = rest.split(330, 300)
    assert [part.continued for part in again] == [True, True]


def _headed_pdf(tmp_path: Path, room: float) -> list[str]:
    """A page filled but for ``room`` points, then "Actions" over a 30-row table."""
    register_fonts()
    columns = [Column("Ref", 40), Column("Action", 300)]
    rows = [[[Text(f"9.{i}")], [Text(f"Audit neglect cases, part {i}")]] for i in range(30)]
    doc = SimpleDocTemplate(str(tmp_path / "headed.pdf"), pagesize=A4)
    filler = doc.height - room
    heading = rich("Actions", "h3")
    doc.build([Spacer(1, filler), Headed(heading, Listing.of(columns, rows, caption="Neglect"))])
    return page_texts(tmp_path / "headed.pdf")


def test_a_heading_never_ends_a_page_without_the_first_rows_of_its_table(tmp_path: Path) -> None:
    """With room for the heading but not for a row under it, heading and table go over the
    page together; with room for a few rows, the heading stays with them and the rest
    continue on the next page, every row printed once."""
    cramped = _headed_pdf(tmp_path, 45)
    assert "Actions" not in cramped[0]
    assert cramped[1].startswith("Actions Ref Action 9.0 ")
    roomy = _headed_pdf(tmp_path, 160)
    assert "Actions Ref Action 9.0 " in roomy[0] and "9.29" not in roomy[0]
    assert "Neglect (continued)" in roomy[1] and "Actions" not in roomy[1]
    printed = " ".join(roomy)
    assert all(printed.count(f"9.{i} ") == 1 for i in range(30))


def test_a_measures_table_carried_over_says_continued_above_its_repeated_header(
    tmp_path: Path,
) -> None:
    """A 120-row table in the house style runs over three pages; the second and third each
    open with its caption and "(continued)", then the header again, and no row is lost."""
    rows = [["Measure", "2024-25"], *[[f"Measure {i}", f"{i}%"] for i in range(120)]]
    doc = SimpleDocTemplate(str(tmp_path / "measures.pdf"), pagesize=A4)
    doc.build([plain_table(rows, [300, 100], caption="Impact: measures")])
    pages = page_texts(tmp_path / "measures.pdf")
    assert len(pages) >= 3 and "continued" not in pages[0]
    assert all(p.startswith("Impact: measures (continued) Measure 2024-25 ") for p in pages[1:])
    printed = " ".join(pages)
    assert all(printed.count(f"Measure {i} {i}%") == 1 for i in range(120))
