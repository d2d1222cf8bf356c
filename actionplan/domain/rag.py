"""RAG ratings: the words, letters and colours partnerships use, and how to read them."""

from __future__ import annotations

import re
from enum import StrEnum


class Rag(StrEnum):
    """A RAG rating. Blue means complete; unrated means nobody has rated it yet."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"
    UNRATED = "unrated"

    @property
    def word(self) -> str:
        """The word shown to people ("Red", "Not rated")."""
        return _WORDS[self]

    @property
    def letter(self) -> str:
        """The single letter used in trackers (R, A, G, B; a dash when unrated)."""
        return _LETTERS[self]

    @property
    def colour(self) -> str:
        """A strong colour as #RRGGBB, for chips and charts (always paired with the word)."""
        return _COLOURS[self]

    @property
    def pale_colour(self) -> str:
        """A pale tint as #RRGGBB for cell backgrounds where text sits on top."""
        return _PALE[self]

    @property
    def severity(self) -> int:
        """Higher is worse: red 4, amber 3, unrated 2, green 1, blue 0."""
        return _SEVERITY[self]


RAG_ORDER: tuple[Rag, ...] = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.UNRATED)

_WORDS = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.BLUE: "Blue",
    Rag.UNRATED: "Not rated",
}
_LETTERS = {Rag.RED: "R", Rag.AMBER: "A", Rag.GREEN: "G", Rag.BLUE: "B", Rag.UNRATED: "–"}
_COLOURS = {
    Rag.RED: "#C0392B",
    Rag.AMBER: "#E69F00",
    Rag.GREEN: "#2E8540",
    Rag.BLUE: "#1F5FA8",
    Rag.UNRATED: "#7F8C8D",
}
_PALE = {
    Rag.RED: "#F8D0CB",
    Rag.AMBER: "#FCE5B6",
    Rag.GREEN: "#CDEBD3",
    Rag.BLUE: "#CFE0F5",
    Rag.UNRATED: "#E5E8E8",
}
_SEVERITY = {Rag.RED: 4, Rag.AMBER: 3, Rag.UNRATED: 2, Rag.GREEN: 1, Rag.BLUE: 0}

# Words people write in a RAG cell, after lower-casing and squeezing spaces.
_SYNONYMS: dict[str, Rag] = {
    "r": Rag.RED,
    "red": Rag.RED,
    "a": Rag.AMBER,
    "amber": Rag.AMBER,
    "orange": Rag.AMBER,
    "yellow": Rag.AMBER,
    "g": Rag.GREEN,
    "green": Rag.GREEN,
    "b": Rag.BLUE,
    "blue": Rag.BLUE,
    "c": Rag.BLUE,
    "complete": Rag.BLUE,
    "completed": Rag.BLUE,
    "done": Rag.BLUE,
    "blue complete": Rag.BLUE,
    "blue (complete)": Rag.BLUE,
    "blue - complete": Rag.BLUE,
    "blue (completed)": Rag.BLUE,
    "blue - completed": Rag.BLUE,
    "complete (blue)": Rag.BLUE,
    "": Rag.UNRATED,
    "-": Rag.UNRATED,
    "–": Rag.UNRATED,
    "n/a": Rag.UNRATED,
    "na": Rag.UNRATED,
    "tbc": Rag.UNRATED,
    "not rated": Rag.UNRATED,
    "unrated": Rag.UNRATED,
    "none": Rag.UNRATED,
}

_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")  # any dash, spaced or not, reads as " - "
_TWO_TONE = re.compile(r"^(red|amber|green|blue|[ragb])\s*[/\\-]\s*(red|amber|green|blue|[ragb])$")


def parse_rag(text: str | None) -> Rag | None:
    """Read a RAG cell as people write it; None when the words are not a RAG at all.

    "R", " amber ", "GREEN", "Complete" and "Blue (complete)" are understood. A split
    rating such as "Amber/Green" counts as the worse of the two, which is what a board
    would want to see.
    """
    if text is None:
        return Rag.UNRATED
    key = " ".join(str(text).strip().lower().replace("_", " ").split())
    key = _DASH.sub(" - ", key.rstrip(".")).strip()
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    two = _TWO_TONE.match(key)
    if two:
        pair = [_SYNONYMS[two.group(1)], _SYNONYMS[two.group(2)]]
        return max(pair, key=lambda rag: rag.severity)
    return None


def rag_from_word(word: str) -> Rag:
    """The Rag for a stored value ("red"); unknown values read as unrated."""
    try:
        return Rag(word)
    except ValueError:
        return Rag.UNRATED
