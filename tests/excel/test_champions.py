"""Matching an executive champions sheet to the plan's priorities when the names differ a little."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.domain.plan_data import PriorityData
from actionplan.excel.read.champions import ChampionRow, assign_champions, similarity
from actionplan.excel.read.import_report import SheetReport
from actionplan.excel.read.reader import read_workbook
from tests.excel.import_books import book


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Contextual risk", "Contextual Risk"),
        ("Mental Health & Emotional Wellbeing", "Mental Health and Emotional Wellbeing"),
        ("Under-Fives", "Under Fives"),
        ("Anti-racist / Anti discriminatory practice", "Anti-Racist /Discriminatory Practice"),
        ("SEND", "Special Educational Needs Disabilities"),
    ],
)
def test_names_that_differ_only_a_little_are_alike(first: str, second: str) -> None:
    """Case, "&"/"and", hyphens, slashes, a repeated word and an acronym do not matter."""
    assert similarity(first, second) >= 0.9


@pytest.mark.parametrize(("first", "second"), [("Neglect", "Domestic Abuse"), ("SEND", "")])
def test_different_names_are_not_alike(first: str, second: str) -> None:
    """Unrelated priorities score low."""
    assert similarity(first, second) < 0.5


def test_each_match_is_reported_and_misses_warned() -> None:
    """A close name matches and says how; a name matching nothing is a warning with its row."""
    priorities = [PriorityData("Domestic Abuse"), PriorityData("Neglect"), PriorityData("SEND")]
    rows = [
        ChampionRow(2, "Domestic Abuse & Coercive Control", "Dafydd Rhys-Jones"),
        ChampionRow(3, "neglect", "Mehmet Yılmaz"),
        ChampionRow(4, "Youth Violence", "Ana Novak"),
    ]
    report = SheetReport("Executive Champions", "champions")
    assign_champions(rows, priorities, {}, report)
    assert [p.champion for p in priorities] == ["Dafydd Rhys-Jones", "Mehmet Yılmaz", ""]
    assert "by similar words (67% alike)" in report.notes[0]
    assert report.notes[1] == (
        "Row 3: 'neglect' matched priority 'Neglect' by the same words (case, punctuation, '&' "
        "and repeats aside); "
        "champion Mehmet Yılmaz."
    )
    assert report.warnings == [
        "Sheet 'Executive Champions', row 4: no priority matches 'Youth Violence', so champion "
        "'Ana Novak' was not set."
    ]


def test_each_priority_gets_one_champion_the_best_match() -> None:
    """Two rows naming the same priority: the closer one wins, the other is reported."""
    priorities = [PriorityData("Domestic Abuse")]
    rows = [
        ChampionRow(2, "Domestic Abuse and Neglect", "B"),
        ChampionRow(3, "Domestic abuse", "A"),
    ]
    report = SheetReport("Champions")
    assign_champions(rows, priorities, {}, report)
    assert priorities[0].champion == "A"
    assert len(report.warnings) == 1


def test_champions_sheet_matched_by_sheet_name(tmp_path: Path) -> None:
    """A champion named by a priority's sheet name ("SEND") finds that priority."""
    sheets = {
        "SEND": [["Key Priority Area", "Action"], ["Special Educational Needs (EHCPs)", "Audit"]],
        "Executive Champions": [["Priority Area", "Executive Champion"], ["SEND", "Aoife"]],
    }
    path = book(tmp_path / "plan.xlsx", sheets)
    [priority] = read_workbook(path).plan.priorities
    assert priority.champion == "Aoife"
