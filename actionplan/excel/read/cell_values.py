"""Turning cell values (text, numbers, dates) into the words and dates a plan keeps."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

from actionplan.domain.timescale import TimescaleKind, parse_timescale
from actionplan.domain.update_dates import DatePrecision

_SERIAL_RANGE = (30_000, 80_000)  # 1982 to 2119, as the timescale rules read serials
_EXCEL_EPOCH = date(1899, 12, 30)
_NUMBERING = re.compile(
    r"^\s*(?:(?P<deep>\d{1,2}(?:\.\d{1,2})+)(?:[.)]\s*|\s+(?=[A-Z(‘'\"“•]))"
    r"|(?P<flat>\d{1,2})\s*[.)](?!\d)\s*(?=\S))"
)


def is_blank(value: object) -> bool:
    """True for an empty cell: None, "" or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A cell as the words a person sees: numbers without a stray ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def number_text(value: float) -> str:
    """A number as written: 231.0 reads "231", 78.2 reads "78.2"."""
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def one_line(text: str) -> str:
    """Text squeezed onto one line (for names and titles)."""
    return " ".join(text.split())


def cell_date(value: object) -> date | None:
    """The date a cell holds: a real date, an Excel serial number, or a written date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if math.isfinite(value) and _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    return written_date(str(value))


def written_date(text: str) -> date | None:
    """The day named by words ("12 August 2025", "12/08/2025"; a month gives its first day)."""
    return written_day(text)[0]


def written_day(text: str) -> tuple[date | None, DatePrecision]:
    """The date words name and how precisely: "August 2020" is the month, kept as its 1st."""
    timescale = parse_timescale(text)
    if timescale.due is None:
        return None, DatePrecision.DAY
    if timescale.kind is TimescaleKind.DATE:
        return timescale.due, DatePrecision.DAY
    if timescale.kind is TimescaleKind.MONTH:
        return timescale.due.replace(day=1), DatePrecision.MONTH
    return None, DatePrecision.DAY


def timescale_words(value: object) -> str:
    """A When/Due cell as the words to keep: text as typed, a date as an ISO date."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        day = cell_date(value)
        if day is not None:
            return day.isoformat()
    return cell_text(value)


def split_numbering(text: str) -> tuple[str, str]:
    """("2", "Review the tool") from "2.Review the tool"; ("", text) when not numbered."""
    match = _NUMBERING.match(text)
    if not match:
        return "", text
    return match["deep"] or match["flat"], text[match.end() :].lstrip()
