"""`actionplan round start|status|collect|chase|close` run as real processes."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import date
from email.policy import default
from pathlib import Path

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.store.database import Database
from tests.e2e.test_cli import run
from tests.services.test_returns import ids
from tests.services.test_rounds import PLAN, fill_in, round_plan


def test_a_round_from_the_command_line(tmp_path: Path) -> None:
    """Start writes returns and drafts; status shows who is late; collect, chase and close."""
    path, folder = tmp_path / "plan.db", tmp_path / "March"
    db = Database.open(path)
    try:
        save_plan_data(db, round_plan())
    finally:
        db.close()
    base = ("--db", str(path))
    started = run(*base, "round", "start", "--due", "2025-03-14", "--board", "Board 20 March",
                  "--out", str(folder), "--as-of", "2025-03-03")  # fmt: skip
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip().endswith(
        f"Round 'Board 20 March' started: returns and email drafts are in '{folder}'."
    )
    drafts = sorted(folder.glob("*.eml"))
    assert len(drafts) == 4
    message = email.message_from_bytes(drafts[0].read_bytes(), policy=default)
    assert message["Subject"] == f"{PLAN}: your update return, due 14 Mar 2025"

    police = folder / "Return - Police - Board 20 March.xlsx"
    fill_in(police, "Red", "Delayed", "Short-staffed")
    collected = run(*base, "round", "collect", str(police), "--apply", "--as-of", "2025-03-17")
    assert collected.returncode == 0, collected.stderr
    assert "1 recorded" in collected.stdout
    status = run(*base, "round", "status", "--as-of", "2025-03-17").stdout.splitlines()
    merged = next(line for line in status if line.startswith("Police"))
    assert "17 Mar 2025" in merged and merged.endswith("merged")
    health = next(line for line in status if line.startswith("Health"))
    assert health.endswith("3 days late")
    chased = run(*base, "round", "chase", "--as-of", "2025-03-17")
    assert chased.returncode == 0 and chased.stdout.count("Chase email written") == 3
    closed = run(*base, "round", "close", "--as-of", "2025-03-19")
    assert closed.stdout.strip() == (
        "Round 'Board 20 March' closed; snapshot 'Board 20 March' taken. Updates received from "
        "1 of 4 leads; not received: Health, Education, Youth Justice."
    )
    again = run(*base, "round", "close")
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "actionplan: The round 'Board 20 March' was closed on 19 Mar 2025; start a new round "
        "to ask the leads again."
    )


def test_round_collect_names_the_colleague_who_changed_an_action_since_the_round_began(
    tmp_path: Path,
) -> None:
    """Sam Patel records progress on Police's action after the round went out: `round collect`
    prints the conflict with Sam's name, and records nothing over Sam's update."""
    path, folder = tmp_path / "plan.db", tmp_path / "March"
    db = Database.open(path)
    try:
        plan_id = save_plan_data(db, round_plan())
    finally:
        db.close()
    base = ("--db", str(path))
    started = run(*base, "round", "start", "--due", "2025-03-14", "--board", "Board 20 March",
                  "--out", str(folder), "--as-of", "2025-03-03")  # fmt: skip
    assert started.returncode == 0, started.stderr
    colleague = Database.open(path, user="Sam Patel")
    try:
        police_action = ids(colleague, plan_id)["1.1"]
        sams = ProgressEntry(police_action, date(2025, 3, 5), Rag.AMBER, Status.DELAYED, "Venue")
        record_progress(colleague, replace(sams, author="Sam Patel", reason="venue lost"))
    finally:
        colleague.close()
    police = folder / "Return - Police - Board 20 March.xlsx"
    fill_in(police, "Red", "Delayed", "Short-staffed")

    collected = run(*base, "round", "collect", str(police), "--apply", "--as-of", "2025-03-17")
    assert collected.returncode == 0, collected.stderr
    assert "CONFLICT 1.1 Action 1.1 led by Police: Sam Patel changed this action on " in (
        collected.stdout
    )
    db = Database.open(path)
    try:
        assert [update.text for update in history(db, police_action)] == ["Venue"]
    finally:
        db.close()
