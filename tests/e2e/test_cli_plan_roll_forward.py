"""`actionplan plan roll-forward` and `plan reopen`: next year's plan as a script makes it,
its summary --json, and the old plan closed until reopened, with one-line failures."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from actionplan.domain.plan_data import PlanData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database
from tests.e2e.test_cli import _one_line_failure, run
from tests.plan_helpers import plan_with_leads

OLD = "Northbridge Priorities Action Plan 2024-25"


def _plan(path: Path) -> None:
    """1.1 and 1.2 in progress, 1.3 complete; April 2024 to March 2025."""
    data: PlanData = plan_with_leads(OLD)
    actions = data.priorities[0].actions
    actions[2] = replace(actions[2], status=Status.COMPLETE, rag=Rag.BLUE)
    data = replace(data, period_start=date(2024, 4, 1), period_end=date(2025, 3, 31))
    db = Database.open(path)
    try:
        save_plan_data(db, data)
    finally:
        db.close()


def test_roll_forward_makes_next_years_plan_and_closes_this_one(tmp_path: Path) -> None:
    """The new plan is "… 2025-26" (the newest, so summary shows it) with the two unfinished
    actions; the old one refuses a snapshot until `plan reopen`."""
    path = tmp_path / "plan.db"
    _plan(path)
    rolled = run("plan", "roll-forward", "--db", str(path))
    assert rolled.returncode == 0, rolled.stderr
    assert rolled.stdout.startswith("Started Northbridge Priorities Action Plan 2025-26 with 1 ")
    assert "2 actions carried forward" in rolled.stdout and f"{OLD} is now closed" in rolled.stdout
    summary = json.loads(run("summary", "--json", "--db", str(path)).stdout)
    assert summary["plan"] == "Northbridge Priorities Action Plan 2025-26"
    assert (summary["priorities"], summary["actions"]) == (1, 2)
    assert summary["rag"] == {"red": 0, "amber": 1, "green": 1, "blue": 0, "unrated": 0}
    refused = _one_line_failure(run("snapshot", "Board", "--plan", OLD, "--db", str(path)))
    assert refused.endswith(
        "is closed, rolled forward to Northbridge Priorities Action Plan "
        f"2025-26 on {_today()}: reopen it to change it."
    )
    reopened = run("plan", "reopen", "--plan", OLD, "--db", str(path))
    assert reopened.stdout.strip() == f"{OLD} is open to edits again."
    assert run("snapshot", "Board", "--plan", OLD, "--db", str(path)).returncode == 0


def _today() -> str:
    from actionplan.domain.timescale import format_due

    return format_due(date.today())


def test_leave_and_title_choose_what_is_carried(tmp_path: Path) -> None:
    """--leave 1.2 carries only 1.1 under the title given; an unknown reference or a title
    in use fails in one line and writes nothing."""
    path = tmp_path / "plan.db"
    _plan(path)
    assert "no unfinished action 9.9" in _one_line_failure(
        run("plan", "roll-forward", "--leave", "9.9", "--db", str(path))
    )
    assert "already called" in _one_line_failure(
        run("plan", "roll-forward", "--title", OLD, "--db", str(path))
    )
    rolled = run("plan", "roll-forward", "--title", "Next one", "--leave", "1.2", "--db", str(path))
    assert rolled.returncode == 0, rolled.stderr
    assert "1 action carried forward (1 action left behind)" in rolled.stdout
    summary = json.loads(run("summary", "--json", "--plan", "Next one", "--db", str(path)).stdout)
    assert summary["actions"] == 1
