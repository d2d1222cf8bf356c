"""Which revisions of the plans a Database's own writes made, so its window refreshes for a
colleague's change and not a second time for its own."""

from __future__ import annotations

import threading

from sqlalchemy import Connection, select, text

from actionplan.store.revision_triggers import BUMPED_SETTING
from actionplan.store.team_tables import PlanRevision

Revisions = dict[int, int]  # plan id → revision
_TABLE = PlanRevision.__table__  # type: ignore[attr-defined]


def revisions_seen(connection: Connection) -> Revisions:
    """Every plan's revision, as this connection sees it now."""
    rows = connection.execute(select(_TABLE.c.plan_id, _TABLE.c.revision)).all()
    return {int(plan_id): int(revision) for plan_id, revision in rows}


class OwnRevisions:
    """The revisions one Database's writes made, plan by plan, as spans (low, high]."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def add(self, spans: dict[int, list[tuple[int, int]]]) -> None:
        """Note the spans of revisions a committed write made."""
        with self._lock:
            for plan_id, made in spans.items():
                self._spans.setdefault(plan_id, []).extend(made)

    def covers(self, plan_id: int, after: int, upto: int) -> bool:
        """True when every revision of the plan after ``after`` up to ``upto`` was ours."""
        with self._lock:
            spans = sorted(self._spans.get(plan_id, []))
        reached = after
        for low, high in spans:
            if low > reached:
                break
            reached = max(reached, high)
        return reached >= upto

    def forget(self, plan_id: int, upto: int) -> None:
        """Drop what is known up to a revision already accounted for."""
        with self._lock:
            kept = [(max(low, upto), high) for low, high in self._spans.get(plan_id, [])]
            self._spans[plan_id] = [(low, high) for low, high in kept if high > low]


def before_writing(connection: Connection) -> Revisions | None:
    """What a write starting now must remember to tell its own revisions apart afterwards.

    On SQLite the write holds the whole file from its start, so the revisions read now and
    at its end bound exactly what it made; a server says so itself (``BUMPED_SETTING``)."""
    if connection.dialect.name == "sqlite":
        return revisions_seen(connection)
    return None


def made_by_writing(
    connection: Connection, before: Revisions | None
) -> dict[int, list[tuple[int, int]]]:
    """The revisions the write about to commit made, plan by plan."""
    if before is not None:
        after = revisions_seen(connection)
        return {
            plan_id: [(before.get(plan_id, 0), revision)]
            for plan_id, revision in after.items()
            if revision > before.get(plan_id, 0)
        }
    noted = connection.execute(text(f"SELECT current_setting('{BUMPED_SETTING}', true)"))
    made: dict[int, list[tuple[int, int]]] = {}
    for pair in (noted.scalar() or "").split():
        plan_id, revision = (int(part) for part in pair.split(":"))
        if revision > 0:
            made.setdefault(plan_id, []).append((revision - 1, revision))
    return made
