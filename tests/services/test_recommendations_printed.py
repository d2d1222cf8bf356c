"""Review recommendations printed: the board pack's section and the yearly chapter's part
carry each review's count sentence, and leave the part out when there is nothing to say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import ReviewType
from actionplan.domain.status import Status
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.recommendations import RecommendationDraft, add_recommendation, sign_off
from actionplan.services.report import make_report
from actionplan.services.yearly_report import make_yearly_report
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.pdf_helpers import outline_titles, pdf_text
from tests.reports.docx_helpers import all_text, header_flags, headings, opened

AS_OF = date(2025, 3, 31)


def _register(db: Database, factory: PlanFactory) -> None:
    """Child Q's review: five recommendations, three complete (one of them signed off)."""
    priority = factory.priority("Neglect")
    actions = [factory.action(priority, f"Neglect step {n}", ref=f"1.{n}") for n in range(1, 6)]
    for done in actions[:3]:
        record_progress(
            db, ProgressEntry(done, date(2025, 2, 1), Rag.BLUE, Status.COMPLETE, "Done", reason="x")
        )
    source = {"review": "Child Q", "review_type": ReviewType.PRACTICE_REVIEW}
    ids = [
        add_recommendation(db, RecommendationDraft(text=f"Do <b>{n}</b> & more", **source), [a])  # type: ignore[arg-type]
        for n, a in enumerate(actions, start=1)
    ]
    sign_off(db, ids[0], "Chair of the partnership", date(2025, 3, 10))


def test_the_board_pack_prints_each_reviews_sentence_and_its_open_recommendations(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """A "Review recommendations" section, bookmarked, with the count and the open ones as typed."""
    _register(db, factory)
    out = make_report(db, tmp_path / "pack.pdf", as_of=AS_OF)
    text = pdf_text(out)
    assert "3 of 5 recommendations from Child Q's review are complete." in text
    assert "Do <b>4</b> & more" in text and "Do <b>5</b> & more" in text
    assert "Do <b>1</b> & more" not in text  # closed: counted, not listed
    assert "Review recommendations" in outline_titles(out)


def test_a_board_pack_without_recommendations_has_no_such_section(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """No register, no section."""
    factory.action(factory.priority("Neglect"), "Neglect step")
    out = make_report(db, tmp_path / "pack.pdf", as_of=AS_OF)
    assert "Review recommendations" not in outline_titles(out)


def test_the_yearly_chapter_has_a_part_on_reviews_with_a_flagged_table(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """ "What we did in response to reviews": the sentence, and a table whose header row is
    flagged; the priority names the recommendations its actions answer."""
    _register(db, factory)
    out = make_yearly_report(db, tmp_path / "year.docx", date(2024, 4, 1), AS_OF)
    document = opened(out)
    titles = headings(document)
    assert ("Heading 2", "What we did in response to reviews") in titles
    assert ("Heading 3", "Child Q (Child safeguarding practice review)") in titles
    assert ("Heading 3", "Review recommendations answered") in titles
    text = all_text(document)
    assert "3 of 5 recommendations from Child Q's review are complete." in text
    assert "Child Q: Do <b>4</b> & more (In progress)" in text
    assert all(header_flags(document))
    last = document.tables[-1]
    assert [cell.text for cell in last.rows[0].cells] == [
        "Recommendation",
        "Our response",
        "Where it stands",
        "Actions",
    ]
    assert [row.cells[2].text for row in last.rows[1:3]] == [
        "Closed",
        "Actions complete — awaiting sign-off",
    ]


def test_a_report_of_an_earlier_day_counts_what_stood_then(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """Printed as at a day before the actions were completed and the sign-off was given,
    the pack counts none of them complete: a later completion is never claimed early."""
    _register(db, factory)
    out = make_report(db, tmp_path / "early.pdf", as_of=date(2025, 1, 31))
    assert "0 of 5 recommendations from Child Q's review are complete." in pdf_text(out)
    chapter = make_yearly_report(db, tmp_path / "early.docx", date(2024, 2, 1), date(2025, 1, 31))
    assert "0 of 5 recommendations from Child Q's review are complete." in all_text(opened(chapter))
