"""The sample workbooks' board packs read as a chair reads them: each action once, no
placeholders, the exceptions in rank order, within the page goals."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from actionplan.reports.styles import MARGIN_LEFT, TABLE_SIZE
from actionplan.services.importing import import_workbook
from actionplan.services.key_messages import draft_key_messages
from actionplan.services.report import board_pack_data, make_report
from actionplan.store.database import Database
from tests.excel.import_books import BUSINESS_SAMPLE, PRIORITIES_SAMPLE, TRACKER_SAMPLE
from tests.pdf_helpers import page_texts, pdf_text, squeeze

AS_OF = date(2025, 12, 15)  # the samples' own year
PLACEHOLDERS = (
    "No narrative has been written",
    "– Same",
    "No reason recorded",
    "stale",
    "RAG override",
    "(no words recorded)",
)
# Where a table's Ref column prints: the frame's left edge plus the cell's padding.
REF_X = (MARGIN_LEFT + 1, MARGIN_LEFT + 5)


def ref_column(pdf: Path, refs: set[str]) -> list[list[str]]:
    """Per page, each known ref printed in a table's Ref column, in order (a ref quoted in
    an update or a heading is elsewhere on the line and is not counted)."""
    return [_refs_on(page, refs) for page in PdfReader(pdf).pages]


def _refs_on(page: PageObject, refs: set[str]) -> list[str]:
    found: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        if text.strip() in refs and REF_X[0] <= x <= REF_X[1]:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def sample_pack(db: Database, workbook: Path, out: Path, appendix: bool = False) -> Path:
    """The sample imported into the test's database and printed as at the samples' date."""
    import_workbook(db, workbook)
    return make_report(db, out, as_of=AS_OF, appendix=appendix)


@pytest.mark.parametrize("workbook", [TRACKER_SAMPLE, PRIORITIES_SAMPLE], ids=lambda p: p.stem)
def test_each_action_is_printed_once_before_the_appendix_and_once_in_it(
    db: Database, tmp_path: Path, workbook: Path
) -> None:
    """Every action's ref is in a Ref column exactly once in the exceptions and priorities,
    and exactly once again in the appendix."""
    pdf = sample_pack(db, workbook, tmp_path / "pack.pdf", appendix=True)
    refs = [a.ref for a in board_pack_data(db, None, AS_OF).actions if a.ref]
    assert len(refs) == len(set(refs)) > 30
    texts = page_texts(pdf)
    appendix = next(i for i, text in enumerate(texts) if "Every action in the plan, in" in text)
    columns = ref_column(pdf, set(refs))
    before = Counter(ref for page in columns[:appendix] for ref in page)
    after = Counter(ref for page in columns[appendix:] for ref in page)
    assert before == Counter(refs)
    assert after == Counter(refs)


def test_the_exceptions_table_lists_in_rank_order(db: Database, tmp_path: Path) -> None:
    """The tracker's exceptions print in the pack's ranking: red before amber, then the
    longest overdue, then the longest since an update."""
    pdf = sample_pack(db, TRACKER_SAMPLE, tmp_path / "pack.pdf")
    ranked = [a.ref for a in board_pack_data(db, None, AS_OF).exceptions]
    texts = page_texts(pdf)
    first = next(i for i, text in enumerate(texts) if "Every red or amber action" in text)
    columns = ref_column(pdf, set(ranked))
    printed = [ref for page in columns[first:] for ref in page][: len(ranked)]
    assert len(ranked) > 20
    assert printed == ranked


@pytest.mark.parametrize(
    "workbook", [TRACKER_SAMPLE, PRIORITIES_SAMPLE, BUSINESS_SAMPLE], ids=lambda p: p.stem
)
def test_sample_packs_print_no_placeholder_or_engineer_words(
    db: Database, tmp_path: Path, workbook: Path
) -> None:
    """No "no narrative yet", "– Same", "No reason recorded", "stale" or "override" in
    any sample's pack, appendix included."""
    text = pdf_text(sample_pack(db, workbook, tmp_path / "pack.pdf", appendix=True))
    assert [words for words in PLACEHOLDERS if words in text] == []


@pytest.mark.parametrize(
    "workbook", [TRACKER_SAMPLE, PRIORITIES_SAMPLE, BUSINESS_SAMPLE], ids=lambda p: p.stem
)
def test_sample_packs_stay_within_twelve_pages(
    db: Database, tmp_path: Path, workbook: Path
) -> None:
    """The 36-, 37- and 70-action samples each print in at most 12 pages (no appendix)."""
    pdf = sample_pack(db, workbook, tmp_path / "pack.pdf")
    assert len(PdfReader(pdf).pages) <= 12


SAMPLES = [TRACKER_SAMPLE, PRIORITIES_SAMPLE, BUSINESS_SAMPLE]


@pytest.mark.parametrize("workbook", SAMPLES, ids=lambda p: p.stem)
def test_page_one_holds_the_drafted_key_messages_and_the_headline_counts(
    db: Database, tmp_path: Path, workbook: Path
) -> None:
    """Page 1 of each sample's pack carries every key message drafted from its figures and
    the plan's count of actions, before any exception or priority."""
    pdf = sample_pack(db, workbook, tmp_path / "pack.pdf")
    data = board_pack_data(db, None, AS_OF)
    first = squeeze(page_texts(pdf)[0])
    messages = draft_key_messages(data)
    assert messages and all(squeeze(m) in first for m in messages)
    assert f"{len(data.actions)} Actions" in first
    assert "Exceptions" not in first


@pytest.mark.parametrize("workbook", SAMPLES, ids=lambda p: p.stem)
def test_every_measures_years_and_comparators_are_printed(
    db: Database, tmp_path: Path, workbook: Path
) -> None:
    """Each measure of each sample is named in the pack with the period of every reading it
    has a figure for, and every comparator it has by name."""
    text = squeeze(pdf_text(sample_pack(db, workbook, tmp_path / "pack.pdf")))
    measures = board_pack_data(db, None, AS_OF).measures
    assert measures
    for m in measures:
        assert squeeze(m.name)[:40] in text
        for reading in m.readings:
            if reading.value is not None:
                assert squeeze(reading.period_label) in text
        for comparator in m.comparators:
            assert squeeze(comparator.name) in text


@pytest.mark.parametrize("workbook", SAMPLES, ids=lambda p: p.stem)
def test_every_word_of_every_page_is_at_least_8_5_pt_in_dejavu_sans(
    db: Database, tmp_path: Path, workbook: Path
) -> None:
    """All pages of each sample's pack, appendix included: no text under 8.5 pt and no
    condensed face, so the pack reads on paper."""
    pdf = sample_pack(db, workbook, tmp_path / "pack.pdf", appendix=True)
    seen: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and isinstance(font, dict):
            seen.append((size * abs(tm[3]) * abs(cm[3]), str(font.get("/BaseFont"))))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    assert seen and min(size for size, _ in seen) >= TABLE_SIZE - 0.01
    assert {face for _, face in seen if "Condensed" in face or "DejaVuSans" not in face} == set()


def test_a_one_priority_pack_says_the_plan_has_measures_elsewhere(
    db: Database, tmp_path: Path
) -> None:
    """The business plan's five indicators are whole-plan measures: a pack of one priority
    says so, rather than claiming the plan records none."""
    import_workbook(db, BUSINESS_SAMPLE)
    pdf = make_report(db, tmp_path / "one.pdf", as_of=AS_OF, priority="Voice of the Child")
    text = squeeze(pdf_text(pdf))
    assert "The plan has 5 measures; none belongs to this priority." in text
    assert "records no measures" not in text
