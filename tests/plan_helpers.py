"""Plans built for tests that need more than the factory's few actions, and returns filled in."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from actionplan.domain.plan_data import ActionData, LeadData, PlanData, PriorityData, UpdateData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status


def long_plan(actions: int) -> PlanData:
    """A plan of two priorities; the first has more actions than one screenful."""
    odd_words = [
        '=HYPERLINK("http://example.com")',
        "<b>bold</b> & 'quoted' \"words\"",
        "Kuzuia unyanyasaji — تقييم المخاطر — 児童保護",
        "",
    ]

    def action(priority: int, number: int) -> ActionData:
        due = date(2025, 4, 30) + timedelta(days=number * 5)
        return ActionData(
            text=f"{odd_words[number % 3]} step {number}",
            ref=f"{priority}.{number}",
            leads=[LeadData("Police", "Northbridge Police")] if number % 4 else [],
            lead_raw="Police" if number % 4 else odd_words[3],
            timescale_raw=due.strftime("%d/%m/%Y") if number % 5 else "Ongoing",
            status=(Status.IN_PROGRESS, Status.COMPLETE, Status.DELAYED)[number % 3],
            rag=(Rag.GREEN, Rag.AMBER, Rag.RED, Rag.UNRATED)[number % 4],
            outcome="Children are safer online" if number % 2 else "",
            updates=(
                [UpdateData(due - timedelta(days=40), f"Update {number}", "Lead", Rag.GREEN)]
                if number % 3
                else []
            ),
        )

    return PlanData(
        title="Long plan",
        priorities=[
            PriorityData(
                title="Online safety",
                number="1",
                outcomes=["Children are safer online"],
                actions=[action(1, n) for n in range(actions)],
            ),
            PriorityData(title="Neglect", number="2", actions=[action(2, n) for n in range(3)]),
        ],
    )


def plan_with_leads(
    title: str = "Northbridge Priorities Action Plan 2025-26", timescale: str = "March 2026"
) -> PlanData:
    """Three actions: two led by Police (one shared with Health), one with no lead."""
    police, health = LeadData("Police", "Northbridge Police"), LeadData("Health")
    return PlanData(
        title=title,
        prepared_by="Ana Novak",
        priorities=[
            PriorityData(
                title="Contextual Risk",
                number="1",
                actions=[
                    ActionData(
                        "Safer Spaces: sign up businesses",
                        "1.1",
                        [police],
                        timescale_raw=timescale,
                        status=Status.IN_PROGRESS,
                        rag=Rag.AMBER,
                    ),
                    ActionData(
                        "Operation Makesafe training",
                        "1.2",
                        [police, health],
                        timescale_raw=timescale,
                        status=Status.IN_PROGRESS,
                        rag=Rag.GREEN,
                    ),
                    ActionData("Map hotspots", "1.3", timescale_raw="Ongoing"),
                ],
            )
        ],
    )


def fill_in(path: Path, row: int, rag: str, status: str, update: str, reason: str = "") -> None:
    """Fill in one row of a return as the lead would, and save it."""
    book = load_workbook(path)
    sheet = book["Your actions"]
    sheet.cell(row, 8, rag)
    sheet.cell(row, 9, status)
    sheet.cell(row, 10, update).data_type = "s"
    sheet.cell(row, 11, datetime(2025, 11, 28))
    sheet.cell(row, 12, reason).data_type = "s"
    book.save(path)
