"""One simulated member of a team for benchmarks/team_load.py: a process of its own, with its
own login and connection, saving through the app's services for a set time while a listener
thread (as its window would have) notes when it hears of every plan revision.

A lead records progress on the actions they lead and, now and then, on someone else's (the
server refuses it: "not permitted"). A manager edits actions' words, now and then one that
the other managers are editing too (the later save is told of a conflict). A reader only
listens, and once in a while tries to record progress (refused too). Every save's words
carry a marker unique to the save, so the database can be checked for each one afterwards.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.conflicts import EditConflict
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.live_changes import LostTouch, latest_revision, listen
from actionplan.services.progress import record_progress
from actionplan.store.database import Database
from actionplan.store.refusals import NotPermitted

STRAY_SHARE = 0.1  # a lead's saves on someone else's action
SHARED_SHARE = 0.3  # a manager's edits of the few actions every manager edits
READER_TRY_SHARE = 0.05  # a reader's tries at recording progress, a turn
PROGRESS = "progress"
WORDS = "words"


@dataclass(frozen=True)
class Member:
    """Who the process plays and what it may reach for."""

    number: int
    role: str  # manager, lead or reader
    target: str  # the database URL with the member's own login
    plan_id: int
    own: list[int]  # a lead's actions
    others: list[int]  # actions someone else leads, or any action for a manager
    shared: list[int]  # the actions every manager edits now and then
    seconds: float
    think: float  # mean pause between two saves, seconds


@dataclass
class Outcome:
    """What one member did: every save acknowledged or refused, and what its listener heard."""

    number: int
    role: str
    acknowledged: list[tuple[str, int, str, float, int]] = field(default_factory=list)
    # (kind, action id, marker, time.time() of the acknowledgement, plan revision just after)
    conflicts: list[tuple[str, int, str]] = field(default_factory=list)
    not_permitted: list[tuple[str, int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    save_ms: list[float] = field(default_factory=list)  # acknowledged saves only
    heard: list[tuple[int, float]] = field(default_factory=list)  # (revision, time.time())
    lost_touch: int = 0


def run_member(member: Member, together: Callable[[], object]) -> Outcome:
    """Play the member until its time is up, starting when ``together`` returns (every member
    ready); what it did (run in a process of its own)."""
    outcome = Outcome(member.number, member.role)
    db = Database.open(member.target, user=f"member {member.number}")
    stop = threading.Event()
    ready = threading.Event()
    listener = threading.Thread(target=_listen, args=(db, member, outcome, stop, ready))
    listener.start()
    ready.wait(30)
    chance = random.Random(member.number)
    together()
    end = time.monotonic() + member.seconds
    turn = 0
    try:
        while time.monotonic() < end:
            turn += 1
            _one_save(db, member, outcome, chance, f"[m{member.number}t{turn}]")
            time.sleep(chance.expovariate(1 / member.think) if member.think > 0 else 0)
    finally:
        time.sleep(1.5)  # the last saves' announcements reach the listener
        stop.set()
        listener.join(10)
        db.close()
    return outcome


def _one_save(
    db: Database, member: Member, outcome: Outcome, chance: random.Random, marker: str
) -> None:
    if member.role == "reader":
        if chance.random() >= READER_TRY_SHARE:
            return
        kind, action_id = PROGRESS, chance.choice(member.others)
    elif member.role == "lead":
        stray = chance.random() < STRAY_SHARE or not member.own
        kind, action_id = PROGRESS, chance.choice(member.others if stray else member.own)
    else:
        shared = chance.random() < SHARED_SHARE
        kind, action_id = WORDS, chance.choice(member.shared if shared else member.others)
    start = time.perf_counter()
    try:
        if kind == PROGRESS:
            _record(db, action_id, marker)
        else:
            draft = action_draft(db, action_id)
            time.sleep(chance.uniform(0.05, 0.3))  # the manager typing
            start = time.perf_counter()
            edit_action(db, action_id, replace(draft, text=f"{draft.text[:60]} {marker}"))
    except EditConflict:
        outcome.conflicts.append((kind, action_id, marker))
        return
    except NotPermitted:
        outcome.not_permitted.append((kind, action_id, marker))
        return
    except Exception as exc:  # counted and reported: the benchmark must finish its run
        outcome.errors.append(f"{type(exc).__name__}: {exc}")
        return
    acknowledged = time.time()
    outcome.save_ms.append((time.perf_counter() - start) * 1000)
    revision = latest_revision(db, member.plan_id) or 0
    outcome.acknowledged.append((kind, action_id, marker, acknowledged, revision))


def _record(db: Database, action_id: int, marker: str) -> None:
    entry = ProgressEntry(
        action_id,
        date(2025, 3, 1),
        Rag.AMBER,
        Status.IN_PROGRESS,
        f"Partners met and agreed the next step {marker}",
        reason="Load benchmark",
    )
    record_progress(db, entry)


def _listen(
    db: Database,
    member: Member,
    outcome: Outcome,
    stop: threading.Event,
    ready: threading.Event,
) -> None:
    listener = listen(db, own_too=True)
    ready.set()
    try:
        while not stop.is_set():
            try:
                changes = listener.wait(0.2)
            except LostTouch:
                outcome.lost_touch += 1
                time.sleep(0.2)
                listener.reconnect()
                continue
            now = time.time()
            for change in changes:
                if change.plan_id == member.plan_id and change.revision is not None:
                    outcome.heard.append((change.revision, now))
    finally:
        listener.close()
