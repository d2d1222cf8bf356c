"""`actionplan recommendations import/list`: a register imported and listed as a script
would, and hostile workbooks refused in one line with the database unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database
from tests.e2e.test_cli import _one_line_failure, run
from tests.hostile.hostile_files import make
from tests.plan_helpers import plan_with_leads
from tests.services.test_recommendations import write_register


@pytest.fixture
def plan_db(tmp_path: Path) -> Path:
    """A database holding one plan with actions 1.1 to 1.3."""
    path = tmp_path / "plan.db"
    db = Database.open(path)
    try:
        save_plan_data(db, plan_with_leads())
    finally:
        db.close()
    return path


def _register_rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute(
            "SELECT review, text, response FROM recommendation ORDER BY id"
        ).fetchall()
        links = raw.execute("SELECT * FROM recommendation_action ORDER BY 1, 2").fetchall()
        actions = raw.execute("SELECT id, text FROM action ORDER BY id").fetchall()
    raw.close()
    return [*rows, *links, *actions]


def test_a_register_is_imported_and_listed_with_its_sentence(plan_db: Path, tmp_path: Path) -> None:
    """Words in any script, markup and formula-looking text are kept as typed; --json too."""
    book = write_register(
        tmp_path / "recs.xlsx",
        [
            [
                "Child Q",
                "CSPR",
                "",
                "=1+2 <b>train</b> staff & carers",
                "Zażółć — تقييم",
                "1.1",
                "",
                "",
                "",
            ],
            [
                None,
                None,
                None,
                "Share learning with schools 学校",
                "Agreed",
                "Operation Makesafe training",
                "",
                "",
                "",
            ],
            ["Neglect audit", "Audit", "", "Use the toolkit", "", "", "", "", ""],
        ],
    )
    done = run(
        "recommendations", "import", str(book), "--db", str(plan_db), "--as-of", "2025-03-31"
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.strip()
        == "Imported 3 recommendations from 2 reviews, linked to 2 existing actions."
    )
    listed = run("recommendations", "list", "--db", str(plan_db), "--as-of", "2025-03-31")
    assert (
        "Child Q (Child safeguarding practice review): 0 of 2 recommendations from Child Q's "
        "review are complete." in listed.stdout
    )
    assert "=1+2 <b>train</b> staff & carers  [In progress]  actions 1.1" in listed.stdout
    as_json = json.loads(run("recommendations", "list", "--json", "--db", str(plan_db)).stdout)
    first = as_json["reviews"][0]["recommendations"][0]
    assert first["response"] == "Zażółć — تقييم"
    assert first["actions"][0]["ref"] == "1.1"
    assert (
        as_json["reviews"][1]["sentence"] == "0 of 1 recommendation from Neglect audit is complete"
    )


def _corrupt(folder: Path) -> Path:
    whole = write_register(
        folder / "whole.xlsx", [["Child Q", "", "", "Train", "", "", "", "", ""]]
    )
    path = folder / "corrupt.xlsx"
    path.write_bytes(whole.read_bytes()[:-300])
    return path


def _not_excel(folder: Path) -> Path:
    path = folder / "minutes.xlsx"
    path.write_bytes(b"%PDF-1.4 board minutes")
    return path


def _no_register(folder: Path) -> Path:
    return write_register(folder / "plan.xlsx", [["1.1", "Train staff"]], header=["Ref", "Action"])


def _unknown_action(folder: Path) -> Path:
    return write_register(
        folder / "new.xlsx", [["Child Q", "", "", "Train", "", "Invent a new thing", "", "", ""]]
    )


@pytest.mark.parametrize(
    ("make_file", "said"),
    [
        (_corrupt, "damaged"),
        (_not_excel, "not"),
        (_no_register, "no sheet with Review and Recommendation columns"),
        (_unknown_action, "choose a priority"),
        (lambda folder: make("shared-string bomb", folder), "too"),
    ],
    ids=["corrupt", "not-excel", "no-register", "unknown-action", "huge"],
)
def test_a_hostile_workbook_is_refused_in_one_line_and_nothing_changes(
    plan_db: Path, tmp_path: Path, make_file: object, said: str
) -> None:
    """Each ends in one sentence on stderr and the register and plan stay exactly as they were."""
    before = _register_rows(plan_db)
    path = make_file(tmp_path)  # type: ignore[operator]
    line = _one_line_failure(run("recommendations", "import", str(path), "--db", str(plan_db)))
    assert said in line
    assert _register_rows(plan_db) == before


def test_new_actions_are_made_under_the_priority_named(plan_db: Path, tmp_path: Path) -> None:
    """--priority 1 adds the action the plan lacked, linked; an unknown priority is one line."""
    path = _unknown_action(tmp_path)
    assert "no priority" in _one_line_failure(
        run("recommendations", "import", str(path), "--priority", "9", "--db", str(plan_db))
    )
    done = run("recommendations", "import", str(path), "--priority", "1", "--db", str(plan_db))
    assert done.stdout.strip().endswith("and 1 new action.")
    assert ("Invent a new thing",) in [row[1:] for row in _register_rows(plan_db) if len(row) == 2]
