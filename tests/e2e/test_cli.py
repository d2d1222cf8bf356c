"""The command line as scripts use it: the contract of DESIGN.md, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan import __version__
from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.store.database import Database


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``actionplan ARGS`` in a new process and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "actionplan", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def _one_line_failure(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


def test_summary_json_of_a_new_database_is_the_schema_with_zeros(tmp_path: Path) -> None:
    """`summary --json --db new.db` prints every key of the contract with zeros."""
    result = run("summary", "--json", "--db", str(tmp_path / "new.db"), "--as-of", "2025-03-31")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary == {
        "plan": None,
        "as_of": "2025-03-31",
        "priorities": 0,
        "outcomes": 0,
        "actions": 0,
        "measures": 0,
        "rag": {"red": 0, "amber": 0, "green": 0, "blue": 0, "unrated": 0},
        "overdue": 0,
        "stale": 0,
        "no_update": 0,
        "complete": 0,
        "by_priority": [],
    }


def _small_plan(path: Path) -> None:
    db = Database.open(path)
    plan = create_plan(db, "Ealdham SCP Plan 2025", "Ealdham SCP")
    priority = add_priority(db, plan.id, "Under Fives", champion="Ruth Okafor")
    add_action(db, priority, ActionDraft(text="Safe sleep campaign", rag="R", timescale="May 2025"))
    db.close()


@pytest.mark.parametrize("order", ["before", "after"])
def test_db_option_works_before_or_after_the_command(tmp_path: Path, order: str) -> None:
    """`--db x summary` and `summary --json --db x` both work."""
    path = tmp_path / "plan.db"
    _small_plan(path)
    args = ["--db", str(path), "summary", "--json"]
    if order == "after":
        args = ["summary", "--json", "--db", str(path)]
    result = run(*args, "--as-of", "2025-06-30")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["plan"], summary["actions"], summary["overdue"]) == (
        "Ealdham SCP Plan 2025",
        1,
        1,
    )
    assert summary["by_priority"][0]["champion"] == "Ruth Okafor"


def test_environment_names_the_database(tmp_path: Path) -> None:
    """Without --db, ACTIONPLAN_DB is used."""
    path = tmp_path / "env.db"
    _small_plan(path)
    result = run("summary", "--json", env={"ACTIONPLAN_DB": str(path)})
    assert json.loads(result.stdout)["actions"] == 1


def test_plain_summary_reads_like_a_sentence(tmp_path: Path) -> None:
    """Without --json the summary is for people, with the words Red and Overdue."""
    path = tmp_path / "plan.db"
    _small_plan(path)
    result = run("--db", str(path), "summary", "--as-of", "2025-06-30")
    assert "1 red" in result.stdout and "Overdue: 1" in result.stdout


def test_backup_command_copies_the_database(tmp_path: Path) -> None:
    """`backup OUT.db` makes a copy that opens with the same plan."""
    path, copy = tmp_path / "plan.db", tmp_path / "copy.db"
    _small_plan(path)
    result = run("--db", str(path), "backup", str(copy))
    assert result.returncode == 0, result.stderr
    assert json.loads(run("--db", str(copy), "summary", "--json").stdout)["actions"] == 1


def test_version() -> None:
    """--version prints the app's version."""
    assert run("--version").stdout.strip() == f"actionplan {__version__}"


def test_help_lists_the_commands() -> None:
    """--help names each command that exists now."""
    out = run("--help").stdout
    assert "summary" in out and "backup" in out and "--db" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["summary", "--as-of", "31/03/2025"], "YYYY-MM-DD"),
        (["summary", "--plan", "Nowhere"], "matches no plan"),
        (["frobnicate"], "invalid choice"),
        (["backup"], "required"),
    ],
)
def test_usage_mistakes_are_one_clear_line(tmp_path: Path, args: list[str], expected: str) -> None:
    """A wrong option says what is wrong in one line, exit non-zero, no traceback."""
    path = tmp_path / "plan.db"
    _small_plan(path)
    line = _one_line_failure(run("--db", str(path), *args))
    assert expected in line


def test_folder_as_database_is_one_clear_line(tmp_path: Path) -> None:
    """--db naming a folder is refused in one sentence."""
    line = _one_line_failure(run("--db", str(tmp_path), "summary"))
    assert "is a folder" in line


def test_text_file_as_database_is_one_clear_line(tmp_path: Path) -> None:
    """--db naming a text file is refused in one sentence, and the file is untouched."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    line = _one_line_failure(run("--db", str(notes), "summary"))
    assert "not an actionplan database" in line
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_backup_over_an_existing_file_is_one_clear_line(tmp_path: Path) -> None:
    """A backup never overwrites; it says so."""
    path = tmp_path / "plan.db"
    _small_plan(path)
    line = _one_line_failure(run("--db", str(path), "backup", str(path)))
    assert "different file" in line
