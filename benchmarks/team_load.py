"""A whole team at once on one PostgreSQL server: 30 people saving for a minute.

    python benchmarks/team_load.py [--seconds 60] [--users 30] [--managers 3] [--readers 2]

Uses the server the PG* variables (or ACTIONPLAN_TEST_PG) name; without one it runs itself
again beside a throwaway server on this machine (pg_virtualenv, loopback only); a server
elsewhere is refused, so the load never reaches a real one. Builds a plan of 4 priorities
× 500 actions led by as many leads as the team has, in a SQLite file, creates a new
database on the server (`team upgrade`), publishes the plan to it, runs `team setup` and
adds every member with a login of their own (a few managers, a reader or two, the rest
leads tied to a lead of the plan). Then each member is a process of its own, with its own
connection and listener, saving through the app's services for the time given (see
team_load_user.py), all at once.

Prints: saves acknowledged, conflicts, not permitted and errors; the check that every
acknowledged save is in the database and no refused one is (no lost update); the save
time (p50, p95); how soon the other members' listeners heard of each save (p50, p95); and
the start on the server plan beside the start on the same plan in its SQLite file (open,
read the rights, read the first view's rows; median of runs, in this process and
in a fresh one). Asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from actionplan.domain.plan_data import LeadData, PlanData
from actionplan.services.actions import action_rows
from actionplan.services.activity import action_activity
from actionplan.services.editing import action_draft
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import chosen_plan
from actionplan.services.progress import history
from actionplan.services.rights import rights_of
from actionplan.services.schema_upgrade import upgrade_team_database
from actionplan.services.team import publish
from actionplan.services.team_members import add_member, set_up
from actionplan.store.database import Database
from actionplan.store.team_roles import group_names
from benchmarks.big_plan import LEADS, big_plan
from benchmarks.team_load_user import PROGRESS, WORDS, Member, Outcome, run_member
from tests.server_databases import server_url

AS_OF = date(2025, 3, 31)
PASSWORD = "load-bench only"
SHARED = 3  # actions every manager edits now and then
START_RUNS = 5


def main() -> None:
    """Set the team up, run every member at once, check the database and print figures."""
    args = _options()
    server = server_url()
    if server is None:
        _again_beside_a_server()
    assert server is not None
    if not _on_this_machine(server.host):
        sys.exit(f"The load benchmark runs on this machine's own server only, not {server.host}.")
    name = f"actionplan_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name)
    folder = Path(tempfile.mkdtemp(prefix="team-load-"))
    logins: list[str] = []
    try:
        leads = args.users - args.managers - args.readers
        members = _team(url, folder / "plan.db", args, leads, logins)
        print(
            f"{len(members)} members ({args.managers} managers, {leads} leads, "
            f"{args.readers} readers), 2,000 actions, {args.seconds:g} s, "
            f"a pause of {args.think:g} s on average between one member's saves"
        )
        outcomes = _run(members)
        _report(outcomes, _as(url, logins[0]))
        _compare_starts(folder / "plan.db", _as(url, logins[0]))
    finally:
        _throw_away(admin, name, logins, folder)


def _throw_away(admin: Any, name: str, logins: list[str], folder: Path) -> None:
    """Drop the benchmark's database, its logins and the team's roles, and its files."""
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        for role in [*logins, *group_names(name).values()]:
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()
    shutil.rmtree(folder, ignore_errors=True)


def _options() -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--seconds", type=float, default=60.0)
    options.add_argument("--users", type=int, default=30)
    options.add_argument("--managers", type=int, default=3)
    options.add_argument("--readers", type=int, default=2)
    options.add_argument("--think", type=float, default=0.5, help="mean pause between saves")
    args = options.parse_args()
    if not 0 < args.seconds <= 600 or not 3 <= args.users <= 60:
        options.error("--seconds is at most 600 and --users from 3 to 60")
    if args.users - args.managers - args.readers < 1 or args.managers < 1:
        options.error("the team needs a manager and a lead at least")
    return args


def _again_beside_a_server() -> None:
    """Run this script again beside a throwaway server (room for every member's connections)."""
    if not shutil.which("pg_virtualenv"):
        sys.exit("Name a PostgreSQL server (PGHOST and friends), or install postgresql.")
    script = [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]
    server = ["pg_virtualenv", "-t", "-o", "fsync=off", "-o", "max_connections=200"]
    os.execvp(server[0], [*server, *script])


def _on_this_machine(host: str | None) -> bool:
    """True for a server on loopback or a local socket: a load test never leaves the PC."""
    return not host or host.startswith("/") or host in ("localhost", "127.0.0.1", "::1")


def _as(url: URL, login: str) -> str:
    return url.set(username=login, password=PASSWORD).render_as_string(hide_password=False)


def _plan(leads: list[str]) -> PlanData:
    """2,000 actions, each led by one of ``leads`` in turn."""
    plan = big_plan(priorities=4, per_priority=500)
    number = 0
    for priority in plan.priorities:
        for index, action in enumerate(priority.actions):
            lead = leads[number % len(leads)]
            priority.actions[index] = replace(action, leads=[LeadData(lead)], lead_raw=lead)
            number += 1
    return replace(plan, title="Team load plan of 2,000 actions")


def _team(url: URL, plan_file: Path, args: Any, leads: int, logins: list[str]) -> list[Member]:
    """Publish the plan, set the team up, add its members; who each member is."""
    lead_names = [f"{LEADS[n % len(LEADS)]} lead {n + 1}" for n in range(leads)]
    local = Database.open(plan_file)
    save_plan_data(local, _plan(lead_names))
    local.close()
    owner_target = url.render_as_string(hide_password=False)
    upgrade_team_database(owner_target)
    publish(plan_file, owner_target, None)
    owner = Database.open(owner_target)
    set_up(owner)
    base = url.database or "team"
    roles = ["manager"] * args.managers + ["lead"] * leads + ["reader"] * args.readers
    tied: dict[str, str] = {}
    for number, role in enumerate(roles):
        login = f"{base}_{role}_{number}"
        lead = lead_names[number - args.managers] if role == "lead" else ""
        add_member(owner, login, role, PASSWORD, lead)
        logins.append(login)
        tied[login] = lead
    owner.close()
    manager = Database.open(_as(url, logins[0]))
    plan_id = chosen_plan(manager, None).id
    rows = action_rows(manager, plan_id, AS_OF)
    manager.close()
    every = [row.id for row in rows]
    shared = random.Random(0).sample(every, SHARED)
    members = []
    for number, (role, login) in enumerate(zip(roles, logins, strict=True)):
        own = [row.id for row in rows if tied[login] and tied[login] in row.leads]
        others = [row.id for row in rows if row.id not in set(own)] if own else every
        members.append(
            Member(number, role, _as(url, login), plan_id, own, others, shared, args.seconds,
                   args.think)
        )  # fmt: skip
    return members


def _member_main(member: Member, barrier: Any, results: Any) -> None:
    results.put(run_member(member, lambda: barrier.wait(300)))


def _run(members: list[Member]) -> list[Outcome]:
    """Every member in a process of its own, started together; what each did."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(members) + 1)
    results = context.Queue()
    processes = [
        context.Process(target=_member_main, args=(member, barrier, results), daemon=True)
        for member in members
    ]
    for process in processes:
        process.start()
    barrier.wait(300)
    outcomes = [results.get(timeout=members[0].seconds + 120) for _ in members]
    for process in processes:
        process.join(30)
        if process.is_alive():
            process.terminate()
    return sorted(outcomes, key=lambda outcome: outcome.number)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _report(outcomes: list[Outcome], manager_target: str) -> None:
    acknowledged = [save for outcome in outcomes for save in outcome.acknowledged]
    conflicts = [save for outcome in outcomes for save in outcome.conflicts]
    refused = [save for outcome in outcomes for save in outcome.not_permitted]
    errors = [error for outcome in outcomes for error in outcome.errors]
    progress = sum(1 for save in acknowledged if save[0] == PROGRESS)
    print(
        f"saves acknowledged {len(acknowledged)} ({progress} progress, "
        f"{len(acknowledged) - progress} words); conflicts {len(conflicts)}; "
        f"not permitted {len(refused)}; errors {len(errors)}; "
        f"listener reconnects {sum(outcome.lost_touch for outcome in outcomes)}"
    )
    for error in sorted(set(errors))[:5]:
        print(f"  error: {error}")
    lost, ghosts, last_wrong = _check(acknowledged, conflicts + refused, manager_target)
    verdict = "no lost update" if not (lost or ghosts or last_wrong) else "LOST UPDATES"
    print(
        f"check: {len(acknowledged) - lost} of {len(acknowledged)} acknowledged saves found, "
        f"{ghosts} of {len(conflicts) + len(refused)} refused ones found (0 expected), "
        f"{last_wrong} actions whose words are not their last acknowledged edit: {verdict}"
    )
    for kind, kinds in (("every", (PROGRESS, WORDS)), (PROGRESS, (PROGRESS,)), (WORDS, (WORDS,))):
        saves = [
            ms
            for outcome in outcomes
            for ms, save in zip(outcome.save_ms, outcome.acknowledged, strict=True)
            if save[0] in kinds
        ]
        print(
            f"save time, {kind} save: p50 {_percentile(saves, 0.5):.0f} ms, "
            f"p95 {_percentile(saves, 0.95):.0f} ms (goal p95 ≤ 100 ms)"
        )
    delays, unheard = _heard_after(outcomes)
    print(
        f"heard by the other {len(outcomes) - 1} listeners: p50 {_percentile(delays, 0.5):.0f} ms, "
        f"p95 {_percentile(delays, 0.95):.0f} ms over {len(delays)} hearings, "
        f"{unheard} never heard (goal p95 ≤ 1,000 ms)"
    )


def _check(
    acknowledged: list[tuple[str, int, str, float, int]],
    refused: list[tuple[str, int, str]],
    manager_target: str,
) -> tuple[int, int, int]:
    """How many acknowledged saves are missing, how many refused ones were written anyway, and
    how many edited actions' words are not their last logged edit."""
    db = Database.open(manager_target)
    try:
        found: dict[tuple[str, int], str] = {}

        def words_of(kind: str, action_id: int) -> str:
            if (kind, action_id) not in found:
                if kind == PROGRESS:
                    found[kind, action_id] = "\n".join(u.text for u in history(db, action_id))
                else:
                    logged = [e.new for e in action_activity(db, action_id) if e.new]
                    found[kind, action_id] = "\n".join(logged)
            return found[kind, action_id]

        lost = sum(1 for kind, aid, marker, *_ in acknowledged if marker not in words_of(kind, aid))
        ghosts = sum(1 for kind, aid, marker in refused if marker in words_of(kind, aid))
        last: dict[int, tuple[float, str]] = {}
        for kind, aid, marker, when, _ in acknowledged:
            if kind != PROGRESS and when > last.get(aid, (0.0, ""))[0]:
                last[aid] = (when, marker)
        wrong = sum(1 for aid, (_, m) in last.items() if m not in action_draft(db, aid).text)
        return lost, ghosts, wrong
    finally:
        db.close()


def _heard_after(outcomes: list[Outcome]) -> tuple[list[float], int]:
    """Each save's delay until each other member's listener heard its revision (ms), and how
    many such hearings never came. The revision is the plan's, read just after the save: an
    upper bound on the save's own, so a delay is at worst a little long."""
    heard = {o.number: ([r for r, _ in o.heard], [t for _, t in o.heard]) for o in outcomes}
    delays: list[float] = []
    unheard = 0
    for writer in outcomes:
        for *_, when, revision in writer.acknowledged:
            for number, (revisions, times) in heard.items():
                if number == writer.number:
                    continue
                at = bisect_left(revisions, revision)
                if at == len(revisions):
                    unheard += 1
                else:
                    delays.append(max(0.0, times[at] - when) * 1000)
    return delays, unheard


def _compare_starts(plan_file: Path, manager_target: str) -> None:
    """Open, read the rights and the first view's rows: on the file and on the server."""
    totals = []
    # In turns (file, server, file, …), so a PC busy with other work weighs on both alike.
    targets = (str(plan_file), manager_target)
    taken = _in_turns(_start, targets)
    for engine, runs in zip(("SQLite file", "server"), taken, strict=True):
        parts = [statistics.median(run[part] for run in runs) for part in range(3)]
        totals.append(statistics.median(sum(run) for run in runs))
        print(
            f"start on the {engine} (median of {START_RUNS}): {totals[-1]:.0f} ms "
            f"(open {parts[0]:.0f}, rights {parts[1]:.0f}, 2,000 rows {parts[2]:.0f})"
        )
    print(f"start on the server ÷ on the file: {totals[1] / totals[0]:.2f} (goal ≤ 1.5)")
    fresh = [statistics.median(times) for times in _in_turns(_fresh_start, targets)]
    print(
        f"start in a fresh process (Python, imports, open, rights, rows; median of "
        f"{START_RUNS}): file {fresh[0]:.0f} ms, server {fresh[1]:.0f} ms, "
        f"ratio {fresh[1] / fresh[0]:.2f} (goal ≤ 1.5)"
    )


def _in_turns(measure: Any, targets: tuple[str, str]) -> tuple[list[Any], list[Any]]:
    """START_RUNS measures of each target, taken in turns; each target's list."""
    taken: tuple[list[Any], list[Any]] = ([], [])
    for _ in range(START_RUNS):
        for runs, target in zip(taken, targets, strict=True):
            runs.append(measure(target))
    return taken


def _fresh_start(target: str) -> float:
    """Milliseconds from starting a new Python to its having read the first view's rows."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", _FRESH, target], check=True, cwd=_ROOT)
    return (time.perf_counter() - began) * 1000


_ROOT = Path(__file__).resolve().parent.parent
_FRESH = f"""
import sys
from datetime import date
from actionplan.services.actions import action_rows
from actionplan.services.plans import chosen_plan
from actionplan.services.rights import rights_of
from actionplan.store.database import Database
db = Database.open(sys.argv[1])
rights_of(db)
action_rows(db, chosen_plan(db, None).id, date({AS_OF.year}, {AS_OF.month}, {AS_OF.day}))
db.close()
"""


def _start(target: str) -> tuple[float, float, float]:
    """Milliseconds to open the database, to read the rights, to read the first view's rows."""
    began = time.perf_counter()
    db = Database.open(target)
    opened = time.perf_counter()
    rights_of(db)
    rights = time.perf_counter()
    action_rows(db, chosen_plan(db, None).id, AS_OF)
    read = time.perf_counter()
    db.close()
    return (opened - began) * 1000, (rights - opened) * 1000, (read - rights) * 1000


if __name__ == "__main__":
    main()
