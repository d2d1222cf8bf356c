"""Action statuses: Status column words, and statuses written inside longer text."""

from __future__ import annotations

import pytest

from actionplan.domain.status import Status, parse_status, status_in_text

S = Status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Not started", S.NOT_STARTED),
        ("NOT STARTED", S.NOT_STARTED),
        ("Not-started", S.NOT_STARTED),
        ("Not yet started", S.NOT_STARTED),
        ("Outstanding", S.NOT_STARTED),
        ("To do", S.NOT_STARTED),
        ("In progress", S.IN_PROGRESS),
        ("In Progress ", S.IN_PROGRESS),
        ("in-progress", S.IN_PROGRESS),
        ("in_progress", S.IN_PROGRESS),
        ("Underway", S.IN_PROGRESS),
        ("On track", S.IN_PROGRESS),
        ("Started", S.IN_PROGRESS),
        ("Complete", S.COMPLETE),
        ("Completed", S.COMPLETE),
        ("  completed.  ", S.COMPLETE),
        ("Done", S.COMPLETE),
        ("Achieved", S.COMPLETE),
        ("Ongoing", S.ONGOING),
        ("On-going", S.ONGOING),
        ("On–going", S.ONGOING),
        ("Continuous", S.ONGOING),
        ("Continuing", S.ONGOING),
        ("BAU", S.ONGOING),
        ("Business as usual", S.ONGOING),
        ("Delayed", S.DELAYED),
        ("Paused", S.DELAYED),
        ("On hold", S.DELAYED),
        ("On\nhold", S.DELAYED),
        ("Off track", S.DELAYED),
        ("Overdue", S.DELAYED),
        ("Cancelled", S.CANCELLED),
        ("Canceled", S.CANCELLED),
        ("Withdrawn", S.CANCELLED),
        ("No longer required", S.CANCELLED),
    ],
)
def test_status_column_words_are_read_in_any_case(text: str, status: Status) -> None:
    """The words people put in a Status column give the status they mean."""
    assert parse_status(text) is status


@pytest.mark.parametrize("status", list(Status))
def test_every_status_reads_back_from_its_word_and_stored_value(status: Status) -> None:
    """What the app shows ("In progress") or stores ("in_progress") reads back the same."""
    assert parse_status(status.word) is status
    assert parse_status(status.value) is status
    assert parse_status(status.word.upper()) is status


@pytest.mark.parametrize("text", [None, "", "   ", "Status", "Banana", "Lead officer", "TBC"])
def test_empty_or_non_status_cells_give_none(text: str | None) -> None:
    """A blank cell or a word that is no status gives none, never a guess."""
    assert parse_status(text) is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Completed September 2020", S.COMPLETE),
        ("Completed –\nJanuary 2020", S.COMPLETE),
        ("Completed actions", S.COMPLETE),
        ("October 2019\nComplete", S.COMPLETE),
        ("RBKC achieved in\nFebruary 2020", S.COMPLETE),
        ("Sept/Oct 2020 –\ncompleted – part\nof ongoing work", S.COMPLETE),
        ("Audit template: shared with health providers. Completed", S.COMPLETE),
        ("delayed due to COVID-19", S.DELAYED),
        ("Twice a year\n(March 2020 delayed\ndue to COVID-19)", S.DELAYED),
        ("Activity ongoing\n(paused due to\nCOVID-19)", S.DELAYED),
        ("Development of OLNK event in LBHF – paused due to venue availability.", S.DELAYED),
        ("LBHF/WCC\npostponed due\nto COVID-19", S.DELAYED),
        ("Event on\nhold until the spring", S.DELAYED),
        ("Outstanding – part\nof the Engagement\nOfficer’s work plan", S.NOT_STARTED),
        ("Work has not yet started", S.NOT_STARTED),
        ("Not yet\nstarted", S.NOT_STARTED),
        ("Ongoing –\nreview quarterly", S.ONGOING),
        ("Completed –\npart of continuing\nwork plan", S.COMPLETE),
        ("Continuing – accessibility audit due September 2020", S.ONGOING),
        ("Started September\n2020 – end date\nJanuary 2021", S.IN_PROGRESS),
        ("Work is underway with schools", S.IN_PROGRESS),
        ("Partially completed: two of three boroughs", S.IN_PROGRESS),
        ("Event cancelled due to COVID-19", S.CANCELLED),
        ("Panel stood down", S.CANCELLED),
    ],
)
def test_status_written_inside_text_is_found(text: str, status: Status) -> None:
    """Business plans write the status into the When or Action text; it is found there."""
    assert status_in_text(text) is status


@pytest.mark.parametrize(
    "text",
    [
        "not yet started",
        "Not started",
        "not completed in the agreed timescale",
        "paused",
        "delayed due to COVID-19",
        "Outstanding",
        "To be completed by March 2021",
        "Training will be delivered in June 2021",
        "Due to be completed – January 2021",
        "Plans to be put in place by the autumn",
        "Partially complete",
        "Nearly completed",
        "Protocol not in place",
        "Target not achieved",
        "Incomplete",
        "Cancelled",
    ],
)
def test_words_that_say_the_work_is_not_done_are_never_complete(text: str) -> None:
    """Negatives, intentions and partial progress must not show an action as complete."""
    assert status_in_text(text) is not Status.COMPLETE
    assert parse_status(text) is not Status.COMPLETE


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "January 2020",
        "LSCP Business Manager",
        "Roll out Operation Encompass to local schools",
        "To be completed by March 2021",
        "delivery of e-learning modules",
        "Work to commence late 2020",
    ],
)
def test_text_without_a_status_gives_none(text: str | None) -> None:
    """Dates, names, plans and intentions carry no status."""
    assert status_in_text(text) is None


@pytest.mark.parametrize(
    ("status", "closed"),
    [
        (S.NOT_STARTED, False),
        (S.IN_PROGRESS, False),
        (S.ONGOING, False),
        (S.DELAYED, False),
        (S.COMPLETE, True),
        (S.CANCELLED, True),
    ],
)
def test_only_complete_and_cancelled_are_closed(status: Status, closed: bool) -> None:
    """No more work is expected once an action is complete or cancelled."""
    assert status.is_closed is closed


def test_every_status_has_its_own_word() -> None:
    """Each recorded status shows as a distinct, capitalised word; an unrecorded one as a dash."""
    words = [status.word for status in Status]
    assert len(set(words)) == len(words)
    assert all(status.word[0].isupper() for status in Status if status.is_known)
    assert (Status.NOT_RECORDED.word, Status.NOT_RECORDED.choice) == ("—", "Not recorded")


def test_stored_status_words_read_back_and_unknown_ones_read_as_not_recorded() -> None:
    """What the database holds becomes a Status; a value from nowhere is not "Not started"."""
    from actionplan.domain.status import status_from_word

    assert [status_from_word(s.value) for s in Status] == list(Status)
    assert status_from_word("archived") is Status.NOT_RECORDED
