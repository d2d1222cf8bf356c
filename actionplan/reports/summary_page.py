"""Page 1, the executive summary: whose plan and when, the headline figures, the key
messages, what the board is asked to do, and each priority's actions as a chart."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import BoardPackData, Comparison
from actionplan.reports.fonts import SANS_BOLD
from actionplan.reports.page import OutlineAnchor
from actionplan.reports.styles import BODY_SIZE, FRAME_WIDTH, PALETTE, para, rich, styles
from actionplan.reports.summary_chart import chart_section
from actionplan.reports.summary_tiles import headline_tiles, tiles_table
from actionplan.reports.tables import format_date

SUMMARY_KEY = "summary"
# Page 1 holds five messages of a few lines each; a longer one is cut there, with a note.
MESSAGE_LIMIT = 450
ASKED_LIMIT = 1200
# The header block stays a band: a longer title or line is cut with an ellipsis there (the
# running header and the cover have the whole of it).
TITLE_LIMIT = 110
LINE_LIMIT = 150
CUT_NOTE = " … (shortened to fit page 1)"
LEFT_WIDTH = FRAME_WIDTH * 0.72
BAND_PADDING = 10
PALE = colors.HexColor("#C9DAEA")
WHITE = colors.white


def _fit(text: str, limit: int, note: str = CUT_NOTE) -> str:
    """The text, cut at a word near ``limit`` characters with a note saying so."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rsplit(None, 1)[0] if " " in head else head
    return cut.rstrip() + note


@cache
def _band_styles() -> dict[str, ParagraphStyle]:
    body = styles()["body"]

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(f"band-{name}", parent=body, spaceAfter=0, **kw)

    return {
        "kicker": style("kicker", fontName=SANS_BOLD, fontSize=8.5, leading=12, textColor=PALE),
        "title": style("title", fontName=SANS_BOLD, fontSize=16, leading=20, textColor=WHITE),
        "line": style("line", fontSize=BODY_SIZE, leading=13, textColor=colors.white),
        "fact": style("fact", fontSize=BODY_SIZE, leading=13, textColor=PALE),
        "as_at_label": style(
            "as-at-label", fontSize=BODY_SIZE, leading=13, textColor=PALE, alignment=TA_RIGHT
        ),
        "as_at": style(
            "as-at",
            fontName=SANS_BOLD,
            fontSize=15,
            leading=19,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "h2": ParagraphStyle(
            "summary-h2", parent=styles()["h2"], fontSize=12, leading=15, spaceBefore=7
        ),
        "message": ParagraphStyle("summary-message", parent=body, leading=12.5, spaceAfter=3),
    }


def header_block(pack: BoardPackData) -> Table:
    """The compact band at the top of page 1: plan, partnership, as-at date, period, author."""
    s = _band_styles()
    cover = pack.cover
    title = cover.plan_title.strip()
    left: list[Flowable] = [
        Paragraph("BOARD PACK · EXECUTIVE SUMMARY", s["kicker"]),
        para(_fit(title, TITLE_LIMIT, " …"), _title_style(title)),
    ]
    if cover.partnership.strip():
        left.append(para(_fit(cover.partnership, LINE_LIMIT, " …"), s["line"]))
    right = [
        Paragraph("Position as at", s["as_at_label"]),
        Paragraph(format_date(cover.as_of), s["as_at"]),
    ]
    rows: list[list[object]] = [[left, right]]
    facts = [f"Plan period: {cover.period.strip()}" if cover.period.strip() else ""]
    if cover.prepared_by.strip():
        facts.append(f"Prepared by: {_fit(cover.prepared_by, LINE_LIMIT, ' …')}")
    if any(facts):
        rows.append([para("   ·   ".join(f for f in facts if f), s["fact"]), ""])
    if cover.priority_filter.strip():
        scope = f"Scope: this pack covers {_fit(cover.priority_filter, LINE_LIMIT, ' …')} only"
        rows.append([para(scope, s["line"]), ""])
    return _band(rows)


def _title_style(title: str) -> ParagraphStyle:
    """The title at the largest size that keeps it on one line; a long one wraps at 13 pt."""
    room = LEFT_WIDTH - 2 * BAND_PADDING
    size = next((size for size in (16, 15, 14) if stringWidth(title, SANS_BOLD, size) <= room), 13)
    return ParagraphStyle(
        f"band-title-{size}", parent=_band_styles()["title"], fontSize=size, leading=size + 4
    )


def _band(rows: list[list[object]]) -> Table:
    table = Table(rows, colWidths=[LEFT_WIDTH, FRAME_WIDTH - LEFT_WIDTH])
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), PALETTE.navy),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), BAND_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BAND_PADDING),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("TOPPADDING", (0, 1), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        ("LINEBELOW", (0, -1), (-1, -1), 2.5, PALETTE.accent),
    ]
    commands += [("SPAN", (0, row), (1, row)) for row in range(1, len(rows))]
    table.setStyle(TableStyle(commands))
    return table


def change_line(change: Comparison | None) -> list[Flowable]:
    """One short line on what moved since the last board; nothing when there is none."""
    if change is None:
        return []
    words = f"<b>Since the board of {format_date(change.taken_on)}:</b> {_moved(change)}."
    return [Spacer(1, 5), rich(words, "body")]


def _moved(change: Comparison) -> str:
    """ "3 actions better, 2 worse, 1 new", leaving out what did not happen."""
    moves = [(n, word) for n, word in ((change.better, "better"), (change.worse, "worse")) if n]
    words = [
        f"{counted(n, 'action')} {word}" if i == 0 else f"{n:,} {word}"
        for i, (n, word) in enumerate(moves)
    ]
    if change.new:
        words.append(f"{change.new:,} new" if words else counted(change.new, "new action"))
    return ", ".join(words) or "no action's RAG has changed"


def key_messages(pack: BoardPackData) -> list[Flowable]:
    """The key messages as a numbered list; nothing at all when there are none."""
    messages = [m for m in pack.key_messages if m.strip()]
    if not messages:
        return []
    s = _band_styles()
    items = [ListItem(para(_fit(m, MESSAGE_LIMIT), s["message"])) for m in messages]
    listed = ListFlowable(
        items,
        bulletType="1",
        bulletFormat="%s.",
        bulletFontName=SANS_BOLD,
        bulletFontSize=BODY_SIZE,
        bulletColor=PALETTE.navy,
        leftIndent=16,
    )
    return [Paragraph("Key messages", s["h2"]), listed]


def board_asked(pack: BoardPackData) -> list[Flowable]:
    """ "The board is asked to", with the words as typed; nothing when none were written."""
    text = pack.board_asked.strip()
    if not text:
        return []
    s = _band_styles()
    box = Table(
        [[Paragraph("The board is asked to", s["h2"])], [para(_fit(text, ASKED_LIMIT), "body")]],
        colWidths=[FRAME_WIDTH],
    )
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALETTE.panel),
                ("LINEBEFORE", (0, 0), (0, -1), 3, PALETTE.accent),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (0, 0), -2),
                ("BOTTOMPADDING", (0, 0), (0, 0), 0),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    return [Spacer(1, 6), box]


def summary_page(pack: BoardPackData) -> list[Flowable]:
    """Every flowable of page 1, bookmarked as the executive summary."""
    return [
        OutlineAnchor("Executive summary", SUMMARY_KEY),
        header_block(pack),
        Spacer(1, 3 * mm),
        tiles_table(headline_tiles(pack)),
        *change_line(pack.comparison),
        *key_messages(pack),
        *board_asked(pack),
        Spacer(1, 2),
        *chart_section(pack, _band_styles()["h2"]),
    ]
