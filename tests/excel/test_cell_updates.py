"""Dated notes written inside a cell are found, dated and taken out of the cell's own words."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.update_dates import DatePrecision
from actionplan.excel.read.cell_updates import CellUpdate, extract_updates


def test_update_with_a_month_is_kept_as_that_month() -> None:
    """ "Update August 2020: …" is an update of August 2020, kept as the 1st with the month's
    precision beside it, so no day is invented."""
    text = "Roll out Operation Encompass.\nUpdate August 2020: 32 schools signed up."
    assert extract_updates(text) == (
        "Roll out Operation Encompass.",
        [CellUpdate(date(2020, 8, 1), "32 schools signed up.", DatePrecision.MONTH)],
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Update 12/08/2025: done", date(2025, 8, 12)),
        ("Update (Aug 2025): done", date(2025, 8, 1)),
        ("Progress update 3 March 2025 - done", date(2025, 3, 3)),
        ("UPDATE as at 31 March 2025: done", date(2025, 3, 31)),
        ("Updated Sept 2025 – done", date(2025, 9, 1)),
    ],
)
def test_update_markers_people_write(text: str, day: date) -> None:
    """Dates in many forms, with a colon or a spaced dash after them."""
    rest, [update] = extract_updates(text)
    assert (rest, update.day, update.text) == ("", day, "done")


@pytest.mark.parametrize(
    "text",
    [
        "Update the MACE panel terms of reference: overlap with missing",
        "Review and update the toolkit - all agencies",
        "Updates to be shared with schools",
    ],
)
def test_the_word_update_alone_is_not_a_dated_note(text: str) -> None:
    """Without a date after it, "update" is part of the action."""
    assert extract_updates(text) == (text, [])


def test_several_notes_in_one_cell_keep_their_bullets() -> None:
    """Each note runs to the next; bullets inside a note stay."""
    text = "Audit cases\nUpdate May 2025: started\nUpdate July 2025:\n• 12 cases\n• report due"
    rest, updates = extract_updates(text)
    assert rest == "Audit cases"
    assert [(u.day, u.text) for u in updates] == [
        (date(2025, 5, 1), "started"),
        (date(2025, 7, 1), "• 12 cases\n• report due"),
    ]
