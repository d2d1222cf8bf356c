"""The board pack PDF drawn from plain values: sections, text as typed, pages, bookmarks."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from actionplan.domain.measures import Direction
from actionplan.domain.movement import Movement
from actionplan.domain.plan_data import NarrativeData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.reports.board_pack import render_board_pack
from actionplan.reports.board_pack_data import (
    ActionLine,
    BoardPackData,
    Comparison,
    CoverFacts,
    MeasureLine,
    PrioritySection,
    RagCounts,
    Reading,
)
from actionplan.reports.charts import rag_bar
from tests.pdf_helpers import folded, outline_titles, page_texts, pdf_text, render_pages

AS_OF = date(2025, 3, 31)


def line(ref: str = "1.1", text: str = "Run a joint audit", **fields: object) -> ActionLine:
    """An action line with sensible defaults."""
    values: dict[str, object] = {
        "ref": ref,
        "text": text,
        "priority_title": "Neglect",
        "lead": "Head of Early Help",
        "timescale": "March 2025",
        "due_date": date(2025, 3, 31),
        "status": Status.IN_PROGRESS,
        "rag": Rag.GREEN,
        "suggested_rag": Rag.GREEN,
        "latest_update": "On track",
        "latest_update_date": date(2025, 3, 1),
    }
    values.update(fields)
    return ActionLine(**values)  # type: ignore[arg-type]


def section(number: str = "1", title: str = "Neglect", *actions: ActionLine) -> PrioritySection:
    """A priority with an aim, champion, narrative and the given actions."""
    return PrioritySection(
        number=number,
        title=title,
        aim="Neglect is recognised sooner.",
        champion="Dr Amira Haddad",
        narrative=NarrativeData(
            "2024-25", "Trained 80 staff.", "On plan.", "Fewer re-referrals.", "Audit."
        ),
        actions=actions or (line(),),
    )


def pack(*priorities: PrioritySection, **fields: object) -> BoardPackData:
    """A board pack of the Northbridge plan with the given priorities."""
    cover = CoverFacts(
        partnership="Northbridge Safeguarding Children Partnership",
        plan_title="Priorities Action Plan 2024-26",
        period="April 2024 – March 2026",
        as_of=AS_OF,
        prepared_by="Partnership Business Unit",
    )
    return BoardPackData(cover=cover, priorities=priorities or (section(),), **fields)  # type: ignore[arg-type]


def render(tmp_path: Path, data: BoardPackData, name: str = "pack.pdf") -> Path:
    """Render the pack into the test's folder."""
    return render_board_pack(data, tmp_path / name)


def test_cover_when_asked_names_partnership_plan_period_as_at_date_and_who_prepared_it(
    tmp_path: Path,
) -> None:
    """--cover prints a full-page cover first: whose plan, which period, as at when, who
    prepared it, and the contents with page numbers."""
    cover = page_texts(render(tmp_path, replace(pack(), cover_page=True)))[0]
    for words in (
        "Northbridge Safeguarding Children Partnership",
        "Priorities Action Plan 2024-26",
        "Plan period: April 2024 – March 2026",
        "POSITION AS AT 31 March 2025",
        "Partnership Business Unit",
        "In this pack",
        "Executive summary 2",
        "Exceptions: red, amber and overdue actions 3",
    ):
        assert words in cover


def test_every_page_has_the_plan_title_as_at_date_and_page_x_of_y(tmp_path: Path) -> None:
    """Each page carries the footer with the date and its number out of the total."""
    pages = page_texts(render(tmp_path, pack()))
    assert len(pages) >= 2  # page 1, then the exceptions, the impact and the priorities
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Position as at 31 Mar 2025" in text
        if number > 1:
            assert "Priorities Action Plan 2024-26" in text


def test_protective_marking_is_printed_on_every_page(tmp_path: Path) -> None:
    """--marking puts the marking at the top and bottom of each page, cover included."""
    data = replace(pack(), cover_page=True)
    data = replace(data, cover=replace(data.cover, marking="Official-Sensitive"))
    for text in page_texts(render(tmp_path, data)):
        assert text.count("OFFICIAL-SENSITIVE") >= 2


def test_pdf_has_title_author_subject_and_language(tmp_path: Path) -> None:
    """Document properties a screen reader or library catalogue reads are filled in."""
    reader = PdfReader(render(tmp_path, pack()))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Priorities Action Plan 2024-26 – board pack, as at 31 Mar 2025"
    assert meta.author == "Partnership Business Unit"
    assert "Executive summary" in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.page_mode == "/UseOutlines"


def test_bookmarks_lead_to_each_section_and_every_priority(tmp_path: Path) -> None:
    """The outline lists the sections, then each priority under "Priorities"."""
    data = pack(section("1", "Neglect"), section("2", "Exploitation"))
    titles = outline_titles(render(tmp_path, replace(data, appendix=True)))
    assert titles == [
        "Executive summary",
        "Exceptions",
        "Impact",
        "Priorities",
        "Priority 1: Neglect",
        "Priority 2: Exploitation",
        "Appendix",
    ]


def test_each_priority_shows_aim_champion_narrative_and_its_actions(tmp_path: Path) -> None:
    """A priority's pages hold its aim, champion, the four narrative parts and its actions."""
    text = pdf_text(render(tmp_path, pack()))
    for words in (
        "Priority 1: Neglect",
        "Neglect is recognised sooner.",
        "Dr Amira Haddad",
        "Progress in 2024-25 What has been done: Trained 80 staff.",
        "Analysis of progress: On plan.",
        "Impact of work: Fewer re-referrals.",
        "Next steps: Audit.",
        "Ref Action Lead Due RAG Latest update",
        "Run a joint audit",
    ):
        assert words in text


def test_rag_is_always_a_word_in_its_chip(tmp_path: Path) -> None:
    """Exceptions print the RAG as a word, never as colour alone."""
    actions = (line("1.1", rag=Rag.RED), line("1.2", rag=Rag.AMBER), line("1.3", rag=Rag.BLUE))
    pages = page_texts(render(tmp_path, pack(section("1", "Neglect", *actions))))
    exceptions = next(
        p for p in pages if p.startswith("Priorities Action Plan") and "Exceptions" in p
    )
    row = "Run a joint audit Priority 1: Neglect Head of Early Help March 2025 due 31 Mar 2025"
    assert f"1.1 {row} Red" in exceptions
    assert f"1.2 {row} Amber" in exceptions
    table = exceptions.split("Exceptions", 1)[1].split("Impact", 1)[0]
    assert "1.3" not in table


def test_user_text_that_looks_like_markup_prints_literally(tmp_path: Path) -> None:
    """Angle brackets, ampersands, quotes and formulas print exactly as typed."""
    hostile = '<b>not bold</b> & "quotes" <font size=40>big</font> =SUM(A1) &amp; <br/>'
    data = pack(section("1", "Neglect & <i>care</i>", line(text=hostile, lead="A&B <Team>")))
    text = pdf_text(render(tmp_path, data))
    assert hostile.strip() in text
    assert "Priority 1: Neglect & <i>care</i>" in text
    assert "A&B <Team>" in text


@pytest.mark.parametrize(
    "words",
    [
        "Zażółć gęślą jaźń",
        "Nguyễn Thị Lan",
        "Ελληνικά γράμματα",
        "İstanbul ğ ş ı",
        "Привет, Київ",
        "Łódź – “quoted” ✓ ★",
    ],
)
def test_text_in_many_scripts_prints_as_typed(tmp_path: Path, words: str) -> None:
    """Polish, Vietnamese, Greek, Turkish, Cyrillic and typographic marks survive."""
    data = pack(section("1", "Neglect", line(lead=words, latest_update=f"Met {words}.")))
    text = pdf_text(render(tmp_path, data))
    assert words in text
    assert f"Met {words}." in text


def test_arabic_and_hebrew_letters_print_joined_and_keep_every_word(tmp_path: Path) -> None:
    """Right-to-left names are shaped; each word can be found again in the PDF."""
    arabic, hebrew = "فاطمة الزهراء", "שלום עולם"
    data = pack(section("1", "Neglect", line(lead=arabic, latest_update=hebrew)))
    text = folded(pdf_text(render(tmp_path, data)))
    for word in [*arabic.split(), *hebrew.split()]:
        assert word in text


def test_a_20000_character_update_flows_across_pages_in_full(tmp_path: Path) -> None:
    """A very long update wraps and continues on the next pages; no words are lost."""
    words = " ".join(f"word{i:05d}" for i in range(2001))
    assert len(words) >= 20_000
    data = pack(section("1", "Neglect", line(latest_update=words), line("1.2")))
    pdf = render(tmp_path, data)
    assert re.findall(r"word\d{5}", pdf_text(pdf)) == words.split()
    pages_with_words = [p for p in page_texts(pdf) if re.search(r"word\d{5}", p)]
    assert len(pages_with_words) >= 3


def test_exceptions_stop_at_40_and_the_rest_print_with_their_priority(tmp_path: Path) -> None:
    """Past 40 rows the exceptions table says "and N more", and those actions are listed
    in their priority's table instead: every action is printed once."""
    reds = [line(f"1.{i}", f"Red action {i}", rag=Rag.RED, overdue=i < 5) for i in range(45)]
    text = pdf_text(render(tmp_path, pack(section("1", "Neglect", *reds))))
    assert (
        "… and 5 more red, amber or overdue actions; a pack printed with the appendix lists "
        "every action." in text
    )
    assert "40 of its 45 actions are in the exceptions above" in text
    assert sorted(int(n) for n in re.findall(r"Red action (\d+)\b", text)) == list(range(45))


def test_appendix_lists_every_action_only_when_asked(tmp_path: Path) -> None:
    """--appendix adds every action in full; without it the summary stays short."""
    actions = [line(f"1.{i}", f"Green action {i}") for i in range(40)]
    without = pdf_text(render(tmp_path, pack(section("1", "Neglect", *actions))))
    data = replace(pack(section("1", "Neglect", *actions)), appendix=True)
    full = pdf_text(render(tmp_path, data, "full.pdf"))
    assert "Green action 39" not in without
    assert "Appendix: every action" in full
    assert "Green action 39" in full


def test_a_rag_unlike_its_dates_gets_one_small_note_and_the_leads_reason(tmp_path: Path) -> None:
    """A RAG unlike the suggested one has "dates suggest Red" under its chip, once, and the
    reason the lead recorded; a rating with no reason (an imported workbook) is not blamed."""
    flagged = line(
        rag=Rag.GREEN,
        suggested_rag=Rag.RED,
        suggestion_reason="overdue since 31 Jan 2025",
        rag_reason="Police data <late> & chased",
        overdue=True,
    )
    imported = line("1.2", rag=Rag.AMBER, suggested_rag=Rag.GREEN)
    text = pdf_text(render(tmp_path, pack(section("1", "Neglect", flagged, imported))))
    body = text.split("Exceptions Every", 1)[1]
    assert body.count("dates suggest Red") == 1 and body.count("dates suggest Green") == 1
    assert "Red Reason given: “Police data <late> & chased” 1 Mar 2025: On track" in body
    assert "No reason recorded" not in text
    assert "⚑" not in body


def test_movement_since_the_snapshot_is_printed_beside_each_rag(tmp_path: Path) -> None:
    """↑ better, ↓ worse and New show against the last snapshot; page 1 counts them in a line."""
    actions = (
        line("1.1", rag=Rag.RED, movement=Movement.WORSE),
        line("1.2", rag=Rag.GREEN, movement=Movement.BETTER),
        line("1.3", rag=Rag.AMBER, movement=Movement.NEW),
    )
    change = Comparison(
        "Board 12 March", date(2025, 3, 12), RagCounts(red=0, amber=1, green=1), 1, 1, 1
    )
    text = pdf_text(render(tmp_path, pack(section("1", "Neglect", *actions), comparison=change)))
    assert "Since the board of 12 Mar 2025: 1 action better, 1 worse, 1 new." in text
    assert "↓ Worse" in text and "↑ Better" in text and "New" in text


def test_measures_show_each_period_side_by_side_with_change_trend_and_target(
    tmp_path: Path,
) -> None:
    """A measure prints its baseline and every period side by side, then the change since the
    previous reading with its sign and unit, the trend word, and its target, met or not."""
    readings = tuple(Reading(y, v) for y, v in [("2022-23", 48), ("2023-24", 71), ("2024-25", 92)])
    measure = MeasureLine(
        "Schools notified", "%", Direction.HIGHER, 40, 100, readings, "Priority 1"
    )
    text = pdf_text(render(tmp_path, pack(measures=(measure,))))
    assert "Measure Baseline 2022-23 2023-24 2024-25 Change Trend Target" in text
    assert (
        "Schools notified Priority 1 · higher is better 40% 48% 71% 92% +21.0 pts better 100% "
        "not met" in text
    )


def test_page_one_tiles_count_every_rag_overdue_no_update_and_complete(tmp_path: Path) -> None:
    """Page 1's headline figures: actions, red, amber, overdue, no update, complete."""
    actions = (
        line("1.1", rag=Rag.RED, overdue=True),
        line("1.2", rag=Rag.RED, stale=True),
        line("1.3", rag=Rag.AMBER),
        line("1.4", rag=Rag.BLUE),
    )
    first = page_texts(render(tmp_path, pack(section("1", "Neglect", *actions))))[0]
    assert "4 Actions 2 Red 1 Amber 1 Overdue 1 No update for 3 months 1 Complete" in first
    assert "RAG by priority" in first
    assert "Whole plan 2 1 1 4 1. Neglect 2 1 1 4" in first


def test_every_count_is_printed_on_the_chart_even_a_thin_segment() -> None:
    """A stacked bar labels each RAG's count inside its segment."""
    bar = rag_bar(RagCounts(red=1, amber=1, green=300, blue=2, unrated=1), 100, 100)
    labels = [s.text for s in bar.contents if hasattr(s, "text")]
    assert labels == ["1", "1", "300", "2", "1"]


def test_pages_render_as_images_without_error(tmp_path: Path) -> None:
    """poppler's pdftoppm reads every page (a check that the PDF is well formed)."""
    data = replace(pack(section("1", "Neglect"), section("2", "Exploitation")), appendix=True)
    pdf = render(tmp_path, data)
    code, images = render_pages(pdf, tmp_path / "png")
    assert code == 0
    assert len(images) == len(PdfReader(pdf).pages)
    assert all(image.stat().st_size > 1000 for image in images)


def test_a_count_of_one_says_action_not_actions(tmp_path: Path) -> None:
    """A priority with one action says "1 action"; one left over says "1 more action"."""
    single = section("1", "Neglect", line("1.1", "Audit neglect referrals"))
    reds = [line(f"2.{i}", f"Red action {i}", rag=Rag.RED) for i in range(41)]
    greens = [line(f"3.{i}", f"Green action {i}") for i in range(26)]
    data = pack(single, section("2", "Exploitation", *reds), section("3", "SEND", *greens))
    text = pdf_text(render(tmp_path, data))
    assert "Actions 1 action: 1 green." in text
    assert "… and 1 more red, amber or overdue action; a pack printed" in text
    assert "… and 1 more action; a pack printed" in text
    assert not re.search(r"(?<![\d,])1 (more )?actions", text)
