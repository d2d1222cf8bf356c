"""Copying one plan between two databases, merging into the copy made earlier if there is one.

The copier reads every row of the plan from the source, in the order of team_parts.PARTS,
and writes it to the target on the connection of the target's one transaction. A row the
target has never had is added, with its own id when that id is free there and a new one
otherwise (every row naming it is given the new id). A row the target already has (it
was copied before) is merged field by field against the values both sides agreed on last:
a field changed only in the source is written, with the row's version checked and bumped;
a field changed on both sides differently is a conflict, and the target keeps its value.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text, update

from actionplan.store.closed_plans import PlanClosed, closures
from actionplan.store.schema import metadata
from actionplan.store.sequences import move_sequences_past
from actionplan.store.server_time import utc_now
from actionplan.store.team_parts import (
    ADDED,
    BY_NAME,
    CARRIED,
    EXTRAS,
    LEAD_LINKS,
    PACK,
    PARTS,
    CopyResult,
    Key,
    Known,
    Part,
    action_leads,
    compared_fields,
    pack_settings,
    read_part,
)
from actionplan.store.team_removal import remove_what_went
from actionplan.store.team_sentences import (
    both_changed,
    closed_there,
    gone_there,
    left_behind,
    not_copied,
)
from actionplan.store.versions import update_row

# Ids asked about in one query: well under what either engine allows.
CHUNK = 5000


class PlanCopier:
    """Copies or merges one plan from a source connection into a target connection."""

    def __init__(
        self,
        source: Connection,
        target: Connection,
        plan_id: int,
        known: dict[Key, Known],
        user: str = "",
    ) -> None:
        self.source, self.target, self.plan_id = source, target, plan_id
        self.earlier = known
        self.user = user
        self.result = CopyResult()
        self._added_ids: dict[str, set[int]] = {}
        self._seen: set[Key] = set()
        self.crossing: dict[Key, int] = {}  # ids in the target of every plan copied
        self._behind: list[tuple[Part, dict[str, Any]]] = []  # rows naming a plan not copied
        self._skipped = False

    def run(self) -> CopyResult:
        """Copy every part of the plan but its links to other plans (``run_later`` copies
        those), then remove what was removed from the source. A plan closed on the target
        alone (a colleague closed it meanwhile) takes none of the source's changes."""
        self._reopen_first()
        if not self._closed_there_only():
            self._copy_own_parts()
            return self.result
        savepoint = self.target.begin_nested()
        try:
            self._copy_own_parts()
        except PlanClosed:
            changed = True
        else:
            changed = bool(self.result.added or self.result.updated or self.result.removed)
        if not changed:
            savepoint.commit()
            return self.result
        savepoint.rollback()
        self._skipped = True
        self.result = CopyResult(
            ids={key: known.target_id for key, known in self.earlier.items()},
            known=dict(self.earlier),
            conflicts=[closed_there(self._title())],
        )
        return self.result

    def run_later(self, crossing: dict[Key, int]) -> CopyResult:
        """Copy the plan's links to other plans, given every row's id in the target of all
        the plans copied (and already there); a link to a plan not copied is left empty."""
        if self._skipped:
            return self.result
        self.crossing = crossing
        for part in PARTS:
            if part.later:
                self._copy_part(part, read_part(self.source, part, self.plan_id))
        self.result.notes.extend(left_behind(self._title(), self._behind))
        later = frozenset(part.name for part in PARTS if part.later)
        remove_what_went(self.target, self.earlier, self._seen, self.result, later)
        return self.result

    def _copy_own_parts(self) -> None:
        source_leads = action_leads(self.source, self.plan_id)
        for part in PARTS:
            if part.later:
                continue
            rows = read_part(self.source, part, self.plan_id)
            if part.name == "action":
                for row in rows:
                    row[LEAD_LINKS] = source_leads.get(row["id"], [])
            if part.name == "plan":
                rows[0][PACK] = pack_settings(self.source, self.plan_id)
            self._copy_part(part, rows)
        own = frozenset(part.name for part in PARTS if not part.later)
        remove_what_went(self.target, self.earlier, self._seen, self.result, own)

    def _reopen_first(self) -> None:
        """A closure gone from the source (the plan reopened there) goes from the target
        before anything else, so the plan's rows can be merged into it."""
        part = BY_NAME["plan_closure"]
        gone = {key: known for key, known in self.earlier.items() if key[0] == part.name}
        if gone and not read_part(self.source, part, self.plan_id):
            remove_what_went(self.target, gone, set(), self.result)
            self._seen.update(gone)

    def _closed_there_only(self) -> bool:
        plan = self.earlier.get(("plan", self.plan_id))
        if plan is None or plan.target_id not in closures(self.target):
            return False
        return not read_part(self.source, BY_NAME["plan_closure"], self.plan_id)

    def _title(self) -> str:
        plans = metadata.tables["plan"]
        query = select(plans.c.title).where(plans.c.id == self.plan_id)
        return str(self.source.execute(query).scalar_one())

    # Mapping the source's ids to the target's.

    def _mapped(self, part: Part, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row with every id it names given as the target knows it; None when a row it
        must name is not in the target (removed there)."""
        mapped = dict(row)
        behind = False
        for column, table in part.links.items():
            value = row.get(column)
            if value is None:
                continue
            if column in part.across:
                mapped[column] = self.crossing.get((table, value))
                behind = behind or mapped[column] is None
                continue
            found = self.result.ids.get((table, value))
            if found is None:
                if part.table.c[column].foreign_keys:
                    return None
                continue  # a kept name of a row since removed (a return's lead): as it was
            mapped[column] = found
        if behind:
            self._behind.append((part, row))
        if LEAD_LINKS in row:
            leads = (self.result.ids.get(("lead", lead)) for lead in row[LEAD_LINKS])
            mapped[LEAD_LINKS] = sorted(lead for lead in leads if lead is not None)
        return mapped

    # Adding.

    def _copy_part(self, part: Part, rows: list[dict[str, Any]]) -> None:
        if part.kind == CARRIED:
            self._carry(part, rows)
            return
        fresh: list[tuple[int, dict[str, Any]]] = []
        merging: list[tuple[int, dict[str, Any]]] = []
        for row in rows:
            key = (part.name, row["id"])
            self._seen.add(key)
            mapped = self._mapped(part, row)
            if mapped is None:
                self.result.conflicts.append(not_copied(part, row))
            elif key in self.earlier:
                merging.append((row["id"], mapped))
            else:
                fresh.append((row["id"], mapped))
        self._add(part, fresh)
        if part.kind == ADDED:
            for source_id, _row in merging:
                self.result.ids[(part.name, source_id)] = self.earlier[
                    (part.name, source_id)
                ].target_id
                self.result.known[(part.name, source_id)] = self.earlier[(part.name, source_id)]
        else:
            self._merge(part, merging)

    def _add(self, part: Part, rows: list[tuple[int, dict[str, Any]]]) -> None:
        if not rows:
            return
        taken = self._taken(part, [source_id for source_id, _row in rows])
        kept = [(sid, row) for sid, row in rows if sid not in taken]
        moved = [(sid, row) for sid, row in rows if sid in taken]
        if kept:
            self.target.execute(insert(part.table), [_stored(row) for _sid, row in kept])
        move_sequences_past(self.target, [part.table])
        if moved:
            fresh = self._fresh_ids(part, len(moved))
            moved = [
                (sid, {**row, "id": new}) for (sid, row), new in zip(moved, fresh, strict=True)
            ]
            self.target.execute(insert(part.table), [_stored(row) for _sid, row in moved])
            move_sequences_past(self.target, [part.table])
        for source_id, row in [*kept, *moved]:
            self._note_added(part, source_id, row)
        links = [
            {"action_id": row["id"], "lead_id": lead}
            for _sid, row in [*kept, *moved]
            for lead in row.get(LEAD_LINKS, [])
        ]
        if links:  # a new action's leads, all in one go
            self.target.execute(insert(metadata.tables["action_lead"]), links)

    def _fresh_ids(self, part: Part, count: int) -> list[int]:
        """Ids no row has, taken from the server's sequence so no colleague's insert gets one
        of them; in a file, the ones after the largest."""
        table = part.table
        if self.target.dialect.name == "postgresql":
            query = text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            )
            return list(self.target.execute(query, {"table": table.name, "n": count}).scalars())
        largest = self.target.execute(select(func.max(table.c.id))).scalar() or 0
        return list(range(largest + 1, largest + 1 + count))

    def _note_added(self, part: Part, source_id: int, row: dict[str, Any]) -> None:
        key = (part.name, source_id)
        self.result.ids[key] = row["id"]
        self.result.known[key] = Known(row["id"], row.get("version") or 0, _agreed(part, row))
        self.result.added[part.name] += 1
        self._added_ids.setdefault(part.name, set()).add(source_id)
        if PACK in row:
            self._set_pack(row["id"], row[PACK])

    def _taken(self, part: Part, ids: list[int]) -> set[int]:
        column = part.table.c.id
        taken: set[int] = set()
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            taken.update(self.target.execute(select(column).where(column.in_(chunk))).scalars())
        return taken

    def _carry(self, part: Part, rows: list[dict[str, Any]]) -> None:
        assert part.parent is not None and part.via is not None
        new_parents = self._added_ids.get(part.parent, set())
        carried = [row for row in rows if row[part.via[0]] in new_parents]
        mapped = [self._mapped(part, row) for row in carried]
        ready = [row for row in mapped if row is not None]
        if ready:
            self.target.execute(insert(part.table), ready)
            self.result.added[part.name] += len(ready)

    # Merging rows copied before.

    def _merge(self, part: Part, rows: list[tuple[int, dict[str, Any]]]) -> None:
        theirs = self._target_rows(
            part, [self.earlier[(part.name, sid)].target_id for sid, _ in rows]
        )
        for source_id, row in rows:
            earlier = self.earlier[(part.name, source_id)]
            self._merge_row(part, source_id, row, earlier, theirs.get(earlier.target_id))

    def _target_rows(self, part: Part, ids: list[int]) -> dict[int, dict[str, Any]]:
        table = part.table
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), CHUNK):
            query = select(table).where(table.c.id.in_(ids[start : start + CHUNK]))
            for stored in self.target.execute(query.with_for_update()):
                found[stored.id] = dict(stored._mapping)
        if part.name == "action" and found:
            leads = self._target_leads(list(found))
            for action_id, values in found.items():
                values[LEAD_LINKS] = leads.get(action_id, [])
        if part.name == "plan":
            for plan_id, values in found.items():
                values[PACK] = pack_settings(self.target, plan_id)
        return found

    def _target_leads(self, action_ids: list[int]) -> dict[int, list[int]]:
        links = metadata.tables["action_lead"]
        found: dict[int, list[int]] = {}
        for start in range(0, len(action_ids), CHUNK):
            query = select(links.c.action_id, links.c.lead_id).where(
                links.c.action_id.in_(action_ids[start : start + CHUNK])
            )
            for action_id, lead_id in self.target.execute(query):
                found.setdefault(action_id, []).append(lead_id)
        return {action_id: sorted(leads) for action_id, leads in found.items()}

    def _merge_row(
        self,
        part: Part,
        source_id: int,
        row: dict[str, Any],
        earlier: Known,
        theirs: dict[str, Any] | None,
    ) -> None:
        key = (part.name, source_id)
        mine = compared_fields(row)
        changed = {name for name, value in mine.items() if value != earlier.values.get(name)}
        # A link to a plan not copied this time is no change: the target keeps its own.
        changed -= {name for name in part.across if mine.get(name) is None}
        if theirs is None:
            if changed:
                self.result.conflicts.append(gone_there(part, row))
                self.result.known[key] = earlier
            return
        self.result.ids[key] = earlier.target_id
        now = compared_fields(theirs)
        clash = {
            name
            for name in changed
            if now.get(name) != earlier.values.get(name) and now.get(name) != mine[name]
        }
        to_write = {name for name in changed - clash if now.get(name) != mine[name]}
        version = int(theirs.get("version") or 0)
        if to_write:
            version = self._write(part, earlier.target_id, theirs, row, to_write)
            self.result.updated[part.name] += 1
        if clash:
            self.result.conflicts.append(both_changed(part, theirs, sorted(clash)))
        agreed = dict(earlier.values)
        agreed.update({name: mine[name] for name in changed - clash})
        self.result.known[key] = Known(earlier.target_id, version, agreed)

    def _write(
        self, part: Part, row_id: int, theirs: dict[str, Any], row: dict[str, Any], names: set[str]
    ) -> int:
        values = {name: row[name] for name in names if name not in EXTRAS}
        if LEAD_LINKS in names:
            self._set_leads(row_id, row[LEAD_LINKS])
        if PACK in names:
            self._set_pack(row_id, row[PACK])
        if part.name == "action":
            values["revision"] = int(theirs.get("revision") or 0) + 1
            values["updated_at"] = utc_now()
        if part.versioned:
            seen = int(theirs["version"])
            return update_row(self.target, part.table, row_id, seen, values, self.user)
        if values:
            self.target.execute(update(part.table).where(part.table.c.id == row_id).values(values))
        return 0

    def _set_leads(self, action_id: int, leads: list[int]) -> None:
        links = metadata.tables["action_lead"]
        self.target.execute(delete(links).where(links.c.action_id == action_id))
        if leads:
            rows = [{"action_id": action_id, "lead_id": lead} for lead in leads]
            self.target.execute(insert(links), rows)

    def _set_pack(self, plan_id: int, settings: dict[str, Any] | None) -> None:
        table = metadata.tables["pack_settings"]
        self.target.execute(delete(table).where(table.c.plan_id == plan_id))
        if settings is not None:
            self.target.execute(insert(table).values({**settings, "plan_id": plan_id}))


def _stored(row: dict[str, Any]) -> dict[str, Any]:
    """The row's own columns, without the values compared alongside them."""
    return {key: value for key, value in row.items() if key not in EXTRAS}


def _agreed(part: Part, row: dict[str, Any]) -> dict[str, Any]:
    return compared_fields(row) if part.kind != ADDED else {}
