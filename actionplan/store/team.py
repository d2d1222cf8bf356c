"""Moving a plan to a team's server and back: publish from a file, check out into a file.

Each copy runs in one transaction on the side written (the server for a publish, the
new file for a checkout): it lands whole or not at all. The file remembers the plan on
the server it is linked to and every row as last agreed (team_link, team_link_row), so
a later publish merges what changed offline instead of copying the plan again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import DatabaseError

from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.schema import metadata
from actionplan.store.team_merge import PlanCopier
from actionplan.store.team_parts import REGISTER, CopyResult, Key, Known
from actionplan.store.team_register import RegisterCopier

LINK = metadata.tables["team_link"]
LINK_ROWS = metadata.tables["team_link_row"]
PLANS = metadata.tables["plan"]


@dataclass(frozen=True)
class PlanCopied:
    """What one plan's publish or checkout did, in counts by table and sentences."""

    title: str
    merged: bool  # True: merged into the copy made earlier; False: copied anew
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what stayed behind, in sentences: no conflict


@dataclass(frozen=True)
class ServerPlan:
    """Which plan on a server a plan in a file is linked to."""

    server: str
    plan_id: int
    created: datetime


def publish_plans(source: Database, server: Database, plan_ids: list[int]) -> list[PlanCopied]:
    """Copy the file's plans to the server in one transaction there, merging each plan into
    the one it was checked out from or published to before, with the file's recommendations;
    then link the file to them. The recommendations' counts are told with the last plan."""
    try:
        done = _publish_in_one_go(source, server, plan_ids)
    except DatabaseError as exc:
        raise StoreError(_refused("published to", exc)) from None
    with source.writing() as session:
        for copied in done:
            _write_link(session.connection(), copied.plan_id, copied.where, copied.rows)
    return [_report(source, copied.plan_id, copied.result, copied.merged) for copied in done]


@dataclass
class _Published:
    """One plan published: what the copy did, and what the file will remember of it."""

    plan_id: int
    result: CopyResult
    merged: bool
    where: ServerPlan
    rows: dict[Key, Known]


def _publish_in_one_go(source: Database, server: Database, plan_ids: list[int]) -> list[_Published]:
    with source.reading() as reading, server.writing() as writing:
        here, there = reading.connection(), writing.connection()
        links = _links_there(here, there)
        copiers: list[tuple[int, PlanCopier]] = []
        for plan_id in plan_ids:
            if plan_id not in links:
                _refuse_title_taken(here, there, plan_id)
            own = {k: v for k, v in links.get(plan_id, {}).items() if k[0] != REGISTER.name}
            copier = PlanCopier(here, there, plan_id, own, server.user)
            copier.run()
            copiers.append((plan_id, copier))
        travelling: dict[Key, int] = {}
        for _plan_id, copier in copiers:
            travelling.update(copier.result.ids)
        crossing = {**_still_there(there, links, plan_ids), **travelling}
        for _plan_id, copier in copiers:
            copier.run_later(crossing)
        known = {k: v for rows in links.values() for k, v in rows.items() if k[0] == REGISTER.name}
        register = RegisterCopier(here, there, known, server.user, travelling, True).run()
        _fold(copiers[-1][1].result, register)
        done: list[_Published] = []
        for plan_id, copier in copiers:
            result = copier.result
            server_id = result.ids[("plan", plan_id)]
            created = there.execute(select(PLANS.c.created_at).where(PLANS.c.id == server_id))
            where = ServerPlan(server.shown, server_id, created.scalar_one())
            rows = {**result.known, **register.known}
            done.append(_Published(plan_id, result, plan_id in links, where, rows))
    return done


def _links_there(here: Connection, there: Connection) -> dict[int, dict[Key, Known]]:
    """What the file last agreed with the server about each of its plans linked to a plan
    still there, the plan linked last coming last (its recommendations' values win)."""
    linked = here.execute(select(LINK.c.plan_id).order_by(LINK.c.linked_at)).scalars()
    found = {plan_id: _known_there(here, there, plan_id) for plan_id in list(linked)}
    return {plan_id: known for plan_id, known in found.items() if known is not None}


def _still_there(
    there: Connection, links: dict[int, dict[Key, Known]], copied: list[int]
) -> dict[Key, int]:
    """The server's ids of the plans and actions of the file's other linked plans (not
    copied this time) that the server still holds: a link to them can be made."""
    found: dict[Key, int] = {}
    for plan_id, known in links.items():
        if plan_id in copied:
            continue
        for table in ("plan", "action"):
            rows = {key: k.target_id for key, k in known.items() if key[0] == table}
            ids = metadata.tables[table].c.id
            held = set(there.execute(select(ids).where(ids.in_(list(rows.values())))).scalars())
            found.update({key: target for key, target in rows.items() if target in held})
    return found


def _fold(result: CopyResult, register: CopyResult) -> None:
    """Tell what the copy of the recommendations did with what a plan's copy did."""
    result.added.update(register.added)
    result.updated.update(register.updated)
    result.removed.update(register.removed)
    result.conflicts.extend(register.conflicts)
    result.notes.extend(register.notes)


def _refused(verb: str, exc: DatabaseError) -> str:
    # The first line only: the lines after it can quote the rows' values.
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0].rstrip(".")
    return f"The plan could not be {verb} the database ({reason}); nothing was copied."


def checkout_plan(server: Database, plan_id: int, target: Database) -> PlanCopied:
    """Copy one plan from the server into an empty file in one transaction, linking it, with
    the recommendations its actions answer."""
    try:
        with server.reading() as reading, target.writing() as writing:
            there, here = reading.connection(), writing.connection()
            copier = PlanCopier(there, here, plan_id, {}, target.user)
            result = copier.run()
            copier.run_later(dict(result.ids))
            register = RegisterCopier(there, here, {}, target.user, dict(result.ids), False).run()
            _fold(result, register)
            created = there.execute(select(PLANS.c.created_at).where(PLANS.c.id == plan_id))
            where = ServerPlan(server.shown, plan_id, created.scalar_one())
            rows = {
                (table, known.target_id): Known(server_id, known.version, known.values)
                for (table, server_id), known in {**result.known, **register.known}.items()
            }
            _write_link(here, result.ids[("plan", plan_id)], where, rows)
            title = here.execute(select(PLANS.c.title)).scalar_one()
    except DatabaseError as exc:
        raise StoreError(_refused("copied into", exc)) from None
    return _summed(title, False, result)


def linked_plan(db: Database, where: ServerPlan) -> int | None:
    """The plan in this file linked to that plan on a server, or None."""
    query = select(LINK.c.plan_id).where(
        LINK.c.server_plan_id == where.plan_id, LINK.c.server_plan_created == where.created
    )
    with db.reading() as session:
        return session.connection().execute(query).scalar()


def server_plan(db: Database, plan_id: int) -> ServerPlan:
    """How a plan on this server is recognised in a file checked out from it."""
    with db.reading() as session:
        created = session.connection().execute(
            select(PLANS.c.created_at).where(PLANS.c.id == plan_id)
        )
        return ServerPlan(db.shown, plan_id, created.scalar_one())


def _known_there(here: Connection, there: Connection, plan_id: int) -> dict[Key, Known] | None:
    """What the file last agreed with the server about the plan, if the server still holds
    the very plan it is linked to; None for a plan new to the server."""
    link = here.execute(select(LINK).where(LINK.c.plan_id == plan_id)).first()
    if link is None:
        return None
    created = there.execute(
        select(PLANS.c.created_at).where(PLANS.c.id == link.server_plan_id)
    ).scalar()
    if created != link.server_plan_created:
        return None  # the plan there was removed (and its id perhaps reused): copy anew
    rows = here.execute(select(LINK_ROWS).where(LINK_ROWS.c.plan_id == plan_id))
    return {
        (row.table_name, row.row_id): Known(row.server_id, row.version, json.loads(row.values_json))
        for row in rows
    }


def _refuse_title_taken(here: Connection, there: Connection, plan_id: int) -> None:
    title = here.execute(select(PLANS.c.title).where(PLANS.c.id == plan_id)).scalar_one()
    titles = there.execute(select(PLANS.c.title)).scalars()
    if any(other.casefold() == title.casefold() for other in titles):
        raise StoreError(
            f"The server already has another plan called '{title}'; rename the plan in the "
            "file, then publish it (nothing was published)."
        )


def _write_link(
    connection: Connection, plan_id: int, where: ServerPlan, rows: dict[Key, Known]
) -> None:
    """Replace what this file remembers of the plan's link with the rows now agreed."""
    connection.execute(delete(LINK).where(LINK.c.plan_id == plan_id))
    connection.execute(
        insert(LINK).values(
            plan_id=plan_id,
            server=where.server,
            server_plan_id=where.plan_id,
            server_plan_created=where.created,
        )
    )
    values = [
        {
            "plan_id": plan_id,
            "table_name": table,
            "row_id": row_id,
            "server_id": known.target_id,
            "version": known.version,
            "values_json": json.dumps(known.values, ensure_ascii=False, sort_keys=True),
        }
        for (table, row_id), known in rows.items()
    ]
    if values:
        connection.execute(insert(LINK_ROWS), values)


def _report(db: Database, plan_id: int, result: CopyResult, merged: bool) -> PlanCopied:
    with db.reading() as session:
        title = (
            session.connection()
            .execute(select(PLANS.c.title).where(PLANS.c.id == plan_id))
            .scalar_one()
        )
    return _summed(title, merged, result)


def _summed(title: str, merged: bool, result: CopyResult) -> PlanCopied:
    return PlanCopied(
        title,
        merged,
        dict(result.added),
        dict(result.updated),
        dict(result.removed),
        tuple(result.conflicts),
        tuple(result.notes),
    )
