"""Saving a whole plan in one transaction and reading it back field for field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from actionplan.domain.plan_data import (
    ActionData,
    LeadData,
    MeasureData,
    NarrativeData,
    PlanData,
    PriorityData,
    ReadingData,
    UpdateData,
)
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.errors import ServiceError
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plan_store import SaveCancelled, SourceFile, save_plan_data
from actionplan.services.plans import list_plans
from actionplan.store.database import Database


def _plan() -> PlanData:
    encompass = ActionData(
        text="Roll out Operation Encompass to local schools",
        ref="1.1",
        leads=[LeadData("Police", "Metropolitan Police"), LeadData("Education Leads")],
        lead_raw="Police/ Education Leads",
        timescale_raw="From May 2025 onwards",
        status=Status.IN_PROGRESS,
        rag=Rag.GREEN,
        rag_raw="G",
        how_we_know="Schools signed up",
        outcome="Children are supported after domestic abuse",
        updates=[
            UpdateData(
                date(2025, 8, 1), "32 schools signed up", "Amira", Rag.GREEN, Status.IN_PROGRESS
            ),
            UpdateData(
                date(2025, 9, 1), "All", "Tomasz", Rag.AMBER, Status.DELAYED, Rag.RED, "staffing"
            ),
        ],
        measures=[
            MeasureData(
                "Schools signed up", "schools", "higher", readings=[ReadingData("Q1", 32.0)]
            )
        ],
    )
    return PlanData(
        title="Northbridge Business Plan 2025-26",
        partnership="Northbridge SCP",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        period_raw="2025-26",
        prepared_by="Business Manager",
        priorities=[
            PriorityData(
                title="Domestic Abuse",
                number="1",
                aim="Reduce harm",
                champion="Owain Price",
                outcomes=["Children are supported after domestic abuse", "Unused outcome"],
                actions=[
                    encompass,
                    ActionData(text="Second", ref="1.2", leads=[LeadData("police")]),
                ],
                measures=[
                    MeasureData("Repeat referrals", "%", "lower", "Lower", 23.0, "23%", 20.0, "20%")
                ],
                narratives=[NarrativeData("2025-26", "done", "analysis", "impact", "next")],
            ),
            PriorityData(title="SEND", number="2"),
        ],
        measures=[MeasureData("Children looked after", "children", "lower")],
    )


def test_saved_plan_reads_back_field_for_field(db: Database) -> None:
    """Everything saved comes back equal, including history, measures and narratives."""
    plan = _plan()
    plan_id = save_plan_data(db, plan)
    loaded = load_plan_data(db, plan_id)
    # The same lead written twice in different case is one lead, as first written.
    plan.priorities[0].actions[1].leads = [LeadData("Police", "Metropolitan Police")]
    assert loaded == plan


def test_saved_plan_shows_in_the_action_table(db: Database) -> None:
    """Timescale words are parsed on saving; leads are shared; the latest update shows."""
    plan_id = save_plan_data(db, _plan())
    first = action_rows(db, plan_id, date(2025, 10, 1))[0]
    assert first.timescale_raw == "From May 2025 onwards"
    assert first.leads == ("Police", "Education Leads")
    assert (first.latest_update, first.latest_update_author) == ("All", "Tomasz")


def test_source_workbook_is_kept_with_the_plan(db: Database) -> None:
    """The original file and its mapping are stored for writing back later."""
    from sqlmodel import select

    from actionplan.store.tables import PlanSource

    plan_id = save_plan_data(
        db, _plan(), SourceFile("plan.xlsx", b"PK\x03\x04data", "business", "{}")
    )
    with db.reading() as session:
        source = session.exec(select(PlanSource).where(PlanSource.plan_id == plan_id)).one()
    assert (source.filename, source.content, source.layout) == (
        "plan.xlsx",
        b"PK\x03\x04data",
        "business",
    )


def test_cancelling_leaves_the_database_unchanged(db: Database) -> None:
    """A cancel part way through rolls everything back."""
    plan = _plan()
    plan.priorities[1].actions = [ActionData(text=f"a{i}") for i in range(5000)]
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(SaveCancelled):
        save_plan_data(db, plan, cancelled=cancelled)
    assert list_plans(db) == []


def test_progress_is_reported_up_to_the_total(db: Database) -> None:
    """Progress counts actions written, ending at the plan's total."""
    seen: list[tuple[int, int]] = []
    save_plan_data(db, _plan(), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)


def test_untitled_plan_is_refused(db: Database) -> None:
    """A plan must have a title."""
    with pytest.raises(ServiceError, match="no title"):
        save_plan_data(db, PlanData(title=" "))


_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def _awkward_plan(
    texts: list[str], rag: Rag, status: Status, kept: Callable[[str], str]
) -> PlanData:
    actions = [
        ActionData(
            text=kept(t),
            ref=kept(t[:5]),
            timescale_raw=kept(t),
            how_we_know=kept(t),
            rag=rag,
            status=status,
        )
        for t in texts
    ]
    priority = PriorityData(title="P", number="1", actions=actions)
    return PlanData(title=kept("Plan " + texts[0]), priorities=[priority])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(_text, min_size=1, max_size=6),
    rag=st.sampled_from(list(Rag)),
    status=st.sampled_from(list(Status)),
)
@example(texts=["Map\x00 hotspots", "\x00"], rag=Rag.RED, status=Status.IN_PROGRESS)
def test_awkward_text_survives_a_save_and_load(
    db: Database, texts: list[str], rag: Rag, status: Status
) -> None:
    """Any text (markup, formulas, any script) in any field comes back exactly, but for the
    NUL character, which no server text or workbook can hold: dropped alike on both engines."""
    saved = save_plan_data(db, _awkward_plan(texts, rag, status, lambda t: t))
    assert load_plan_data(db, saved) == _awkward_plan(
        texts, rag, status, lambda t: t.replace("\x00", "")
    )
