"""Next year's plan: its title and period follow the old plan's, whatever the year looks like."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.plan_years import next_period, next_period_words, next_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Northbridge Business Plan 2024-25", "Northbridge Business Plan 2025-26"),
        ("LSCP Business Plan 2019/20", "LSCP Business Plan 2020/21"),
        ("WSCP Priorities Action Plan 2021", "WSCP Priorities Action Plan 2022"),
        ("Safeguarding Priorities 2024-2026", "Safeguarding Priorities 2026-2028"),
        ("Plan 2024 – 25 (draft)", "Plan 2025 – 26 (draft)"),
        ("Plan 1999-00", "Plan 2000-01"),
        ("Plan 2099-00", "Plan 2100-01"),
        ("Plan for 400 schools 2024-25", "Plan for 400 schools 2025-26"),
        ("Zażółć plan تقييم 2024/25", "Zażółć plan تقييم 2025/26"),
        ("Our action plan", "Our action plan (next year)"),
    ],
)
def test_the_next_title_moves_the_last_year_on(title: str, expected: str) -> None:
    """The last year or span of years in the title moves on by its own length; a title
    without one gains "(next year)", so the two never share a title."""
    assert next_title(title) == expected


def test_the_next_period_starts_the_day_after_and_lasts_as_long() -> None:
    """A financial year follows a financial year; a two-year plan a two-year plan; a leap
    day's month end stays a month end; no end date, no period."""
    assert next_period(date(2024, 4, 1), date(2025, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))
    assert next_period(date(2019, 4, 1), date(2021, 3, 31)) == (date(2021, 4, 1), date(2023, 3, 31))
    assert next_period(date(2023, 3, 1), date(2024, 2, 29)) == (date(2024, 3, 1), date(2025, 2, 28))
    assert next_period(None, date(2025, 12, 31)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert next_period(date(2025, 1, 1), None) == (None, None)


def test_the_period_in_words_moves_on_only_when_it_names_a_year() -> None:
    """ "2024/25" gives "2025/26"; words without a year are not guessed at."""
    assert next_period_words("2024/25") == "2025/26"
    assert next_period_words("Ongoing") == ""
