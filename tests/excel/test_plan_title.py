"""The plan's title, partnership and period from a title row, the file's title or its name."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.excel.read.plan_title import choose_title, plan_heading, title_from_file_name


@pytest.mark.parametrize(
    ("title", "partnership", "period", "start", "end"),
    [
        ("NSCP BUSINESS PLAN 2025/26", "NSCP", "2025/26", date(2025, 4, 1), date(2026, 3, 31)),
        ("WSCP Priorities Action Plan 2021", "WSCP", "2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("LSCP SAFEGUARDING PLAN 2019-2021", "LSCP", "2019-2021", date(2019, 1, 1),
         date(2021, 12, 31)),
        ("Ealdham Safeguarding Children Partnership Business Plan", "Ealdham Safeguarding "
         "Children Partnership", "", None, None),
        ("Action plan", "", "", None, None),
    ],
)  # fmt: skip
def test_title_names_partnership_and_period(
    title: str, partnership: str, period: str, start: date | None, end: date | None
) -> None:
    """Acronyms like NSCP and whole names are partnerships; the last years give the period."""
    heading = plan_heading(title)
    assert (heading.partnership, heading.period_raw) == (partnership, period)
    assert (heading.period_start, heading.period_end) == (start, end)


def test_title_prefers_a_plan_like_title_row_then_the_files_title_then_its_name() -> None:
    """A logo caption loses to "… Action Plan …"; with no rows the file's own title or name."""
    assert choose_title(["Northbridge Council", "Action Plan 2025"], "x") == "Action Plan 2025"
    assert choose_title([], "x", "NSCP Action Tracker 2025-26") == "NSCP Action Tracker 2025-26"
    assert choose_title([], "northbridge_tracker_2025", "Book1") == "Northbridge Tracker 2025"
    assert title_from_file_name("") == "Imported plan"
