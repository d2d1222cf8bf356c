"""A recommendation's standing follows its actions and the board's sign-off."""

from __future__ import annotations

from datetime import date

from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import (
    LinkedAction,
    ReviewType,
    Standing,
    recommendation_state,
    review_sentence,
    review_type_from_words,
)
from actionplan.domain.status import Status

TODAY = date(2025, 3, 31)


def _action(
    ref: str, status: Status, due: date | None = None, rag: Rag = Rag.UNRATED
) -> LinkedAction:
    return LinkedAction(ref, status, rag, due)


def test_a_recommendation_without_actions_has_no_action_yet() -> None:
    """Nothing linked: "No action yet"."""
    state = recommendation_state([], signed_off=False, as_of=TODAY)
    assert state.words == "No action yet"


def test_every_action_complete_awaits_the_boards_sign_off() -> None:
    """Complete by status, by a Blue RAG, or cancelled: awaiting sign-off, not closed."""
    actions = [
        _action("1.1", Status.COMPLETE),
        _action("1.2", Status.IN_PROGRESS, rag=Rag.BLUE),
        _action("1.3", Status.CANCELLED),
    ]
    state = recommendation_state(actions, signed_off=False, as_of=TODAY)
    assert state.standing is Standing.AWAITING_SIGN_OFF
    assert state.words == "Actions complete — awaiting sign-off"


def test_signed_off_is_closed_whatever_its_actions_say() -> None:
    """The board's sign-off closes it."""
    state = recommendation_state([_action("1.1", Status.IN_PROGRESS)], True, TODAY)
    assert state.words == "Closed"


def test_an_open_action_keeps_it_in_progress_and_names_the_overdue_ones() -> None:
    """In progress, saying which actions are past their due date."""
    actions = [
        _action("2.1", Status.IN_PROGRESS, date(2025, 1, 31)),
        _action("2.2", Status.COMPLETE, date(2024, 12, 31)),
        _action("2.3", Status.NOT_STARTED, date(2025, 6, 30)),
    ]
    state = recommendation_state(actions, signed_off=False, as_of=TODAY)
    assert state.standing is Standing.IN_PROGRESS
    assert state.words == "In progress — 2.1 overdue"


def test_the_review_sentence_counts_complete_recommendations() -> None:
    """Awaiting sign-off and closed both count as complete."""
    standings = [
        Standing.CLOSED,
        Standing.AWAITING_SIGN_OFF,
        Standing.CLOSED,
        Standing.IN_PROGRESS,
        Standing.NO_ACTION,
    ]
    assert (
        review_sentence("Child Q", standings)
        == "3 of 5 recommendations from Child Q's review are complete"
    )
    assert (
        review_sentence("Neglect audit", [Standing.NO_ACTION])
        == "0 of 1 recommendation from Neglect audit is complete"
    )
    assert review_sentence("Joint targeted area inspection 2024", []) == (
        "0 of 0 recommendations from Joint targeted area inspection 2024 are complete"
    )


def test_the_kind_of_review_is_read_from_its_words() -> None:
    """A type cell, else the review's name, says which kind; Other when neither does."""
    assert review_type_from_words("CSPR", "Child Q") is ReviewType.PRACTICE_REVIEW
    assert review_type_from_words("", "Rapid review: Baby R") is ReviewType.RAPID_REVIEW
    assert review_type_from_words("", "Ofsted JTAI 2024") is ReviewType.INSPECTION
    assert review_type_from_words("", "Child Q") is ReviewType.OTHER
