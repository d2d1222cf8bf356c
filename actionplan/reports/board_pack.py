"""The board pack as a PDF: cover, at a glance, exceptions, impact, priorities, appendix."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import PageTemplate

from actionplan.reports.board_pack_data import BoardPackData
from actionplan.reports.cover import draw_cover
from actionplan.reports.fonts import clean, register_fonts
from actionplan.reports.glance import glance_section
from actionplan.reports.impact import impact_section
from actionplan.reports.page import (
    ContentsEntry,
    NumberedCanvas,
    OutlineAnchor,
    PageChrome,
    draw_body_page,
    section_heading,
)
from actionplan.reports.sections import (
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
from actionplan.reports.tables import format_date

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
LANGUAGE = "en-GB"
CONTENTS_PRIORITY_LIMIT = 9


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


def _chrome(pack: BoardPackData) -> PageChrome:
    cover = pack.cover
    contents = [
        ContentsEntry("At a glance", "glance"),
        ContentsEntry("Exceptions: red, amber and overdue actions", "exceptions"),
        ContentsEntry("Impact: measures", "impact"),
        ContentsEntry("Priorities", "priorities"),
    ]
    if len(pack.priorities) <= CONTENTS_PRIORITY_LIMIT:
        contents += [
            ContentsEntry(p.heading, f"priority-{i}", 1) for i, p in enumerate(pack.priorities)
        ]
    if pack.appendix:
        contents.append(ContentsEntry("Appendix: every action", "appendix"))
    return PageChrome(
        plan_title=cover.plan_title,
        partnership=cover.partnership,
        as_of_text=f"Position as at {format_date(cover.as_of)}",
        marking=cover.marking,
        contents=contents,
    )


def build_story(pack: BoardPackData) -> list[Flowable]:
    """Every flowable of the pack after the cover, in order."""
    story: list[Flowable] = [OutlineAnchor("Cover", "cover"), NextPageTemplate("body"), PageBreak()]
    story += [section_heading("At a glance", [("At a glance", "glance", 0)]), *glance_section(pack)]
    story += [PageBreak(), section_heading("Exceptions", [("Exceptions", "exceptions", 0)])]
    story += exceptions_section(pack)
    story += [PageBreak(), section_heading("Impact", [("Impact", "impact", 0)])]
    story += impact_section(pack)
    story += priorities_section(pack)
    if pack.appendix:
        story += [
            PageBreak(),
            section_heading("Appendix: every action", [("Appendix", "appendix", 0)]),
        ]
        story += appendix_section(pack)
    return story


def _metadata(pack: BoardPackData) -> dict[str, Any]:
    cover = pack.cover
    marking = f"{clean(cover.marking)}: " if cover.marking.strip() else ""
    return {
        "title": f"{clean(cover.plan_title)} – board pack, as at {format_date(cover.as_of)}",
        "author": clean(cover.prepared_by or cover.partnership) or "actionplan",
        "subject": f"{marking}Executive summary of the action plan of {clean(cover.partnership)}"
        ": RAG status, exceptions, impact and progress by priority",
        "keywords": ["board pack", "action plan", "executive summary", clean(cover.partnership)],
        "creator": "actionplan",
        "lang": LANGUAGE,
        "displayDocTitle": True,
    }


def _templates(pack: BoardPackData, chrome: PageChrome) -> list[PageTemplate]:
    height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    body = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, height, 0, 0, 0, 0, id="body")
    cover_frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, 10, 0, 0, 0, 0, id="cover")

    def on_cover(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_cover(canvas, pack, chrome)

    def on_body(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_body_page(canvas, chrome)

    return [
        PageTemplate("cover", [cover_frame], onPage=on_cover),
        PageTemplate("body", [body], onPage=on_body),
    ]


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
