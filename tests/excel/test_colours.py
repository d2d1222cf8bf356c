"""Cell colours read as RAG: vivid, pastel, theme (with tint) and indexed colours of each family."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.styles import Color, GradientFill, PatternFill

from actionplan.domain.rag import Rag
from actionplan.excel.colours import (
    OFFICE_THEME,
    apply_tint,
    rag_of_colour,
    rag_of_fill,
    rag_of_rgb,
    theme_palette,
)
from actionplan.excel.read.reader import read_workbook
from tests.excel.import_books import rag_fill_book

VIVID = {"FF0000": Rag.RED, "C00000": Rag.RED, "FFC000": Rag.AMBER, "FFFF00": Rag.AMBER,
         "00B050": Rag.GREEN, "00FF00": Rag.GREEN, "92D050": Rag.GREEN, "0070C0": Rag.BLUE,
         "00B0F0": Rag.BLUE, "0000FF": Rag.BLUE}  # fmt: skip
PASTEL = {"FFC7CE": Rag.RED, "FF7C80": Rag.RED, "FFEB9C": Rag.AMBER, "FFD966": Rag.AMBER,
          "F8CBAD": Rag.AMBER, "C6EFCE": Rag.GREEN, "A9D08E": Rag.GREEN, "BDD7EE": Rag.BLUE,
          "DDEBF7": Rag.BLUE, "9BC2E6": Rag.BLUE}  # fmt: skip


@pytest.mark.parametrize(("hex6", "rag"), list(VIVID.items()))
def test_vivid_colours_read_as_their_family(hex6: str, rag: Rag) -> None:
    """Strong reds, ambers and yellows, greens and blues."""
    assert rag_of_rgb(hex6) is rag


@pytest.mark.parametrize(("hex6", "rag"), list(PASTEL.items()))
def test_pastel_office_styles_read_as_their_family(hex6: str, rag: Rag) -> None:
    """Office's Bad/Neutral/Good pastels and the lighter accent tints."""
    assert rag_of_rgb(hex6) is rag


@pytest.mark.parametrize("hex6", ["FFFFFF", "F2F2F2", "D9D9D9", "808080", "000000", "EEECE1"])
def test_white_grey_and_black_say_nothing(hex6: str) -> None:
    """No RAG is guessed from neutral colours."""
    assert rag_of_rgb(hex6) is None


@pytest.mark.parametrize(
    ("theme", "tint", "rag"),
    [(6, 0.0, Rag.GREEN), (9, 0.3999755851924192, Rag.AMBER), (5, 0.0, Rag.RED),
     (4, 0.0, Rag.BLUE), (4, 0.7999816888943144, Rag.BLUE), (9, -0.249977111117893, Rag.AMBER),
     (0, 0.0, None), (1, 0.0, None)],
)  # fmt: skip
def test_theme_colours_with_tint_use_the_theme(theme: int, tint: float, rag: Rag | None) -> None:
    """Theme 6 (accent3 olive green), theme 9 lightened 40% (orange), accent1 blue, white."""
    assert rag_of_colour(Color(theme=theme, tint=tint)) is rag


@pytest.mark.parametrize(
    ("index", "rag"), [(10, Rag.RED), (2, Rag.RED), (13, Rag.AMBER), (11, Rag.GREEN),
                       (12, Rag.BLUE), (9, None), (64, None)],
)  # fmt: skip
def test_indexed_colours_use_the_palette(index: int, rag: Rag | None) -> None:
    """Indexed 10 is red; 64 (the system colour) and white say nothing."""
    assert rag_of_colour(Color(indexed=index)) is rag


def test_tint_lightens_and_darkens_like_excel() -> None:
    """A 40% lighter orange is paler; a 25% darker one is deeper; none keeps it."""
    assert apply_tint("F79646", 0.0) == "F79646"
    assert apply_tint("F79646", 0.4) == "FAC090"
    assert apply_tint("F79646", -0.25) == "E46C0A"


def test_a_workbooks_own_theme_is_used() -> None:
    """A theme whose accent3 is blue makes theme 6 blue."""
    xml = (
        b'<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        b"<a:themeElements>"
        b'<a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        b'<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
        b'<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2>'
        b'<a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/>'
        b'</a:accent2><a:accent3><a:srgbClr val="0070C0"/></a:accent3></a:clrScheme>'
        b"</a:themeElements></a:theme>"
    )
    palette = theme_palette(xml)
    assert palette.theme[:2] == ("FFFFFF", "000000")
    assert palette.theme[6] == "0070C0" and palette.theme[9] == OFFICE_THEME[9]
    assert rag_of_colour(Color(theme=6), palette) is Rag.BLUE


def test_unreadable_theme_falls_back_to_office() -> None:
    """A broken theme part still leaves Office's colours."""
    assert theme_palette(b"<not xml").theme == OFFICE_THEME


def test_fills_without_a_pattern_or_automatic_colour_say_nothing() -> None:
    """No fill, an empty pattern and an automatic colour give no RAG; a gradient its first stop."""
    assert rag_of_fill(None) is None
    assert rag_of_fill(PatternFill()) is None
    assert rag_of_fill(PatternFill("solid", fgColor=Color(auto=True))) is None
    assert rag_of_fill(PatternFill("darkGrid", fgColor=Color(auto=True), bgColor="FF00B050")) is (
        Rag.GREEN
    )
    assert rag_of_fill(GradientFill(stop=("FFFF0000", "FFFFFFFF"))) is Rag.RED


def test_rag_cells_with_only_a_fill_are_rated_and_the_preview_says_so(tmp_path: Path) -> None:
    """Vivid, pastel, theme and indexed fills rate actions; the sheet notes name the rows."""
    fills = ["FF0000", "FFEB9C", Color(theme=6), Color(indexed=12), "F2F2F2", None]
    result = read_workbook(rag_fill_book(tmp_path / "fills.xlsx", fills))
    rags = [a.rag for a in result.plan.priorities[0].actions]
    assert rags == [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.UNRATED, Rag.UNRATED]
    assert all(a.rag_raw == "" for a in result.plan.priorities[0].actions)
    assert result.report.sheets[0].notes == [
        "RAG read from cell colour (the cell has no text) for 4 actions "
        "(1 red, 1 amber, 1 green, 1 blue): rows 2, 3, 4, 5."
    ]


def test_text_in_a_rag_cell_wins_over_its_fill(tmp_path: Path) -> None:
    """ "A" on a green fill reads amber: the words are what the lead wrote."""
    path = rag_fill_book(tmp_path / "fills.xlsx", ["00B050"])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["G2"] = "A"
    wb.save(path)
    action = read_workbook(path).plan.priorities[0].actions[0]
    assert (action.rag, action.rag_raw) == (Rag.AMBER, "A")
