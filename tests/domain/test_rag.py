"""RAG ratings: reading what people type, and showing each rating as word, letter and colour."""

from __future__ import annotations

import re

import pytest

from actionplan.domain.rag import RAG_ORDER, Rag, parse_rag, rag_from_word


@pytest.mark.parametrize(
    ("text", "rag"),
    [
        ("Red", Rag.RED),
        ("red", Rag.RED),
        ("RED", Rag.RED),
        ("  red  ", Rag.RED),
        ("R", Rag.RED),
        ("r", Rag.RED),
        ("Red.", Rag.RED),
        ("Amber", Rag.AMBER),
        (" AMBER ", Rag.AMBER),
        ("A", Rag.AMBER),
        ("a", Rag.AMBER),
        ("Orange", Rag.AMBER),
        ("Green", Rag.GREEN),
        ("gReEn", Rag.GREEN),
        ("\tGreen\n", Rag.GREEN),
        ("G", Rag.GREEN),
        ("Blue", Rag.BLUE),
        ("B", Rag.BLUE),
        (" b ", Rag.BLUE),
    ],
)
def test_rag_words_and_letters_are_read_in_any_case_and_spacing(text: str, rag: Rag) -> None:
    """ "R", " amber ", "GREEN" and "b" are the ratings people mean."""
    assert parse_rag(text) is rag


@pytest.mark.parametrize(
    "text",
    [
        "Complete",
        "Completed",
        "COMPLETE",
        "Done",
        "C",
        "Blue (complete)",
        "Blue (Completed)",
        "Blue - complete",
        "Blue – complete",
        "blue-complete",
        "Blue Complete",
    ],
)
def test_complete_reads_as_blue(text: str) -> None:
    """Partnerships write "Complete" where the key says blue."""
    assert parse_rag(text) is Rag.BLUE


@pytest.mark.parametrize("text", [None, "", "   ", "-", "–", "N/A", "n/a", "TBC", "Not rated"])
def test_blank_or_not_yet_rated_cells_are_unrated(text: str | None) -> None:
    """An empty RAG cell, a dash or "TBC" means nobody has rated it yet."""
    assert parse_rag(text) is Rag.UNRATED


@pytest.mark.parametrize(
    "text", ["Purple", "banana", "High", "RAG", "rd", "Red alert", "1", "Red/Purple", "X"]
)
def test_words_that_are_not_a_rag_give_none(text: str) -> None:
    """Anything else is not a rating, so the importer can ask rather than guess."""
    assert parse_rag(text) is None


@pytest.mark.parametrize(
    ("text", "rag"),
    [
        ("Amber/Green", Rag.AMBER),
        ("Green/Amber", Rag.AMBER),
        ("Red/Amber", Rag.RED),
        ("Amber – Red", Rag.RED),
        ("G-A", Rag.AMBER),
        ("Blue/Green", Rag.GREEN),
        ("green / blue", Rag.GREEN),
    ],
)
def test_split_rating_counts_as_the_worse_of_the_two(text: str, rag: Rag) -> None:
    """A board sees "Amber/Green" as amber: the worse half."""
    assert parse_rag(text) is rag


@pytest.mark.parametrize("rag", list(Rag))
def test_every_rag_reads_back_from_its_word_letter_and_value(rag: Rag) -> None:
    """What the app shows or stores for a rating is read back as the same rating."""
    assert parse_rag(rag.word) is rag
    assert parse_rag(rag.value) is rag
    assert rag_from_word(rag.value) is rag
    if rag is not Rag.UNRATED:
        assert parse_rag(rag.letter) is rag


@pytest.mark.parametrize("rag", list(Rag))
def test_every_rag_has_a_word_a_single_letter_and_colours(rag: Rag) -> None:
    """Colour is never the only signal: each rating has a word and a letter too."""
    assert rag.word and rag.word[0].isupper()
    assert len(rag.letter) == 1
    assert re.fullmatch(r"#[0-9A-F]{6}", rag.colour)
    assert re.fullmatch(r"#[0-9A-F]{6}", rag.pale_colour)
    assert rag.colour != rag.pale_colour


def test_ratings_have_distinct_words_letters_and_colours() -> None:
    """No two ratings can be mistaken for each other by word, letter or colour."""
    for attribute in ("word", "letter", "colour", "pale_colour"):
        assert len({getattr(rag, attribute) for rag in Rag}) == len(Rag), attribute


def test_severity_runs_red_amber_unrated_green_blue() -> None:
    """Red is worst; an unrated action is more worrying than a green one; blue is done."""
    worst_first = sorted(Rag, key=lambda rag: rag.severity, reverse=True)
    assert worst_first == [Rag.RED, Rag.AMBER, Rag.UNRATED, Rag.GREEN, Rag.BLUE]


def test_rag_order_lists_every_rating_once_with_unrated_last() -> None:
    """Summaries count every rating in the same order: red, amber, green, blue, unrated."""
    assert RAG_ORDER == (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.UNRATED)
    assert set(RAG_ORDER) == set(Rag)


@pytest.mark.parametrize("word", ["purple", "", "r", "not rated"])
def test_rag_from_an_unknown_stored_value_is_unrated(word: str) -> None:
    """Only the stored values ("red", "amber"...) are understood; anything else is unrated."""
    assert rag_from_word(word) is Rag.UNRATED
