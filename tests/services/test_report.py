"""Printing the board pack from the database: what the board reads, and a safe file write."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import PriorityHeading, edit_priority
from actionplan.services.errors import ServiceError
from actionplan.services.impact import add_measure, add_reading, set_narrative
from actionplan.services.plans import change_plan_settings, plan_settings, rename_plan
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.report import board_pack_data, make_report
from actionplan.services.snapshots import take_snapshot
from actionplan.services.views import PlanSettings
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.pdf_helpers import folded, page_texts, pdf_text, render_pages

AS_OF = date(2025, 3, 31)
HOSTILE = {
    "markup": '<b>not bold</b> & "quotes"',
    "formula": "=SUM(A1)",
    "polish": "Zażółć gęślą jaźń",
    "vietnamese": "Nguyễn Thị Lan",
    "greek": "Καλημέρα κόσμε",
    "turkish": "İstanbul ğ ş",
}
ARABIC = "فاطمة الزهراء"
EMOJI = "Great work 😀 ✓"
LONG_UPDATE = " ".join(f"step{i:05d}" for i in range(2001))


def _record(db: Database, action_id: int, day: date, rag: Rag, status: Status, text: str) -> None:
    entry = ProgressEntry(action_id, day, rag, status, text, "Amira", reason="Lead's judgement")
    record_progress(db, entry)


def _plan(db: Database, factory: PlanFactory) -> dict[str, int]:
    """Two priorities with red, amber, green, blue and overdue actions, a measure, a narrative."""
    neglect = factory.priority("Neglect <early help>", champion=HOSTILE["vietnamese"])
    exploit = factory.priority("Exploitation", champion=ARABIC)
    ids = {
        "red": factory.action(neglect, HOSTILE["markup"], timescale="2026", lead=HOSTILE["polish"]),
        "amber": factory.action(neglect, HOSTILE["formula"], timescale="2026", lead="Police"),
        "overdue": factory.action(exploit, "Map hotspots", timescale="Sept/Oct 2024", lead="CSP"),
        "blue": factory.action(exploit, "Launch panel", timescale="June 2024", lead="Police"),
        "green": factory.action(exploit, "Train staff", timescale="2026", lead=HOSTILE["greek"]),
    }
    _record(db, ids["red"], date(2025, 3, 1), Rag.RED, Status.DELAYED, HOSTILE["turkish"])
    _record(db, ids["amber"], date(2025, 3, 2), Rag.AMBER, Status.DELAYED, EMOJI)
    _record(db, ids["overdue"], date(2024, 9, 1), Rag.GREEN, Status.IN_PROGRESS, "Map shared")
    _record(db, ids["blue"], date(2024, 7, 1), Rag.BLUE, Status.COMPLETE, "Launched")
    _record(db, ids["green"], date(2025, 3, 20), Rag.GREEN, Status.IN_PROGRESS, LONG_UPDATE)
    set_narrative(db, neglect, "2024-25", "Trained 80 staff", "On plan", "Fewer repeats", "Audit")
    measure = add_measure(db, factory.plan.id, "Repeat referrals", "%", "lower", 24, 18, neglect)
    for year, value in [("2022-23", 24), ("2023-24", 21), ("2024-25", 19)]:
        add_reading(db, measure, year, value)
    return ids


@pytest.fixture
def pdf(db: Database, factory: PlanFactory, tmp_path: Path) -> Path:
    """The board pack of the test plan, with an appendix and a marking."""
    _plan(db, factory)
    out = tmp_path / "board-pack.pdf"
    make_report(db, out, as_of=AS_OF, marking="OFFICIAL-SENSITIVE", appendix=True)
    return out


def test_report_has_every_section_and_every_priority(pdf: Path) -> None:
    """The executive summary, exceptions, impact, each priority and the appendix are there."""
    text = pdf_text(pdf)
    for heading in (
        "BOARD PACK · EXECUTIVE SUMMARY",
        "Key messages",
        "RAG by priority",
        "Exceptions",
        "Impact",
        "Priority 1: Neglect <early help>",
        "Priority 2: Exploitation",
        "Appendix: every action",
    ):
        assert heading in text


def test_hostile_text_prints_exactly_as_typed(pdf: Path) -> None:
    """Markup, formulas and every script in the plan come out as the user typed them."""
    text = pdf_text(pdf)
    for words in HOSTILE.values():
        assert words in text
    assert "Great work" in text  # the emoji itself prints but cannot be copied out (README)
    for word in ARABIC.split():
        assert word in folded(text)
    assert re.findall(r"step\d{5}", text).count("step02000") >= 2  # priority page and appendix


def test_counts_in_the_report_match_the_plan(pdf: Path) -> None:
    """Five actions: one each of red, amber and blue, two green, one of them overdue."""
    first = page_texts(pdf)[0]
    assert "5 Actions 1 Red 1 Amber 1 Overdue 1 No update for 3 months 1 Complete" in first
    assert "Whole plan 1 1 2 1 5" in first
    assert "1. Neglect <early help> 1 1 2" in first
    assert "2. Exploitation 2 1 3" in first


def test_exceptions_list_red_amber_and_overdue_with_lead_timescale_and_update(pdf: Path) -> None:
    """One table across the plan: each exception with its priority, lead, how late it is,
    its RAG, the reason the lead gave and the latest update with its date."""
    exceptions = next(p for p in page_texts(pdf) if "Every red or amber action" in p)
    assert f"1.1 {HOSTILE['markup']} Priority 1: Neglect <early help> {HOSTILE['polish']}" in (
        exceptions
    )
    reason = "Reason given: “Lead's judgement”"
    assert (
        f"Red Delayed dates suggest Amber {reason} 1 Mar 2025: {HOSTILE['turkish']}" in exceptions
    )
    assert (
        "2.1 Map hotspots Priority 2: Exploitation CSP Sept/Oct 2024 due 31 Oct 2024 "
        "overdue 151 days no update for 7 months Green In progress dates suggest Red"
    ) in exceptions
    assert "1 Sep 2024: Map shared" in exceptions
    assert "Launch panel" not in exceptions
    assert "⚑" not in exceptions and "No reason recorded" not in exceptions


def test_marking_and_page_numbers_are_on_every_page(pdf: Path) -> None:
    """Every page carries the protective marking and "Page X of Y"."""
    pages = page_texts(pdf)
    for number, text in enumerate(pages, start=1):
        assert "OFFICIAL-SENSITIVE" in text
        assert f"Page {number} of {len(pages)}" in text


def test_report_pages_render_with_pdftoppm(pdf: Path, tmp_path: Path) -> None:
    """Every page of a real report renders as an image."""
    code, images = render_pages(pdf, tmp_path / "png", dpi=30)
    assert code == 0
    assert len(images) == len(page_texts(pdf))


def test_report_for_one_priority_shows_only_that_priority(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """--priority keeps the pack to one priority, its counts and its measures."""
    _plan(db, factory)
    out = make_report(db, tmp_path / "one.pdf", as_of=AS_OF, priority="exploit")
    text = pdf_text(out)
    assert "Scope: this pack covers Priority 2: Exploitation only" in text
    assert "Priority 1: Neglect" not in text
    assert "3 Actions 0 Red 0 Amber 1 Overdue" in page_texts(out)[0]
    assert "Repeat referrals" not in text


def test_movement_against_the_last_snapshot_is_shown(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """After a snapshot, the pack names it and marks what got better or worse.

    "Train staff" was first rated (Green) on 20 March, after the board of 12 March, so it
    too has improved since that board.
    """
    ids = _plan(db, factory)
    take_snapshot(db, "Board 12 March", None, date(2025, 3, 12))
    _record(db, ids["red"], date(2025, 3, 20), Rag.AMBER, Status.DELAYED, "Back on track")
    _record(db, ids["amber"], date(2025, 3, 21), Rag.RED, Status.DELAYED, "Slipped again")
    data = board_pack_data(db, None, AS_OF)
    assert data.comparison is not None
    assert (data.comparison.better, data.comparison.worse, data.comparison.new) == (2, 1, 0)
    text = pdf_text(make_report(db, tmp_path / "moved.pdf", as_of=AS_OF))
    assert "Since the board of 12 Mar 2025: 2 actions better, 1 worse." in text
    assert "↑ Better" in text and "↓ Worse" in text


def test_unknown_priority_or_missing_folder_is_one_sentence_and_writes_nothing(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """Bad requests fail with a clear message and leave no file behind."""
    _plan(db, factory)
    with pytest.raises(ServiceError, match="'Housing' matches no priority; the priorities are"):
        make_report(db, tmp_path / "x.pdf", as_of=AS_OF, priority="Housing")
    with pytest.raises(ServiceError, match="does not exist"):
        make_report(db, tmp_path / "missing" / "x.pdf", as_of=AS_OF)
    with pytest.raises(ServiceError, match="is a folder"):
        make_report(db, tmp_path, as_of=AS_OF)
    assert list(tmp_path.glob("*.pdf")) == []


def test_failed_render_leaves_the_earlier_pdf_untouched(
    db: Database, factory: PlanFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report that fails half way leaves neither half a PDF nor a temporary file."""
    _plan(db, factory)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "pack.pdf"
    out.write_bytes(b"the earlier pack")

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("actionplan.services.report.render_board_pack", broken)
    with pytest.raises(RuntimeError):
        make_report(db, out, as_of=AS_OF)
    assert out.read_bytes() == b"the earlier pack"
    assert [p.name for p in folder.iterdir()] == ["pack.pdf"]


def test_progress_is_reported_while_the_pdf_is_laid_out(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """The window's progress bar gets steps that end at the total."""
    _plan(db, factory)
    steps: list[tuple[int, int]] = []
    make_report(db, tmp_path / "p.pdf", as_of=AS_OF, progress=lambda n, t: steps.append((n, t)))
    assert steps and steps[-1][0] == steps[-1][1]


def test_a_real_excel_date_prints_as_a_uk_date_not_iso_text(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """A timescale that came from a date cell shows "30 Nov 2025", never "2025-11-30"."""
    priority = factory.priority("Neglect")
    factory.action(priority, "Audit neglect cases", timescale="2025-11-30", rag="R")
    out = make_report(db, tmp_path / "pack.pdf", as_of=date(2025, 12, 15))
    text = pdf_text(out)
    assert "30 Nov 2025" in text
    assert "2025-11-30" not in text


def test_words_too_long_for_a_page_are_shortened_in_the_pack_not_lost_or_fatal(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """A table row cannot run over a page: a huge title, aim, lead or action is cut short with
    a note, the pack is still made, and the plan keeps every word."""
    rename_plan(db, factory.plan.id, "Плана <b>& 'x' =SUM(A1) تقييم " * 60)
    priority = factory.priority("Neglect " * 200, champion="Champion " * 200)
    edit_priority(db, priority, PriorityHeading("Neglect " * 200, "Champion " * 200, "Aim " * 4000))
    action = factory.action(priority, "word " * 5000, lead="Lead " * 300, timescale="2031-32")
    pdf = make_report(db, tmp_path / "long.pdf", as_of=date(2026, 11, 23), appendix=True)
    text = pdf_text(pdf)
    assert "(shortened here; the whole text is in the plan)" in text
    assert "Neglect Neglect" in text
    [row] = action_rows(db, factory.plan.id, date(2026, 11, 23))
    assert row.id == action and row.text == "word " * 5000


def test_the_pack_carries_the_plans_own_marking_unless_told_otherwise(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """Without --marking the plan's marking is on every page; an empty one prints none."""
    factory.action(factory.priority("Neglect"), "Launch the neglect toolkit")
    settings = replace(plan_settings(db, factory.plan.id), marking="OFFICIAL-SENSITIVE")
    change_plan_settings(db, factory.plan.id, settings)
    own = page_texts(make_report(db, tmp_path / "own.pdf", as_of=AS_OF))
    assert all("OFFICIAL-SENSITIVE" in page for page in own)
    unmarked = pdf_text(make_report(db, tmp_path / "none.pdf", as_of=AS_OF, marking=""))
    assert "OFFICIAL" not in unmarked


def test_the_cover_says_whose_plan_for_which_period_and_who_prepared_it(
    db: Database, factory: PlanFactory
) -> None:
    """Partnership, period and author from Plan settings reach the cover; half a period reads
    as from or until."""
    factory.priority("Neglect")
    settings = PlanSettings(
        "Westmoor Plan", "Westmoor SCP", date(2025, 4, 1), None, "Business Unit", "OFFICIAL"
    )
    change_plan_settings(db, factory.plan.id, settings)
    cover = board_pack_data(db, None, AS_OF).cover
    assert (cover.partnership, cover.period, cover.prepared_by, cover.marking) == (
        "Westmoor SCP",
        "from April 2025",
        "Business Unit",
        "OFFICIAL",
    )
    change_plan_settings(db, factory.plan.id, replace(settings, period_end=date(2027, 3, 31)))
    assert board_pack_data(db, None, AS_OF).cover.period == "April 2025 – March 2027"
