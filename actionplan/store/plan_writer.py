"""Writing a whole plan (PlanData) as a new plan, in one fast transaction.

SQLAlchemy Core bulk inserts, many times faster than adding ORM objects one by one;
the whole plan is written or nothing is. Like every store module, its public function
takes the Database and opens its own session: here one write transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from actionplan.domain.plan_data import (
    ActionData,
    MeasureData,
    NarrativeData,
    PlanData,
    PriorityData,
)
from actionplan.domain.timescale import parse_timescale
from actionplan.store.activity_log import log_changes, whole_row
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.server_time import server_now
from actionplan.store.tables import (
    Action,
    ActionLead,
    Lead,
    Measure,
    MeasureComparator,
    MeasureReading,
    Narrative,
    Outcome,
    Plan,
    PlanSource,
    Priority,
    ProgressUpdate,
)
from actionplan.store.versions import USER_KEY

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_CHUNK = 2000


class WriteCancelled(Exception):
    """The caller's ``cancelled()`` turned true; the transaction was rolled back."""


@dataclass(frozen=True)
class SourceFile:
    """The workbook a plan came from, kept for writing back into its own layout."""

    filename: str
    content: bytes
    layout: str = ""
    mapping_json: str = "{}"


def _table(model: Any) -> Table:
    return model.__table__


def _insert_returning_ids(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    table = _table(model)
    if conn.dialect.name == "sqlite":
        return _insert_sqlite(conn, table, rows)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [row[0] for row in conn.execute(statement, rows)]


def _insert_sqlite(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert with one executemany and read the new ids back, in insertion order.

    SQLAlchemy can only keep RETURNING rows in order on SQLite by inserting one row at a
    time (about 4x slower for a big plan). The write transaction holds SQLite's lock
    (BEGIN IMMEDIATE), so nobody else inserts meanwhile, and each new rowid is the largest
    so far plus one: the ids above the old maximum are ours, in the order given.
    """
    before = conn.execute(select(func.max(table.c.id))).scalar() or 0
    conn.execute(insert(table), rows)
    query = select(table.c.id).where(table.c.id > before).order_by(table.c.id)
    ids = list(conn.execute(query).scalars())
    if len(ids) != len(rows):
        raise StoreError("The plan could not be saved: the database changed while saving.")
    return ids


def _insert(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 50_000):
        chunk = rows[start : start + 50_000]
        if chunk:
            conn.execute(insert(_table(model)), chunk)


class _PlanWriter:
    """Writes one PlanData through a connection, reporting progress by action."""

    def __init__(self, conn: Connection, progress: Progress | None, cancelled: Cancelled | None):
        self.conn = conn
        # One moment of the server's for the whole plan: its import, actions and updates.
        self.now = server_now(conn)
        self.progress = progress
        self.cancelled = cancelled
        self.lead_ids: dict[str, int] = {}
        self.done = 0
        self.total = 0

    def write(self, plan: PlanData, source: SourceFile | None) -> int:
        self.total = plan.action_count
        [plan_id] = _insert_returning_ids(self.conn, Plan, [self._plan_row(plan)])
        self._write_leads(plan_id, plan)
        priority_ids = _insert_returning_ids(
            self.conn,
            Priority,
            [self._priority_row(plan_id, p, i) for i, p in enumerate(plan.priorities)],
        )
        for priority, priority_id in zip(plan.priorities, priority_ids, strict=True):
            self._write_priority(plan_id, priority_id, priority)
        self._write_measures(plan_id, None, None, plan.measures)
        if source is not None:
            _insert(self.conn, PlanSource, [self._source_row(plan_id, source)])
        return plan_id

    def _plan_row(self, plan: PlanData) -> dict[str, Any]:
        return {
            "title": plan.title,
            "partnership": plan.partnership,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
            "period_raw": plan.period_raw,
            "prepared_by": plan.prepared_by,
            "marking": plan.marking,
            "created_at": self.now,
        }

    def _priority_row(self, plan_id: int, priority: PriorityData, position: int) -> dict[str, Any]:
        return {
            "plan_id": plan_id,
            "number": priority.number or str(position + 1),
            "title": priority.title,
            "aim": priority.aim,
            "champion": priority.champion,
            "position": position,
        }

    def _source_row(self, plan_id: int, source: SourceFile) -> dict[str, Any]:
        return {
            "plan_id": plan_id,
            "filename": source.filename,
            "layout": source.layout,
            "mapping_json": source.mapping_json,
            "content": source.content,
            "imported_at": self.now,
        }

    def _write_leads(self, plan_id: int, plan: PlanData) -> None:
        agencies: dict[str, tuple[str, str, str]] = {}
        for priority in plan.priorities:
            for action in priority.actions:
                for lead in action.leads:
                    key = lead.name.casefold()
                    name, agency, email = agencies.get(key, (lead.name, "", ""))
                    agencies[key] = (name, agency or lead.agency, email or lead.email)
        rows = [
            {"plan_id": plan_id, "name": n, "agency": a, "email": e}
            for n, a, e in agencies.values()
        ]
        ids = _insert_returning_ids(self.conn, Lead, rows)
        self.lead_ids = dict(zip(agencies, ids, strict=True))

    def _write_priority(self, plan_id: int, priority_id: int, priority: PriorityData) -> None:
        titles = list(
            dict.fromkeys(priority.outcomes + [a.outcome for a in priority.actions if a.outcome])
        )
        outcome_rows = [
            {"priority_id": priority_id, "title": title, "position": i}
            for i, title in enumerate(titles)
        ]
        outcome_ids = dict(
            zip(titles, _insert_returning_ids(self.conn, Outcome, outcome_rows), strict=True)
        )
        for start in range(0, len(priority.actions), _CHUNK):
            chunk = priority.actions[start : start + _CHUNK]
            self._write_actions(plan_id, priority_id, outcome_ids, chunk, start)
        self._write_measures(plan_id, priority_id, None, priority.measures)
        _insert(
            self.conn,
            Narrative,
            [{"priority_id": priority_id, **_narrative_words(n)} for n in priority.narratives],
        )

    def _write_actions(
        self,
        plan_id: int,
        priority_id: int,
        outcome_ids: dict[str, int],
        actions: list[ActionData],
        offset: int,
    ) -> None:
        if self.cancelled is not None and self.cancelled():
            raise WriteCancelled()
        rows = [
            self._action_row(plan_id, priority_id, outcome_ids, action, offset + i)
            for i, action in enumerate(actions)
        ]
        ids = _insert_returning_ids(self.conn, Action, rows)
        links: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for action, action_id in zip(actions, ids, strict=True):
            lead_ids = dict.fromkeys(self.lead_ids[lead.name.casefold()] for lead in action.leads)
            links.extend({"action_id": action_id, "lead_id": lead_id} for lead_id in lead_ids)
            updates.extend(self._update_rows(action_id, action))
            self._write_measures(plan_id, priority_id, action_id, action.measures)
        _insert(self.conn, ActionLead, links)
        _insert(self.conn, ProgressUpdate, updates)
        self.done += len(actions)
        if self.progress is not None:
            self.progress(self.done, self.total)

    def _action_row(
        self,
        plan_id: int,
        priority_id: int,
        outcome_ids: dict[str, int],
        action: ActionData,
        position: int,
    ) -> dict[str, Any]:
        timescale = parse_timescale(action.timescale_raw)
        return {
            "plan_id": plan_id,
            "priority_id": priority_id,
            "outcome_id": outcome_ids.get(action.outcome) if action.outcome else None,
            "ref": action.ref,
            "text": action.text,
            "timescale_raw": action.timescale_raw,
            "timescale_kind": timescale.kind.value,
            "start_date": timescale.start,
            "due_date": timescale.due,
            "status": action.status.value,
            "status_raw": action.status_raw,
            "rag": action.rag.value,
            "rag_raw": action.rag_raw,
            "how_we_know": action.how_we_know,
            "lead_raw": action.lead_raw,
            "position": position,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def _update_rows(self, action_id: int, action: ActionData) -> list[dict[str, Any]]:
        return [
            {
                "action_id": action_id,
                "update_date": update.update_date,
                "date_precision": update.precision.value,
                "author": update.author,
                "text": update.text,
                "rag": update.rag.value,
                "status": update.status.value,
                "suggested_rag": update.suggested_rag.value if update.suggested_rag else "",
                "reason": update.reason,
                "recorded_at": self.now,
            }
            for update in action.updates
        ]

    def _write_measures(
        self,
        plan_id: int,
        priority_id: int | None,
        action_id: int | None,
        measures: list[MeasureData],
    ) -> None:
        if not measures:
            return
        rows = [
            _measure_row(plan_id, priority_id, action_id, measure, i)
            for i, measure in enumerate(measures)
        ]
        ids = _insert_returning_ids(self.conn, Measure, rows)
        readings = [
            {"measure_id": measure_id, "position": i, **vars(reading)}
            for measure, measure_id in zip(measures, ids, strict=True)
            for i, reading in enumerate(measure.readings)
        ]
        _insert(self.conn, MeasureReading, readings)
        comparators = [
            {"measure_id": measure_id, "position": i, **vars(comparator)}
            for measure, measure_id in zip(measures, ids, strict=True)
            for i, comparator in enumerate(measure.comparators)
        ]
        _insert(self.conn, MeasureComparator, comparators)


def _measure_row(
    plan_id: int,
    priority_id: int | None,
    action_id: int | None,
    measure: MeasureData,
    position: int,
) -> dict[str, Any]:
    fields = {k: v for k, v in vars(measure).items() if k not in ("readings", "comparators")}
    return {
        "plan_id": plan_id,
        "priority_id": priority_id,
        "outcome_id": None,
        "action_id": action_id,
        "position": position,
        **fields,
    }


def write_plan(
    db: Database,
    plan: PlanData,
    source: SourceFile | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write a whole plan as a new plan in one transaction; returns its id.

    ``progress(done, total)`` is called as actions are written; when ``cancelled()``
    turns true the transaction is rolled back and WriteCancelled raised.
    """
    db.check_whole()  # a plan written into a damaged file could be lost with it
    with db.writing() as session:
        plan_id = _PlanWriter(session.connection(), progress, cancelled).write(plan, source)
        added = whole_row("plan", {"id": plan_id, "title": plan.title}, "added")
        log_changes(session.connection(), [added], str(session.info.get(USER_KEY, "")))
        return plan_id


def _narrative_words(narrative: NarrativeData) -> dict[str, object]:
    # A narrative written whole starts at its first version, whatever it was read at.
    return {k: v for k, v in vars(narrative).items() if k != "version"}
