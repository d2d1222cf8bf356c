"""Reading the app's own tracker back gives the very plan it was written from."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from actionplan.domain.plan_data import PlanData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.errors import WorkbookError
from actionplan.excel.tracker.own_export_reader import is_own_export, read_own_export
from actionplan.excel.tracker.writer import write_tracker
from tests.excel.plans import as_stored, awkward_plans, realistic_plan

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
AS_OF = date(2025, 12, 1)


def exported(plan: PlanData) -> bytes:
    """The plan written as a tracker, as bytes."""
    out = io.BytesIO()
    write_tracker(plan, out, AS_OF)
    return out.getvalue()


def edited(content: bytes, sheet: str, cell: str, value: object) -> bytes:
    """The workbook with one cell changed, as someone would in Excel."""
    book = load_workbook(io.BytesIO(content))
    book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_reading_an_export_gives_back_the_whole_plan_field_for_field() -> None:
    """Priorities, outcomes, actions, leads, raw words, history, measures and narratives."""
    plan = realistic_plan()
    assert read_own_export(exported(plan)) == plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(awkward_plans.map(as_stored))
def test_plans_with_awkward_text_survive_the_round_trip(plan: PlanData) -> None:
    """Formula-looking text, tabs, carriage returns, markup, any script and emoji come back."""
    assert read_own_export(exported(plan)) == plan


def test_the_export_is_recognised_and_other_workbooks_are_not() -> None:
    """The marker sheet tells the app's own export apart from partnerships' workbooks."""
    assert is_own_export(exported(realistic_plan()))
    for sample in sorted(SAMPLES.glob("*.xlsx")):
        assert not is_own_export(sample)
        assert not is_own_export(sample.read_bytes())
    assert not is_own_export(b"not a zip at all")


def test_a_rag_changed_in_excel_is_read_with_the_words_now_in_the_cell() -> None:
    """A RAG a user changes in the workbook wins over the one first imported."""
    content = edited(exported(realistic_plan()), "Actions", "J2", "Green")
    action = read_own_export(content).priorities[0].actions[0]
    assert (action.rag, action.rag_raw) == (Rag.GREEN, "Green")


def test_an_unchanged_rag_keeps_the_words_first_written() -> None:
    """Where the RAG cell still shows what was exported, the RAG as first typed ("B") is kept."""
    action = read_own_export(exported(realistic_plan())).priorities[0].actions[0]
    assert (action.rag, action.rag_raw) == (Rag.BLUE, "B")


def test_leads_retyped_in_excel_are_split_into_leads() -> None:
    """A Leads cell someone rewrote becomes the leads it names."""
    content = edited(exported(realistic_plan()), "Actions", "E3", "Police / Health")
    action = read_own_export(content).priorities[0].actions[1]
    assert [lead.name for lead in action.leads] == ["Police", "Health"]
    assert action.leads[0].agency == "Northbridge Police"
    assert action.lead_raw == "Police / Health"


def test_a_status_changed_in_excel_is_read() -> None:
    """The Status drop-down's word is the action's status."""
    content = edited(exported(realistic_plan()), "Actions", "I3", "Complete")
    action = read_own_export(content).priorities[0].actions[1]
    assert (action.status, action.status_raw) == (Status.COMPLETE, "Complete")


def test_a_reading_changed_in_excel_is_read() -> None:
    """A measure's period cell someone corrected is the new reading."""
    content = exported(realistic_plan())
    sheet = load_workbook(io.BytesIO(content))["Measures"]
    headers = [cell.value for cell in sheet[1]]
    rows = [row[1].value for row in sheet.iter_rows(min_row=2)]
    cell = sheet.cell(rows.index("% of ICPCs held within 15 working days") + 2,
                      headers.index("2023-24") + 1).coordinate  # fmt: skip
    plan = read_own_export(edited(content, "Measures", cell, 91.5))
    reading = plan.priorities[0].measures[0].readings[0]
    assert (reading.value, reading.value_raw, reading.period_end) == (91.5, "", date(2024, 3, 31))


def test_a_workbook_from_a_newer_version_is_refused_in_one_sentence() -> None:
    """The app does not guess at a format it does not know."""
    content = edited(exported(realistic_plan()), "_actionplan", "B2", 99)
    with pytest.raises(WorkbookError, match="newer version of actionplan"):
        read_own_export(content, "plan.xlsx")


def test_a_foreign_workbook_is_refused_in_one_sentence() -> None:
    """A partnership's own workbook is not mistaken for an export."""
    with pytest.raises(WorkbookError, match="has no _actionplan sheet"):
        read_own_export(SAMPLES / "northbridge_tracker_2025.xlsx")
