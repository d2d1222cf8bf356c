"""The board pack's look: page size, palette, paragraph styles, and user text as paragraphs."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from actionplan.reports.fonts import (
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    has_rtl,
    markup,
    mostly_rtl,
    register_fonts,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
# A board member reads the pack on paper: body text is never smaller than BODY_SIZE, and
# nothing at all (table text, notes, chips, labels) smaller than TABLE_SIZE.
BODY_SIZE = 9.5
TABLE_SIZE = 8.5


class Palette:
    """A calm set of colours; RAG colours come from the domain's Rag."""

    ink = colors.HexColor("#1F2933")
    muted = colors.HexColor("#5B6770")
    navy = colors.HexColor("#1D3557")
    accent = colors.HexColor("#2A6F97")
    rule = colors.HexColor("#CBD2D9")
    header_fill = colors.HexColor("#E4EBF2")
    zebra = colors.HexColor("#F5F7FA")
    panel = colors.HexColor("#EEF3F7")
    flag = colors.HexColor("#8A4B00")
    white = colors.white


PALETTE = Palette


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": SANS,
        "fontSize": BODY_SIZE,
        "leading": 13.5,
        "textColor": PALETTE.ink,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Every paragraph style of the pack, by name."""
    register_fonts()
    p = PALETTE
    return {
        "body": _style("body", spaceAfter=5),
        "lead": _style("lead", fontSize=11, leading=16, textColor=p.ink, spaceAfter=8),
        "small": _style("small", fontSize=TABLE_SIZE, leading=11, textColor=p.muted),
        "note": _style("note", fontSize=TABLE_SIZE, leading=11.5, textColor=p.muted, spaceBefore=3),
        "h1": _style(  # its space before is dropped at the top of a page
            "h1",
            fontName=SANS_BOLD,
            fontSize=19,
            leading=24,
            textColor=p.navy,
            spaceBefore=16,
            spaceAfter=4,
        ),
        "h2": _style(
            "h2",
            fontName=SANS_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=p.navy,
            spaceBefore=12,
            spaceAfter=5,
        ),
        "h3": _style(
            "h3",
            fontName=SANS_BOLD,
            fontSize=10,
            leading=13,
            textColor=p.accent,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "kicker": _style(
            "kicker", fontName=SANS_BOLD, fontSize=TABLE_SIZE, leading=11, textColor=p.accent
        ),
        "cell": _style("cell", fontSize=TABLE_SIZE, leading=11),
        "cell_bold": _style("cell_bold", fontName=SANS_BOLD, fontSize=TABLE_SIZE, leading=11),
        "cell_small": _style("cell_small", fontSize=TABLE_SIZE, leading=11, textColor=p.muted),
        "cell_flag": _style(
            "cell_flag", fontName=SANS_ITALIC, fontSize=TABLE_SIZE, leading=11, textColor=p.flag
        ),
        "head": _style(
            "head", fontName=SANS_BOLD, fontSize=TABLE_SIZE, leading=11, textColor=p.navy
        ),
        "head_centre": _style(
            "head_centre",
            fontName=SANS_BOLD,
            fontSize=TABLE_SIZE,
            leading=11,
            textColor=p.navy,
            alignment=TA_CENTER,
        ),
        "tile_number": _style(
            "tile_number", fontName=SANS_BOLD, fontSize=20, leading=24, textColor=p.navy
        ),
        "tile_label": _style("tile_label", fontSize=TABLE_SIZE, leading=11, textColor=p.muted),
        "fact_label": _style(
            "fact_label", fontName=SANS_BOLD, fontSize=TABLE_SIZE, textColor=p.muted
        ),
    }


@cache
def _shaped(style: ParagraphStyle, right: bool) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}-rtl{'-r' if right else ''}",
        parent=style,
        shaping=1,
        alignment=TA_RIGHT if right else style.alignment,
    )


# The most characters of one piece of user text a table cell or heading prints: a table row
# cannot run over a page, so a very long entry is shortened there rather than failing the pack.
CELL_LIMIT = 500
HEADING_LIMIT = 300
WIDE_CELL_LIMIT = 1500  # a cell across most of the page, such as a priority's aim
_LIMITS = {
    **dict.fromkeys(("h1", "h2", "h3", "lead", "kicker"), HEADING_LIMIT),
    **dict.fromkeys(
        (
            "cell", "cell_bold", "cell_small", "cell_flag", "head", "head_centre",
            "tile_label", "fact_label", "small",
        ),
        CELL_LIMIT,
    ),
}  # fmt: skip
SHORTENED = " … (shortened here; the whole text is in the plan)"


def shortened(text: str, limit: int | None) -> str:
    """The text, cut at a word near ``limit`` characters with a note saying so."""
    if limit is None or len(text) <= limit:
        return text
    cut = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip() + SHORTENED


def para(
    text: str | None, style: str | ParagraphStyle = "body", limit: int | None = None
) -> Paragraph:
    """User text as a paragraph that prints as typed; right-to-left text is shaped; too long
    for a cell or heading (or the ``limit`` given), it is shortened with a note (the plan
    keeps every word)."""
    chosen = styles()[style] if isinstance(style, str) else style
    raw = shortened(text or "", limit or _LIMITS.get(chosen.name))
    if has_rtl(raw):
        right = mostly_rtl(raw) and chosen.alignment == TA_LEFT
        chosen = _shaped(chosen, right)
    return Paragraph(markup(raw), chosen)


def rich(markup_text: str, style: str = "body") -> Paragraph:
    """A paragraph of our own markup (never user text: escape that with para())."""
    return Paragraph(markup_text, styles()[style])
