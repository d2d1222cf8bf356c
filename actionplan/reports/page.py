"""Every page's frame: header, footer, protective marking, "Page X of Y" and bookmarks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from actionplan.reports.fonts import SANS, SANS_BOLD, clean, markup
from actionplan.reports.styles import (
    HEADING_LIMIT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PALETTE,
    shortened,
    styles,
)


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the cover's contents list, found again by its bookmark key."""

    title: str
    key: str
    level: int = 0


@dataclass
class PageChrome:
    """What the header and footer of every page say."""

    plan_title: str
    partnership: str
    as_of_text: str
    marking: str = ""
    contents: list[ContentsEntry] = field(default_factory=list)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """The text, cut short with an ellipsis so it fits the width on one line."""
    text = " ".join(clean(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 10))]
    return text.rstrip() + "…"


def draw_marking(canvas: Canvas, marking: str) -> None:
    """The protective marking, centred at the top and bottom edge of the page."""
    if not marking:
        return
    canvas.saveState()
    canvas.setFont(SANS_BOLD, 9)
    canvas.setFillColor(PALETTE.ink)
    text = fit_text(marking.upper(), SANS_BOLD, 9, PAGE_WIDTH - 40 * mm)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 9 * mm, text)
    canvas.drawCentredString(PAGE_WIDTH / 2, 6.5 * mm, text)
    canvas.restoreState()


def draw_body_page(canvas: Canvas, chrome: PageChrome) -> None:
    """Header with the plan title, footer with the as-at date, and the marking."""
    canvas.saveState()
    top = PAGE_HEIGHT - MARGIN_TOP + 9 * mm
    right = PAGE_WIDTH - MARGIN_RIGHT
    half = (right - MARGIN_LEFT) / 2 - 4 * mm
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.setFillColor(PALETTE.navy)
    canvas.drawString(MARGIN_LEFT, top, fit_text(chrome.plan_title, SANS_BOLD, 8.5, half))
    canvas.setFont(SANS, 8.5)
    canvas.setFillColor(PALETTE.muted)
    canvas.drawRightString(right, top, fit_text(chrome.partnership, SANS, 8.5, half))
    canvas.setStrokeColor(PALETTE.rule)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_LEFT, top - 2.5 * mm, right, top - 2.5 * mm)
    draw_footer(canvas, chrome)
    canvas.restoreState()
    draw_marking(canvas, chrome.marking)


def draw_summary_page(canvas: Canvas, chrome: PageChrome) -> None:
    """Page 1's frame: no running header (its own header block says whose plan it is),
    the footer and the marking."""
    canvas.saveState()
    draw_footer(canvas, chrome)
    canvas.restoreState()
    draw_marking(canvas, chrome.marking)


def draw_footer(canvas: Canvas, chrome: PageChrome) -> None:
    """The rule and the as-at date at the foot of the page (the page number comes later)."""
    bottom = MARGIN_BOTTOM - 10 * mm
    canvas.setStrokeColor(PALETTE.rule)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_LEFT, bottom + 4 * mm, PAGE_WIDTH - MARGIN_RIGHT, bottom + 4 * mm)
    canvas.setFont(SANS, 8.5)
    canvas.setFillColor(PALETTE.muted)
    canvas.drawString(MARGIN_LEFT, bottom, chrome.as_of_text)


class NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end, to print "Page X of Y" and the contents."""

    def __init__(self, *args: Any, chrome: PageChrome, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chrome = chrome
        self.section_pages: dict[str, int] = {}
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:  # overrides Canvas.showPage: keep the page for later
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:  # overrides Canvas.save: number every page, then write
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._draw_page_number(total)
            if self._pageNumber == 1 and self.chrome.contents:
                draw_contents(self, self.chrome.contents, self.section_pages)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(SANS, 8.5)
        self.setFillColor(PALETTE.muted)
        y = MARGIN_BOTTOM - 10 * mm
        self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, f"Page {self._pageNumber} of {total}")
        self.restoreState()


CONTENTS_TOP = PAGE_HEIGHT * 0.42


def draw_contents(canvas: Canvas, entries: list[ContentsEntry], pages: dict[str, int]) -> None:
    """The cover's "In this pack" list, each line linked to its section, with its page."""
    y = CONTENTS_TOP - 9 * mm
    right = PAGE_WIDTH - MARGIN_RIGHT
    canvas.saveState()
    for entry in entries:
        if entry.key not in pages:
            continue
        indent = MARGIN_LEFT + 5 * mm * entry.level
        font, size = (SANS, 9) if entry.level else (SANS_BOLD, 9.5)
        canvas.setFont(font, size)
        canvas.setFillColor(PALETTE.muted if entry.level else PALETTE.ink)
        label = fit_text(entry.title, font, size, right - indent - 20 * mm)
        canvas.drawString(indent, y, label)
        canvas.setFont(SANS, size)
        canvas.drawRightString(right, y, str(pages[entry.key]))
        canvas.linkRect("", entry.key, (indent, y - 2, right, y + size), relative=0)
        y -= 6 * mm if entry.level == 0 else 5 * mm
    canvas.restoreState()


class SectionHeading(Paragraph):
    """A heading that bookmarks its page and adds itself (and any parents) to the outline."""

    def __init__(self, text: str, style: Any, outline: list[tuple[str, str, int]]) -> None:
        super().__init__(text, style)
        self.outline = outline

    def draw(self) -> None:  # overrides Paragraph.draw: bookmark first
        canvas = self.canv
        for title, key, level in self.outline:
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(" ".join(clean(title).split()), key, level, closed=False)
            pages = getattr(canvas, "section_pages", None)
            if pages is not None:
                pages.setdefault(key, canvas.getPageNumber())
        super().draw()


class OutlineAnchor(Flowable):
    """An invisible mark that bookmarks the page it lands on (for a page with no heading)."""

    def __init__(self, title: str, key: str) -> None:
        super().__init__()
        self.title = title
        self.key = key
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Takes no room (overrides Flowable.wrap)."""
        return 0, 0

    def draw(self) -> None:
        """Bookmark the page and open the viewer's bookmark pane (overrides Flowable.draw)."""
        canvas = self.canv
        canvas.showOutline()
        canvas.bookmarkPage(self.key)
        canvas.addOutlineEntry(self.title, self.key, 0, closed=False)
        pages = getattr(canvas, "section_pages", None)
        if pages is not None:
            pages.setdefault(self.key, canvas.getPageNumber())


def section_heading(title: str, outline: list[tuple[str, str, int]]) -> SectionHeading:
    """A section's heading as printed (shortened when very long), bookmarked in the outline."""
    return SectionHeading(markup(shortened(title, HEADING_LIMIT)), styles()["h1"], outline)
