"""Page 1 of the board pack, the executive summary, as a chair reads it from the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.reports.board_pack_data import BoardPackData, Comparison, RagCounts
from actionplan.reports.styles import BODY_SIZE, TABLE_SIZE
from actionplan.reports.summary_tiles import no_update_span
from actionplan.services.importing import import_workbook
from actionplan.services.report import make_report
from actionplan.store.database import Database
from tests.pdf_helpers import folded, outline_titles, page_texts, render_pages
from tests.reports.test_board_pack import line, pack, render, section

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
CHROME = (
    "Priorities Action Plan 2024-26",
    "Northbridge Safeguarding Children Partnership",
    "Position as at 31 Mar 2025",
)
MESSAGE = (
    "Exploitation moved from Green to Red on 12 Mar 2025 after the missing-episodes audit "
    "found that return home interviews were offered late in a third of cases; the lead asks "
    "the board to note the recovery plan due in May (message {n})."
)
ASKED = (
    "note the position on each priority and the two actions that went red since the board;\n"
    "agree the recovery plan for return home interviews and its due date of 30 June 2026;\n"
    "confirm the Executive champion for the transitions priority, who joins from the ICB;\n"
    "ask the Business Unit to report on the Online Safety audit at the next meeting; and\n"
    "agree the dates of the four board meetings in 2026."
)
TITLES = (
    "Neglect",
    "Exploitation and Contextual Safeguarding",
    "Domestic Abuse and Coercive Control in families with young children",
    "Emotional Wellbeing and Mental Health",
    "SEND and Children Missing Education",
    "Babies and Under Fives",
    "Voice of the Child and Workforce Development",
    "Online Safety",
    "Harmful Sexual Behaviour in schools and the community",
    "Transitions to Adulthood",
)


def _priorities(titles: tuple[str, ...] = TITLES) -> list:  # type: ignore[type-arg]
    rags = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREEN, Rag.BLUE, Rag.UNRATED]
    return [
        section(
            str(i + 1),
            title,
            *[
                line(f"{i + 1}.{j + 1}", rag=rags[(i + j) % 6], overdue=(i + j) % 5 == 0)
                for j in range(3 + i % 4)
            ],
        )
        for i, title in enumerate(titles)
    ]


def _full_pack(titles: tuple[str, ...] = TITLES) -> BoardPackData:
    """Ten priorities, five messages of about 230 characters and a 400-character request."""
    messages = tuple(MESSAGE.format(n=n) for n in range(1, 6))
    return pack(*_priorities(titles), key_messages=messages, board_asked=ASKED)


def _body(page: str) -> str:
    """A page's words without its running header and footer."""
    for words in CHROME:
        page = page.replace(words, "", 1)
    return page.strip()


def _sizes(pdf: Path, page: int = 0) -> list[tuple[float, str]]:
    """Every piece of text on the page with the size it is printed at."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            found.append((round(size * tm[3] * cm[3], 2), text.strip()))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def test_page_one_holds_plan_partnership_as_at_date_headline_counts_and_key_messages(
    tmp_path: Path,
) -> None:
    """Page 1 is the executive summary: whose plan, as at when, the figures, the messages."""
    first = page_texts(render(tmp_path, _full_pack()))[0]
    for words in (
        "BOARD PACK · EXECUTIVE SUMMARY",
        "Priorities Action Plan 2024-26",
        "Northbridge Safeguarding Children Partnership",
        "Plan period: April 2024 – March 2026",
        "Prepared by: Partnership Business Unit",
        "43 Actions 8 Red 6 Amber 9 Overdue 0 No update for 3 months 8 Complete",
        "Key messages",
        f"1. {MESSAGE.format(n=1)}",
        f"5. {MESSAGE.format(n=5)}",
        "RAG by priority",
    ):
        assert words in first
    assert first.count("Position as at 31 Mar 2025") == 2  # the header block and the footer


def test_no_cover_and_no_contents_list_by_default(tmp_path: Path) -> None:
    """Without --cover the pack opens on the summary; bookmarks still lead to each section."""
    pdf = render(tmp_path, pack())
    first = page_texts(pdf)[0]
    assert "In this pack" not in first and "POSITION AS AT" not in first
    assert "EXECUTIVE SUMMARY" in first
    assert outline_titles(pdf)[:3] == ["Executive summary", "Exceptions", "Impact"]


def test_cover_when_asked_comes_first_then_the_summary(tmp_path: Path) -> None:
    """--cover prints the full-page cover with its contents, then page 1's summary."""
    pdf = render(tmp_path, replace(_full_pack(), cover_page=True))
    pages = page_texts(pdf)
    assert "In this pack" in pages[0] and "Key messages" not in pages[0]
    assert "Executive summary 2" in pages[0] and "Exceptions: red, amber and overdue actions 3"
    assert "EXECUTIVE SUMMARY" in pages[1] and "Key messages" in pages[1]
    assert _body(pages[2]).startswith("Exceptions")
    assert outline_titles(pdf)[:3] == ["Cover", "Executive summary", "Exceptions"]


def test_a_plan_with_no_rag_shows_status_counts_not_a_grey_rag_chart(tmp_path: Path) -> None:
    """No action rated: the tiles and chart count statuses; "Not rated 21" never appears."""
    statuses = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DELAYED, Status.COMPLETE]
    actions = [
        line(f"1.{i}", rag=Rag.UNRATED, suggested_rag=Rag.UNRATED, status=statuses[i % 4])
        for i in range(8)
    ]
    first = page_texts(render(tmp_path, pack(section("1", "Neglect", *actions))))[0]
    assert "8 Actions 2 Not started 2 In progress 2 Delayed 2 Complete 0 Overdue" in first
    assert "Status by priority (no action has a RAG)" in first
    assert "Key: Delayed Not started In progress Complete" in first
    assert "Not rated" not in first and "RAG by priority" not in first and "Red" not in first


def test_a_plan_with_neither_rag_nor_status_shows_no_invented_status(tmp_path: Path) -> None:
    """Nothing recorded: page 1 counts actions per priority and names no status at all."""
    blank = [
        line(f"1.{i}", rag=Rag.UNRATED, suggested_rag=Rag.UNRATED, status=Status.NOT_RECORDED)
        for i in range(3)
    ]
    first = page_texts(render(tmp_path, pack(section("1", "Neglect", *blank))))[0]
    assert "3 Actions 0 Overdue" in first
    assert "Actions by priority (no RAG or status recorded)" in first
    for word in ("Not started", "Not rated", "Not recorded", "Complete"):
        assert word not in first


def test_board_asked_is_printed_only_when_written_with_its_lines_kept(tmp_path: Path) -> None:
    """A blank request prints no heading; a written one prints each line as typed."""
    silent = page_texts(render(tmp_path, replace(pack(), board_asked="  \n ")))[0]
    assert "The board is asked to" not in silent
    asked = page_texts(render(tmp_path, replace(pack(), board_asked=ASKED), "asked.pdf"))[0]
    assert f"The board is asked to {' '.join(ASKED.split())}" in asked
    listed = replace(pack(), board_asked="note the position\nagree the two escalations")
    lines = PdfReader(render(tmp_path, listed, "listed.pdf")).pages[0].extract_text().splitlines()
    assert ["note the position", "agree the two escalations"] == [
        text.strip() for text in lines if text.startswith(("note", "agree"))
    ]


def test_key_messages_heading_is_left_out_when_there_are_none(tmp_path: Path) -> None:
    """No messages: no empty "Key messages" heading."""
    assert "Key messages" not in page_texts(render(tmp_path, pack()))[0]


def test_change_since_the_last_board_is_one_short_line(tmp_path: Path) -> None:
    """With an earlier board's position, page 1 says what moved in one line; without, nothing."""
    change = Comparison("Board 12 March", date(2025, 3, 12), RagCounts(green=1), 3, 2, 1)
    first = page_texts(render(tmp_path, pack(comparison=change)))[0]
    assert "Since the board of 12 Mar 2025: 3 actions better, 2 worse, 1 new." in first
    alone = page_texts(render(tmp_path, pack(), "first.pdf"))[0]
    assert "Since the board" not in alone and "first pack" not in alone
    assert "Counts by priority" not in first


def test_page_one_fits_ten_priorities_five_long_messages_and_the_request(tmp_path: Path) -> None:
    """Everything of page 1 is on page 1, the change since the last board and a count of
    actions never updated too; page 2 opens with the exceptions."""
    data = _full_pack()
    quiet = [
        replace(s, actions=(replace(s.actions[0], stale=True, no_update=True), *s.actions[1:]))
        for s in data.priorities
    ]
    change = Comparison("Board 12 March", date(2025, 3, 12), RagCounts(green=40), 3, 2, 1)
    pdf = render(tmp_path, replace(data, priorities=tuple(quiet), comparison=change))
    first, second = page_texts(pdf)[:2]
    for n, title in enumerate(TITLES, start=1):
        assert f"{n}. {title}" in first
    assert f"5. {MESSAGE.format(n=5)}" in first and "The board is asked to" in first
    assert "10 No update for 3 months 10 never updated" in first
    assert "Since the board of 12 Mar 2025" in first
    assert _body(second).startswith("Exceptions")


def test_more_priorities_than_fit_continue_the_chart_on_page_two(tmp_path: Path) -> None:
    """Sixty priorities: the chart runs on under "(continued)", nothing is cut, and the
    exceptions start on the page after it."""
    titles = tuple(f"Priority area number {n} for the partnership" for n in range(1, 61))
    pages = page_texts(render(tmp_path, _full_pack(titles)))
    exceptions = next(i for i, page in enumerate(pages) if _body(page).startswith("Exceptions"))
    assert exceptions == 3
    assert all("RAG by priority (continued)" in page for page in pages[1:exceptions])
    chart = " ".join(pages[:exceptions])
    for n, title in enumerate(titles, start=1):
        assert f"{n}. {title}" in chart


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ('<b>not bold</b> & "quotes" <font size=40>big</font> =SUM(A1) &amp;', None),
        ("فاطمة الزهراء تقود المراجعة", None),
        ("word " * 1000, "(shortened to fit page 1)"),
    ],
    ids=["markup", "arabic", "5000-characters"],
)
def test_hostile_key_messages_print_as_typed_or_shortened_with_a_note(
    tmp_path: Path, message: str, expected: str | None
) -> None:
    """Markup prints literally, Arabic keeps its words, a 5,000-character message is cut."""
    pdf = render(tmp_path, replace(pack(), key_messages=(message, "Second message.")))
    first = folded(page_texts(pdf)[0])
    if expected is None:
        for word in message.split():
            assert word in first
    else:
        assert expected in first
        assert first.count("word") < 200
    assert "2. Second message." in first


def test_stale_is_never_a_word_and_the_period_follows_the_setting(tmp_path: Path) -> None:
    """The tile says "No update for 2 months" for a 60-day setting, never "stale"."""
    first = page_texts(render(tmp_path, replace(pack(), stale_after_days=60)))[0]
    assert "No update for 2 months" in first
    assert "stale" not in first.casefold()
    assert [no_update_span(d).replace("\u00a0", " ") for d in (90, 30, 14, 45)] == [
        "3 months",
        "1 month",
        "2 weeks",
        "45 days",
    ]


def test_one_priority_pack_says_its_scope_in_the_header(tmp_path: Path) -> None:
    """A pack of one priority says so at the top of page 1."""
    data = pack(section("2", "Exploitation"))
    data = replace(data, cover=replace(data.cover, priority_filter="Priority 2: Exploitation"))
    first = page_texts(render(tmp_path, data))[0]
    assert "Scope: this pack covers Priority 2: Exploitation only" in first


def test_nothing_on_page_one_is_smaller_than_table_text(tmp_path: Path) -> None:
    """Every word on page 1 is at least 8.5 pt, and the messages at body size."""
    pdf = render(tmp_path, _full_pack())
    sizes = _sizes(pdf)
    assert min(size for size, _ in sizes) >= TABLE_SIZE
    assert all(size >= BODY_SIZE for size, text in sizes if "missing-episodes" in text)


def test_page_one_renders_as_an_image(tmp_path: Path) -> None:
    """poppler draws page 1 of a full pack without complaint."""
    code, images = render_pages(render(tmp_path, _full_pack()), tmp_path / "png")
    assert code == 0 and images[0].stat().st_size > 1000


def test_sample_business_plan_page_one_counts_statuses_and_fits(tmp_path: Path) -> None:
    """The business-plan sample has no RAG: page 1 counts its statuses, holds five long
    messages and the request, and the exceptions start on page 2."""
    db = Database.open(tmp_path / "plan.db")
    try:
        import_workbook(db, SAMPLES / "northbridge_business_plan_2025.xlsx")
        messages = [MESSAGE.format(n=n) for n in range(1, 6)]
        out = make_report(
            db, tmp_path / "pack.pdf", as_of=date(2025, 12, 15), key_messages=messages,
            board_asked=ASKED,
        )  # fmt: skip
    finally:
        db.close()
    first, second = page_texts(out)[:2]
    assert "36 Actions" in first and "Status by priority (no action has a RAG)" in first
    assert "Position as at 15 Dec 2025" in first
    assert "Not rated" not in first and "RAG by priority" not in first
    assert f"5. {MESSAGE.format(n=5)}" in first and "The board is asked to" in first
    assert "Exceptions" in second[:200] and "Key messages" not in second


def test_very_long_names_keep_the_header_a_band_and_print_literally(tmp_path: Path) -> None:
    """A 300-character title and a name with markup are cut short in the header block, so
    the figures and the messages still open page 1."""
    data = replace(_full_pack(), board_asked="")
    cover = replace(
        data.cover,
        plan_title="The Very Long Name of a Plan " * 10,
        partnership="فاطمة الزهراء Partnership <b>",
        prepared_by="A&B <Team> " * 30,
    )
    first = page_texts(render(tmp_path, replace(data, cover=cover)))[0]
    assert f"{'The Very Long Name of a Plan ' * 3}The Very Long Name of …" in first
    assert "الزهراء" in folded(first)
    assert first.count("Very Long Name") == 4
    assert "Partnership <b>" in first and "A&B <Team>" in first
    assert "43 Actions" in first and f"5. {MESSAGE.format(n=5)}" in first
    assert "10. Transitions to Adulthood" in first
