"""The plan's title, partnership and period: from the title row above a header, or the file."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date

from defusedxml import ElementTree

from actionplan.domain.timescale import TimescaleKind, parse_timescale
from actionplan.excel.read.cell_values import one_line

_PARTNERSHIP = re.compile(
    r"^(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,6}?(?:[A-Z]{1,6}SC[PB]|SC[PB]|LSCB|LSCP"
    r"|Safeguarding\s+(?:Children\s+)?(?:Partnership|Board)))\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(r"(?:19|20)\d\d(?:\s*[-/–]\s*(?:19|20)?\d\d)?(?!.*(?:19|20)\d\d)")
_TITLE_WORDS = re.compile(r"\b(plan|priorit|tracker|action|business|strategy)", re.IGNORECASE)
_MAX_TITLE = 200
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DC_MODIFIED = "{http://purl.org/dc/terms/}modified"


@dataclass(frozen=True)
class PlanHeading:
    """What a title row (or a file name) says about the plan."""

    title: str
    partnership: str = ""
    period_raw: str = ""
    period_start: date | None = None
    period_end: date | None = None


def choose_title(candidates: list[str], file_stem: str, document_title: str = "") -> str:
    """The first title-like text above a header, else the file's own title, else its name."""
    texts = [one_line(text)[:_MAX_TITLE] for text in candidates if one_line(text)]
    for text in texts:
        if _TITLE_WORDS.search(text):
            return text
    if texts:
        return texts[0]
    document_title = one_line(document_title)[:_MAX_TITLE]
    if _TITLE_WORDS.search(document_title):
        return document_title
    return title_from_file_name(file_stem)


@dataclass(frozen=True)
class SavedProperties:
    """What an .xlsx file says about itself (File > Info): its title and when it was saved."""

    title: str = ""
    modified: date | None = None


def saved_properties(content: bytes) -> SavedProperties:
    """The title and last-saved date kept in an .xlsx file's properties (empty when none)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except Exception:  # properties are optional; any trouble just means none are known
        return SavedProperties()
    title = root.find(_DC_TITLE)
    modified = root.find(_DC_MODIFIED)
    return SavedProperties(
        (title.text or "") if title is not None else "",
        _iso_day(modified.text) if modified is not None else None,
    )


def _iso_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def title_from_file_name(stem: str) -> str:
    """ "northbridge_tracker_2025" reads "Northbridge Tracker 2025"."""
    words = re.split(r"[\s_]+", stem.strip())
    title = " ".join(word[:1].upper() + word[1:] for word in words if word)
    return title or "Imported plan"


def plan_heading(title: str) -> PlanHeading:
    """The partnership and period a title names ("NSCP BUSINESS PLAN 2025/26")."""
    partnership = ""
    if match := _PARTNERSHIP.match(title):
        partnership = one_line(match["name"])
    period = _PERIOD.search(title)
    if not period:
        return PlanHeading(title, partnership)
    raw = period.group()
    timescale = parse_timescale(raw)
    if timescale.kind is TimescaleKind.UNKNOWN or timescale.due is None:
        return PlanHeading(title, partnership, raw)
    start = timescale.start or _start_of(timescale.kind, timescale.due)
    return PlanHeading(title, partnership, raw, start, timescale.due)


def _start_of(kind: TimescaleKind, due: date) -> date:
    if kind is TimescaleKind.FINANCIAL_YEAR:
        return date(due.year - 1, 4, 1)
    return date(due.year, 1, 1)
