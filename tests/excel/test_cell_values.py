"""Cell values read as the words people see: numbers, dates and numbered actions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from actionplan.excel.read.cell_values import cell_date, cell_text, split_numbering, timescale_words


def test_numbers_and_dates_read_as_written() -> None:
    """231.0 reads "231", 78.2 "78.2", a midnight datetime its date, booleans as Excel shows."""
    assert [cell_text(v) for v in (231.0, 78.2, None, "  x ", True)] == [
        "231", "78.2", "", "x", "TRUE",
    ]  # fmt: skip
    assert cell_text(datetime(2025, 7, 31)) == "2025-07-31"
    assert cell_text(datetime(2025, 7, 31, 9, 30)) == "2025-07-31 09:30:00"


def test_dates_from_cells_serials_and_words() -> None:
    """Real dates, Excel serial numbers and written dates all give a day; other things none."""
    assert cell_date(datetime(2025, 7, 8, 10)) == date(2025, 7, 8)
    assert cell_date(45873.0) == date(2025, 8, 4)
    assert cell_date("08/07/2025") == date(2025, 7, 8)
    assert cell_date("July 2025") == date(2025, 7, 1)
    assert cell_date("soon") is None and cell_date(3.0) is None and cell_date(True) is None


def test_timescale_serial_numbers_become_dates() -> None:
    """A due date stored as a bare serial number keeps its meaning as an ISO date."""
    assert timescale_words(46112.0) == "2026-03-31"
    assert timescale_words("Sept/Oct 2025") == "Sept/Oct 2025"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Engage businesses", ("1", "Engage businesses")),
        ("2.Review the tool", ("2", "Review the tool")),
        ("3) Audit", ("3", "Audit")),
        ("1.10 Share learning", ("1.10", "Share learning")),
        ("2.3. Publish", ("2.3", "Publish")),
        ("12 months of data", ("", "12 months of data")),
        ("1.5 million pounds", ("", "1.5 million pounds")),
        ("2025 training offer", ("", "2025 training offer")),
        ("Strengthen the offer", ("", "Strengthen the offer")),
    ],
)
def test_numbered_actions(text: str, expected: tuple[str, str]) -> None:
    """A leading "1." or "2.Review" is a number; "12 months" and "1.5 million" are words."""
    assert split_numbering(text) == expected
