"""Timescales as partnerships write them: kinds, due dates, starts and statuses."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.domain.status import Status
from actionplan.domain.timescale import (
    Timescale,
    TimescaleKind,
    format_due,
    parse_timescale,
)

K = TimescaleKind
S = Status
# English month names, fixed here so the tests do not depend on the machine's locale.
MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)


def case(
    text: str,
    kind: TimescaleKind,
    due: date | None = None,
    start: date | None = None,
    status: Status | None = None,
    recurrence: str | None = None,
    *,
    id: str,
) -> Any:
    """One row of the table: the words and everything expected from them."""
    return pytest.param(text, kind, due, start, status, recurrence, id=id)


D = date

# The phrasings named in the design of the timescale reader.
NAMED_PHRASES = [
    case("", K.EMPTY, id="blank"),
    case("31/03/2025", K.DATE, D(2025, 3, 31), id="dd/mm/yyyy"),
    case("31.3.25", K.DATE, D(2025, 3, 31), id="d.m.yy"),
    case("2025-03-31", K.DATE, D(2025, 3, 31), id="iso"),
    case("31st March 2025", K.DATE, D(2025, 3, 31), id="ordinal-day-month-year"),
    case("03/04/2025", K.DATE, D(2025, 4, 3), id="uk-day-first"),
    case("January 2020", K.MONTH, D(2020, 1, 31), id="month-year"),
    case("Jan 20", K.MONTH, D(2020, 1, 31), id="short-month-two-digit-year"),
    case("Sept 2020", K.MONTH, D(2020, 9, 30), id="sept"),
    case("Sep 2020", K.MONTH, D(2020, 9, 30), id="sep"),
    case("Sept/Oct 2020", K.MONTH_RANGE, D(2020, 10, 31), D(2020, 9, 1), id="slash-months"),
    case("Sept - Dec 2020", K.MONTH_RANGE, D(2020, 12, 31), D(2020, 9, 1), id="hyphen-months"),
    case(
        "Started September 2020 – end date January 2021",
        K.MONTH_RANGE,
        D(2021, 1, 31),
        D(2020, 9, 1),
        S.IN_PROGRESS,
        id="started-end-date",
    ),
    case("Q3 2025/26", K.QUARTER, D(2025, 12, 31), id="financial-quarter"),
    case("Q1 2026", K.QUARTER, D(2026, 3, 31), id="calendar-quarter"),
    case("Quarter 2", K.QUARTER, id="quarter-without-year"),
    case("2024-25", K.FINANCIAL_YEAR, D(2025, 3, 31), id="fy-hyphen"),
    case("2024/25", K.FINANCIAL_YEAR, D(2025, 3, 31), id="fy-slash"),
    case("2024/2025", K.FINANCIAL_YEAR, D(2025, 3, 31), id="fy-four-digits"),
    case("FY 2024/25", K.FINANCIAL_YEAR, D(2025, 3, 31), id="fy-prefix"),
    case("2021", K.YEAR, D(2021, 12, 31), id="year"),
    case("by end of 2021", K.YEAR, D(2021, 12, 31), id="by-end-of-year"),
    case("Summer 2020", K.YEAR, D(2020, 8, 31), id="season"),
    case("Spring term 2021", K.YEAR, D(2021, 3, 31), id="school-term"),
    case("end of year", K.YEAR, id="end-of-year-without-year"),
    case("From May 2019 onwards", K.FROM, None, D(2019, 5, 1), id="from-onwards"),
    case("Ongoing", K.ONGOING, status=S.ONGOING, id="ongoing"),
    case(
        "Ongoing – review quarterly", K.ONGOING, None, None, S.ONGOING, "quarterly", id="ongoing-q"
    ),
    case("Continuous", K.ONGOING, status=S.ONGOING, id="continuous"),
    case("Twice a year", K.RECURRING, recurrence="twice a year", id="twice-a-year"),
    case("Quarterly", K.RECURRING, recurrence="quarterly", id="quarterly"),
    case("Monthly", K.RECURRING, recurrence="monthly", id="monthly"),
    case("Annually", K.RECURRING, recurrence="annually", id="annually"),
    case("Bi-monthly", K.RECURRING, recurrence="bi-monthly", id="bi-monthly"),
    case("Completed September 2020", K.MONTH, D(2020, 9, 30), status=S.COMPLETE, id="completed"),
    case("delayed due to COVID-19", K.UNKNOWN, status=S.DELAYED, id="covid-19-is-not-a-year"),
    case("31/02/2025", K.UNKNOWN, id="impossible-date"),
]

# Cells from the "Who / When" business plan of seed 002, with their line breaks.
SEED_PHRASES = [
    case("From May 2019\nonwards", K.FROM, None, D(2019, 5, 1), id="seed-from-may-2019"),
    case("July 2019", K.MONTH, D(2019, 7, 31), id="seed-july-2019"),
    case(
        "Ongoing –\nreview quarterly", K.ONGOING, None, None, S.ONGOING, "quarterly", id="seed-oq"
    ),
    case(
        "Started September\n2020 – end date\nJanuary 2021",
        K.MONTH_RANGE,
        D(2021, 1, 31),
        D(2020, 9, 1),
        S.IN_PROGRESS,
        id="seed-started-end-date",
    ),
    case(
        "Review quarterly\nby LSCP Learning\nand Development\nSubgroup",
        K.RECURRING,
        recurrence="quarterly",
        id="seed-review-quarterly",
    ),
    case(
        "RBKC achieved in\nFebruary 2020\nLBHF/WCC\npostponed due\nto COVID-19 –\nWCC discussion\n"
        "September 2020\nLBHF – December\n2020 Local\nGroup Meeting",
        K.MONTH,
        D(2020, 12, 31),
        status=S.DELAYED,
        id="seed-several-dates-latest-wins",
    ),
    case(
        "Ongoing – to\nbe reviewed at\nby Safeguarding\nAdolescents\nSubgroup\nDecember 2020",
        K.ONGOING,
        status=S.ONGOING,
        id="seed-ongoing-with-review-month",
    ),
    case("Completed\nJune 2020", K.MONTH, D(2020, 6, 30), status=S.COMPLETE, id="seed-completed"),
    case(
        "Reviewed quarterly\nby the Safeguarding\nAdolescents\nSubgroup",
        K.RECURRING,
        recurrence="quarterly",
        id="seed-reviewed-quarterly",
    ),
    case(
        "Twice a year\n(March 2020 delayed\ndue to COVID-19)",
        K.RECURRING,
        status=S.DELAYED,
        recurrence="twice a year",
        id="seed-twice-a-year-delayed",
    ),
    case(
        "Next operation\nOctober 2020\nOnce a year",
        K.MONTH,
        D(2020, 10, 31),
        recurrence="annually",
        id="seed-next-operation",
    ),
    case(
        "Activity ongoing\n(paused due to\nCOVID-19)",
        K.ONGOING,
        status=S.DELAYED,
        id="seed-activity-ongoing-paused",
    ),
    case(
        "Ongoing – quarterly\nreview by both\nSafeguarding\nAdolescents\nSubgroup and Case\n"
        "Review Subgroup",
        K.ONGOING,
        None,
        None,
        S.ONGOING,
        "quarterly",
        id="seed-ongoing-quarterly-review",
    ),
    case(
        "Usually termly in\neach borough –\nfrequency increased\ndue to COVID-19",
        K.RECURRING,
        recurrence="termly",
        id="seed-usually-termly",
    ),
    case(
        "Completed –\nJanuary 2020",
        K.MONTH,
        D(2020, 1, 31),
        status=S.COMPLETE,
        id="seed-completed-dash-month",
    ),
    case(
        "Completed –\npart of continuing\nwork plan",
        K.ONGOING,
        status=S.COMPLETE,
        id="seed-completed-continuing",
    ),
    case(
        "Sept/Oct 2020 –\ncompleted – part\nof ongoing work",
        K.MONTH_RANGE,
        D(2020, 10, 31),
        D(2020, 9, 1),
        S.COMPLETE,
        id="seed-sept-oct-completed",
    ),
    case("Being undertaken\nthroughout the year", K.ONGOING, id="seed-throughout-the-year"),
    case(
        "Outstanding – part\nof the Engagement\nOfficer’s work plan\nto further develop\n"
        "– January 2021",
        K.MONTH,
        D(2021, 1, 31),
        status=S.NOT_STARTED,
        id="seed-outstanding",
    ),
    case(
        "Completed in\nSeptember 2020\nwith online webinar\nfrom Dez Holmes –\n"
        "Research in Practice.",
        K.MONTH,
        D(2020, 9, 30),
        status=S.COMPLETE,
        id="seed-completed-in",
    ),
    case("October 2019\nComplete", K.MONTH, D(2019, 10, 31), status=S.COMPLETE, id="seed-oct-2019"),
    case(
        "Completed –\nreviewed quarterly",
        K.RECURRING,
        status=S.COMPLETE,
        recurrence="quarterly",
        id="seed-completed-reviewed-quarterly",
    ),
    case(
        "Continuing –\nAccessibility audit of\nLSCP microsite due\nSeptember 2020",
        K.MONTH,
        D(2020, 9, 30),
        status=S.ONGOING,
        id="seed-continuing-due-beats-ongoing",
    ),
    case("Work to commence\nlate 2020", K.FROM, None, D(2020, 9, 1), id="seed-commence-late-2020"),
    case(
        "Ongoing monitoring\nby the Learning\nand Development\nSubgroup on\nquarterly basis",
        K.ONGOING,
        None,
        None,
        S.ONGOING,
        "quarterly",
        id="seed-ongoing-monitoring",
    ),
    case("Completed actions", K.UNKNOWN, status=S.COMPLETE, id="seed-completed-actions"),
    case(
        "GMACE reestablished to\noversee strategic\nwork – June 2020",
        K.MONTH,
        D(2020, 6, 30),
        id="seed-reestablished-june",
    ),
    case(
        "Joint LSCP/ AEB/\nHWBB Event\nplanned March\n2020 – theme\nof Transitional\n"
        "Safeguarding –\ndelayed due to\nCOVID-19.",
        K.MONTH,
        D(2020, 3, 31),
        status=S.DELAYED,
        id="seed-planned-march-delayed",
    ),
    case(
        "Presentation by Engagement\nOfficer at LSCP Strategic\nPlanning Subgroup, LSCP\n"
        "Local Groups June\nand September\n2020, and LSCP\nPartnership Meeting\nOctober 2020",
        K.MONTH,
        D(2020, 10, 31),
        id="seed-list-of-months",
    ),
    case(
        "January 2020\n\n• Feedback on\nprogress due after\nfirst full term.\nUpdate August 2020:",
        K.MONTH,
        D(2020, 1, 31),
        id="seed-update-date-is-not-due",
    ),
    case("Update August 2020:\n• 32 schools LBHF\nsigned up.", K.UNKNOWN, id="seed-update-only"),
    case(
        "LSCP Local Groups\nto review paused\ndue COVID-19\nand maternity\nleave – to be\n"
        "recommenced",
        K.UNKNOWN,
        status=S.DELAYED,
        id="seed-paused-no-date",
    ),
    # Seeds 000, 001, 003 and 004: timescales written into narrative text.
    case(
        "By end of 2021 to develop a multi-steering group /panel",
        K.YEAR,
        D(2021, 12, 31),
        id="seed-by-end-of-2021",
    ),
    case(
        "Publication of the SEND strategy by the end of December 2020",
        K.MONTH,
        D(2020, 12, 31),
        id="seed-by-the-end-of-december",
    ),
    case("Programme to commence in 2021", K.FROM, None, D(2021, 1, 1), id="seed-commence-in-2021"),
    case(
        "Impact is not evident as of August 2020 as the programme will commence in 2021",
        K.FROM,
        None,
        D(2021, 1, 1),
        id="seed-as-of-is-not-due",
    ),
    case("Still to do during 2020-2021", K.FINANCIAL_YEAR, D(2021, 3, 31), id="seed-2020-2021"),
    case("in Summer 2020", K.YEAR, D(2020, 8, 31), id="seed-in-summer-2020"),
    case("2019/20", K.FINANCIAL_YEAR, D(2020, 3, 31), id="seed-2019/20"),
    case("in May 20", K.MONTH, D(2020, 5, 31), id="seed-may-20"),
    case("in September 19", K.MONTH, D(2019, 9, 30), id="seed-september-19"),
    case("end of March 2020", K.MONTH, D(2020, 3, 31), id="seed-end-of-march"),
    case("From October 2021", K.FROM, None, D(2021, 10, 1), id="seed-from-october"),
    case("Risk Team (ART) late 2019.", K.YEAR, D(2019, 12, 31), id="seed-late-2019"),
    case("2024–25", K.FINANCIAL_YEAR, D(2025, 3, 31), id="seed-en-dash-fy"),
    case(
        "LSCP SAFEGUARDING PLAN 2019-2021",
        K.YEAR,
        D(2021, 12, 31),
        D(2019, 1, 1),
        id="seed-2019-21",
    ),
    case(
        "Between April 2019 and March 2020",
        K.MONTH_RANGE,
        D(2020, 3, 31),
        D(2019, 4, 1),
        id="seed-between",
    ),
    case("at 31st December 2019", K.DATE, D(2019, 12, 31), id="seed-31st-december"),
]

# Other ways trackers and business plans write the same things.
MORE_PHRASES = [
    case("31-Mar-2025", K.DATE, D(2025, 3, 31), id="excel-display-date"),
    case("31 Mar 25", K.DATE, D(2025, 3, 31), id="short-month-date"),
    case("1st April 2025", K.DATE, D(2025, 4, 1), id="first-of-month"),
    case("the 22nd of March, 2021", K.DATE, D(2021, 3, 22), id="day-of-month"),
    case("March 31, 2025", K.DATE, D(2025, 3, 31), id="month-day-year"),
    case("Monday 3rd March 2025", K.DATE, D(2025, 3, 3), id="weekday"),
    case("  31 / 03 / 2025  ", K.DATE, D(2025, 3, 31), id="stray-spaces"),
    case("31ST MARCH 2025", K.DATE, D(2025, 3, 31), id="upper-case"),
    case("By 31/03/2025", K.DATE, D(2025, 3, 31), id="by-date"),
    case("Deadline: 30/06/2025", K.DATE, D(2025, 6, 30), id="deadline"),
    case("Target date: 30 September 2021", K.DATE, D(2021, 9, 30), id="target-date"),
    case("Completed 12/06/2020", K.DATE, D(2020, 6, 12), status=S.COMPLETE, id="completed-date"),
    case("29/02/2024", K.DATE, D(2024, 2, 29), id="leap-day"),
    case("Mar-25", K.MONTH, D(2025, 3, 31), id="excel-display-month"),
    case("SEPT\n2020", K.MONTH, D(2020, 9, 30), id="month-over-line-break"),
    case("03/2025", K.MONTH, D(2025, 3, 31), id="numeric-month-year"),
    case("Due by end of March 2025", K.MONTH, D(2025, 3, 31), id="due-by-end-of-month"),
    case("February 2024", K.MONTH, D(2024, 2, 29), id="february-leap-year"),
    case("Q4 2024/25", K.QUARTER, D(2025, 3, 31), id="q4-is-january-to-march"),
    case("Q2 2025-26", K.QUARTER, D(2025, 9, 30), id="q2-hyphen-fy"),
    case("Q4 FY24/25", K.QUARTER, D(2025, 3, 31), id="q4-fy-prefix"),
    case("Quarter 3 2025/26", K.QUARTER, D(2025, 12, 31), id="quarter-word"),
    case("2025/26 Q3", K.QUARTER, D(2025, 12, 31), id="year-before-quarter"),
    case("Q3 (2025/26)", K.QUARTER, D(2025, 12, 31), id="year-in-brackets"),
    case("Q2 2021", K.QUARTER, D(2021, 6, 30), id="calendar-q2"),
    case("Financial year 2024/25", K.FINANCIAL_YEAR, D(2025, 3, 31), id="financial-year-words"),
    case("24/25", K.FINANCIAL_YEAR, D(2025, 3, 31), id="two-digit-fy"),
    case("2020/21 – 2021/22", K.FINANCIAL_YEAR, D(2022, 3, 31), D(2020, 4, 1), id="range-of-fys"),
    case("Academic year 2020/21", K.YEAR, D(2021, 8, 31), id="academic-year"),
    case("Autumn term 2020", K.YEAR, D(2020, 12, 31), id="autumn-term"),
    case("Summer term 2021", K.YEAR, D(2021, 7, 31), id="summer-term"),
    case("Autumn 2021", K.YEAR, D(2021, 11, 30), id="autumn"),
    case("Winter 2020", K.YEAR, D(2021, 2, 28), id="winter-runs-into-next-year"),
    case("Early 2021", K.YEAR, D(2021, 4, 30), id="early-year"),
    case("Mid-2021", K.YEAR, D(2021, 8, 31), id="mid-year"),
    case("2025", K.YEAR, D(2025, 12, 31), id="plain-year"),
    case(
        "From 1 April 2021 to 31 March 2022",
        K.DATE,
        D(2022, 3, 31),
        D(2021, 4, 1),
        id="from-date-to-date",
    ),
    case("June 2020 – March 2021", K.MONTH_RANGE, D(2021, 3, 31), D(2020, 6, 1), id="en-dash"),
    case("Sept 2020 — Jan 2021", K.MONTH_RANGE, D(2021, 1, 31), D(2020, 9, 1), id="em-dash"),
    case("Nov - Feb 2021", K.MONTH_RANGE, D(2021, 2, 28), D(2020, 11, 1), id="range-over-new-year"),
    case(
        "December 2020 / January 2021",
        K.MONTH_RANGE,
        D(2021, 1, 31),
        D(2020, 12, 1),
        id="slash-between-months",
    ),
    case("June, July and August 2021", K.MONTH, D(2021, 8, 31), id="list-of-months"),
    case(
        "Deadline March 2021, review June 2021", K.MONTH, D(2021, 3, 31), id="end-flag-beats-later"
    ),
    case("Ongoing until March 2022", K.MONTH, D(2022, 3, 31), status=S.ONGOING, id="until"),
    case(
        "Monthly – first report due May 2021",
        K.MONTH,
        D(2021, 5, 31),
        recurrence="monthly",
        id="recurring-with-due",
    ),
    case(
        "From April 2021 onwards, reviewed quarterly",
        K.FROM,
        None,
        D(2021, 4, 1),
        recurrence="quarterly",
        id="from-with-recurrence",
    ),
    case("Every 6 months", K.RECURRING, recurrence="twice a year", id="every-6-months"),
    case("Six-monthly", K.RECURRING, recurrence="twice a year", id="six-monthly"),
    case("Termly", K.RECURRING, recurrence="termly", id="termly"),
    case("Fortnightly", K.RECURRING, recurrence="fortnightly", id="fortnightly"),
    case("Annually in March", K.RECURRING, recurrence="annually", id="annually-in-month"),
    case("Business as usual", K.ONGOING, status=S.ONGOING, id="business-as-usual"),
    case("Paused", K.UNKNOWN, status=S.DELAYED, id="paused"),
    case("Cancelled", K.UNKNOWN, status=S.CANCELLED, id="cancelled"),
    case("TBC", K.UNKNOWN, id="tbc"),
    case("ASAP", K.UNKNOWN, id="asap"),
    case("Within 6 months", K.UNKNOWN, id="relative-duration"),
    case("May", K.UNKNOWN, id="month-without-year"),
    case("By December", K.UNKNOWN, id="by-month-without-year"),
    case("FY25", K.UNKNOWN, id="ambiguous-fy"),
    case("31 April 2025", K.UNKNOWN, id="april-has-30-days"),
    case("29/02/2023", K.UNKNOWN, id="not-a-leap-year"),
    case("13/13/2025", K.UNKNOWN, id="month-13"),
]


@pytest.mark.parametrize(
    ("text", "kind", "due", "start", "status", "recurrence"),
    NAMED_PHRASES + SEED_PHRASES + MORE_PHRASES,
)
def test_timescale_words_give_kind_due_start_status_and_recurrence(
    text: str,
    kind: TimescaleKind,
    due: date | None,
    start: date | None,
    status: Status | None,
    recurrence: str | None,
) -> None:
    """Each phrasing is read into the kind, dates, status and recurrence a planner means."""
    got = parse_timescale(text)
    assert (got.kind, got.due, got.start, got.status, got.recurrence) == (
        kind,
        due,
        start,
        status,
        recurrence,
    )
    assert got.raw == text


@pytest.mark.parametrize(
    ("quarter", "due"),
    [(1, D(2025, 6, 30)), (2, D(2025, 9, 30)), (3, D(2025, 12, 31)), (4, D(2026, 3, 31))],
)
def test_financial_quarter_ends_on_last_day_of_its_quarter(quarter: int, due: date) -> None:
    """Q1 is April to June, so Q4 of 2025/26 ends on 31 March 2026."""
    assert parse_timescale(f"Q{quarter} 2025/26").due == due


@pytest.mark.parametrize(("quarter", "month"), [(1, 3), (2, 6), (3, 9), (4, 12)])
def test_calendar_quarter_with_one_year_ends_with_its_third_month(quarter: int, month: int) -> None:
    """With a single year, Q1 is January to March."""
    got = parse_timescale(f"Q{quarter} 2026")
    assert got.due == D(2026, month, calendar.monthrange(2026, month)[1])


@pytest.mark.parametrize(
    ("text", "year"),
    [("1/1/00", 2000), ("1/1/69", 2069), ("1/1/70", 1970), ("1/1/99", 1999), ("Jan 70", 1970)],
)
def test_two_digit_years_pivot_between_1969_and_1970(text: str, year: int) -> None:
    """00-69 are this century, 70-99 the last."""
    got = parse_timescale(text)
    assert got.due is not None and got.due.year == year


@pytest.mark.parametrize("text", ["May", "31 March", "End of March", "June and July", "Q2"])
def test_words_without_a_year_never_borrow_todays_year(text: str) -> None:
    """A month or quarter with no year gives no due date, whatever today is."""
    assert parse_timescale(text).due is None


def test_words_are_kept_exactly_as_written() -> None:
    """Line breaks, spaces and dashes stay in raw; the label squeezes them for a table."""
    text = "  Sept/Oct 2020 –\ncompleted  "
    got = parse_timescale(text)
    assert got.raw == text
    assert got.label == "Sept/Oct 2020 – completed"


@pytest.mark.parametrize(
    ("value", "kind", "due", "raw"),
    [
        pytest.param(None, K.EMPTY, None, "", id="none"),
        pytest.param(date(2025, 3, 31), K.DATE, D(2025, 3, 31), "2025-03-31", id="date"),
        pytest.param(
            datetime(2025, 3, 31), K.DATE, D(2025, 3, 31), "2025-03-31", id="datetime-midnight"
        ),
        pytest.param(
            datetime(2025, 3, 31, 14, 30),
            K.DATE,
            D(2025, 3, 31),
            "2025-03-31 14:30:00",
            id="datetime-with-time",
        ),
        pytest.param(45747, K.DATE, D(2025, 3, 31), "45747", id="serial"),
        pytest.param(45747.75, K.DATE, D(2025, 3, 31), "45747.75", id="serial-with-time"),
        pytest.param(30000, K.DATE, D(1982, 2, 18), "30000", id="lowest-serial"),
        pytest.param(2021, K.YEAR, D(2021, 12, 31), "2021", id="year-number"),
        pytest.param(2021.0, K.YEAR, D(2021, 12, 31), "2021.0", id="year-float"),
        pytest.param(Decimal("2021"), K.YEAR, D(2021, 12, 31), "2021", id="year-decimal"),
        pytest.param(12, K.UNKNOWN, None, "12", id="small-number"),
        pytest.param(29999, K.UNKNOWN, None, "29999", id="below-serials"),
        pytest.param(80001, K.UNKNOWN, None, "80001", id="above-serials"),
        pytest.param(-45747, K.UNKNOWN, None, "-45747", id="negative"),
        pytest.param(2021.5, K.UNKNOWN, None, "2021.5", id="fractional-year"),
        pytest.param(float("nan"), K.UNKNOWN, None, "nan", id="nan"),
        pytest.param(float("inf"), K.UNKNOWN, None, "inf", id="infinity"),
        pytest.param(True, K.UNKNOWN, None, "True", id="bool"),
    ],
)
def test_excel_cell_values_are_read_by_type(
    value: object, kind: TimescaleKind, due: date | None, raw: str
) -> None:
    """Dates, datetimes, serial numbers and years from a workbook keep their text and date."""
    got = parse_timescale(value)
    assert (got.kind, got.due, got.raw) == (kind, due, raw)


def test_excel_serial_counts_days_from_the_1899_epoch() -> None:
    """Serial n is n days after 30 December 1899, as Excel on Windows counts."""
    assert parse_timescale(45658).due == D(2025, 1, 1)
    assert parse_timescale(45658 + 365).due == D(2026, 1, 1)


@pytest.mark.parametrize("value", [date(2025, 3, 31), datetime(2025, 3, 31), 45747])
def test_label_of_an_excel_date_is_uk_style(value: object) -> None:
    """A date cell shows as "31 Mar 2025" in tables."""
    assert parse_timescale(value).label == "31 Mar 2025"


def test_label_of_a_typed_date_keeps_the_typed_words() -> None:
    """A date someone typed is shown as they typed it."""
    assert parse_timescale("31/03/2025").label == "31/03/2025"


@pytest.mark.parametrize(
    ("due", "text"),
    [
        (D(2025, 3, 31), "31 Mar 2025"),
        (D(2025, 4, 1), "1 Apr 2025"),
        (D(1999, 12, 9), "9 Dec 1999"),
    ],
)
def test_format_due_is_day_short_month_year(due: date, text: str) -> None:
    """Due dates print the UK way, without a leading zero."""
    assert format_due(due) == text


def test_format_due_of_no_date_is_empty() -> None:
    """No due date prints as nothing."""
    assert format_due(None) == ""


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no words")


def test_an_object_that_cannot_be_printed_is_unknown_not_an_error() -> None:
    """Even a cell whose value cannot become text gives a timescale."""
    got = parse_timescale(_Unprintable())
    assert (got.kind, got.due) == (K.UNKNOWN, None)


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.decimals(allow_nan=True),
    st.text(),
    st.lists(st.integers(), max_size=3),
    st.builds(object),
)


@given(st.text())
def test_any_text_gives_a_timescale_with_the_same_words(text: str) -> None:
    """Whatever is typed, parsing never raises and the words are kept exactly."""
    got = parse_timescale(text)
    assert isinstance(got, Timescale)
    assert got.raw == text


@given(ANY_VALUE)
def test_any_value_gives_a_timescale(value: object) -> None:
    """Whatever a cell holds, parsing never raises."""
    got = parse_timescale(value)
    assert isinstance(got, Timescale)
    assert isinstance(got.label, str)


@given(st.text(alphabet="0123456789/.-– QqFfYy ofendbyJanSeptMayOct\n", max_size=40))
def test_date_like_text_never_raises(text: str) -> None:
    """Text made of the pieces dates are written with never breaks the reader."""
    got = parse_timescale(text)
    assert got.raw == text
    assert got.due is None or got.kind is not K.UNKNOWN


@given(st.dates())
def test_any_date_written_dd_mm_yyyy_reads_back_as_itself(day: date) -> None:
    """A date in UK numeric form is that day."""
    got = parse_timescale(f"{day.day:02d}/{day.month:02d}/{day.year:04d}")
    assert (got.kind, got.due) == (K.DATE, day)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_date_written_in_words_reads_back_as_itself(day: date) -> None:
    """ "9 December 2024" is that day."""
    got = parse_timescale(f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}")
    assert (got.kind, got.due) == (K.DATE, day)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_month_and_year_is_due_on_its_last_day(day: date) -> None:
    """ "Feb 2024" is due 29 Feb 2024: the last day of that month."""
    got = parse_timescale(f"{MONTH_NAMES[day.month - 1][:3]} {day.year}")
    last = calendar.monthrange(day.year, day.month)[1]
    assert (got.kind, got.due) == (K.MONTH, day.replace(day=last))


@given(st.dates(min_value=date(1982, 2, 18), max_value=date(2119, 1, 1)))
def test_excel_serial_of_any_date_reads_back_as_that_date(day: date) -> None:
    """A serial number from a workbook is the day it counts to."""
    serial = (day - date(1899, 12, 30)).days
    assert parse_timescale(serial).due == day
    assert parse_timescale(float(serial)).due == day
