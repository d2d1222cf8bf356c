"""Coloured chips that always carry a word: RAG, a measure's status, and legends."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from actionplan.domain.measures import MeasureStatus
from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.reports.fonts import SANS_BOLD
from actionplan.reports.styles import TABLE_SIZE

# Amber and grey are too light for white text; the others pass contrast with white.
_DARK_TEXT = {Rag.AMBER, Rag.UNRATED}
_INK = colors.HexColor("#1F2933")


def chip_colours(rag: Rag) -> tuple[colors.Color, colors.Color]:
    """The fill and the text colour of a chip for this RAG."""
    text = _INK if rag in _DARK_TEXT else colors.white
    return colors.HexColor(rag.colour), text


class Chip(Flowable):
    """A rounded label: a word on a coloured ground, the word always readable."""

    def __init__(
        self,
        word: str,
        fill: colors.Color,
        text_colour: colors.Color,
        width: float | None = None,
        size: float = TABLE_SIZE,
    ) -> None:
        super().__init__()
        self.word = word
        self.fill = fill
        self.text_colour = text_colour
        self.size = size
        self.width = width or stringWidth(word, SANS_BOLD, size) + 1.4 * size
        self.height = size + 5

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The chip's fixed size (overrides Flowable.wrap)."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the chip (overrides Flowable.draw)."""
        canvas = self.canv
        canvas.setFillColor(self.fill)
        canvas.setStrokeColor(self.fill)
        canvas.roundRect(0, 0, self.width, self.height, radius=self.height / 2.6, fill=1, stroke=0)
        canvas.setFillColor(self.text_colour)
        canvas.setFont(SANS_BOLD, self.size)
        canvas.drawCentredString(self.width / 2, (self.height - self.size) / 2 + 1, self.word)


def rag_chip(rag: Rag, width: float | None = 44, size: float = TABLE_SIZE) -> Chip:
    """The RAG as its word inside its colour ("Amber" on amber)."""
    fill, text = chip_colours(rag)
    return Chip(rag.word, fill, text, width, size)


def letter_chip(rag: Rag, width: float = 13) -> Chip:
    """The RAG as its letter inside its colour, for narrow columns."""
    fill, text = chip_colours(rag)
    return Chip(rag.letter, fill, text, width)


_MEASURE_RAG = {
    MeasureStatus.MET: Rag.GREEN,
    MeasureStatus.NOT_MET: Rag.RED,
    MeasureStatus.NO_TARGET: Rag.UNRATED,
    MeasureStatus.NO_DATA: Rag.UNRATED,
}


def measure_chip(status: MeasureStatus, width: float = 58) -> Chip:
    """A measure's status against target as a word in a coloured chip."""
    fill, text = chip_colours(_MEASURE_RAG[status])
    return Chip(status.word, fill, text, width)


def legend_chips() -> list[Chip]:
    """One chip per RAG with its meaning, for keys and the cover."""
    words = {Rag.BLUE: "Blue – complete"}
    chips = []
    for rag in RAG_ORDER:
        fill, text = chip_colours(rag)
        chips.append(Chip(words.get(rag, rag.word), fill, text))
    return chips


def count_chip(rag: Rag, count: int) -> Chip:
    """A RAG word with a count inside its colour ("Red 2")."""
    fill, text = chip_colours(rag)
    return Chip(f"{rag.word} {count:,}", fill, text)


def chip_row(chips: list[Chip], gap: float = 4) -> Table:
    """Chips side by side on one line, left-aligned."""
    table = Table([list(chips)], colWidths=[c.width + gap for c in chips], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table
