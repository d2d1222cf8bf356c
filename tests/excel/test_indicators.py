"""An indicators sheet with a column per year or quarter becomes measures with readings."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from actionplan.excel.read.indicators import period_of
from actionplan.excel.read.reader import read_workbook
from tests.excel.import_books import book

ACTIONS = [["Action", "Lead"], ["Relaunch the toolkit", "Health"]]


def test_periods_are_read_from_headings() -> None:
    """Financial years, quarters, years, months and dates name a period and its last day."""
    assert period_of("2021-22") == ("2021-22", date(2022, 3, 31))
    assert period_of("Q2 2025/26") == ("Q2 2025/26", date(2025, 9, 30))
    assert period_of(2024.0) == ("2024", date(2024, 12, 31))
    assert period_of("March 2025") == ("March 2025", date(2025, 3, 31))
    assert period_of(datetime(2025, 6, 30)) == ("2025-06-30", date(2025, 6, 30))
    assert period_of("Target") is None and period_of("Unit") is None and period_of(7.5) is None


def test_quarterly_indicators_with_direction_where_stated(tmp_path: Path) -> None:
    """Baseline, target and readings; blank readings are not readings; "n/a" is kept."""
    path = book(tmp_path / "plan.xlsx", {"Plan": ACTIONS, "KPIs": [
        ["Indicator", "Unit", "Polarity", "Baseline", "Target", "Q1 2025/26", "Q2 2025/26"],
        ["Re-referrals (%)", "%", "Lower is better", "16.1%", 15, 15.8, None],
        ["ICPCs in 15 days", "%", None, 91.3, 95, "n/a", 94.1],
        [None, None, None, None, None, None, None],
    ]})  # fmt: skip
    result = read_workbook(path)
    first, second = result.plan.measures
    assert (first.name, first.direction, first.direction_raw) == (
        "Re-referrals (%)", "lower", "Lower is better",
    )  # fmt: skip
    assert (first.baseline, first.baseline_raw, first.target) == (16.1, "16.1%", 15.0)
    assert [(r.period_label, r.value) for r in first.readings] == [("Q1 2025/26", 15.8)]
    assert second.direction == ""
    assert [(r.value, r.value_raw) for r in second.readings] == [(None, "n/a"), (94.1, "94.1")]
    sheet = result.report.sheets[1]
    assert (sheet.role, sheet.counts["measures"], sheet.counts["readings"]) == ("indicators", 2, 3)
    assert "Q1 2025/26 (column F) → reading" in sheet.mapping


def test_indicators_naming_a_priority_belong_to_it(tmp_path: Path) -> None:
    """An indicator row naming a priority of the plan is that priority's measure."""
    path = book(tmp_path / "plan.xlsx", {
        "Plan": [["Priority", "Action"], ["Neglect", "Relaunch"]],
        "Indicators": [["Priority", "Measure", "2023", "2024"], ["neglect", "CP plans", 40, 41],
                       ["", "Children looked after", 231, 244]],
    })  # fmt: skip
    plan = read_workbook(path).plan
    assert [m.name for m in plan.priorities[0].measures] == ["CP plans"]
    assert [m.name for m in plan.measures] == ["Children looked after"]
