"""The shipped DejaVu fonts, and user text made safe to print exactly as typed."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from actionplan.resources import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
}

# C0 controls other than tab and newline break the paragraph parser and print nothing useful.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms read right to left.
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")


class QuickTTFont(TTFont):
    """A TrueType font that encodes text whose letters it has already placed, at C speed.

    reportlab's splitString walks every character in Python, which is most of the time
    spent printing a 24,000-action appendix; text made only of letters already in the
    PDF's first subset is translated in one call instead, with the same result.
    """

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list[Any]:
        """The text as (subset, bytes) runs (overrides TTFont.splitString)."""
        state = self.state.get(doc)
        known = getattr(state, "quick_known", None)
        if text and known is not None and known.issuperset(text):
            return [(0, text.translate(state.quick_table).encode("latin-1"))]
        runs = super().splitString(text, doc, encoding)
        self._learn(text, self.state[doc])
        return runs

    @staticmethod
    def _learn(text: str, state: Any) -> None:
        if not hasattr(state, "quick_known"):
            state.quick_known, state.quick_table = set(), {}
        for ch in set(text):
            code = state.assignments.get(ord(ch))
            if code is not None and code < 256 and ch != "\xa0":
                state.quick_known.add(ch)
                state.quick_table[ord(ch)] = code


@cache
def register_fonts() -> None:
    """Register the DejaVu faces with reportlab (once per process)."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(QuickTTFont(name, str(resource_path("fonts", filename))))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)


def clean(text: str | None) -> str:
    """The text without the control characters no font can print."""
    return _CONTROLS.sub("", text or "")


def markup(text: str | None) -> str:
    """User text as Paragraph markup that prints literally, line breaks kept."""
    safe = escape(clean(text))
    return "<br/>".join(safe.splitlines()) if "\n" in safe or "\r" in safe else safe


def has_rtl(text: str) -> bool:
    """True when the text holds any right-to-left letters (Arabic, Hebrew...)."""
    return _RTL.search(text) is not None


def mostly_rtl(text: str) -> bool:
    """True when most of the text's letters are right-to-left, so it should align right."""
    letters = _LETTER.findall(text)
    rtl = sum(1 for ch in letters if _RTL.match(ch))
    return bool(letters) and rtl * 2 > len(letters)
