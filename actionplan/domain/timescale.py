"""Timescales: read the "When" words of an action plan into a kind, a due date and a status."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from actionplan.domain.recurrence import ANY_RECURRENCE, recurrence_in
from actionplan.domain.status import Status, status_in_text


class TimescaleKind(StrEnum):
    """What sort of timescale the words give."""

    EMPTY = "empty"
    DATE = "date"
    MONTH = "month"
    MONTH_RANGE = "month_range"
    QUARTER = "quarter"
    FINANCIAL_YEAR = "financial_year"
    YEAR = "year"
    FROM = "from"
    ONGOING = "ongoing"
    RECURRING = "recurring"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Timescale:
    """A timescale exactly as written, with the dates, status and recurrence read from it."""

    raw: str
    kind: TimescaleKind
    due: date | None
    start: date | None = None
    status: Status | None = None
    recurrence: str | None = None

    @property
    def label(self) -> str:
        """A short readable form for tables: the words, or "31 Mar 2025" for a date cell."""
        if self.kind is TimescaleKind.DATE and self.due and _MACHINE_DATE.fullmatch(self.raw):
            return format_due(self.due)
        return " ".join(self.raw.split())


def format_due(due: date | None) -> str:
    """A due date the UK way ("31 Mar 2025"); "" when there is none."""
    if due is None:
        return ""
    return f"{due.day} {_MONTH_ABBREVIATIONS[due.month - 1]} {due.year}"


def parse_timescale(value: object) -> Timescale:
    """Read a When/Timescale cell (text, date, datetime, year or Excel serial); never raises."""
    try:
        return _parse(value)
    except Exception:  # an odd cell must never stop an import: keep its words, no date
        return Timescale(_raw_text(value), TimescaleKind.UNKNOWN, None)


# --- values that are not text -------------------------------------------------------------

_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MACHINE_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[ T][\d:.+-]*)?|\d+(?:\.\d+)?", re.ASCII)
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (30000, 80000)  # 1982 to 2119: anything else is not an Excel date here
_YEAR_RANGE = (1900, 2099)
_DAY = TimescaleKind.DATE


def _raw_text(value: object) -> str:
    try:
        return "" if value is None else str(value)
    except Exception:  # a broken __str__ still must not raise
        return ""


def _parse(value: object) -> Timescale:
    if value is None:
        return Timescale("", TimescaleKind.EMPTY, None)
    if isinstance(value, str):
        return _parse_text(str.__str__(value))
    if isinstance(value, datetime):
        day, midnight = value.date(), value.time() == time() and value.tzinfo is None
        return Timescale(day.isoformat() if midnight else value.isoformat(" "), _DAY, day)
    if isinstance(value, date):
        return Timescale(value.isoformat(), _DAY, value)
    if isinstance(value, bool):
        return Timescale(str(value), TimescaleKind.UNKNOWN, None)
    if isinstance(value, int | float):
        return _parse_number(value)
    return _parse_text(str(value))


def _parse_number(value: int | float) -> Timescale:
    raw = str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return Timescale(raw, TimescaleKind.UNKNOWN, None)
    if value == int(value) and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]:
        return Timescale(raw, TimescaleKind.YEAR, date(int(value), 12, 31))
    if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        return Timescale(raw, TimescaleKind.DATE, _EXCEL_EPOCH + timedelta(days=int(value)))
    return Timescale(raw, TimescaleKind.UNKNOWN, None)


# --- mentions of a time inside text -------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """One stretch of text naming a time: its first and last day, and what the words make it."""

    kind: TimescaleKind
    first: date
    last: date
    start: date | None = None  # a span whose own words give a start ("2019-2021")
    pos: int = 0
    stop: int = 0
    role: str = ""  # "start", "end", "update" or "" as the words around it say


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)


_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(_MONTH_ABBREVIATIONS, 1)}
_M = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_YY = r"(?P<year>\d{4}|'?\d{2})(?!\d|st|nd|rd|th)"
_ORD = r"(?:st|nd|rd|th)?"


def _year(text: str) -> int:
    digits = text.lstrip("'")
    value = int(digits)
    return value if len(digits) != 2 else value + (2000 if value < 70 else 1900)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else _MONTH_NUMBERS[text[:3]]


def _period(kind: TimescaleKind, begin: date, months: int) -> _Mention:
    return _Mention(kind, begin, begin + relativedelta(months=months, days=-1))


def _year_pair(first: str, second: str) -> tuple[int, int]:
    start = _year(first)
    if len(second) == 4:
        return start, int(second)
    end = start - start % 100 + int(second)
    return start, end if end > start else end + 100


def _day(match: re.Match[str]) -> _Mention:
    day = date(_year(match["year"]), _month_number(match["mon"]), int(match["day"]))
    return _Mention(TimescaleKind.DATE, day, day)


def _month(match: re.Match[str]) -> _Mention:
    begin = date(_year(match["year"]), _month_number(match["mon"]), 1)
    return _period(TimescaleKind.MONTH, begin, 1)


def _quarter(match: re.Match[str]) -> _Mention:
    quarter, first, second = int(match["q"]), match["y1"], match["y2"]
    if second is not None:
        start, end = _year_pair(first, second)
        if end != start + 1:
            raise ValueError(f"not a financial year: {match[0]}")
        begin = date(start, 4, 1) + relativedelta(months=3 * (quarter - 1))
    elif match["fy"]:
        raise ValueError(f"financial year with one year is ambiguous: {match[0]}")
    else:
        begin = date(_year(first), 3 * quarter - 2, 1)
    return _period(TimescaleKind.QUARTER, begin, 3)


def _financial(match: re.Match[str]) -> _Mention | None:
    start, end = _year_pair(match["y1"], match["y2"])
    if end == start + 1 and match.groupdict().get("school"):
        return _period(TimescaleKind.YEAR, date(start, 9, 1), 12)
    if end == start + 1:
        return _period(TimescaleKind.FINANCIAL_YEAR, date(start, 4, 1), 12)
    if len(match["y1"]) == 2:
        return None  # "12/14" is not a pair of years
    if not start < end <= start + 10:
        raise ValueError(f"not a span of years: {match[0]}")
    first = date(start, 1, 1)
    return _Mention(TimescaleKind.YEAR, first, date(end, 12, 31), start=first)


# Parts of a year: (first month, number of months). Winter runs into the next year.
_PERIODS = {"": (1, 12), "early": (1, 4), "mid": (5, 4), "late": (9, 4), "spring": (3, 3)}
_PERIODS |= {"summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
_PERIODS |= {"spring term": (1, 3), "summer term": (4, 4), "autumn term": (9, 4)}
_PERIODS |= {"fall term": (9, 4), "winter term": (1, 3)}


def _part_of_year(match: re.Match[str]) -> _Mention:
    month, months = _PERIODS[match.groupdict().get("part") or ""]
    return _period(TimescaleKind.YEAR, date(_year(match["year"]), month, 1), months)


def _ambiguous(match: re.Match[str]) -> _Mention:
    raise ValueError(f"ambiguous: {match[0]}")


_Reader = Callable[[re.Match[str]], _Mention | None]
_TAIL = r" ?[/-] ?(?P<y2>\d{4}|\d{2})(?!\d)"  # the second year of "2024/25" or "2024-2025"
_QUARTER = r"\b(?:q|quarter) ?(?P<q>[1-4])\b,?(?: of)? \(?(?P<fy>fy ?|financial year )?"
_QUARTER += r"(?P<y1>\d{4}|\d{2})(?!\d)(?:" + _TAIL + r")?\)?"  # "Quarter 2" alone has no date
_QUARTER_AFTER = (
    r"(?<!\d)(?P<fy>fy ?)?(?P<y1>\d{4}|\d{2})" + _TAIL + r",? (?:q|quarter) ?(?P<q>[1-4])\b"
)
_FY = r"(?<![\d/.-])(?:(?:fy|financial year) ?)?(?P<y1>\d{4})" + _TAIL
_SCHOOL_YEAR = r"\b(?P<school>academic|school) year (?P<y1>\d{4})" + _TAIL
# Order matters: each reader blanks out what it read before the next one looks.
_READERS: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (_rx(r"(?<!\d)(?P<year>\d{4})(?P<s>[-/.])(?P<mon>\d\d?)(?P=s)(?P<day>\d\d?)(?!\d)"), _day),
    (_rx(r"(?<![\d.])(?P<day>\d\d?) ?(?P<s>[/.-]) ?(?P<mon>\d\d?) ?(?P=s) ?" + _YY), _day),
    (_rx(rf"(?<!\d)(?P<day>\d\d?){_ORD}(?: of)?[ /-]?{_M}[ ,/-]{{0,3}}{_YY}"), _day),
    (_rx(rf"\b{_M} (?P<day>\d\d?){_ORD},? (?P<year>\d{{4}})(?!\d)"), _day),
    (_rx(_QUARTER), _quarter),
    (_rx(_QUARTER_AFTER), _quarter),
    (_rx(r"\bfy ?'?(?P<y>\d{4}|\d{2})(?!\d)(?! ?[/-] ?\d)"), _ambiguous),
    (_rx(_SCHOOL_YEAR), _financial),
    (_rx(_FY), _financial),
    (_rx(r"\bfy ?'?(?P<y1>\d{2})" + _TAIL), _financial),
    (_rx(r"(?<![\d/.-])(?P<y1>\d\d)/(?P<y2>\d\d)(?![\d/.-]?\d)"), _financial),
    (_rx(r"\b(?P<part>(?:spring|summer|autumn|fall|winter)(?: term)?),? " + _YY), _part_of_year),
    (_rx(r"\b(?P<part>early|mid|late)[ -]?(?P<year>\d{4})(?!\d)"), _part_of_year),
    (_rx(rf"\b{_M}[ ,/-]{{0,3}}{_YY}"), _month),
    (_rx(r"(?<![\d/.-])(?P<mon>\d\d?) ?[/-] ?(?P<year>\d{4})(?![\d/.-]?\d)"), _month),
    (_rx(r"(?<![\d$.,/]|\xa3)(?P<year>(?:19|20)\d\d)(?!\d|%|[.,]\d)"), _part_of_year),
)
_BARE_MONTH = _rx(rf"\b{_M}")
_LIST_GAP = _rx(r" ?(?:,? ?(?:and|or|&)|[/,&-]|to|until|till|through|into) ?")
_RANGE_GAP = _rx(r" ?(?:[/-]|to|until|till|through|into) ?")


def _scan(text: str) -> list[_Mention]:
    """Every time named in normalised text, earliest first; ValueError for an impossible one."""
    found: list[_Mention] = []
    for pattern, read in _READERS:
        for match in pattern.finditer(text):
            mention = read(match)
            if mention is not None:
                found.append(replace(mention, pos=match.start(), stop=match.end()))
        text = pattern.sub(lambda match: " " * len(match[0]), text)
    found += _bare_months(text, found)
    return sorted(found, key=lambda mention: mention.pos)


def _bare_months(masked: str, found: list[_Mention]) -> list[_Mention]:
    """Months written without a year that share the year of the next month in a list."""
    anchors = sorted((m for m in found if m.kind is TimescaleKind.MONTH), key=lambda m: m.pos)
    borrowed: list[_Mention] = []
    nearest: _Mention | None = None
    for match in reversed(list(_BARE_MONTH.finditer(masked))):
        while anchors and anchors[-1].pos >= match.end():
            nearest = anchors.pop()
        if nearest and _LIST_GAP.fullmatch(masked[match.end() : nearest.pos]):
            nearest = _borrow_year(match, nearest)
            borrowed.append(nearest)
    return borrowed


def _borrow_year(match: re.Match[str], anchor: _Mention) -> _Mention:
    month = _month_number(match["mon"])
    begin = date(anchor.first.year - (month > anchor.first.month), month, 1)
    return replace(_period(TimescaleKind.MONTH, begin, 1), pos=match.start(), stop=match.end())


# --- the words around a mention -----------------------------------------------------------

_END_CUE = _rx(
    r"\b(?:end date|end|ends|ending|by|until|till|deadline|due|target|to|through|before|no later"
    r" than|completion date|finish(?:es|ing)?)(?: (?:date|in|on|at|the|of|end|by))*[ :,-]*$"
)
_START_CUE = _rx(
    r"\b(?:from|between|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing)|begin(?:s|ning)?|began|since"
    r"|launch(?:es|ed|ing)?)(?: (?:date|in|on|at|the|of|from))*[ :,-]*$"
)
_UPDATE_CUE = _rx(r"\b(?:update[ds]?|as at|as of|progress)(?: (?:in|on|at|for))*[ :,-]*$")
_ONWARDS = _rx(r"[ ,]*(?:and )?onwards?\b")
_ONGOING = _rx(
    r"\b(?:on-?going|on going|continuous(?:ly)?|continuing|continual|throughout(?: the year)?"
    r"|business as usual|bau|rolling)\b"
)
_BARE_QUARTER = _rx(r"\b(?:q ?[1-4]|quarter ?[1-4]|(?:first|second|third|fourth|last) quarter)\b")
# Words with no date in them, checked in this order when the text names no time.
_WORD_KINDS: tuple[tuple[re.Pattern[str], TimescaleKind], ...] = (
    (_ONGOING, TimescaleKind.ONGOING),
    (ANY_RECURRENCE, TimescaleKind.RECURRING),
    (_BARE_QUARTER, TimescaleKind.QUARTER),
    (_rx(r"\b(?:financial year(?:[- ]end)?|fye)\b"), TimescaleKind.FINANCIAL_YEAR),
    (_rx(r"\b(?:end of (?:the )?(?:calendar )?year|year[- ]end)\b"), TimescaleKind.YEAR),
)
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_DASHES |= {ord("\u2018"): "'", ord("\u2019"): "'"}
_COVID = _rx(r"covid[- ]?19")


def _normalise(text: str) -> str:
    """Lower case, one kind of dash, single spaces, and no "COVID-19" posing as a year."""
    return " ".join(_COVID.sub("covid", text.lower().translate(_DASHES)).split())


def _role(text: str, mention: _Mention) -> str:
    before = text[max(0, mention.pos - 40) : mention.pos]
    if _END_CUE.search(before):
        return "end"
    if _START_CUE.search(before) or _ONWARDS.match(text, mention.stop):
        return "start"
    return "update" if _UPDATE_CUE.search(before) else ""


def _join(first: _Mention, second: _Mention) -> _Mention:
    """Two mentions written as a range ("Sept/Oct 2020", "Sept 2020 - Jan 2021") made one."""
    begin, end = min(first.first, second.first), max(first.last, second.last)
    role = second.role or ("" if first.role == "start" else first.role)
    return _Mention(_range_kind(first, second), begin, end, begin, first.pos, second.stop, role)


def _merge_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    merged: list[_Mention] = []
    for mention in mentions:
        if merged and _RANGE_GAP.fullmatch(text[merged[-1].stop : mention.pos]):
            merged[-1] = _join(merged[-1], mention)
        else:
            merged.append(mention)
    return merged


@lru_cache(maxsize=8192)  # plans repeat the same few timescales across many actions
def _parse_text(raw: str) -> Timescale:
    text = _normalise(raw)
    if not text:
        return Timescale(raw, TimescaleKind.EMPTY, None)
    unknown = Timescale(
        raw, TimescaleKind.UNKNOWN, None, None, status_in_text(raw), recurrence_in(text)
    )
    try:
        mentions = [replace(m, role=_role(text, m)) for m in _scan(text)]
    except (ValueError, OverflowError):  # "31/02/2025": an impossible date is not guessed at
        return unknown
    units = [unit for unit in _merge_ranges(text, mentions) if unit.role != "update"]
    return _judge(unknown, text, units)


def _judge(unknown: Timescale, text: str, units: list[_Mention]) -> Timescale:
    """Choose the kind, due date and start from the times named and the words around them."""
    ends = [unit for unit in units if unit.role == "end"]
    starts = [unit for unit in units if unit.role == "start"]
    dues = ends or [unit for unit in units if not unit.role]
    start = (starts[0].start or starts[0].first) if starts else None
    if not units or (not ends and _words_lead(text, units[0])):
        kind = next((kind for pattern, kind in _WORD_KINDS if pattern.search(text)), None)
        return replace(unknown, kind=kind or TimescaleKind.UNKNOWN, start=start)
    if not dues:
        return replace(unknown, kind=TimescaleKind.FROM, start=start)
    due = max(dues, key=lambda unit: unit.last)
    kind = _range_kind(starts[0], due) if starts else due.kind
    return replace(unknown, kind=kind, due=due.last, start=start or due.start)


def _words_lead(text: str, first: _Mention) -> bool:
    """True when "Ongoing" or "Twice a year" comes before any date, so it is the timescale."""
    hits = [m.start() for pattern in (_ONGOING, ANY_RECURRENCE) if (m := pattern.search(text))]
    return bool(hits) and min(hits) < first.pos


def _range_kind(start: _Mention, due: _Mention) -> TimescaleKind:
    monthly = {TimescaleKind.MONTH, TimescaleKind.MONTH_RANGE} & {start.kind, due.kind}
    return TimescaleKind.MONTH_RANGE if monthly else due.kind
