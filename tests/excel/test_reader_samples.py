"""The three sample workbooks import with exactly the counts their builder promises."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from actionplan.domain.plan_data import ActionData, PlanData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.read.reader import ReadResult, read_workbook
from tests.excel.import_books import BUSINESS_SAMPLE, PRIORITIES_SAMPLE, TRACKER_SAMPLE


@pytest.fixture(scope="module")
def priorities() -> ReadResult:
    """The priorities action plan, read once."""
    return read_workbook(PRIORITIES_SAMPLE)


@pytest.fixture(scope="module")
def business() -> ReadResult:
    """The business plan, read once."""
    return read_workbook(BUSINESS_SAMPLE)


@pytest.fixture(scope="module")
def tracker() -> ReadResult:
    """The tracker, read once."""
    return read_workbook(TRACKER_SAMPLE)


def actions(plan: PlanData) -> list[ActionData]:
    """Every action of a plan in order."""
    return [action for priority in plan.priorities for action in priority.actions]


def rag_counts(plan: PlanData) -> dict[str, int]:
    """RAG counts by family."""
    counted = Counter(action.rag for action in actions(plan))
    return {rag.value: counted[rag] for rag in Rag}


def test_priorities_sample_has_six_priorities_and_37_actions(priorities: ReadResult) -> None:
    """Six sheets, one priority each, with 7, 7, 6, 5, 6 and 6 actions."""
    plan = priorities.plan
    assert priorities.layout == "priorities"
    assert [len(p.actions) for p in plan.priorities] == [7, 7, 6, 5, 6, 6]
    assert plan.priorities[0].title == "Contextual Risk"
    assert plan.priorities[0].aim.startswith("Partners work together")
    assert sum(len(p.outcomes) for p in plan.priorities) == 0


def test_priorities_sample_rag_by_meaning_from_words_and_colours(priorities: ReadResult) -> None:
    """Red 5, amber 13, green 10, blue 4, unrated 5; 28 of them read from fill colour."""
    assert rag_counts(priorities.plan) == {
        "red": 5, "amber": 13, "green": 10, "blue": 4, "unrated": 5,
    }  # fmt: skip
    from_colour = sum(sheet.counts["RAG from colour"] for sheet in priorities.report.sheets)
    assert from_colour == 28
    notes = [note for sheet in priorities.report.sheets for note in sheet.notes]
    assert any(note.startswith("RAG read from cell colour") for note in notes)


def test_priorities_sample_measure_only_rows_belong_to_their_priority(
    priorities: ReadResult,
) -> None:
    """Each sheet's last row (a measure with no action) is a measure of that priority."""
    plan = priorities.plan
    assert [len(p.measures) for p in plan.priorities] == [1] * 6
    assert plan.priorities[0].measures[0].name == (
        "Fewer children going missing more than three times in a quarter"
    )
    assert all(action.how_we_know for action in actions(plan))


def test_priorities_sample_numbered_actions_lose_their_number_to_the_ref(
    priorities: ReadResult,
) -> None:
    """ "1. Engage…" and "2.Review…" become refs 1.1 and 1.2; the unnumbered one has none."""
    first = priorities.plan.priorities[0].actions
    assert (first[0].ref, first[0].text[:6]) == ("1.1", "Engage")
    assert (first[1].ref, first[1].text[:6]) == ("1.2", "Review")
    assert first[5].ref == "" and first[5].text.startswith("Strengthen the return home")


def test_priorities_sample_merged_lead_applies_to_every_action(priorities: ReadResult) -> None:
    """The lead cell merged down the block gives every action the same leads and words."""
    for action in priorities.plan.priorities[0].actions:
        assert action.lead_raw == "Exploitation & Missing Sub-group\nCommunity Safety Partnership"
        assert action.leads[-1].name == "Community Safety Partnership"


def test_priorities_sample_champions_all_matched(priorities: ReadResult) -> None:
    """All six champions find their priority although every name differs a little."""
    champions = {p.title: p.champion for p in priorities.plan.priorities}
    assert champions["Contextual Risk"] == "Oluwaseun Adébáyọ̀ & Dafydd Rhys-Jones"
    assert champions["Anti-Racist /Discriminatory Practice"] == "Priya Raghunathan"
    assert champions["Special Educational Needs and Disabilities (SEND)"].startswith("Aoife")
    assert champions["Domestic Abuse"] == "Dafydd Rhys-Jones"
    sheet = next(s for s in priorities.report.sheets if s.name == "Executive Champions")
    assert sheet.counts["champions"] == 6 and not sheet.warnings
    assert sum("matched priority" in note for note in sheet.notes) == 6


def test_priorities_sample_indicators_become_measures_with_readings(
    priorities: ReadResult,
) -> None:
    """Eight indicators with 32 yearly readings; direction blank on one."""
    measures = priorities.plan.measures
    assert len(measures) == 8
    assert sum(len(m.readings) for m in measures) == 32
    assert [m.direction for m in measures].count("") == 1
    first = measures[0]
    assert (first.direction, first.unit, first.readings[0].period_label) == (
        "higher",
        "%",
        "2021-22",
    )
    assert first.readings[0].value == 78.2
    assert first.readings[-1].period_end == date(2025, 3, 31)
    assert priorities.plan.measure_count == 14


def test_priorities_sample_title_partnership_and_period(priorities: ReadResult) -> None:
    """The title row names the plan, its partnership and its financial year."""
    plan = priorities.plan
    assert plan.title == "NSCP PRIORITIES ACTION PLAN 2025-26"
    assert plan.partnership == "NSCP"
    assert (plan.period_start, plan.period_end) == (date(2025, 4, 1), date(2026, 3, 31))


def test_business_sample_priorities_outcomes_and_actions(business: ReadResult) -> None:
    """Five headings (one with a hyphen), 13 merged outcomes and 36 actions."""
    plan = business.plan
    assert business.layout == "business"
    assert [p.number for p in plan.priorities] == ["1", "2", "3", "4", "5"]
    assert plan.priorities[3].title == "Neglect and Early Help"
    assert plan.priorities[1].title == "Tackling Peer on Peer Abuse"
    assert [len(p.outcomes) for p in plan.priorities] == [3, 3, 2, 2, 3]
    assert [len(p.actions) for p in plan.priorities] == [8, 7, 7, 7, 7]
    assert business.report.sheets[0].header_rows == [4, 15, 25, 35, 45]


def test_business_sample_updates_inside_cells_become_dated_updates(business: ReadResult) -> None:
    """Eight "Update <Month> 2025:" notes, seven in Action cells and one in a When cell."""
    found = [(a, u) for a in actions(business.plan) for u in a.updates]
    assert len(found) == 8
    first, update = found[0]
    assert update.update_date == date(2025, 8, 1)
    assert update.text == "32 schools signed up, 6 nurseries in progress."
    assert "Update" not in first.text and first.text.endswith("children affected.")
    idva = next(a for a in actions(business.plan) if "IDVA post" in a.text)
    assert idva.timescale_raw == "Q3 2025/26"
    assert idva.updates[0].update_date == date(2025, 11, 1)


def test_business_sample_status_from_when_words(business: ReadResult) -> None:
    """The six When cells starting "Completed" make their actions complete."""
    completed = [a for a in actions(business.plan) if a.timescale_raw.startswith("Completed")]
    assert len(completed) == 6
    assert all(a.status is Status.COMPLETE for a in completed)
    delayed = next(a for a in actions(business.plan) if a.timescale_raw.startswith("delayed"))
    assert delayed.status is Status.DELAYED


def test_business_sample_keeps_bullets_and_blank_who(business: ReadResult) -> None:
    """Five bulleted actions keep their bullets; one action has no lead; no RAG anywhere;
    the performance table's five indicators belong to the whole plan."""
    plan_actions = actions(business.plan)
    assert sum("•" in a.text for a in plan_actions) == 5
    assert [a.leads for a in plan_actions].count([]) == 1
    assert all(a.rag is Rag.UNRATED for a in plan_actions)
    assert business.plan.measure_count == len(business.plan.measures) == 5


def test_tracker_sample_counts_and_text_refs(tracker: ReadResult) -> None:
    """Seven priorities of 11, 10, 10, 9, 10, 9 and 11 actions; "1.10" stays "1.10"."""
    plan = tracker.plan
    assert tracker.layout == "tracker"
    assert [len(p.actions) for p in plan.priorities] == [11, 10, 10, 9, 10, 9, 11]
    assert "1.10" in {a.ref for a in actions(plan)}
    assert plan.title == "NSCP Action Tracker 2025-26"


def test_tracker_sample_dates_updates_and_statuses(tracker: ReadResult) -> None:
    """68 real due dates, 62 dated updates, and status words in any case."""
    plan_actions = actions(tracker.plan)
    assert sum(bool(a.timescale_raw) for a in plan_actions) == 68
    assert plan_actions[0].timescale_raw == "2025-07-31"
    assert sum(len(a.updates) for a in plan_actions) == 62
    assert plan_actions[0].updates[0].update_date == date(2025, 7, 8)
    statuses = Counter(a.status for a in plan_actions)
    assert statuses[Status.DELAYED] >= 2 and statuses[Status.COMPLETE] >= 2
    assert not tracker.report.all_warnings()


def test_tracker_sample_rag_letters_in_any_case(tracker: ReadResult) -> None:
    """G 19, A 18, B 16, R 5 and blank 9, plus a, g and b in lower case once each."""
    assert rag_counts(tracker.plan) == {
        "red": 5, "amber": 19, "green": 20, "blue": 17, "unrated": 9,
    }  # fmt: skip


def test_tracker_sample_formula_looking_updates_stay_text(tracker: ReadResult) -> None:
    """Updates starting = + - @ and text with < & and quotes are kept exactly."""
    texts = [u.text for a in actions(tracker.plan) for u in a.updates]
    assert sorted(t[0] for t in texts if t[:1] in "=+-@") == ["+", "-", "=", "@"]
    assert "=== see minutes of the DA Operational Group 04/11 ===" in texts
    assert any("<50%" in t and "&" in t and '"child\'s voice"' in t for t in texts)


def test_tracker_sample_indicators_and_champions(tracker: ReadResult) -> None:
    """Six indicators with baseline, target and 17 readings; seven champions matched."""
    measures = tracker.plan.measures
    assert len(measures) == 6 and sum(len(m.readings) for m in measures) == 17
    assert (measures[0].baseline, measures[0].target) == (91.3, 95.0)
    assert all(p.champion for p in tracker.plan.priorities)
    wellbeing = next(p for p in tracker.plan.priorities if p.title.startswith("Emotional"))
    assert wellbeing.champion == "Nguyễn Thị Lan"


@pytest.mark.parametrize("sample", [PRIORITIES_SAMPLE, BUSINESS_SAMPLE, TRACKER_SAMPLE])
def test_mapping_json_names_every_action_row(sample: Path) -> None:
    """The stored mapping lists each action's sheet and row, in plan order, and each header."""
    result = read_workbook(sample)
    document = json.loads(result.mapping_json())
    assert document["layout"] == result.layout
    assert len(document["actions"]) == result.plan.action_count
    assert all(isinstance(sheet, str) and row > 1 for sheet, row in document["actions"])
    for sheet in document["sheets"]:
        assert set(sheet) == {"name", "header_rows", "columns"}
        assert "action" in sheet["columns"]
