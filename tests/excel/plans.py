"""Plans for export tests: a realistic Northbridge plan, and generated plans with awkward text."""

from __future__ import annotations

from datetime import date

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

# Text people really put in plans that trips up spreadsheets, markup and fonts.
AWKWARD = (
    "=SUM(A1:A9)",
    "+44 20 7946 0123",
    "- awaiting reply from the dental service",
    "@Police please confirm",
    "\tTabbed in",
    "\rStarts with a carriage return",
    "line one\r\nline two",
    "<b>bold</b> & <i>not</i>",
    "#N/A",
    "_x0041_ looks like an escape",
    "Zofia Wiśniewska & Nguyễn Thị Lan",
    "مراجعة الخطة",
    "Огляд плану",
    "Done 👍🏽",
    "  spaced out  ",
    "bell\x07 and null\x00 inside",
)


def realistic_plan() -> PlanData:
    """A small plan with every kind of field filled in, as an import would give it."""
    icpc = MeasureData(
        name="% of ICPCs held within 15 working days",
        unit="%",
        direction="higher",
        direction_raw="Higher",
        baseline=78.2,
        baseline_raw="78.2%",
        target=95.0,
        target_raw="95%",
        readings=[
            ReadingData("2023-24", 88.0, "88%", date(2024, 3, 31)),
            ReadingData("2024-25", None, "n/a", date(2025, 3, 31), "data not yet validated"),
        ],
    )
    missing = MeasureData("Children missing 3 or more times", "Number", "lower", "Lower", 38.0)
    missing.readings = [ReadingData("Q1 2025/26", 35.0), ReadingData("Q3 2025/26", 29.0)]
    first = PriorityData(
        title="Exploitation and Contextual Safeguarding",
        number="1",
        aim="Children at risk outside the home are identified early.",
        champion="Oluwaseun Adébáyọ̀",
        outcomes=["Partners share intelligence", "Young people feel safer"],
        actions=[
            ActionData(
                text="Refresh the multi-agency exploitation screening tool",
                ref="1.1",
                leads=[LeadData("Exploitation & Missing Sub-group", "NSCP")],
                lead_raw="Exploitation & Missing Sub-group",
                timescale_raw="Sept/Oct 2025",
                status=Status.COMPLETE,
                status_raw="Completed",
                rag=Rag.BLUE,
                rag_raw="B",
                how_we_know="Audit shows the tool completed in 90% of cases",
                outcome="Partners share intelligence",
                updates=[
                    UpdateData(
                        date(2025, 6, 2),
                        "Draft shared",
                        "Marek Dvořák",
                        Rag.GREEN,
                        Status.IN_PROGRESS,
                        Rag.GREEN,
                    ),
                    UpdateData(
                        date(2025, 10, 8),
                        "=Live on the website",
                        "Marek Dvořák",
                        Rag.BLUE,
                        Status.COMPLETE,
                        Rag.BLUE,
                    ),
                ],
                measures=[missing],
            ),
            ActionData(
                text="- Safer Spaces: sign up local businesses",
                ref="1.10",
                leads=[LeadData("Police", "Northbridge Police"), LeadData("Licensing")],
                lead_raw="Police/ Licensing",
                timescale_raw="September 2025",
                status=Status.DELAYED,
                status_raw="on hold",
                rag=Rag.RED,
                rag_raw="r",
                outcome="Young people feel safer",
                updates=[
                    UpdateData(
                        date(2025, 11, 3),
                        "@Licensing post vacant",
                        "Police",
                        Rag.RED,
                        Status.DELAYED,
                        Rag.AMBER,
                        "post vacant since August",
                    ),
                ],
            ),
        ],
        measures=[icpc],
        narratives=[
            NarrativeData("2024-25", "Tool refreshed", "On track", "More referrals", "Audit"),
            NarrativeData("2025-26 Q2", next_steps="+ Evaluate in March"),
        ],
    )
    second = PriorityData(
        title="Neglect",
        number="2",
        champion="Mehmet Yılmaz",
        actions=[
            ActionData(text="Relaunch the neglect toolkit", ref="2.1", timescale_raw="Ongoing")
        ],
    )
    return PlanData(
        title="Northbridge Priorities Action Plan 2025-26",
        partnership="Northbridge Safeguarding Children Partnership",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        period_raw="2025-26",
        prepared_by="NSCP Business Unit",
        marking="Official-Sensitive",
        priorities=[first, second],
        measures=[MeasureData("Multi-agency training places taken up", "Number", "higher")],
    )


_free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)
texts = st.one_of(
    st.sampled_from(AWKWARD),
    _free_text,
    st.builds(lambda a, b: a + b, st.sampled_from(AWKWARD), _free_text),
)
names = texts.filter(lambda name: name.strip() != "")
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
rags = st.sampled_from(list(Rag))
statuses = st.sampled_from(list(Status))

readings = st.builds(ReadingData, texts, numbers, texts, st.none() | days, texts)
measures = st.builds(
    MeasureData,
    name=texts,
    unit=texts,
    direction=st.sampled_from(["higher", "lower", ""]),
    direction_raw=texts,
    baseline=numbers,
    baseline_raw=texts,
    target=numbers,
    target_raw=texts,
    readings=st.lists(readings, max_size=3),
)
updates = st.builds(UpdateData, days, texts, texts, rags, statuses, st.none() | rags, texts)
actions = st.builds(
    ActionData,
    text=texts,
    ref=texts,
    leads=st.lists(st.builds(LeadData, names, texts), max_size=2),
    lead_raw=texts,
    timescale_raw=texts,
    status=statuses,
    status_raw=texts,
    rag=rags,
    rag_raw=texts,
    how_we_know=texts,
    outcome=texts,
    updates=st.lists(updates, max_size=3),
    measures=st.lists(measures, max_size=1),
)
narratives = st.builds(NarrativeData, texts, texts, texts, texts, texts)
priorities = st.builds(
    PriorityData,
    title=names,
    number=texts,
    aim=texts,
    champion=texts,
    outcomes=st.lists(texts, max_size=2),
    actions=st.lists(actions, max_size=3),
    measures=st.lists(measures, max_size=1),
    narratives=st.lists(narratives, max_size=2),
)
awkward_plans = st.builds(
    PlanData,
    title=names,
    partnership=texts,
    period_start=st.none() | days,
    period_end=st.none() | days,
    period_raw=texts,
    prepared_by=texts,
    marking=texts,
    priorities=st.lists(priorities, min_size=1, max_size=3),
    measures=st.lists(measures, max_size=1),
)


def as_stored(plan: PlanData) -> PlanData:
    """The plan as the database keeps it: outcomes listed once, each history oldest first."""
    for priority in plan.priorities:
        named = [action.outcome for action in priority.actions if action.outcome]
        priority.outcomes = list(dict.fromkeys(priority.outcomes + named))
        for action in priority.actions:
            action.updates.sort(key=lambda update: update.update_date)
    return plan
