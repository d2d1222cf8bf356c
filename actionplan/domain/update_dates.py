"""How exactly a progress update's date is known, and how to show it without inventing a day."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from actionplan.domain.timescale import format_due

UNDATED = "date not given"


class DatePrecision(StrEnum):
    """How much of an update's date the workbook gave: the day, or only the month."""

    DAY = "day"
    MONTH = "month"


def precision_from_word(word: str | None) -> DatePrecision:
    """The precision for a stored value; anything unknown reads as a whole day."""
    try:
        return DatePrecision(word or DatePrecision.DAY)
    except ValueError:
        return DatePrecision.DAY


def format_update_date(day: date | None, precision: DatePrecision | str = DatePrecision.DAY) -> str:
    """ "12 Aug 2020", "Aug 2020" for a month, or "date not given" when there is no date."""
    if day is None:
        return UNDATED
    if precision_from_word(precision) is DatePrecision.MONTH:
        return format_due(day).split(" ", 1)[1]
    return format_due(day)


def oldest_first(day: date | None) -> tuple[bool, date]:
    """A sort key putting undated updates before dated ones, as the database lists them."""
    return day is not None, day or date.min
