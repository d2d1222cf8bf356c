"""The exceptions, the priorities' action tables and the appendix, as a board member reads them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from actionplan.domain.movement import Movement
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.reports.board_pack_data import PrioritySection
from tests.pdf_helpers import page_texts, pdf_text
from tests.reports.test_board_pack import line, pack, render, section


def exceptions_text(pdf: Path) -> str:
    """The exceptions section's words, from its heading to the impact's."""
    text = pdf_text(pdf)
    return text.split("Exceptions Every", 1)[1].split("Impact", 1)[0]


def test_exceptions_are_one_table_ranked_red_then_overdue_then_quiet(tmp_path: Path) -> None:
    """Across priorities: red before amber, then the longest overdue, then the longest since
    an update, in one table with one header."""
    first = section(
        "1",
        "Neglect",
        line("1.1", "Amber quiet", rag=Rag.AMBER, days_since_update=200),
        line("1.2", "Red late", rag=Rag.RED, overdue=True, days_overdue=30, rag_reason="Vacancy"),
    )
    second = section(
        "2",
        "Exploitation",
        line("2.1", "Amber fresh", rag=Rag.AMBER, days_since_update=5),
        line("2.2", "Red later", rag=Rag.RED, overdue=True, days_overdue=168),
        line("2.3", "Green late", overdue=True, days_overdue=400),
    )
    text = exceptions_text(render(tmp_path, pack(first, second)))
    order = re.findall(r"(Red later|Red late|Amber quiet|Amber fresh|Green late)\b", text)
    assert order == ["Red later", "Red late", "Amber quiet", "Amber fresh", "Green late"]
    assert text.count("Reason given and latest update") == 1
    assert "overdue 168 days" in text and "overdue 400 days" in text


def test_what_changed_since_the_last_board_is_named_beside_the_exception(tmp_path: Path) -> None:
    """The named change prints in its own column; an action that did not change says nothing."""
    moved = line("1.1", rag=Rag.RED, change="went from Green to Red on 12 Mar 2025")
    still = line("1.2", rag=Rag.AMBER, movement=Movement.SAME)
    text = exceptions_text(render(tmp_path, pack(section("1", "Neglect", moved, still))))
    assert "Since the last board" in text
    assert "went from Green to Red on 12 Mar 2025" in text
    assert "Same" not in text


def test_without_a_change_the_since_column_is_left_out(tmp_path: Path) -> None:
    """With no earlier board to compare, the exceptions table has no empty change column."""
    text = exceptions_text(render(tmp_path, pack(section("1", "Neglect", line(rag=Rag.RED)))))
    assert "Since the last board" not in text


def test_no_exceptions_is_one_sentence(tmp_path: Path) -> None:
    """A plan with nothing red, amber or overdue says so in one sentence, with no table."""
    text = pdf_text(render(tmp_path, pack()))
    assert "Exceptions No action is red, amber or overdue." in text


def test_a_priority_with_every_action_an_exception_says_so_in_one_line(tmp_path: Path) -> None:
    """No empty table: one plain line says where its actions are."""
    reds = (line("1.1", rag=Rag.RED), line("1.2", rag=Rag.RED))
    text = pdf_text(render(tmp_path, pack(section("1", "Neglect", *reds))))
    assert "All 2 of its actions are in the exceptions above." in text
    assert text.count("Ref Action") == 1


def test_a_priority_without_narrative_or_actions_prints_no_placeholder(tmp_path: Path) -> None:
    """A bare priority shows its heading and facts, and nothing saying what is missing."""
    bare = PrioritySection(number="2", title="Exploitation")
    text = pdf_text(render(tmp_path, pack(section(), bare)))
    after = text.rsplit("Priority 2: Exploitation", 1)[1]
    assert "Actions None yet." in after
    for words in ("No narrative", "no actions", "Progress in"):
        assert words not in after


def test_priorities_share_a_page_when_there_is_room(tmp_path: Path) -> None:
    """Short priorities follow one another on the same page rather than each on a new one."""
    data = pack(section("1", "Neglect"), section("2", "Exploitation"), section("3", "SEND"))
    pages = page_texts(render(tmp_path, data))
    together = [p for p in pages if "Priority 1: Neglect Aim" in p]
    assert together and "Priority 2: Exploitation Aim" in together[0]


def test_a_table_that_spills_says_continued_on_the_next_page(tmp_path: Path) -> None:
    """The repeated header of a priority's table on the next page names it "(continued)"."""
    words = "Agree the multi-agency neglect audit with schools, health and police " * 3
    actions = [line(f"1.{i}", f"{words}{i}") for i in range(20)]
    pages = page_texts(render(tmp_path, pack(section("1", "Neglect", *actions))))
    spilled = [p for p in pages if "1.19" in p and "Ref Action" in p]
    assert spilled
    assert "Priority 1: Neglect – actions (continued) Ref Action Lead Due RAG" in spilled[-1]
    first = next(p for p in pages if "1.0 " in p)
    assert "(continued)" not in first


def test_a_quiet_action_says_how_long_since_its_update_in_plain_words(tmp_path: Path) -> None:
    """ "no update for 4 months" under its due date; the priority counts them in months."""
    quiet = line(
        "1.1", stale=True, latest_update_date=date(2024, 11, 20), latest_update="Draft agreed"
    )
    text = pdf_text(render(tmp_path, pack(section("1", "Neglect", quiet, line("1.2")))))
    assert "March 2025 due 31 Mar 2025 no update for 4 months" in text
    assert "1 with no update for 3 months" in text
    assert "stale" not in text.casefold()


def test_a_plan_without_rag_shows_its_status_not_grey_chips(tmp_path: Path) -> None:
    """With no RAG anywhere, the column is "Status" and no "Not rated" chip is printed."""
    actions = (
        line("1.1", rag=Rag.UNRATED, suggested_rag=Rag.UNRATED),
        line("1.2", rag=Rag.UNRATED, suggested_rag=Rag.UNRATED, status=Status.COMPLETE),
    )
    text = pdf_text(render(tmp_path, pack(section("1", "Neglect", *actions))))
    after = text.split("Priorities Priority 1", 1)[1]
    assert "Ref Action Lead Due Status Latest update" in after
    assert "Not rated" not in after
    assert "2 actions: 1 in progress, 1 complete." in after


def test_the_appendix_lists_every_action_once_without_the_notes(tmp_path: Path) -> None:
    """Every action again, in priority order, with its update in full and no notes."""
    actions = (
        line("1.1", rag=Rag.RED, suggested_rag=Rag.GREEN),
        line("1.2", "Second action", latest_update="Word " * 300),
    )
    empty = PrioritySection(number="2", title="SEND")
    data = replace(pack(section("1", "Neglect", *actions), empty), appendix=True)
    text = pdf_text(render(tmp_path, data))
    appendix = text.split("Every action in the plan, in priority order", 1)[1]
    assert appendix.count("1.1 Run a joint audit") == 1
    assert appendix.count("1.2 Second action") == 1
    assert appendix.count("Word") == 300
    assert "dates suggest" not in appendix
    assert "Priority 2: SEND" not in appendix


def test_a_priority_with_very_many_outcomes_runs_over_pages(tmp_path: Path) -> None:
    """Two hundred outcomes are all listed, the list running on over the pages it needs."""
    many = replace(section(), outcomes=tuple(f"Outcome words {i}" for i in range(200)))
    text = pdf_text(render(tmp_path, pack(many)))
    assert sorted(int(n) for n in re.findall(r"Outcome words (\d+)", text)) == list(range(200))
