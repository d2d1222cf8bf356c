"""The column mapping: shown before import, corrected by --map or handed back by the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actionplan.excel.errors import WorkbookError
from actionplan.excel.read.column_mapping import ColumnMapping, column_letter, parse_overrides
from actionplan.excel.read.reader import read_workbook
from tests.excel.import_books import book

ODD = [["Action", "Person", "Notes", "RAG"], ["Relaunch", "Health", "ring Sam", "G"]]


def test_overrides_are_heading_equals_field() -> None:
    """Headings are matched ignoring case and punctuation; "ignore" drops a column."""
    assert parse_overrides(["Who=lead", " Notes = ignore", "Lead(s)=agency"]) == {
        "who": "lead", "notes": "ignore", "lead s": "agency",
    }  # fmt: skip


def test_overrides_may_name_a_field_as_the_window_shows_it() -> None:
    """ "How we will know", "Due date", "RAG" and "Not used" read as the fields they label."""
    assert parse_overrides(
        ["Evidence=How we will know", "By when=due date", "Colour=rag", "Notes=Not used"]
    ) == {"evidence": "how_we_know", "by when": "due_date", "colour": "rag", "notes": "ignore"}


@pytest.mark.parametrize("text", ["lead", "=lead", "Who=", "Who=person"])
def test_malformed_overrides_say_how_to_write_them(text: str) -> None:
    """A missing "=", heading or known field is one sentence."""
    with pytest.raises(WorkbookError, match="--map"):
        parse_overrides([text])


def test_map_gives_an_unknown_heading_its_field_and_ignores_another(tmp_path: Path) -> None:
    """--map "Person=lead" and "Notes=ignore": Person's words become the lead; Notes is dropped."""
    path = book(tmp_path / "odd.xlsx", {"Plan": ODD})
    guessed = read_workbook(path)
    assert guessed.plan.priorities[0].actions[0].updates[0].text == "ring Sam"
    result = read_workbook(path, ["Person=lead", "Notes=ignore"])
    action = result.plan.priorities[0].actions[0]
    assert (action.lead_raw, action.updates) == ("Health", [])
    assert result.mapping.sheets[0].lines() == [
        "Action (column A) → Action",
        "Person (column B) → Lead",
        "Notes (column C) → not used",
        "RAG (column D) → RAG",
    ]


def test_map_naming_a_heading_nowhere_in_the_file_is_refused(tmp_path: Path) -> None:
    """A mistyped heading is not silently ignored."""
    path = book(tmp_path / "odd.xlsx", {"Plan": ODD})
    with pytest.raises(WorkbookError, match=r"No column in 'odd\.xlsx' is headed 'whom'"):
        read_workbook(path, ["Whom=lead"])


def test_a_corrected_mapping_is_accepted_back(tmp_path: Path) -> None:
    """The preview's mapping, with a column moved, is used as given: nothing is guessed."""
    path = book(tmp_path / "odd.xlsx", {"Plan": ODD})
    mapping = read_workbook(path).mapping
    sheet = mapping.sheets[0].with_field("lead", 2).with_field("update", None)
    result = read_workbook(path, mapping.with_sheet(sheet))
    action = result.plan.priorities[0].actions[0]
    assert (action.lead_raw, action.updates) == ("Health", [])
    assert result.mapping.sheets[0].columns == {"action": 1, "rag": 4, "lead": 2}


def test_a_mapping_that_no_longer_fits_the_file_is_refused(tmp_path: Path) -> None:
    """A sheet that is not there, or an actions sheet without an Action column, is one sentence."""
    path = book(tmp_path / "odd.xlsx", {"Plan": ODD})
    sheet = read_workbook(path).mapping.sheets[0]
    with pytest.raises(WorkbookError, match="has no sheet named 'Other'"):
        read_workbook(path, ColumnMapping((sheet.__class__("Other", "actions", 1, {"action": 1}),)))
    with pytest.raises(WorkbookError, match="needs a column for action"):
        read_workbook(path, ColumnMapping((sheet.with_field("action", None),)))


def test_mapping_json_follows_the_contract(tmp_path: Path) -> None:
    """layout, sheets (name, header_rows, columns 1-based) and each action's sheet and row."""
    path = book(tmp_path / "odd.xlsx", {"Plan": [["Title"], [], *ODD, ["Second", "x", "", "A"]]})
    document = json.loads(read_workbook(path).mapping_json())
    assert document == {
        "layout": "tracker",
        "sheets": [{"name": "Plan", "header_rows": [3],
                    "columns": {"action": 1, "rag": 4, "update": 3}}],
        "actions": [["Plan", 4], ["Plan", 5]],
    }  # fmt: skip


def test_column_letters() -> None:
    """1 is A, 26 Z, 27 AA, 16384 XFD."""
    assert [column_letter(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]
