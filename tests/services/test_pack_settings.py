"""The board pack's settings kept with a plan: what the next pack prints unless told otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from actionplan.services.errors import ServiceError
from actionplan.services.pack_preview import (
    PackChoices,
    PageImage,
    drafted_messages,
    first_page,
    preview_page_one,
)
from actionplan.services.pack_settings import PackSettings, pack_settings, save_pack_settings
from actionplan.services.plans import PlanInfo, delete_plan
from actionplan.services.report import make_report
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.pdf_helpers import page_texts, squeeze

AS_OF = date(2025, 3, 31)
MESSAGE = "Neglect toolkit launched in every school; audit of strategy meetings slipped to May."
ASKED = "Note the position and agree the revised date for the strategy meetings audit."


def _stored_rows(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as raw:
        return [
            tuple(row) for row in raw.execute(text("SELECT * FROM pack_settings ORDER BY plan_id"))
        ]


def test_a_plan_never_saved_prints_drafts_without_cover_or_appendix(plan: PlanInfo, db: Database):
    """A plan whose pack settings were never saved keeps no messages, no ask, no cover,
    no appendix."""
    assert pack_settings(db, plan.id) == PackSettings()


def test_settings_are_kept_with_the_plan_and_survive_reopening_the_database(
    plan: PlanInfo, db: Database
) -> None:
    """Messages, the board's ask, cover and appendix read back the same after a restart."""
    kept = PackSettings((MESSAGE, "Two actions went red."), ASKED, cover=True, appendix=True)
    save_pack_settings(db, plan.id, kept)
    db.close()
    again = Database.open(db.target)
    try:
        assert pack_settings(again, plan.id) == kept
    finally:
        again.close()


def test_saving_the_drafts_as_they_are_keeps_no_messages(
    db: Database, factory: PlanFactory, plan: PlanInfo
) -> None:
    """Messages left as drafted are not kept, so the next pack drafts them from its own
    figures; the rest of the settings are kept."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit", timescale="2024")
    drafts = drafted_messages(db, None, AS_OF)
    assert drafts
    saved = save_pack_settings(db, plan.id, PackSettings(tuple(drafts), ASKED), drafts)
    assert saved == PackSettings((), ASKED)
    assert pack_settings(db, plan.id) == PackSettings((), ASKED)


def test_blank_messages_are_dropped_and_spaces_trimmed(db: Database, plan: PlanInfo) -> None:
    """Empty boxes between messages leave no gap in the list kept."""
    save_pack_settings(db, plan.id, PackSettings(("  ", f"  {MESSAGE}\n", "", "Second."), "  "))
    assert pack_settings(db, plan.id) == PackSettings((MESSAGE, "Second."), "")


@pytest.mark.parametrize(
    ("settings", "sentence"),
    [
        (PackSettings(("Fine.", "x" * 5_000)), "Key message 2 is 5,000 characters long"),
        (PackSettings((), "y" * 4_001), "board is asked to do is 4,001 characters long"),
        (PackSettings(tuple(f"Message {n}." for n in range(6))), "at most 5 key messages"),
    ],
)
def test_too_long_a_message_is_refused_in_one_sentence_and_nothing_changes(
    db: Database, plan: PlanInfo, settings: PackSettings, sentence: str
) -> None:
    """A 5,000-character message (or too long an ask, or six messages) is refused with one
    sentence, and the settings kept before are still the ones kept."""
    before = PackSettings((MESSAGE,), ASKED, cover=True)
    save_pack_settings(db, plan.id, before)
    rows = _stored_rows(db)
    with pytest.raises(ServiceError) as refused:
        save_pack_settings(db, plan.id, settings)
    said = str(refused.value)
    assert sentence in said and said.endswith("nothing was saved.")
    assert said.count(". ") == 0 and "\n" not in said  # one sentence
    assert _stored_rows(db) == rows
    assert pack_settings(db, plan.id) == before


def test_removing_a_plan_removes_its_settings_and_undo_brings_them_back(
    db: Database, plan: PlanInfo
) -> None:
    """Deleting the plan leaves no settings behind; putting it back restores them exactly."""
    from actionplan.services.editing import restore

    kept = PackSettings((MESSAGE,), ASKED, cover=True, appendix=True)
    save_pack_settings(db, plan.id, kept)
    removed = delete_plan(db, plan.id)
    assert _stored_rows(db) == []
    restore(db, removed)
    assert pack_settings(db, plan.id) == kept


def test_settings_of_a_deleted_plan_are_refused_in_one_sentence(
    db: Database, plan: PlanInfo
) -> None:
    """Saving for a plan deleted meanwhile says so rather than failing on a foreign key."""
    delete_plan(db, plan.id)
    with pytest.raises(ServiceError, match="no longer exists"):
        save_pack_settings(db, plan.id, PackSettings((MESSAGE,)))


def test_the_command_lines_pack_prints_the_messages_kept_with_the_plan(
    db: Database, factory: PlanFactory, plan: PlanInfo, tmp_path: Path
) -> None:
    """`report` gives no messages: page 1 carries the ones kept, and the board's ask."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    save_pack_settings(db, plan.id, PackSettings((MESSAGE,), ASKED))
    first = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))[0]
    assert squeeze(MESSAGE) in first and squeeze(ASKED) in first
    assert drafted_messages(db, None, AS_OF)[0] not in first


def test_with_no_messages_kept_page_one_prints_the_drafts_and_no_ask(
    db: Database, factory: PlanFactory, plan: PlanInfo, tmp_path: Path
) -> None:
    """Nothing kept: the drafts from the figures, and no "board is asked to" heading."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    first = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))[0]
    assert squeeze(drafted_messages(db, None, AS_OF)[0]) in first
    assert "asked to" not in first


def test_messages_given_to_the_report_win_over_those_kept(
    db: Database, factory: PlanFactory, plan: PlanInfo, tmp_path: Path
) -> None:
    """A caller that gives its own words (and no appendix) prints those, not the kept ones."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    save_pack_settings(db, plan.id, PackSettings(("Kept message.",), "Kept ask.", appendix=True))
    pdf = make_report(
        db, tmp_path / "pack.pdf", as_of=AS_OF, appendix=False, key_messages=[MESSAGE],
        board_asked="",
    )  # fmt: skip
    text = " ".join(page_texts(pdf))
    assert "Kept message." not in text and "Kept ask." not in text
    assert "Appendix" not in text


def test_the_appendix_kept_with_the_plan_is_printed_when_none_is_asked_for(
    db: Database, factory: PlanFactory, plan: PlanInfo, tmp_path: Path
) -> None:
    """The pack's appendix choice is kept: a pack printed without saying prints it."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    plain = page_texts(make_report(db, tmp_path / "before.pdf", as_of=AS_OF))
    save_pack_settings(db, plan.id, PackSettings(appendix=True))
    kept = page_texts(make_report(db, tmp_path / "after.pdf", as_of=AS_OF))
    assert not any("Appendix" in page for page in plain)
    assert any("Appendix" in page for page in kept)


def test_hostile_words_are_kept_exactly_as_typed(db: Database, plan: PlanInfo) -> None:
    """Markup, right-to-left script, emoji, quotes, a JSON-looking line and control
    characters come back exactly as written; a NUL, which a server cannot hold, is dropped
    on both engines and the words around it kept."""
    words = (
        '<b>not bold</b> & "quotes" \\ [1, 2]',
        "فاطمة الزهراء تقييم المخاطر",
        "Great work 😀 ✓\ttabbed\x07bell",
        '["not", "a list"]',
    )
    save_pack_settings(db, plan.id, PackSettings(words, "Agree:\n• the plan\n• the \x00 budget"))
    assert pack_settings(db, plan.id) == PackSettings(words, "Agree:\n• the plan\n• the  budget")


def _darkness(image: PageImage, top: float, bottom: float) -> float:
    """How dark a band of the picture is, 0 (white) to 1 (black), from ``top`` to ``bottom``
    as parts of the page's height."""
    start, end = int(image.height * top) * image.stride, int(image.height * bottom) * image.stride
    pixels = image.pixels[start:end]
    return 1 - sum(pixels) / (255 * len(pixels))


def test_the_preview_shows_the_summary_even_when_the_pack_starts_with_a_cover(
    db: Database, plan: PlanInfo, factory: PlanFactory, tmp_path: Path
) -> None:
    """With the cover chosen, the printed pack's page 1 is the cover's navy band a third of
    the way down; the preview shows the executive summary being edited instead, whose band
    is a strip at the top."""
    factory.action(factory.priority("Neglect"), "Audit neglect cases", rag="R")
    settings = PackSettings(("Neglect audit moved to May.",), cover=True)
    save_pack_settings(db, plan.id, settings)
    printed = first_page(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF), 300)
    choices = PackChoices(None, AS_OF, None, "", settings)
    preview = preview_page_one(db, choices, 300)
    assert _darkness(printed, 0.25, 0.4) > 0.5
    assert _darkness(preview, 0.25, 0.4) < 0.2
