"""Rows removed offline since the last copy: removed on the server too, unless that would
take a colleague's work with them.

A row is removed only when the server's row is still as both sides last agreed, and no
row the file never knew of hangs from it (a progress update, a measure, a snapshot's
entry or a lead's link a colleague added meanwhile): removing it would remove those too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select

from actionplan.store.schema import metadata
from actionplan.store.team_parts import (
    ADDED,
    CARRIED,
    LEAD_LINKS,
    PACK,
    PARTS,
    CopyResult,
    Key,
    Known,
    Part,
    compared_fields,
    pack_settings,
)
from actionplan.store.team_sentences import kept_there

ORDER = {part.name: n for n, part in enumerate(PARTS)}
BY_NAME = {part.name: part for part in PARTS}


def remove_what_went(
    target: Connection,
    earlier: dict[Key, Known],
    seen: set[Key],
    result: CopyResult,
    only: frozenset[str] | None = None,
) -> None:
    """Remove from the target each row the source no longer has (of the tables named in
    ``only``, if given), the deepest first."""
    went = sorted(
        (key for key in earlier if key not in seen and (only is None or key[0] in only)),
        key=lambda key: -ORDER[key[0]],
    )
    known_ids: dict[str, set[int]] = {}
    for (table, _source_id), known in earlier.items():
        known_ids.setdefault(table, set()).add(known.target_id)
    for key in went:
        part = BY_NAME[key[0]]
        if part.kind != ADDED:  # only ever added: what was recorded stays recorded
            _remove(target, part, earlier[key], known_ids, result)


def _remove(
    target: Connection,
    part: Part,
    earlier: Known,
    known_ids: dict[str, set[int]],
    result: CopyResult,
) -> None:
    table = part.table
    found = target.execute(select(table).where(table.c.id == earlier.target_id).with_for_update())
    row = found.first()
    if row is None:
        return  # removed on both sides
    theirs = _with_extras(target, part, dict(row._mapping))
    if not _as_agreed(part, compared_fields(theirs), earlier.values) or _holds_unknown(
        target, part, earlier.target_id, known_ids
    ):
        result.conflicts.append(kept_there(part, theirs))
        return
    query = delete(table).where(table.c.id == earlier.target_id)
    if part.versioned:
        query = query.where(table.c.version == theirs["version"])
    target.execute(query)
    result.removed[part.name] += 1


def _as_agreed(part: Part, theirs: dict[str, Any], agreed: dict[str, Any]) -> bool:
    """True when the target's row is as last agreed; a link to another plan the source
    never had (that plan was not copied with it) is no change."""
    unknown = {name for name in part.across if agreed.get(name) is None}
    return {k: v for k, v in theirs.items() if k not in unknown} == {
        k: v for k, v in agreed.items() if k not in unknown
    }


def _with_extras(target: Connection, part: Part, row: dict[str, Any]) -> dict[str, Any]:
    if part.name == "action":
        links = metadata.tables["action_lead"]
        query = select(links.c.lead_id).where(links.c.action_id == row["id"])
        row[LEAD_LINKS] = sorted(target.execute(query).scalars())
    if part.name == "plan":
        row[PACK] = pack_settings(target, row["id"])
    return row


def _holds_unknown(
    target: Connection, part: Part, row_id: int, known_ids: dict[str, set[int]]
) -> bool:
    """True when a row the file never knew of hangs from this one on the server."""
    for child in PARTS:
        for column, named in child.links.items():
            if named != part.name or not child.table.c[column].foreign_keys:
                continue
            if column in child.across:
                continue  # a link from another plan is emptied, never takes its row with it
            rows = target.execute(select(child.table).where(child.table.c[column] == row_id))
            for found in rows:
                if not _is_known(child, found._mapping, known_ids):
                    return True
    if part.name == "lead":
        # An action's leads are compared with the action: a link still there is a
        # colleague's, since the file's own unlinking was merged before any removal.
        links = metadata.tables["action_lead"]
        query = select(links.c.action_id).where(links.c.lead_id == row_id).limit(1)
        return target.execute(query).first() is not None
    return False


def _is_known(child: Part, row: Any, known_ids: dict[str, set[int]]) -> bool:
    if child.kind == CARRIED:
        assert child.via is not None and child.parent is not None
        return row[child.via[0]] in known_ids.get(child.parent, set())
    return row["id"] in known_ids.get(child.name, set())
