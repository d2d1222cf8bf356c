"""The full-page cover (printed only when asked for): whose plan, which period, the position
date, who prepared it, the contents and a key."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from actionplan.domain.rag import RAG_ORDER
from actionplan.reports.board_pack_data import BoardPackData
from actionplan.reports.chips import legend_chips
from actionplan.reports.fonts import SANS_BOLD, markup
from actionplan.reports.page import CONTENTS_TOP, PageChrome, draw_footer, draw_marking
from actionplan.reports.styles import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PALETTE,
    para,
    rich,
    styles,
)
from actionplan.reports.tables import format_date

BAND_TOP = PAGE_HEIGHT - 16 * mm
BAND_BOTTOM = PAGE_HEIGHT * 0.585
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
_PALE_INK = colors.HexColor("#BFD3E6")
# The navy band holds about four lines of title: a longer one is shortened (with a note).
COVER_TITLE_LIMIT = 110
COVER_LINE_LIMIT = 150


def _cover_styles() -> dict[str, ParagraphStyle]:
    base = styles()["body"]
    return {
        "partnership": ParagraphStyle(
            "cv-p", parent=base, fontSize=13, leading=17, textColor=colors.white
        ),
        "title": ParagraphStyle(
            "cv-t", parent=base, fontName=SANS_BOLD, fontSize=25, leading=31, textColor=colors.white
        ),
        "period": ParagraphStyle(
            "cv-d", parent=base, fontSize=11.5, leading=15, textColor=_PALE_INK
        ),
    }


def _place(canvas: Canvas, flowable: Flowable, x: float, top: float, width: float) -> float:
    """Draw a flowable with its top edge at ``top``; returns the y just below it."""
    _, height = flowable.wrapOn(canvas, width, PAGE_HEIGHT)
    flowable.drawOn(canvas, x, top - height)
    return top - height


def _title_block(pack: BoardPackData) -> list[Flowable]:
    s = _cover_styles()
    cover = pack.cover
    block: list[Flowable] = []
    if cover.partnership.strip():
        block.append(para(cover.partnership, s["partnership"], COVER_LINE_LIMIT))
    block.append(para(cover.plan_title, s["title"], COVER_TITLE_LIMIT))
    if cover.period.strip():
        block.append(para(f"Plan period: {cover.period}", s["period"], COVER_LINE_LIMIT))
    return block


def _band(canvas: Canvas, pack: BoardPackData) -> None:
    canvas.setFillColor(PALETTE.navy)
    canvas.rect(0, BAND_BOTTOM, PAGE_WIDTH, BAND_TOP - BAND_BOTTOM, stroke=0, fill=1)
    quarter = PAGE_WIDTH / 4
    for i, rag in enumerate(RAG_ORDER[:4]):
        canvas.setFillColor(colors.HexColor(rag.colour))
        canvas.rect(i * quarter, BAND_BOTTOM - 2.2 * mm, quarter, 2.2 * mm, stroke=0, fill=1)
    block = _title_block(pack)
    gaps = 5.0
    height = sum(f.wrapOn(canvas, TEXT_WIDTH, PAGE_HEIGHT)[1] + gaps for f in block)
    y = min(BAND_BOTTOM + 16 * mm + height, BAND_TOP - 30 * mm)
    canvas.setFillColor(_PALE_INK)
    canvas.setFont(SANS_BOLD, 8.5)
    kicker = "BOARD PACK  ·  EXECUTIVE SUMMARY"
    canvas.drawString(MARGIN_LEFT, y + 9 * mm, kicker, charSpace=1.2)
    for flowable in block:
        y = _place(canvas, flowable, MARGIN_LEFT, y, TEXT_WIDTH) - gaps


def _fact(label: str, value_markup: str) -> list[Flowable]:
    return [rich(label.upper(), "kicker"), rich(value_markup, "body")]


def _facts(canvas: Canvas, pack: BoardPackData) -> None:
    cover = pack.cover
    top = BAND_BOTTOM - 12 * mm
    canvas.setFillColor(PALETTE.muted)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawString(MARGIN_LEFT, top, "POSITION AS AT", charSpace=0.6)
    canvas.setFillColor(PALETTE.navy)
    canvas.setFont(SANS_BOLD, 20)
    canvas.drawString(MARGIN_LEFT, top - 9 * mm, f"{cover.as_of.day} {cover.as_of:%B %Y}")
    facts: list[list[Flowable]] = []
    if cover.prepared_by.strip():
        facts.append(_fact("Prepared by", markup(cover.prepared_by)))
    if cover.priority_filter:
        facts.append(_fact("Scope", f"This priority only: {markup(cover.priority_filter)}"))
    if pack.comparison:
        when = format_date(pack.comparison.taken_on)
        facts.append(_fact("Compared with", f"{markup(pack.comparison.name)} ({when})"))
    x = MARGIN_LEFT + TEXT_WIDTH * 0.45
    y = top + 3 * mm
    for label, value in facts:
        y = _place(canvas, label, x, y, TEXT_WIDTH * 0.55) - 1
        y = _place(canvas, value, x, y, TEXT_WIDTH * 0.55) - 5


def _contents_heading(canvas: Canvas) -> None:
    canvas.setFillColor(PALETTE.navy)
    canvas.setFont(SANS_BOLD, 11)
    canvas.drawString(MARGIN_LEFT, CONTENTS_TOP, "In this pack")
    canvas.setStrokeColor(PALETTE.rule)
    canvas.line(
        MARGIN_LEFT, CONTENTS_TOP - 3 * mm, PAGE_WIDTH - MARGIN_RIGHT, CONTENTS_TOP - 3 * mm
    )


def _key(canvas: Canvas) -> None:
    words = Paragraph(
        "RAG is always printed as a word in a coloured chip, as rated by the lead. ↑ and ↓ "
        "show an action's RAG improving or worsening since the last board; a note such as "
        "“dates suggest Red” beside a RAG says its dates point to another rating.",
        styles()["small"],
    )
    chips = Table([legend_chips()], hAlign="LEFT")
    chips.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4)])
    )
    box = Table([[rich("How to read this pack", "h3")], [chips], [words]], colWidths=[TEXT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALETTE.panel),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    box.wrapOn(canvas, TEXT_WIDTH, PAGE_HEIGHT)
    box.drawOn(canvas, MARGIN_LEFT, 24 * mm)


def draw_cover(canvas: Canvas, pack: BoardPackData, chrome: PageChrome) -> None:
    """Everything on the cover except the contents' page numbers, which come at the end."""
    canvas.saveState()
    _band(canvas, pack)
    _facts(canvas, pack)
    _contents_heading(canvas)
    _key(canvas)
    draw_footer(canvas, chrome)
    canvas.restoreState()
    draw_marking(canvas, chrome.marking)
