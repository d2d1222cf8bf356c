"""The board pack as a PDF: the executive summary (after a cover when asked for), exceptions,
impact, priorities and the appendix."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
)
from reportlab.platypus.doctemplate import PageTemplate

from actionplan.reports.board_pack_data import BoardPackData
from actionplan.reports.cover import draw_cover
from actionplan.reports.fonts import clean, register_fonts
from actionplan.reports.impact import impact_section
from actionplan.reports.page import (
    ContentsEntry,
    NumberedCanvas,
    OutlineAnchor,
    PageChrome,
    draw_body_page,
    draw_summary_page,
    section_heading,
)
from actionplan.reports.review_section import TITLE as REVIEWS_TITLE
from actionplan.reports.review_section import review_section
from actionplan.reports.round_annex import round_annex_section
from actionplan.reports.sections import (
    ROOM_FOR_A_PRIORITY,
    appendix_section,
    exceptions_section,
    priorities_section,
)
from actionplan.reports.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from actionplan.reports.summary_page import SUMMARY_KEY, summary_page
from actionplan.reports.tables import format_date

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
LANGUAGE = "en-GB"
CONTENTS_PRIORITY_LIMIT = 9
# Page 1 has no running header, so its frame starts just under the protective marking.
SUMMARY_TOP = 15 * mm


class _BoardPackDoc(BaseDocTemplate):
    """A document that reports its progress as each part of the story is laid out."""

    def __init__(self, filename: str, progress: Progress | None, **kw: Any) -> None:
        super().__init__(filename, **kw)
        self.progress = progress
        self.story_length = 0
        self.placed = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # overrides BaseDocTemplate
        self.placed += 1
        if self.progress and self.story_length:
            self.progress(min(self.placed, self.story_length), self.story_length)


def _contents(pack: BoardPackData) -> list[ContentsEntry]:
    """The cover's "In this pack" list (there is a list only when there is a cover)."""
    if not pack.cover_page:
        return []
    contents = [
        ContentsEntry("Executive summary", SUMMARY_KEY),
        ContentsEntry("Exceptions: red, amber and overdue actions", "exceptions"),
        ContentsEntry("Impact: measures", "impact"),
        ContentsEntry("Priorities", "priorities"),
    ]
    if len(pack.priorities) <= CONTENTS_PRIORITY_LIMIT:
        contents += [
            ContentsEntry(p.heading, f"priority-{i}", 1) for i, p in enumerate(pack.priorities)
        ]
    if pack.reviews:
        contents.append(ContentsEntry(REVIEWS_TITLE, "reviews"))
    if pack.appendix:
        contents.append(ContentsEntry("Appendix: every action", "appendix"))
    if pack.round_annex is not None:
        contents.append(ContentsEntry("Annex: update round", "round"))
    return contents


def _chrome(pack: BoardPackData) -> PageChrome:
    cover = pack.cover
    return PageChrome(
        plan_title=cover.plan_title,
        partnership=cover.partnership,
        as_of_text=f"Position as at {format_date(cover.as_of)}",
        marking=cover.marking,
        contents=_contents(pack),
    )


def build_story(pack: BoardPackData) -> list[Flowable]:
    """Every flowable of the pack in order: the executive summary first (after the cover when
    there is one), then each section from a new page."""
    story: list[Flowable] = []
    if pack.cover_page:
        story += [OutlineAnchor("Cover", "cover"), NextPageTemplate("summary"), PageBreak()]
    story += [NextPageTemplate("body"), *summary_page(pack)]
    story += [PageBreak(), section_heading("Exceptions", [("Exceptions", "exceptions", 0)])]
    story += exceptions_section(pack)
    # Impact follows the exceptions on their last page when a third of it is left.
    story += [
        CondPageBreak(ROOM_FOR_A_PRIORITY),
        section_heading("Impact", [("Impact", "impact", 0)]),
    ]
    story += impact_section(pack)
    story += priorities_section(pack)
    if pack.reviews:
        story += [
            PageBreak(),
            section_heading(REVIEWS_TITLE, [(REVIEWS_TITLE, "reviews", 0)]),
            *review_section(pack.reviews),
        ]
    if pack.appendix:
        story += [
            PageBreak(),
            section_heading("Appendix: every action", [("Appendix", "appendix", 0)]),
        ]
        story += appendix_section(pack)
    if pack.round_annex is not None:
        title = f"Annex: update round for the {pack.round_annex.name}"
        story += [PageBreak(), section_heading(title, [("Annex: update round", "round", 0)])]
        story += round_annex_section(pack.round_annex)
    return story


def _metadata(pack: BoardPackData) -> dict[str, Any]:
    """The PDF's title, subject, author and keywords: whole phrases whichever names are blank."""
    cover = pack.cover
    whose = _one_line(cover.partnership)
    marking = _one_line(cover.marking)
    scope = _one_line(cover.priority_filter)
    plan = _one_line(cover.plan_title) or "Action plan"
    pack_of = f"{whose} board pack" if whose else "Board pack"
    subject = (
        f"{pack_of}{f' for {scope}' if scope else ''} – Executive summary, exceptions, "
        "impact and progress by priority"
    )
    return {
        "title": f"{plan} – board pack, as at {format_date(cover.as_of)}",
        # Blank rather than "(anonymous)" when the plan does not say who prepared it.
        "author": _one_line(cover.prepared_by) or whose,
        "subject": f"{marking}: {subject}" if marking else subject,
        "keywords": [w for w in ("board pack", "action plan", "executive summary", whose) if w],
        "creator": "actionplan",
        "lang": LANGUAGE,
        "displayDocTitle": True,
    }


def _one_line(text: str) -> str:
    """User text for a metadata field: printable characters on one line."""
    return " ".join(clean(text).split())


def _templates(pack: BoardPackData, chrome: PageChrome) -> list[PageTemplate]:
    """The page designs, the first page's first: the cover when asked for, else page 1."""
    height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    body = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, height, 0, 0, 0, 0, id="body")
    tall = PAGE_HEIGHT - SUMMARY_TOP - MARGIN_BOTTOM
    summary = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, tall, 0, 0, 0, 0, id="summary")
    cover_frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, 10, 0, 0, 0, 0, id="cover")

    def on_cover(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_cover(canvas, pack, chrome)

    def on_summary(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_summary_page(canvas, chrome)

    def on_body(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_body_page(canvas, chrome)

    templates = [
        PageTemplate("summary", [summary], onPage=on_summary),
        PageTemplate("body", [body], onPage=on_body),
    ]
    if pack.cover_page:
        templates.insert(0, PageTemplate("cover", [cover_frame], onPage=on_cover))
    return templates


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a pack is laid out.

    A 24,000-action appendix allocates millions of small objects, and the collector's
    repeated full sweeps over them took two thirds of the layout time; nothing laid out
    here needs collecting before the PDF is written.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_board_pack(pack: BoardPackData, out: Path, progress: Progress | None = None) -> Path:
    """Write the board pack to ``out`` as an A4 PDF and return the path."""
    with cycle_collection_paused():
        return _render(pack, out, progress)


def _render(pack: BoardPackData, out: Path, progress: Progress | None) -> Path:
    register_fonts()
    chrome = _chrome(pack)
    doc = _BoardPackDoc(
        str(out),
        progress,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **_metadata(pack),
    )
    doc.addPageTemplates(_templates(pack, chrome))
    story = build_story(pack)
    doc.story_length = len(story)
    doc.build(story, canvasmaker=partial(NumberedCanvas, chrome=chrome))
    log.info("wrote a board pack")
    return out
