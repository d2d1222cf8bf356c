"""A large, realistic plan for benchmarks: 12 priorities of 2,000 actions, one update each."""

from __future__ import annotations

from datetime import date, timedelta

from actionplan.domain.plan_data import ActionData, LeadData, PlanData, PriorityData, UpdateData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status

THEMES = (
    "Contextual Risk", "Vulnerable Adolescents", "Mental Health", "Domestic Abuse", "SEND",
    "Under Fives", "Neglect", "Early Help", "Missing Children", "Online Safety",
    "Anti-racist Practice", "Voice of the Child",
)  # fmt: skip
VERBS = ("Review", "Deliver", "Audit", "Embed", "Publish", "Train", "Map", "Evaluate")
OBJECTS = (
    "the multi-agency neglect toolkit across early years settings",
    "MASH threshold guidance with partners and schools",
    "the exploitation screening tool in health and police",
    "learning from local child safeguarding practice reviews",
)
LEADS = ("Police", "Health Designated Nurse", "Education", "Children's Social Care", "Early Help")
RAGS = (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE, Rag.GREEN, Rag.AMBER)
STATUSES = (Status.IN_PROGRESS, Status.DELAYED, Status.NOT_STARTED, Status.COMPLETE)


def _action(priority: int, number: int) -> ActionData:
    rag = RAGS[number % len(RAGS)]
    status = Status.COMPLETE if rag is Rag.BLUE else STATUSES[number % 3]
    due = date(2025, 4, 30) + timedelta(days=(number * 7) % 700)
    text = f"{VERBS[number % len(VERBS)]} {OBJECTS[number % len(OBJECTS)]} (stage {number})"
    lead = LEADS[(priority + number) % len(LEADS)]
    update = UpdateData(
        due - timedelta(days=60),
        f"Update for {priority + 1}.{number + 1}: on track",
        "Lead",
        rag,
        status,
    )
    return ActionData(
        text=text,
        ref=f"{priority + 1}.{number + 1}",
        leads=[LeadData(lead)],
        lead_raw=lead,
        timescale_raw=due.strftime("%d/%m/%Y"),
        status=status,
        rag=rag,
        rag_raw=rag.letter,
        updates=[update],
    )


def big_plan(priorities: int = 12, per_priority: int = 2000) -> PlanData:
    """A plan of ``priorities × per_priority`` actions with one update each."""
    return PlanData(
        title=f"Benchmark plan of {priorities * per_priority:,} actions",
        partnership="Northbridge Safeguarding Children Partnership",
        priorities=[
            PriorityData(
                title=THEMES[p % len(THEMES)],
                number=str(p + 1),
                champion="Executive champion",
                actions=[_action(p, n) for n in range(per_priority)],
            )
            for p in range(priorities)
        ],
    )
