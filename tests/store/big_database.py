"""A real plan database large enough that copying or exporting it takes a moment."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.store.database import Database


def make_big_database(path: Path, updates: int = 60_000) -> Path:
    """A plan with one action carrying many long progress updates (about 1 kB each)."""
    db = Database.open(path)
    plan = create_plan(db, "Northbridge Priorities Action Plan 2025-26")
    priority = add_priority(db, plan.id, "Contextual Risk", champion="Ana Novak")
    action_id = add_action(db, priority, ActionDraft(text="Run a joint audit"))
    db.close()
    note = "Thirty-two schools signed up to the programme this quarter. " * 16
    rows = [(action_id, f"2025-01-{1 + i % 28:02d}", note) for i in range(updates)]
    with sqlite3.connect(path) as raw:
        raw.executemany(
            "INSERT INTO progress_update (action_id, update_date, author, text, rag, status,"
            " suggested_rag, reason, recorded_at, date_precision)"
            " VALUES (?, ?, 'Ana Novak', ?, 'amber', 'in_progress', '', '',"
            " '2025-01-31 00:00:00', 'day')",
            rows,
        )
    raw.close()
    return path


def damage(path: Path) -> Path:
    """The database with a run of pages in its middle overwritten, as a failing disk might."""
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096 * 4] = b"\x5a" * 4096 * 4
    path.write_bytes(bytes(data))
    return path
