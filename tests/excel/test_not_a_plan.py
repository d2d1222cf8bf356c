"""A sheet is an action plan only with evidence beyond one column that reads as "Action"."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from actionplan.services.errors import ServiceError
from actionplan.services.importing import import_workbook
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plans import list_plans
from actionplan.store.database import Database
from tests.e2e.test_cli import run
from tests.excel.import_books import book

CODE_LIST_HEADER = ["Code", "Description", "Category"]
CODE_LIST_ROWS = 483


def code_list_rows() -> list[list[str]]:
    """A list of codes: its Description column reads as "Action", but it holds no plan."""
    return [
        [f"C{n:04d}", f"Referral reason number {n}", ("Health", "Education", "Police")[n % 3]]
        for n in range(1, CODE_LIST_ROWS + 1)
    ]


def code_list_xlsx(tmp_path: Path) -> Path:
    """The code list as an Excel workbook of one sheet."""
    return book(tmp_path / "codes.xlsx", {"Codes": [CODE_LIST_HEADER, *code_list_rows()]})


def code_list_csv(tmp_path: Path) -> Path:
    """The same code list as a CSV file."""
    path = tmp_path / "codes.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([CODE_LIST_HEADER, *code_list_rows()])
    return path


@pytest.mark.parametrize("make", [code_list_xlsx, code_list_csv], ids=["xlsx", "csv"])
def test_a_code_list_is_refused_in_one_sentence_naming_its_columns_and_nothing_is_saved(
    db: Database, tmp_path: Path, make: object
) -> None:
    """483 codes are not 483 actions: the refusal names the columns found; no plan appears."""
    assert callable(make)
    path = make(tmp_path)
    plans_before = len(list_plans(db))
    with pytest.raises(ServiceError) as refused:
        import_workbook(db, path)
    message = str(refused.value)
    assert "found the columns Code, Description, Category" in message
    assert "but no lead, RAG, status, timescale, reference or priority" in message
    assert path.name in message
    assert message.count(". ") == 0 and message.endswith(".") and "\n" not in message
    assert len(list_plans(db)) == plans_before == 0


def test_a_minimal_plan_of_actions_and_their_leads_still_imports(
    db: Database, tmp_path: Path
) -> None:
    """Action and Lead are enough to show a plan: every action is imported with its lead."""
    path = book(
        tmp_path / "plan.xlsx",
        {
            "Plan": [
                ["Action", "Lead"],
                ["Train staff in the neglect toolkit", "Police"],
                ["Audit neglect cases", "Health"],
            ]
        },
    )
    result = import_workbook(db, path)
    plan = load_plan_data(db, result.plan_id)
    actions = [action for priority in plan.priorities for action in priority.actions]
    assert [(a.text, a.lead_raw) for a in actions] == [
        ("Train staff in the neglect toolkit", "Police"),
        ("Audit neglect cases", "Health"),
    ]


def test_a_plan_of_numbered_actions_alone_still_imports(db: Database, tmp_path: Path) -> None:
    """Actions numbered "1." and "2.3" show a plan even with no other column beside them."""
    path = book(
        tmp_path / "plan.xlsx",
        {
            "Plan": [
                ["Action", "Notes"],
                ["1. Train staff in the neglect toolkit", ""],
                ["2.3 Audit neglect cases", "Started"],
            ]
        },
    )
    result = import_workbook(db, path)
    plan = load_plan_data(db, result.plan_id)
    actions = [action for priority in plan.priorities for action in priority.actions]
    assert [(a.ref, a.text) for a in actions] == [
        ("1.1", "Train staff in the neglect toolkit"),
        ("2.3", "Audit neglect cases"),
    ]


def test_a_notes_column_beside_a_description_does_not_make_a_plan(
    db: Database, tmp_path: Path
) -> None:
    """Any list may carry Notes: "Code | Description | Notes" is refused like the code list."""
    rows = [[f"C{n:04d}", f"Referral reason number {n}", "see guidance"] for n in range(1, 50)]
    path = book(tmp_path / "codes.xlsx", {"Codes": [["Code", "Description", "Notes"], *rows]})
    with pytest.raises(ServiceError, match="found the columns Code, Description, Notes on sheet"):
        import_workbook(db, path)
    assert not list_plans(db)


def test_a_sheet_per_priority_named_in_a_key_priority_area_cell_still_imports(
    db: Database, tmp_path: Path
) -> None:
    """A "Key Priority Area" cell above the Action heading shows a plan's priority structure."""
    path = book(
        tmp_path / "plan.xlsx",
        {
            "Neglect": [
                ["Key Priority Area", "Neglect"],
                [],
                ["Action"],
                ["Relaunch the neglect toolkit"],
                ["Audit neglect cases"],
            ],
            "Exploitation": [
                ["Key Priority Area: Exploitation"],
                ["Action"],
                ["Map exploitation hotspots"],
            ],
        },
    )
    result = import_workbook(db, path)
    plan = load_plan_data(db, result.plan_id)
    assert [(p.title, [a.text for a in p.actions]) for p in plan.priorities] == [
        ("Neglect", ["Relaunch the neglect toolkit", "Audit neglect cases"]),
        ("Exploitation", ["Map exploitation hotspots"]),
    ]


def test_a_lone_task_column_is_refused_naming_that_one_column(db: Database, tmp_path: Path) -> None:
    """A to-do list of tasks alone is no plan; the sentence names its one column."""
    rows = [[f"Buy item {n}"] for n in range(1, 20)]
    path = book(tmp_path / "todo.xlsx", {"List": [["Task"], *rows]})
    with pytest.raises(ServiceError, match="found the column Task on sheet 'List', but no lead"):
        import_workbook(db, path)
    assert not list_plans(db)


def test_the_command_line_refuses_a_code_list_in_one_line_unless_told_its_codes_are_refs(
    tmp_path: Path,
) -> None:
    """`import codes.csv` fails with the one sentence; --map "Code=ref" says it is a plan."""
    path, db = code_list_csv(tmp_path), str(tmp_path / "plan.db")
    refused = run("import", str(path), "--db", db)
    assert refused.returncode == 1
    [line] = refused.stderr.strip().splitlines()
    assert "'codes.csv' does not look like an action plan" in line
    assert "found the columns Code, Description, Category, but no lead" in line
    told = run("import", str(path), "--map", "Code=ref", "--db", db)
    assert told.returncode == 0, told.stderr
    summary = json.loads(run("summary", "--json", "--db", db).stdout)
    assert summary["actions"] == CODE_LIST_ROWS
