"""Key messages drafted from the pack's own figures: short, true, in the order a chair reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from actionplan.domain.measures import Direction
from actionplan.domain.movement import Movement
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
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
from actionplan.services.importing import import_workbook
from actionplan.services.key_messages import LONGEST, draft_key_messages, shortened
from actionplan.services.report import board_pack_data
from actionplan.store.database import Database

AS_OF = date(2025, 12, 15)
SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def line(ref: str, text: str = "Run a joint audit", **fields: object) -> ActionLine:
    """An action line, Green and on time unless told otherwise."""
    values: dict[str, object] = {
        "ref": ref,
        "text": text,
        "priority_title": "Neglect",
        "lead": "Police",
        "timescale": "2026",
        "due_date": date(2026, 3, 31),
        "status": Status.IN_PROGRESS,
        "rag": Rag.GREEN,
        "suggested_rag": Rag.GREEN,
    }
    values.update(fields)
    return ActionLine(**values)  # type: ignore[arg-type]


def pack(*actions: ActionLine, board: bool = False, **fields: object) -> BoardPackData:
    """A one-priority pack of these actions, compared with the board of 12 Dec 2024 if asked."""
    cover = CoverFacts("Northbridge SCP", "Priorities Plan", "2025-26", AS_OF)
    comparison = Comparison("Board December", date(2024, 12, 12), RagCounts()) if board else None
    data = BoardPackData(cover, (PrioritySection("1", "Neglect", actions=actions),), **fields)  # type: ignore[arg-type]
    return replace(data, comparison=comparison)


def red_since_board(ref: str, text: str, reason: str = "") -> ActionLine:
    """An action that went from Green to Red after the last board."""
    return line(ref, text, rag=Rag.RED, movement=Movement.WORSE, rag_reason=reason)


def overdue(ref: str, text: str, days: int, due: date, lead: str = "Police") -> ActionLine:
    """An open action this many days past its due date."""
    return line(ref, text, overdue=True, days_overdue=days, due_date=due, lead=lead)


def test_what_went_red_since_the_board_is_named_with_the_leads_reason() -> None:
    """Two actions that went red are named by ref and words, with the reason a lead gave; an
    action that was already red, or is new, is not among them."""
    data = pack(
        red_since_board("2.3", "Audit of neglect cases", "staff vacancies"),
        red_since_board("4.1", "Map exploitation hotspots"),
        line("4.2", "Already red", rag=Rag.RED, movement=Movement.SAME),
        line("4.3", "New and red", rag=Rag.RED, movement=Movement.NEW),
        board=True,
    )
    assert draft_key_messages(data)[0] == (
        "2 actions went red since the board of 12 Dec 2024: 2.3 Audit of neglect cases "
        "(lead's reason: “staff vacancies”) and 4.1 Map exploitation hotspots."
    )


def test_without_an_earlier_board_nothing_is_said_to_have_gone_red() -> None:
    """With no snapshot there is no last board, so no "went red since" message is invented."""
    messages = draft_key_messages(pack(red_since_board("2.3", "Audit", "vacancies")))
    assert not any("went red" in m for m in messages)


def test_many_red_actions_are_named_three_at_most_and_the_rest_counted() -> None:
    """Nine actions with long words and long reasons still make one short sentence."""
    long_words = "Commission an independent review of " + "multi-agency practice " * 10
    reds = [red_since_board(f"3.{n}", long_words, "partner " * 40) for n in range(1, 10)]
    first = draft_key_messages(pack(*reds, board=True))[0]
    assert first.startswith("9 actions went red since the board of 12 Dec 2024: 3.1 ")
    assert len(first) <= LONGEST and "more." in first and "…" in first


def test_the_longest_overdue_action_is_named_with_its_due_date_days_and_lead() -> None:
    """Of three overdue actions the one 168 days late is named, not the first in the plan."""
    data = pack(
        overdue("1.1", "Refresh the neglect toolkit", 20, date(2025, 11, 25)),
        overdue("1.4", "Launch the exploitation panel", 168, date(2025, 6, 30)),
        overdue("1.5", "Train school staff", 90, date(2025, 9, 16)),
    )
    assert (
        "Longest overdue: 1.4 Launch the exploitation panel, due 30 Jun 2025, "
        "168 days ago; lead: Police."
    ) in draft_key_messages(data)


def test_one_overdue_action_is_simply_overdue_and_a_missing_lead_is_left_out() -> None:
    """With a single overdue action there is no "longest"; with no lead, no "lead:"."""
    data = pack(overdue("2.1", "Publish the audit", 1, date(2025, 12, 14), lead=""))
    assert "Overdue: 2.1 Publish the audit, due 14 Dec 2025, 1 day ago." in (
        draft_key_messages(data)
    )


def test_what_completed_since_the_board_or_in_the_plan() -> None:
    """Since the last board: the actions completed since; with no board: complete in the plan,
    up to three refs named."""
    done_since = line("1.2", rag=Rag.BLUE, status=Status.COMPLETE, completed_since_board=True)
    done_before = line("1.3", rag=Rag.BLUE, status=Status.COMPLETE)
    assert "1 action completed since the board of 12 Dec 2024: 1.2." in draft_key_messages(
        pack(done_since, done_before, board=True)
    )
    five = [line(f"5.{n}", status=Status.COMPLETE) for n in range(1, 6)]
    assert "5 actions are complete, including 5.1, 5.2 and 5.3." in draft_key_messages(pack(*five))
    nothing = draft_key_messages(pack(line("1.1"), board=True))
    assert not any("completed" in m for m in nothing)


def measure(
    name: str, direction: Direction, *values: tuple[str, float | None], unit: str = "%"
) -> MeasureLine:
    """A measure with its readings in period order."""
    readings = tuple(Reading(label, value) for label, value in values)
    return MeasureLine(name, unit, direction, None, None, readings)


def test_the_measure_that_moved_most_is_named_with_both_readings_and_a_judgement() -> None:
    """22% to 18% (18% less) moved more than 50% to 55% (10% more); lower is better here."""
    measures = (
        measure("Children seen within 5 days", Direction.HIGHER, ("2023/24", 50), ("2024/25", 55)),
        measure(
            "Re-referrals within 12 months",
            Direction.LOWER,
            ("2022/23", 30),
            ("2023/24", 22),
            ("2024/25", 18),
        ),
    )
    messages = draft_key_messages(pack(line("1.1"), measures=measures))
    assert (
        "Re-referrals within 12 months moved most: 22% in 2023/24 to 18% in 2024/25, better."
    ) in messages


def test_a_measure_with_no_direction_moves_without_a_judgement_and_one_reading_says_nothing() -> (
    None
):
    """No "better" or "worse" is invented for a measure with no direction; a single reading,
    or a gap, is not a movement."""
    neutral = measure(
        "Contacts received", Direction.NONE, ("Q1", 400), ("Q2", None), ("Q3", 500), unit="Number"
    )
    messages = draft_key_messages(pack(line("1.1"), measures=(neutral,)))
    assert "Contacts received moved from 400 in Q1 to 500 in Q3." in messages
    weeks = measure("Wait", Direction.LOWER, ("2024", 12.8), ("2025", 10.5), unit="Weeks")
    assert "Wait moved from 12.8 weeks in 2024 to 10.5 weeks in 2025, better." in (
        draft_key_messages(pack(line("1.1"), measures=(weeks,)))
    )
    single = measure("Audits done", Direction.HIGHER, ("2024/25", 12))
    assert not any("moved" in m for m in draft_key_messages(pack(line("1.1"), measures=(single,))))


def test_the_overall_position_uses_rag_counts_or_status_counts_for_a_plan_with_no_rag() -> None:
    """A rated plan says its RAG counts; a plan with no RAG at all says its status counts and
    never "0 red, 0 amber"."""
    rated = pack(line("1.1", rag=Rag.RED), line("1.2"), line("1.3", rag=Rag.BLUE))
    assert draft_key_messages(rated)[-1] == (
        "3 actions: 1 red, 1 green and 1 blue (complete); none overdue."
    )
    plain = pack(
        line("1.1", rag=Rag.UNRATED, status=Status.IN_PROGRESS),
        line("1.2", rag=Rag.UNRATED, status=Status.COMPLETE),
        overdue("1.3", "Late one", 3, date(2025, 12, 12)),
    )
    plain = replace(
        plain,
        priorities=(
            replace(
                plain.priorities[0],
                actions=tuple(replace(a, rag=Rag.UNRATED) for a in plain.actions),
            ),
        ),
    )
    position = draft_key_messages(plain)[-1]
    assert position == "3 actions: 2 in progress and 1 complete; 1 overdue."
    assert "0 red" not in position


def test_an_empty_pack_has_no_messages() -> None:
    """Nothing to say means nothing said."""
    assert draft_key_messages(pack()) == []


def test_all_five_in_order_each_short_and_in_plain_words() -> None:
    """Red, overdue, completed, measure, position: five sentences, none over the limit."""
    data = pack(
        red_since_board("2.3", "Audit of neglect cases", "staff vacancies"),
        overdue("1.4", "Launch the exploitation panel", 168, date(2025, 6, 30)),
        line("1.2", rag=Rag.BLUE, status=Status.COMPLETE, completed_since_board=True),
        board=True,
        measures=(measure("Re-referrals", Direction.LOWER, ("2023", 22), ("2024", 18)),),
    )
    messages = draft_key_messages(data)
    starts = [
        "1 action went red",
        "Overdue: 1.4 Launch",
        "1 action completed",
        "Re-referrals",
        "3 actions",
    ]
    assert [m[: len(s)] for m, s in zip(messages, starts, strict=True)] == starts
    assert all(len(m) <= LONGEST for m in messages)
    assert not any(word in m.lower() for m in messages for word in ("stale", "override"))


def test_words_are_shortened_at_a_word_with_an_ellipsis() -> None:
    """Long action words are cut at a word, never mid-word."""
    assert shortened("Launch the exploitation panel across the borough", 30) == (
        "Launch the exploitation panel…"
    )
    assert shortened("  Short   words ", 30) == "Short words"


@pytest.mark.parametrize(
    "workbook",
    [
        "northbridge_business_plan_2025.xlsx",
        "northbridge_priorities_2025.xlsx",
        "northbridge_tracker_2025.xlsx",
    ],
)
def test_the_sample_plans_get_short_true_messages(db: Database, workbook: str) -> None:
    """On each sample plan: at most five short messages, the counts those of the pack, the
    longest overdue action the one with most days, and no "0 red" for a plan with no RAG."""
    import_workbook(db, SAMPLES / workbook)
    data = board_pack_data(db, None, AS_OF)
    messages = draft_key_messages(data)
    assert 2 <= len(messages) <= 5
    assert all(len(m) <= LONGEST for m in messages)
    assert messages[-1].startswith(f"{len(data.actions)} actions across ")
    late = [a for a in data.actions if a.days_overdue]
    if late:
        worst = max(late, key=lambda a: a.days_overdue)
        assert any(f"{worst.days_overdue} days ago" in m for m in messages)
    if not data.rated:
        assert "red" not in messages[-1] and "complete" in messages[-1]
