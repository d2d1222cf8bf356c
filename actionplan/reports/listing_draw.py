"""Drawing a listing: shapes first, then every word of the page in one text object."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from actionplan.domain.rag import Rag
from actionplan.reports.chips import chip_colours
from actionplan.reports.fonts import SANS_BOLD
from actionplan.reports.listing_layout import (
    CHIP_GAP,
    CHIP_HEIGHT,
    INKS,
    PAD_BOTTOM,
    PAD_TOP,
    PAD_X,
    Block,
    Column,
    Ink,
    LaidCell,
    LaidRow,
    Line,
    wrap_text,
)
from actionplan.reports.page import fit_text
from actionplan.reports.styles import PALETTE, TABLE_SIZE

CHIP_WIDTH = 50.0
_CHIP_INK = Ink(SANS_BOLD, TABLE_SIZE, 11, colors.white)
# The line above a continued table's header: "Priority 2: Neglect – actions (continued)".
CAPTION_HEIGHT = INKS["caption"].leading + PAD_TOP


class Pen:
    """Writes a listing's shapes and text as PDF operators in one block.

    Writing operators directly (through the canvas's public ``addLiteral``) costs a fraction
    of reportlab's text objects and shapes per line, which matters for the hundreds of
    thousands of lines of a big appendix. The block is wrapped in q/Q so the canvas's own
    colour and font state stay as they were. Shaped right-to-left paragraphs are drawn last.
    """

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.doc = canvas._doc  # fonts register their subsets with the document
        self.shapes: list[str] = []
        self.text: list[str] = []
        self.blocks: list[tuple[Block, float, float]] = []
        self.font: tuple[str, int, float] | None = None
        self.colour: colors.Color | None = None

    def write(self, x: float, y: float, words: str, ink: Ink, colour: colors.Color) -> None:
        """Put words with their baseline at (x, y)."""
        if colour is not self.colour:
            self.colour = colour
            self.text.append(f"{_rgb(colour)} rg")
        font = pdfmetrics.getFont(ink.font)
        self.text.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        for subset, data in font.splitString(words, self.doc):
            if self.font != (ink.font, subset, ink.size):
                self.font = (ink.font, subset, ink.size)
                name = font.getSubsetInternalName(subset, self.doc)
                self.text.append(f"{name} {fp_str(ink.size)} Tf")
            self.text.append(f"({escapePDF(data)}) Tj")

    def fill(self, x: float, y: float, width: float, height: float, colour: colors.Color) -> None:
        """A filled rectangle."""
        self.shapes.append(f"{_rgb(colour)} rg {fp_str(x, y, width, height)} re f")

    def rule(self, y: float, width: float, weight: float, colour: colors.Color) -> None:
        """A horizontal line across the listing."""
        self.shapes.append(
            f"{_rgb(colour)} RG {fp_str(weight)} w 0 {fp_str(y)} m {fp_str(width, y)} l S"
        )

    def chip(self, x: float, y: float, width: float, colour: colors.Color) -> None:
        """A rounded chip shape."""
        self.shapes.append(f"q {_rgb(colour)} rg 1 0 0 1 {fp_str(x, y)} cm {_chip_path(width)} f Q")

    def finish(self) -> None:
        """Add shapes, then text, then any shaped paragraphs to the page."""
        self.canvas.addLiteral("\n".join(["q", *self.shapes, "BT", *self.text, "ET", "Q"]))
        for block, x, y in self.blocks:
            block.paragraph.drawOn(self.canvas, x, y)


def _rgb(colour: colors.Color) -> str:
    return fp_str(colour.red, colour.green, colour.blue)


@lru_cache(maxsize=64)
def _chip_path(width: float) -> str:
    path = PDFPathObject()
    path.roundRect(0, 0, width, CHIP_HEIGHT, CHIP_HEIGHT / 2.6)
    return str(path.getCode())


def header_height(columns: Sequence[Column]) -> float:
    """The height of the header row (titles may wrap)."""
    ink = INKS["head"]
    lines = max(len(wrap_text(c.title, ink, c.width - 2 * PAD_X)) for c in columns)
    return lines * ink.leading + PAD_TOP + PAD_BOTTOM


def draw_listing(
    canvas: Canvas,
    columns: Sequence[Column],
    rows: Sequence[LaidRow],
    first: int,
    height: float,
    caption: str | None = None,
) -> None:
    """A continued table's caption (its name; "" for none), header, rows, chips and text."""
    width = sum(c.width for c in columns)
    pen = Pen(canvas)
    top = height
    if caption is not None:
        _caption(pen, caption, width, top)
        top -= CAPTION_HEIGHT
    y = _header(pen, columns, width, top)
    for index, row in enumerate(rows, start=first):
        row_height = row.height
        if index % 2:
            pen.fill(0, y - row_height, width, row_height, PALETTE.zebra)
        pen.rule(y - row_height, width, 0.3, PALETTE.rule)
        _row(pen, columns, row, y)
        y -= row_height
    pen.finish()


def _caption(pen: Pen, name: str, width: float, top: float) -> None:
    ink = INKS["caption"]
    suffix = "(continued)"
    room = width - stringWidth(" " + suffix, ink.font, ink.size)
    # One line: a very long table name is cut with an ellipsis; "(continued)" always shows.
    words = f"{fit_text(name, ink.font, ink.size, room)} {suffix}" if name.strip() else suffix
    pen.write(0, top - ink.leading + (ink.leading - ink.size) * 0.5 + 1, words, ink, ink.colour)


def _header(pen: Pen, columns: Sequence[Column], width: float, top: float) -> float:
    ink = INKS["head"]
    height = header_height(columns)
    pen.fill(0, top - height, width, height, PALETTE.header_fill)
    pen.rule(top - height, width, 0.8, PALETTE.navy)
    x = 0.0
    for column in columns:
        titles = wrap_text(column.title, ink, column.width - 2 * PAD_X)
        _lines(pen, LaidCell(None, [Line(t, ink, ink.leading) for t in titles]), x, top - PAD_TOP)
        x += column.width
    return top - height


def _row(pen: Pen, columns: Sequence[Column], row: LaidRow, top: float) -> None:
    x = 0.0
    for column, cell in zip(columns, row.cells, strict=True):
        y = top - PAD_TOP
        if cell.chip is not None:
            chip_width = min(CHIP_WIDTH, column.width - 2 * PAD_X)
            _chip(pen, cell.chip, x + PAD_X, y - CHIP_HEIGHT, chip_width)
            y -= CHIP_HEIGHT + CHIP_GAP
        _lines(pen, cell, x, y)
        x += column.width


def _chip(pen: Pen, rag: Rag, x: float, y: float, width: float) -> None:
    fill, ink = chip_colours(rag)
    pen.chip(x, y, width, fill)
    words = stringWidth(rag.word, _CHIP_INK.font, _CHIP_INK.size)
    pen.write(x + (width - words) / 2, y + 3.4, rag.word, _CHIP_INK, ink)


def _lines(pen: Pen, cell: LaidCell, x: float, top: float) -> None:
    y = top
    for line in cell.lines:
        y -= line.height
        if isinstance(line, Block):
            pen.blocks.append((line, x + PAD_X, y))
        else:
            baseline = y + (line.ink.leading - line.ink.size) * 0.5 + 1
            pen.write(x + PAD_X, baseline, line.text, line.ink, line.ink.colour)
