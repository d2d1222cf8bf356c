"""The yearly report's chapter from the database: the period is a range of dates, and the
Word file is written whole or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.errors import ServiceError
from actionplan.services.impact import add_measure, add_reading, set_narrative
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.yearly_facts import yearly_report_data
from actionplan.services.yearly_report import make_yearly_report
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.reports.docx_helpers import all_text, headings, opened

START, END = date(2024, 4, 1), date(2025, 3, 31)


def _update(db: Database, action: int, day: date, rag: Rag, status: Status, text: str) -> None:
    record_progress(
        db, ProgressEntry(action, day, rag, status, text, "Business Unit", "Lead's view")
    )


def _plan(db: Database, factory: PlanFactory) -> dict[str, int]:
    """Actions completed before, during and after the year, with updates either side of it."""
    exploitation = factory.priority("Exploitation", champion="Claire Whitfield")
    ids = {
        "before": factory.action(exploitation, "Write the strategy", lead="Business Unit"),
        "during": factory.action(exploitation, "Launch the panel", lead="Police"),
        "after": factory.action(exploitation, "Train 400 staff", lead="Learning Subgroup"),
        "typed": factory.action(exploitation, "Agree the protocol", status=Status.COMPLETE),
    }
    _update(db, ids["before"], date(2024, 3, 20), Rag.BLUE, Status.COMPLETE, "Strategy signed")
    _update(db, ids["during"], date(2024, 3, 31), Rag.GREEN, Status.IN_PROGRESS, "Panel planned")
    _update(db, ids["during"], date(2024, 6, 18), Rag.BLUE, Status.COMPLETE, "Panel launched")
    _update(db, ids["after"], date(2025, 3, 31), Rag.AMBER, Status.IN_PROGRESS, "212 trained")
    _update(db, ids["after"], date(2025, 4, 1), Rag.BLUE, Status.COMPLETE, "400 trained")
    return ids


def test_the_period_is_a_range_completions_and_updates_outside_it_are_left_out(
    db: Database, factory: PlanFactory
) -> None:
    """A completion in the period counts, one before it or after it does not; an update is
    quoted only when dated between the two days (both included)."""
    _plan(db, factory)
    year = yearly_report_data(db, None, START, END).priorities[0]
    assert [a.text for a in year.completed] == ["Launch the panel"]
    assert [(q.text, q.when) for q in year.quotes] == [
        ("Panel launched", "18 Jun 2024"),
        ("212 trained", "31 Mar 2025"),
    ]
    assert [q.who for q in year.quotes] == ["Police", "Learning Subgroup"]
    # At the end of the period the training was not complete yet: it is still to do.
    assert [a.text for a in year.still_to_do] == ["Train 400 staff"]
    assert year.planned[2].position == "Amber, in progress"


def test_an_action_marked_complete_with_no_dated_update_is_not_claimed_for_the_year(
    db: Database, factory: PlanFactory
) -> None:
    """Nothing invented: complete with no date to say when is not "completed this year"."""
    _plan(db, factory)
    year = yearly_report_data(db, None, START, END).priorities[0]
    assert "Agree the protocol" not in [a.text for a in year.completed]
    assert "Agree the protocol" not in [a.text for a in year.still_to_do]


def test_readings_after_the_period_and_other_years_narratives_are_left_out(
    db: Database, factory: PlanFactory, plan: object
) -> None:
    """The impact is the year's: a reading for a later period is not in it, and the
    narrative is the one written for the year."""
    exploitation = factory.priority("Exploitation")
    measure = add_measure(db, factory.plan.id, "Contacts", direction="higher",
                          priority_id=exploitation)  # fmt: skip
    add_reading(db, measure, "2023-24", 398, date(2024, 3, 31))
    add_reading(db, measure, "2024-25", 467, date(2025, 3, 31))
    add_reading(db, measure, "2025-26", 500, date(2026, 3, 31))
    set_narrative(db, exploitation, "2024/25", done="This year's work")
    set_narrative(db, exploitation, "2025-26", done="Next year's work")
    year = yearly_report_data(db, None, START, END).priorities[0]
    assert [r.period_label for r in year.measures[0].readings] == ["2023-24", "2024-25"]
    assert year.narrative is not None and year.narrative.done == "This year's work"


def test_the_chapter_is_written_with_the_year_in_it(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """The Word file holds the year's completions and quotes, and not the update after it."""
    _plan(db, factory)
    out = make_yearly_report(db, tmp_path / "chapter.docx", START, END)
    text = all_text(opened(out))
    assert "“Panel launched”" in text and "— Police, 18 Jun 2024" in text
    assert "400 trained" not in text
    assert "Panel planned" not in text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("chapter.pdf", "does not end in .docx"),
        ("missing/chapter.docx", "does not exist"),
    ],
)
def test_a_wrong_target_is_refused_and_nothing_is_written(
    db: Database, factory: PlanFactory, tmp_path: Path, name: str, message: str
) -> None:
    """A name that is not a Word file, or a folder that is not there, is one sentence."""
    _plan(db, factory)
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(ServiceError, match=message):
        make_yearly_report(db, folder / name, START, END)
    assert list(folder.iterdir()) == []


def test_a_period_ending_before_it_starts_is_refused(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """The dates the wrong way round are said plainly, and no file is written."""
    _plan(db, factory)
    with pytest.raises(ServiceError, match=r"ends \(1 Apr 2024\) before it starts"):
        make_yearly_report(db, tmp_path / "chapter.docx", END, START)
    assert not (tmp_path / "chapter.docx").exists()


def test_a_corrupt_template_leaves_an_earlier_chapter_untouched(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """A template that is not a Word document: one sentence, the old file as it was."""
    _plan(db, factory)
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "chapter.docx"
    out.write_bytes(b"last year's chapter")
    theirs = folder / "theirs.docx"
    theirs.write_bytes(b"<html>not word</html>")
    with pytest.raises(ServiceError, match=r"^'theirs.docx' is not a Word document"):
        make_yearly_report(db, out, START, END, template=theirs)
    assert out.read_bytes() == b"last year's chapter"
    assert sorted(p.name for p in folder.iterdir()) == ["chapter.docx", "theirs.docx"]


def test_hostile_words_are_written_as_typed_without_breaking_the_file(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """Markup, formulas, right-to-left and other scripts arrive as typed; a control
    character Word cannot hold is dropped, wherever it was typed, title included."""
    title = "Neglect <b>&amp;</b> — فاطمة الزهراء\x07"
    neglect = factory.priority(title, champion="Nguyễn Thị Lan")
    action = factory.action(neglect, '=HYPERLINK("http://x")\x0b', lead="Zażółć gęślą")
    _update(db, action, date(2024, 5, 1), Rag.BLUE, Status.COMPLETE, "Готово 😀 \x01done")
    set_narrative(db, neglect, "2024-25", done="Καλημέρα <script>", next_steps="İstanbul")
    out = make_yearly_report(db, tmp_path / "chapter.docx", START, END)
    document = opened(out)
    text = all_text(document)
    for words in ("Neglect <b>&amp;</b> — فاطمة الزهراء", '=HYPERLINK("http://x")',
                  "Zażółć gęślą", "Готово 😀 done", "Καλημέρα <script>", "İstanbul",
                  "Nguyễn Thị Lan"):  # fmt: skip
        assert words in text
    assert not any(ch in text for ch in "\x07\x0b\x01")


def test_a_measure_of_the_whole_plan_has_its_own_part_at_the_end(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """A measure belonging to no priority is not lost: it closes the chapter, judged by
    its direction (lower is better here)."""
    factory.priority("Neglect")
    measure = add_measure(db, factory.plan.id, "Re-referrals within 12 months", "%", "lower")
    add_reading(db, measure, "2023-24", 24, date(2024, 3, 31))
    add_reading(db, measure, "2024-25", 21.5, date(2025, 3, 31))
    document = opened(make_yearly_report(db, tmp_path / "chapter.docx", START, END))
    assert headings(document)[-1] == ("Heading 2", "The difference across the plan")
    assert (
        "Re-referrals within 12 months: Down from 24% in 2023-24 to 21.5% in 2024-25, "
        "better than last year." in all_text(document)
    )
