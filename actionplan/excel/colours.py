"""A cell's fill colour read as a RAG: the nearest of red, amber, green and blue.

Colours are compared by hue in CIELAB (a perceptual space), so a vivid red and an
Office "Bad" pastel both read red, a yellow reads amber and an olive accent reads green.
White, greys and black say nothing. Theme colours (with their tint) are looked up in the
workbook's own theme, else Office's default; indexed colours in the workbook's palette.
"""

from __future__ import annotations

import colorsys
import logging
import math
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree
from openpyxl.styles.colors import COLOR_INDEX

from actionplan.domain.rag import Rag

log = logging.getLogger(__name__)

# Office 2007's theme, the one openpyxl writes: lt1, dk1, lt2, dk2, accent1-6, hlink, folHlink.
OFFICE_THEME = (
    "FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D",
    "9BBB59", "8064A2", "4BACC6", "F79646", "0000FF", "800080",
)  # fmt: skip
# Hue angles (CIELAB, degrees) each family is nearest to; the boundaries fall half-way.
_ANCHORS = ((Rag.RED, 22.0), (Rag.AMBER, 82.0), (Rag.GREEN, 142.0), (Rag.BLUE, 250.0))
_MIN_CHROMA = 7.0  # below this a colour is a grey (or white): no rating
_MIN_LIGHTNESS = 15.0  # below this it is black
_DRAWING_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_SCHEME_ORDER: tuple[str, ...] = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3")
_SCHEME_ORDER += ("accent4", "accent5", "accent6", "hlink", "folHlink")


@dataclass(frozen=True)
class Palette:
    """The colours a workbook's theme and indexed numbers stand for (six hex digits each)."""

    theme: tuple[str, ...] = OFFICE_THEME
    indexed: tuple[str, ...] = tuple(argb[-6:] for argb in COLOR_INDEX)


DEFAULT_PALETTE = Palette()


def rag_of_rgb(hex6: str) -> Rag | None:
    """The RAG family nearest to a colour ("FFC7CE" is red); None for white, grey or black."""
    lightness, a, b = _lab(hex6)
    chroma = math.hypot(a, b)
    if chroma < _MIN_CHROMA or lightness < _MIN_LIGHTNESS:
        return None
    hue = math.degrees(math.atan2(b, a)) % 360
    return min(_ANCHORS, key=lambda anchor: _angle(hue, anchor[1]))[0]


def rag_of_colour(colour: Any, palette: Palette = DEFAULT_PALETTE) -> Rag | None:
    """The RAG an openpyxl colour (rgb, theme with tint, or indexed) stands for, or None."""
    hex6 = resolve_colour(colour, palette)
    return rag_of_rgb(hex6) if hex6 else None


def rag_of_fill(fill: Any, palette: Palette = DEFAULT_PALETTE) -> Rag | None:
    """The RAG a cell's fill stands for: a pattern's colour or a gradient's first stop."""
    if fill is None:
        return None
    stops = getattr(fill, "stop", None)
    if stops:
        return rag_of_colour(stops[0].color, palette)
    if getattr(fill, "fill_type", None) in (None, "none"):
        return None
    colour = fill.fgColor
    if _is_automatic(colour) and fill.fill_type != "solid":
        colour = fill.bgColor
    return rag_of_colour(colour, palette)


def resolve_colour(colour: Any, palette: Palette = DEFAULT_PALETTE) -> str | None:
    """Six hex digits for an openpyxl colour, tint applied; None when it names no colour."""
    if colour is None or _is_automatic(colour):
        return None
    kind = getattr(colour, "type", None)
    if kind == "rgb" and isinstance(colour.rgb, str) and len(colour.rgb) >= 6:
        base: str | None = colour.rgb[-6:]
    elif kind == "theme":
        base = _pick(palette.theme, colour.theme)
    elif kind == "indexed":
        base = _pick(palette.indexed, colour.indexed)
    else:
        base = None
    if base is None or not _is_hex(base):
        return None
    return apply_tint(base, float(getattr(colour, "tint", 0.0) or 0.0))


def apply_tint(hex6: str, tint: float) -> str:
    """Excel's tint: lightness scaled towards black (tint < 0) or towards white (tint > 0)."""
    if not tint:
        return hex6.upper()
    red, green, blue = (int(hex6[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    tint = max(-1.0, min(1.0, tint))
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    channels = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "".join(f"{round(channel * 255):02X}" for channel in channels)


def theme_palette(theme_xml: bytes | None, indexed: tuple[str, ...] | None = None) -> Palette:
    """The palette of a workbook's theme part (Office's default when missing or unreadable)."""
    index_colours = indexed or DEFAULT_PALETTE.indexed
    if not theme_xml:
        return Palette(OFFICE_THEME, index_colours)
    try:
        root = ElementTree.fromstring(theme_xml)
    except Exception:  # a theme we cannot read still leaves Office's colours to fall back on
        log.info("theme part unreadable; using Office's default theme")
        return Palette(OFFICE_THEME, index_colours)
    scheme = next(root.iter(f"{_DRAWING_NS}clrScheme"), None)
    found = {child.tag.removeprefix(_DRAWING_NS): _scheme_rgb(child) for child in scheme or []}
    by_order = [found.get(name) or OFFICE_THEME[_excel_index(name)] for name in _SCHEME_ORDER]
    # Excel numbers the theme lt1, dk1, lt2, dk2, ... : the first two pairs swap.
    theme = (by_order[1], by_order[0], by_order[3], by_order[2], *by_order[4:])
    return Palette(tuple(theme), index_colours)


def _excel_index(name: str) -> int:
    position = _SCHEME_ORDER.index(name)
    return {0: 1, 1: 0, 2: 3, 3: 2}.get(position, position)


def _scheme_rgb(element: Any) -> str | None:
    for child in element:
        value = child.get("val") if child.tag.endswith("srgbClr") else child.get("lastClr")
        if value and _is_hex(value[-6:]):
            return str(value[-6:]).upper()
    return None


def _pick(colours: tuple[str, ...], index: object) -> str | None:
    if isinstance(index, int) and 0 <= index < len(colours):
        return colours[index]
    return None


def _is_automatic(colour: Any) -> bool:
    # openpyxl answers only the attribute its ``type`` names; ``auto`` on an rgb colour is junk.
    return getattr(colour, "type", None) == "auto"


def _is_hex(text: str) -> bool:
    return len(text) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in text)


def _angle(first: float, second: float) -> float:
    gap = abs(first - second) % 360
    return min(gap, 360 - gap)


def _lab(hex6: str) -> tuple[float, float, float]:
    """CIELAB (D65) lightness, a and b of an sRGB colour."""
    linear = [_linear(int(hex6[i : i + 2], 16) / 255) for i in (0, 2, 4)]
    x = (0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    z = (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883
    fx, fy, fz = _lab_f(x), _lab_f(y), _lab_f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _lab_f(t: float) -> float:
    return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
